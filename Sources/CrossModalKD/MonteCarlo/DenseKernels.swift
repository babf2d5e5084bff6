import CGSL

/// Kernels of the Monte Carlo hot path on raw row-major buffers of order p (element (i, j) at
/// `i * p + j`). `Matrix` serves the per-scenario set-up; these serve the per-trial work, where
/// allocation and bounds checks would cost more than the arithmetic. Callers own buffers of the
/// stated sizes; lower-triangular arguments are read on and below the diagonal only.
enum DenseKernels {
    /// x'y over n entries.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ n: Int) -> Double {
        var s = 0.0
        for i in 0..<n { s += x[i] * y[i] }
        return s
    }

    /// x <- L^-1 x for lower-triangular L.
    static func forwardSolve(_ l: UnsafePointer<Double>, _ x: UnsafeMutablePointer<Double>, order p: Int) {
        for i in 0..<p {
            let row = l + i * p
            x[i] = (x[i] - dot(row, x, i)) / row[i]
        }
    }

    /// x <- L'^-1 x for lower-triangular L (column-oriented: row i of L updates x[0..<i]).
    static func backSolveTransposed(_ l: UnsafePointer<Double>, _ x: UnsafeMutablePointer<Double>, order p: Int) {
        var i = p - 1
        while i >= 0 {
            let row = l + i * p
            let xi = x[i] / row[i]
            x[i] = xi
            for k in 0..<i { x[k] -= row[k] * xi }
            i -= 1
        }
    }

    /// y <- L x for lower-triangular L.
    static func lowerTimes(_ l: UnsafePointer<Double>, _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, order p: Int) {
        for i in 0..<p { y[i] = dot(l + i * p, x, i + 1) }
    }

    /// y <- C x for a symmetric C stored in full.
    static func symmetricTimes(_ c: UnsafePointer<Double>, _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, order p: Int) {
        for i in 0..<p { y[i] = dot(c + i * p, x, p) }
    }

    /// C <- A A' (stored in full) for lower-triangular A: C_ij = sum_{k <= min(i,j)} A_ik A_jk.
    static func lowerGram(_ a: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, order p: Int) {
        for i in 0..<p {
            for j in 0...i {
                let v = dot(a + i * p, a + j * p, j + 1)
                c[i * p + j] = v
                c[j * p + i] = v
            }
        }
    }

    /// Copies the lower triangle of C onto its upper triangle.
    static func mirrorLower(_ c: UnsafeMutablePointer<Double>, order p: Int) {
        for i in 0..<p { for j in 0..<i { c[j * p + i] = c[i * p + j] } }
    }

    /// Factorises the symmetric positive-definite C = L L' in place with GSL
    /// (`gsl_linalg_cholesky_decomp1`, which reads the lower triangle of C), leaving L in the lower
    /// triangle (and L' in the upper). Returns false when C is not numerically positive definite.
    static func cholesky(_ c: UnsafeMutablePointer<Double>, order p: Int) -> Bool {
        GSL.prepare()
        var view = gsl_matrix_view_array(c, p, p)
        guard gsl_linalg_cholesky_decomp1(&view.matrix) == 0 else { return false }
        for i in 0..<p where !(c[i * p + i] > 0 && c[i * p + i].isFinite) { return false }
        return true
    }

    /// x <- (L L')^-1 x given the Cholesky factor L.
    static func choleskySolve(_ l: UnsafePointer<Double>, _ x: UnsafeMutablePointer<Double>, order p: Int) {
        forwardSolve(l, x, order: p)
        backSolveTransposed(l, x, order: p)
    }

    /// Accumulates the scatter of `count` rows (1...4) of a design with `p` columns into the lower
    /// triangle of `c` (c += sum_r x_r x_r'), and the cross terms with `sources` noise values per
    /// row into `h` (h[s * p + i] += sum_r x_r[i] e_r[s]). Row r starts at `rows + r * stride`; its
    /// noise values at `noise + r * sources`. Four rows per pass quarter the traffic on `c`.
    static func accumulateScatter(rows: UnsafePointer<Double>, stride: Int, count: Int, columns p: Int,
                                  noise: UnsafePointer<Double>, sources: Int,
                                  into c: UnsafeMutablePointer<Double>, cross h: UnsafeMutablePointer<Double>) {
        if count == 4 {
            let x0 = rows, x1 = rows + stride, x2 = rows + 2 * stride, x3 = rows + 3 * stride
            for i in 0..<p {
                let a0 = x0[i], a1 = x1[i], a2 = x2[i], a3 = x3[i]
                let ci = c + i * p
                for j in 0...i { ci[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j] }
                for s in 0..<sources {
                    h[s * p + i] += a0 * noise[s] + a1 * noise[sources + s] + a2 * noise[2 * sources + s] + a3 * noise[3 * sources + s]
                }
            }
            return
        }
        for r in 0..<count {
            let x = rows + r * stride
            for i in 0..<p {
                let a = x[i]
                let ci = c + i * p
                for j in 0...i { ci[j] += a * x[j] }
                for s in 0..<sources { h[s * p + i] += a * noise[r * sources + s] }
            }
        }
    }
}

import CGSL
import CrossModalKD

/// The first k principal-component scores of a view computed independently of cchsim's
/// `PrincipalComponents`: columns standardised by a plain two-pass loop, then the full thin SVD
/// of the standardised matrix by GSL's Golub-Reinsch `gsl_linalg_SV_decomp` (no Gram matrix,
/// no OpenBLAS, no LAPACK). Signs as cchsim's: each loading vector's entry of largest magnitude
/// is positive. Also returns all singular values (largest first), for spectral gaps.
public enum ReferencePrincipalComponents {
    public static func scores(_ x: Matrix, components k: Int) -> (scores: Matrix, singularValues: [Double]) {
        let n = x.rows, p = x.cols
        var z = x
        for j in 0..<p {
            var mean = 0.0
            for i in 0..<n { mean += x[i, j] }
            mean /= Double(n)
            var ss = 0.0
            for i in 0..<n { ss += (x[i, j] - mean) * (x[i, j] - mean) }
            let sd = (ss / Double(n - 1)).squareRoot()
            for i in 0..<n { z[i, j] = (x[i, j] - mean) / sd }
        }
        // GSL needs rows >= columns: decompose Z when p <= n, else Z' (whose left singular
        // vectors are Z's loadings' partners swapped).
        let tall = p <= n
        var a = tall ? z : z.transposed
        let m = a.rows, w = a.cols
        var v = [Double](repeating: 0, count: w * w), s = [Double](repeating: 0, count: w), work = s
        a.elements.withUnsafeMutableBufferPointer { ap in
            v.withUnsafeMutableBufferPointer { vp in
                s.withUnsafeMutableBufferPointer { sp in
                    work.withUnsafeMutableBufferPointer { wp in
                        var am = gsl_matrix_view_array(ap.baseAddress, m, w)
                        var vm = gsl_matrix_view_array(vp.baseAddress, w, w)
                        var sv = gsl_vector_view_array(sp.baseAddress, w)
                        var wv = gsl_vector_view_array(wp.baseAddress, w)
                        _ = gsl_linalg_SV_decomp(&am.matrix, &vm.matrix, &sv.vector, &wv.vector)
                    }
                }
            }
        }
        // tall: Z = A S V' (A overwritten by the left vectors): loadings V, scores A S.
        // wide: Z' = A S V': loadings A, scores V S.
        let vm = Matrix(rows: w, cols: w, elements: v)
        var scores = Matrix(rows: n, cols: k)
        for c in 0..<k {
            var largest = 0, sign = 1.0
            for j in 0..<p {
                let loading = tall ? vm[j, c] : a[j, c]
                if abs(loading) > abs(tall ? vm[largest, c] : a[largest, c]) { largest = j }
            }
            if (tall ? vm[largest, c] : a[largest, c]) < 0 { sign = -1 }
            for i in 0..<n { scores[i, c] = sign * s[c] * (tall ? a[i, c] : vm[i, c]) }
        }
        return (scores, s)
    }
}

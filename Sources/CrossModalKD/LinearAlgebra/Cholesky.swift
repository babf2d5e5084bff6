import CGSL
import Foundation

/// The Cholesky factor L (lower triangular, Sigma = L L') of a symmetric positive-definite matrix,
/// computed by GSL (`gsl_linalg_cholesky_decomp1`). It is how cchsim decides positive
/// definiteness, solves linear systems, inverts and takes log-determinants.
public struct Cholesky: Sendable {
    /// The factor as GSL leaves it: L in the lower triangle (and L' mirrored in the upper).
    let packed: Matrix
    public var order: Int { packed.rows }

    /// Why a factorisation failed.
    public enum Failure: Error, Equatable, Sendable {
        /// The matrix is not square.
        case notSquare
        /// Some entry is NaN or infinite.
        case notFinite
        /// The matrix is not (numerically) positive definite.
        case notPositiveDefinite
    }

    /// Factorises `a` (symmetrised first) or throws `Failure`.
    public init(_ a: Matrix) throws(Failure) {
        guard a.isSquare else { throw .notSquare }
        guard a.elements.allSatisfy({ $0.isFinite }) else { throw .notFinite }
        GSL.prepare()
        var m = a.symmetrised
        let status = m.elements.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard m.rows > 0 else { return 0 }
            var view = gsl_matrix_view_array(buf.baseAddress, m.rows, m.cols)
            return gsl_linalg_cholesky_decomp1(&view.matrix)
        }
        guard status == 0 else { throw .notPositiveDefinite }
        for i in 0..<m.rows where !(m[i, i] > 0) || !m[i, i].isFinite { throw .notPositiveDefinite }
        packed = m
    }

    /// log det(Sigma) = 2 sum log L_ii.
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<order { s += 2 * log(packed[i, i]) }
        return s
    }

    /// The lower-triangular factor L with zeros above the diagonal.
    public var lower: Matrix {
        var l = packed
        for i in 0..<order { for j in (i + 1)..<max(order, i + 1) { l[i, j] = 0 } }
        return l
    }

    /// Sigma^-1 b.
    public func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == order, "Cholesky.solve shape mismatch")
        var x = b
        forwardSubstitute(&x)
        backSubstitute(&x)
        return x
    }

    /// Sigma^-1 B, column by column.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == order, "Cholesky.solve shape mismatch")
        var x = Matrix(rows: b.rows, cols: b.cols)
        for j in 0..<b.cols {
            let col = solve((0..<b.rows).map { b[$0, j] })
            for i in 0..<b.rows { x[i, j] = col[i] }
        }
        return x
    }

    /// Sigma^-1.
    public var inverse: Matrix { solve(Matrix.identity(order)) }

    /// x' Sigma^-1 x.
    public func inverseQuadratic(_ x: [Double]) -> Double {
        var y = x
        forwardSubstitute(&y)
        return Vec.dot(y, y)
    }

    /// L^-1 applied in place.
    private func forwardSubstitute(_ x: inout [Double]) {
        for i in 0..<order {
            var s = x[i]
            for k in 0..<i { s -= packed[i, k] * x[k] }
            x[i] = s / packed[i, i]
        }
    }

    /// L'^-1 applied in place.
    private func backSubstitute(_ x: inout [Double]) {
        for i in stride(from: order - 1, through: 0, by: -1) {
            var s = x[i]
            for k in (i + 1)..<max(order, i + 1) { s -= packed[k, i] * x[k] }
            x[i] = s / packed[i, i]
        }
    }
}

/// One-time GSL set-up shared by every entry point that calls GSL.
enum GSL {
    private static let once: Void = { cgsl_disable_abort_on_error() }()
    /// Switches off GSL's abort-on-error handler (idempotent, thread-safe).
    static func prepare() { _ = once }
}

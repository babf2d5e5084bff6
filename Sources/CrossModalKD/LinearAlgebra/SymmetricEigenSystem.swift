import CGSL

/// Eigenvalues and eigenvectors of a symmetric matrix, the one eigen wrapper of cchsim: the full
/// decomposition (GSL's `gsl_eigen_symmv`, sorted by decreasing eigenvalue), the eigenvalues alone
/// (`eigenvalues(of:)`, GSL's `gsl_eigen_symm`) and the leading pairs (LAPACK's `dsyevr`,
/// `init(_:leading:)`). Each eigenvector's sign is fixed so that its entry of largest magnitude is
/// positive, so the decomposition does not depend on the library's sign choice.
public struct SymmetricEigenSystem: Sendable {
    /// Eigenvalues, largest first.
    public let values: [Double]
    /// Eigenvectors as columns, in the order of `values` (orthonormal).
    public let vectors: Matrix

    /// Why GSL gave no decomposition.
    public enum Failure: Error, Equatable, Sendable {
        /// Some entry is NaN or infinite (GSL is not called).
        case notFinite
        /// GSL returned this error status (`gsl_errno.h`).
        case gsl(status: Int32)
    }

    /// The full decomposition of `a` (square; symmetrised first).
    /// - Throws: `Failure` for a non-finite entry or a GSL error status.
    public init(_ a: Matrix) throws(Failure) {
        let n = a.rows
        var eigenvalues = [Double](repeating: 0, count: n)
        var eigenvectors = [Double](repeating: 0, count: n * n)
        try Self.decompose(a, into: &eigenvalues) { am, ev in
            eigenvectors.withUnsafeMutableBufferPointer { ep in
                var em = gsl_matrix_view_array(ep.baseAddress, n, n)
                let work = gsl_eigen_symmv_alloc(n)
                defer { gsl_eigen_symmv_free(work) }
                let status = gsl_eigen_symmv(am, ev, &em.matrix, work)
                guard status == GSL_SUCCESS else { return status }
                return gsl_eigen_symmv_sort(ev, &em.matrix, GSL_EIGEN_SORT_VAL_DESC)
            }
        }
        values = eigenvalues
        vectors = Self.signFixed(Matrix(rows: n, cols: n, elements: eigenvectors))
    }

    /// The eigenvalues of `a` (square; symmetrised first) in GSL's order (unsorted), without the
    /// eigenvectors.
    /// - Throws: `Failure` for a non-finite entry or a GSL error status.
    public static func eigenvalues(of a: Matrix) throws(Failure) -> [Double] {
        var values = [Double](repeating: 0, count: a.rows)
        try decompose(a, into: &values) { am, ev in
            let work = gsl_eigen_symm_alloc(a.rows)
            defer { gsl_eigen_symm_free(work) }
            return gsl_eigen_symm(am, ev, work)
        }
        return values
    }

    /// Runs `gsl` on GSL views of `a`'s symmetrised entries and of `values` (n of them), checking
    /// the entries first and the status `gsl` returns after. An empty matrix calls nothing.
    private static func decompose(_ a: Matrix, into values: inout [Double],
                                  _ gsl: (UnsafeMutablePointer<gsl_matrix>, UnsafeMutablePointer<gsl_vector>) -> Int32) throws(Failure) {
        precondition(a.isSquare, "eigen-decomposition of a non-square matrix")
        guard a.elements.allSatisfy({ $0.isFinite }) else { throw .notFinite }
        let n = a.rows
        guard n > 0 else { return }
        GSL.prepare()
        var entries = a.symmetrised.elements
        let status = entries.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { vp in
                var am = gsl_matrix_view_array(ap.baseAddress, n, n)
                var ev = gsl_vector_view_array(vp.baseAddress, n)
                return gsl(&am.matrix, &ev.vector)
            }
        }
        guard status == GSL_SUCCESS else { throw .gsl(status: status) }
    }

    init(values: [Double], vectors: Matrix) {
        self.values = values
        self.vectors = vectors
    }

    /// The columns of `v`, each negated when its entry of largest magnitude (the first such) is negative.
    static func signFixed(_ v: Matrix) -> Matrix {
        var v = v
        for (j, sign) in canonicalSigns(v).enumerated() where sign < 0 { for i in 0..<v.rows { v[i, j] = -v[i, j] } }
        return v
    }

    /// Per column of `v`: -1 when its entry of largest magnitude (the first such) is negative, else 1.
    static func canonicalSigns(_ v: Matrix) -> [Double] {
        (0..<v.cols).map { j in
            var largest = 0
            for i in 0..<v.rows where abs(v[i, j]) > abs(v[largest, j]) { largest = i }
            return v[largest, j] < 0 ? -1 : 1
        }
    }
}

import CGSL

/// Eigenvalues and eigenvectors of a symmetric matrix (GSL's `gsl_eigen_symmv`), sorted by
/// decreasing eigenvalue. Each eigenvector's sign is fixed so that its entry of largest magnitude
/// is positive, so the decomposition does not depend on the library's sign choice.
public struct SymmetricEigenSystem: Sendable {
    /// Eigenvalues, largest first.
    public let values: [Double]
    /// Eigenvectors as columns, in the order of `values` (orthonormal).
    public let vectors: Matrix

    public init(_ a: Matrix) {
        precondition(a.isSquare, "eigen-decomposition of a non-square matrix")
        let n = a.rows
        guard n > 0 else {
            values = []
            vectors = Matrix(rows: 0, cols: 0)
            return
        }
        GSL.prepare()
        var entries = a.symmetrised.elements
        var eigenvalues = [Double](repeating: 0, count: n)
        var eigenvectors = [Double](repeating: 0, count: n * n)
        entries.withUnsafeMutableBufferPointer { ap in
            eigenvalues.withUnsafeMutableBufferPointer { vp in
                eigenvectors.withUnsafeMutableBufferPointer { ep in
                    var am = gsl_matrix_view_array(ap.baseAddress, n, n)
                    var ev = gsl_vector_view_array(vp.baseAddress, n)
                    var em = gsl_matrix_view_array(ep.baseAddress, n, n)
                    let work = gsl_eigen_symmv_alloc(n)
                    _ = gsl_eigen_symmv(&am.matrix, &ev.vector, &em.matrix, work)
                    gsl_eigen_symmv_free(work)
                    _ = gsl_eigen_symmv_sort(&ev.vector, &em.matrix, GSL_EIGEN_SORT_VAL_DESC)
                }
            }
        }
        values = eigenvalues
        vectors = Self.signFixed(Matrix(rows: n, cols: n, elements: eigenvectors))
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

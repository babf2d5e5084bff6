import CGSL

extension Matrix {
    /// Eigenvalues of a symmetric matrix (unordered), by GSL's `gsl_eigen_symm`.
    public var symmetricEigenvalues: [Double] {
        precondition(isSquare, "eigenvalues of a non-square matrix")
        guard rows > 0 else { return [] }
        GSL.prepare()
        var a = symmetrised.elements
        var values = [Double](repeating: 0, count: rows)
        let n = rows
        a.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { vp in
                var am = gsl_matrix_view_array(ap.baseAddress, n, n)
                var ev = gsl_vector_view_array(vp.baseAddress, n)
                let work = gsl_eigen_symm_alloc(n)
                _ = gsl_eigen_symm(&am.matrix, &ev.vector, work)
                gsl_eigen_symm_free(work)
            }
        }
        return values
    }
}

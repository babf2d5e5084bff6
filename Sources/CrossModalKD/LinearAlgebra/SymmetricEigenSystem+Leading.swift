import COpenBLAS

extension SymmetricEigenSystem {
    /// The `k` largest eigenvalues of a symmetric n x n matrix and their eigenvectors (n x k),
    /// largest first, by LAPACK's `dsyevr` (Householder tridiagonalisation, then the MRRR
    /// algorithm for the wanted pairs only): about (4/3) n^3 flops against GSL's full
    /// decomposition's several times that, which matters for the n x n Gram matrix of a wide view.
    /// Signs as in `init(_:)`: each eigenvector's entry of largest magnitude is positive.
    /// - Returns: nil when LAPACK reports a failure (non-finite entries).
    init?(_ a: Matrix, leading k: Int) {
        precondition(a.isSquare && (1...a.rows).contains(k), "leading eigenpairs: non-square matrix or k out of range")
        OpenBLAS.prepare()
        let n = a.rows
        var entries = a.symmetrised.elements
        var found: Int32 = 0
        var ascending = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n * k)
        var support = [Int32](repeating: 0, count: 2 * k)
        // Row-major layout; eigenpairs il...iu in ascending order of the eigenvalue.
        let info = LAPACKE_dsyevr(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "I")), CChar(UInt8(ascii: "L")),
                                  Int32(n), &entries, Int32(n), 0, 0, Int32(n - k + 1), Int32(n),
                                  0, &found, &ascending, &z, Int32(k), &support)
        guard info == 0, found == k else { return nil }
        var vectors = Matrix(rows: n, cols: k)
        for i in 0..<n { for c in 0..<k { vectors[i, c] = z[i * k + (k - 1 - c)] } }
        self.init(values: ascending.prefix(k).reversed(), vectors: Self.signFixed(vectors))
    }
}

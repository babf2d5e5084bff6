/// The representation of one view: every column standardised (centred, unit sample variance),
/// then projected on the leading principal components of the standardised columns (the
/// eigenvectors of their correlation matrix).
///
/// Label-free and fitted on all rows (THEORY notes, docs/real-data.md): the representation is a
/// fixed, unsupervised preprocessing of the view, the same for every split of the KD experiment.
/// Any invertible linear map of the k scores leaves the mutual informations unchanged, so the
/// information estimates depend only on the k-dimensional subspace.
///
/// Size: with Z the standardised n x p view, the leading k components are those of its economy
/// SVD Z = U S V'. They are computed from the smaller of the two Gram matrices (`Method`), never
/// from a p x p matrix when p > n: O(n p min(n, p)) time for the Gram product (OpenBLAS) plus
/// O(min(n, p)^3) for its leading eigenpairs (LAPACK), O(n p + min(n, p)^2) memory (the view,
/// standardised in place, and the Gram matrix; plus p x k loadings for `rowGram`).
/// Signs: each component's loading vector (a column of V) has its entry of largest magnitude
/// positive, whichever method computed it, so the scores do not depend on the method.
public struct PrincipalComponents: Sendable {
    /// How the leading eigenvectors were computed.
    public enum Method: String, Sendable, CaseIterable {
        /// The p x p correlation matrix Z'Z / (n - 1) (used when p <= n): its leading
        /// eigenvectors are the loadings V, the scores Z V.
        case correlation
        /// The n x n Gram matrix Z Z' of the standardised rows (used when p > n): its leading
        /// eigenvectors U and eigenvalues mu give the scores U sqrt(mu) and the loadings
        /// V = Z' U / sqrt(mu) (the same subspace as `correlation`, whose eigenvalues are mu / (n - 1)).
        case rowGram = "row-gram"

        /// The method for an n x p view: the smaller Gram matrix.
        public static func forShape(rows n: Int, columns p: Int) -> Method { p <= n ? .correlation : .rowGram }
    }

    /// Number of components kept: min(k, the view's width, its rows).
    public let components: Int
    /// Fraction of the standardised view's total variance (its width) the kept components carry.
    public let explainedFraction: Double
    /// Component scores, rows x components (each column has mean 0; variance = its eigenvalue).
    public let scores: Matrix
    /// The decomposition that computed the components.
    public let method: Method

    /// The first `k` >= 1 components of `data` (rows x columns, at least 2 rows, no constant column).
    /// `data` is consumed: passed as its last use, it is standardised in place, without a copy.
    /// - Throws: `SampleError` for a constant column, too few rows or a failed decomposition,
    ///   `ParameterError` for k < 1.
    public init(_ data: consuming Matrix, components k: Int) throws {
        let method = Method.forShape(rows: data.rows, columns: data.cols)
        try self.init(data, components: k, method: method)
    }

    /// The components by a given method (tests compare the methods on one data set).
    init(_ data: consuming Matrix, components k: Int, method: Method) throws {
        let n = data.rows, p = data.cols
        guard k >= 1 else { throw ParameterError.invalid(parameter: .components, reason: "must be at least 1, got \(k)") }
        guard n >= 2, p >= 1 else { throw SampleError("view", "needs at least 2 rows and 1 column, got \(n) x \(p)") }
        var z = data
        try Self.standardise(&z)
        let kept = min(k, p, n)
        let scale = 1 / Double(n - 1)
        var scores = Matrix(rows: n, cols: kept)
        let variances: [Double]
        switch method {
        case .correlation:
            guard let eigen = SymmetricEigenSystem(scale * z.columnGram, leading: kept) else {
                throw SampleError("view", "the eigen-decomposition of the correlation matrix failed (non-finite entries?)")
            }
            scores.elements.withUnsafeMutableBufferPointer { sp in
                z.elements.withUnsafeBufferPointer { zp in
                    eigen.vectors.elements.withUnsafeBufferPointer { vp in
                        for i in 0..<n {
                            for j in 0..<p {
                                let x = zp[i * p + j]
                                for c in 0..<kept { sp[i * kept + c] += x * vp[j * kept + c] }
                            }
                        }
                    }
                }
            }
            variances = eigen.values
        case .rowGram:
            guard let eigen = SymmetricEigenSystem(z.rowGram, leading: kept) else {
                throw SampleError("view", "the eigen-decomposition of the rows' Gram matrix failed (non-finite entries?)")
            }
            let singular = eigen.values.map { max($0, 0).squareRoot() }
            // The loadings' signs: V = Z' U / s, each column made to have its largest entry positive.
            let signs = SymmetricEigenSystem.canonicalSigns(z.transposedTimes(eigen.vectors))
            for i in 0..<n { for c in 0..<kept { scores[i, c] = signs[c] * singular[c] * eigen.vectors[i, c] } }
            variances = eigen.values.map { max($0, 0) * scale }
        }
        components = kept
        explainedFraction = variances.reduce(0, +) / Double(p)
        self.scores = scores
        self.method = method
    }

    /// Centres every column of `z` and scales it to unit sample variance, in place, in row order
    /// (the sums run over the rows, cache-friendly for a row-major wide view).
    /// - Throws: `SampleError` naming the first constant (or non-finite) column.
    private static func standardise(_ z: inout Matrix) throws {
        let n = z.rows, p = z.cols
        var mean = [Double](repeating: 0, count: p), ss = mean
        z.elements.withUnsafeBufferPointer { zp in
            for i in 0..<n { for j in 0..<p { mean[j] += zp[i * p + j] } }
            for j in 0..<p { mean[j] /= Double(n) }
            for i in 0..<n { for j in 0..<p { let x = zp[i * p + j] - mean[j]; ss[j] += x * x } }
        }
        var sd = ss
        for j in 0..<p {
            sd[j] = (ss[j] / Double(n - 1)).squareRoot()
            guard sd[j] > 0, sd[j].isFinite else {
                throw SampleError("view", "column \(j + 1) is constant; drop it before the principal components")
            }
        }
        z.elements.withUnsafeMutableBufferPointer { zp in
            for i in 0..<n { for j in 0..<p { zp[i * p + j] = (zp[i * p + j] - mean[j]) / sd[j] } }
        }
    }
}

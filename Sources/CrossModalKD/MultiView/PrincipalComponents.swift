/// The representation of one view: every column standardised (centred, unit sample variance),
/// then projected on the leading principal components of the standardised columns (the
/// eigenvectors of their correlation matrix).
///
/// Label-free and fitted on all rows (THEORY notes, docs/real-data.md): the representation is a
/// fixed, unsupervised preprocessing of the view, the same for every split of the KD experiment.
/// Any invertible linear map of the k scores leaves the mutual informations unchanged, so the
/// information estimates depend only on the k-dimensional subspace.
public struct PrincipalComponents: Sendable {
    /// Number of components kept: min(k, the view's width).
    public let components: Int
    /// Fraction of the standardised view's total variance (its width) the kept components carry.
    public let explainedFraction: Double
    /// Component scores, rows x components (each column has mean 0; variance = its eigenvalue).
    public let scores: Matrix

    /// The first `k` >= 1 components of `data` (rows x columns, at least 2 rows, no constant column).
    /// - Throws: `SampleError` for a constant column or too few rows, `ParameterError` for k < 1.
    public init(_ data: Matrix, components k: Int) throws {
        let n = data.rows, p = data.cols
        guard k >= 1 else { throw ParameterError.invalid(parameter: .components, reason: "must be at least 1, got \(k)") }
        guard n >= 2, p >= 1 else { throw SampleError("view", "needs at least 2 rows and 1 column, got \(n) x \(p)") }
        var z = data
        for j in 0..<p {
            var mean = 0.0
            for i in 0..<n { mean += data[i, j] }
            mean /= Double(n)
            var ss = 0.0
            for i in 0..<n { let x = data[i, j] - mean; ss += x * x }
            let sd = (ss / Double(n - 1)).squareRoot()
            guard sd > 0, sd.isFinite else {
                throw SampleError("view", "column \(j + 1) is constant; drop it before the principal components")
            }
            for i in 0..<n { z[i, j] = (data[i, j] - mean) / sd }
        }
        let correlation = (1 / Double(n - 1)) * Self.gram(z)
        let eigen = SymmetricEigenSystem(correlation)
        let kept = min(k, p)
        var scores = Matrix(rows: n, cols: kept)
        for i in 0..<n {
            for c in 0..<kept {
                var s = 0.0
                for j in 0..<p { s += z[i, j] * eigen.vectors[j, c] }
                scores[i, c] = s
            }
        }
        components = kept
        explainedFraction = eigen.values.prefix(kept).reduce(0, +) / Double(p)
        self.scores = scores
    }

    /// Z'Z for a rows x p matrix.
    static func gram(_ z: Matrix) -> Matrix {
        let n = z.rows, p = z.cols
        var g = Matrix(rows: p, cols: p)
        z.elements.withUnsafeBufferPointer { zp in
            g.elements.withUnsafeMutableBufferPointer { gp in
                for i in 0..<n {
                    let row = i * p
                    for a in 0..<p {
                        let x = zp[row + a]
                        if x == 0 { continue }
                        for b in 0...a { gp[a * p + b] += x * zp[row + b] }
                    }
                }
            }
        }
        for a in 0..<p { for b in 0..<a { g[b, a] = g[a, b] } }
        return g
    }
}

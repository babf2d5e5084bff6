import Foundation

/// The Gaussian family of estimators (`MIEstimatorKind.gaussian`), in nats.
///
/// I(A;B), and I(S;Y) for a continuous label: the Gaussian plug-in with the finite-sample bias
/// correction, I(A;B) = 1/2 ( L_A + L_B - L_AB ) where each L is an unbiased estimate of
/// ln det Sigma of the block for Gaussian data.
/// With W the scatter matrix of N rows about their mean, W ~ Wishart_d(N - 1, Sigma) and
///     E ln det W = ln det Sigma + d ln 2 + sum_{i=1..d} psi((N - i) / 2),
/// so L = ln det W - d ln 2 - sum_{i=1..d} psi((N - i) / 2) is unbiased (Misra, Singh and Demchuk,
/// J. Multivariate Anal. 2005), and so is the MI estimate built from the three L. The naive
/// plug-in (sample covariances in the closed form) overestimates I by about dA dB / (2N).
/// Unbiasedness means an estimate can be slightly negative when I is near 0: it is not clamped.
/// Exact for Gaussian data; for other data it measures the Gaussian (linear) part of the dependence.
///
/// I(S;Y) for a coded class label: the class-conditional Gaussian posterior
/// (`classPosteriorInformation`). An uncoded discrete label (a model scenario's C = sign(Y)) is
/// not handled.
public struct GaussianEstimator: InformationEstimator {
    public init() {}

    public var kind: MIEstimatorKind { .gaussian }

    /// Bias-corrected I(A;B) for two disjoint, non-empty column sets. Needs N > dA + dB rows
    /// (so that the scatter matrix is non-singular and every psi argument positive).
    public func mutualInformation(_ rows: SampleRows, _ a: [Int], _ b: [Int], parallel: Bool = true) throws(EstimationError) -> Double {
        let n = rows.count, d = a.count + b.count
        guard n > d else { throw .tooFewSamples(estimator: "Gaussian plug-in", rows: n, needed: d + 1) }
        let scatter = Self.scatterMatrix(rows, a + b)
        let ia = Array(0..<a.count), ib = Array(a.count..<d)
        let la = try Self.unbiasedLogDet(scatter.principal(ia), n: n, block: "the columns \(a)")
        let lb = try Self.unbiasedLogDet(scatter.principal(ib), n: n, block: "the columns \(b)")
        let lab = try Self.unbiasedLogDet(scatter, n: n, block: "the columns \(a + b)")
        return 0.5 * (la + lb - lab)
    }

    public func handles(_ label: SampleLabel.Kind) -> Bool { label != .classes }

    public func labelInformation(_ rows: SampleRows, _ a: [Int], _ label: SampleLabel, parallel: Bool = true) throws(EstimationError) -> Double? {
        switch label {
        case .continuous(let y): try mutualInformation(rows, a, [y], parallel: parallel)
        case .classes(_, nil): nil
        case .classes(_, let codes?): try Self.classPosteriorInformation(rows, a, codes)
        }
    }

    /// The Gaussian class-conditional estimate of I(A;Y) for class codes `codes`: fit class
    /// means, one pooled covariance and the class frequencies on `rows` (linear discriminant
    /// analysis), then I = H(Y) - mean_i H(p(. | a_i)) with p(y | a) the fitted posterior. In
    /// [0, H(Y)], unlike the Gaussian log-det formula 1/2 ln det Cov(S) - 1/2 ln det(pooled
    /// within-class Cov), which is not a mutual information for a class label and exceeds ln K on
    /// real data (docs/real-data.md).
    /// - Throws: `classModel` when the pooled covariance is singular (fewer rows than classes +
    ///   dimensions).
    static func classPosteriorInformation(_ sample: SampleRows, _ columns: [Int], _ codes: ClassCodes) throws(EstimationError) -> Double {
        let scores = sample.data, labels = codes.labels, classes = codes.count, rows = sample.indices
        let d = columns.count, n = rows.count
        var counts = [Int](repeating: 0, count: classes)
        var means = Matrix(rows: classes, cols: d)
        for r in rows {
            counts[labels[r]] += 1
            for j in 0..<d { means[labels[r], j] += scores[r, columns[j]] }
        }
        for c in 0..<classes where counts[c] > 0 { for j in 0..<d { means[c, j] /= Double(counts[c]) } }
        let present = (0..<classes).filter { counts[$0] > 0 }
        guard n > present.count + d else {
            throw .classModel(reason: "needs more than \(present.count + d) rows, got \(n)")
        }
        var pooled = Matrix(rows: d, cols: d)
        var x = [Double](repeating: 0, count: d)
        for r in rows {
            for j in 0..<d { x[j] = scores[r, columns[j]] - means[labels[r], j] }
            for a in 0..<d { for b in 0...a { pooled[a, b] += x[a] * x[b] } }
        }
        for a in 0..<d { for b in 0...a { let v = pooled[a, b] / Double(n - present.count); pooled[a, b] = v; pooled[b, a] = v } }
        let factor: Cholesky
        do { factor = try Cholesky(pooled) } catch {
            throw .classModel(reason: "the pooled within-class covariance is singular")
        }
        // Discriminant of class c: mu_c' P s - mu_c' P mu_c / 2 + ln pi_c, P = pooled^-1.
        var directions: [[Double]] = [], offsets: [Double] = []
        for c in present {
            let mu = (0..<d).map { means[c, $0] }
            let a = factor.solve(mu)
            directions.append(a)
            offsets.append(-0.5 * Vec.dot(mu, a) + log(Double(counts[c]) / Double(n)))
        }
        var meanEntropy = 0.0
        var z = [Double](repeating: 0, count: present.count), p = z
        for r in rows {
            for j in 0..<d { x[j] = scores[r, columns[j]] }
            for (m, a) in directions.enumerated() { z[m] = Vec.dot(a, x) + offsets[m] }
            SoftmaxKD.softmax(z, into: &p)
            for v in p where v > 0 { meanEntropy -= v * log(v) }
        }
        return ClassLabelInformation.labelEntropy(labels, classes: classes, rows: rows) - meanEntropy / Double(n)
    }

    /// ln det W - d ln 2 - sum_{i=1..d} psi((n - i) / 2) for a d x d scatter matrix of n rows.
    static func unbiasedLogDet(_ w: Matrix, n: Int, block: String) throws(EstimationError) -> Double {
        let logDet: Double
        do { logDet = try Cholesky(w).logDeterminant } catch { throw .singularCovariance(block: block) }
        var correction = Double(w.rows) * log(2.0)
        for i in 1...w.rows { correction += Digamma.of(Double(n - i) / 2) }
        return logDet - correction
    }

    /// Sum over the used rows of (x - mean)(x - mean)' on the given columns, each column first
    /// scaled by the power of two `SampleRows.binaryScale` (exact; the information is invariant
    /// to it), so that data near the largest doubles do not overflow.
    static func scatterMatrix(_ rows: SampleRows, _ columns: [Int]) -> Matrix {
        let d = columns.count, n = Double(rows.count)
        let scale = columns.map { rows.binaryScale(of: $0) }
        var mean = [Double](repeating: 0, count: d)
        for i in rows.indices { for (j, c) in columns.enumerated() { mean[j] += rows.data[i, c] * scale[j] } }
        mean = mean.map { $0 / n }
        var w = Matrix(rows: d, cols: d)
        var x = [Double](repeating: 0, count: d)
        for i in rows.indices {
            for (j, c) in columns.enumerated() { x[j] = rows.data[i, c] * scale[j] - mean[j] }
            for p in 0..<d { for q in 0...p { w[p, q] += x[p] * x[q] } }
        }
        for p in 0..<d { for q in 0..<p { w[q, p] = w[p, q] } }
        return w
    }
}

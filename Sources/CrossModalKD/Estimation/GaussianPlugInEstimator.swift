import Foundation

/// The Gaussian plug-in estimator of mutual information with the finite-sample bias correction,
/// in nats: I(A;B) = 1/2 ( L_A + L_B - L_AB ) where each L is an unbiased estimate of ln det Sigma
/// of the block for Gaussian data.
///
/// With W the scatter matrix of N rows about their mean, W ~ Wishart_d(N - 1, Sigma) and
///     E ln det W = ln det Sigma + d ln 2 + sum_{i=1..d} psi((N - i) / 2),
/// so L = ln det W - d ln 2 - sum_{i=1..d} psi((N - i) / 2) is unbiased (Misra, Singh and Demchuk,
/// J. Multivariate Anal. 2005), and so is the MI estimate built from the three L. The naive
/// plug-in (sample covariances in the closed form) overestimates I by about dA dB / (2N).
/// Unbiasedness means an estimate can be slightly negative when I is near 0: it is not clamped.
/// Exact for Gaussian data; for other data it measures the Gaussian (linear) part of the dependence.
public enum GaussianPlugInEstimator {
    /// Bias-corrected I(A;B) for two disjoint, non-empty column sets. Needs N > dA + dB rows
    /// (so that the scatter matrix is non-singular and every psi argument positive).
    public static func mutualInformation(_ rows: SampleRows, _ a: [Int], _ b: [Int]) throws(EstimationError) -> Double {
        let n = rows.count, d = a.count + b.count
        guard n > d else { throw .tooFewSamples(estimator: "Gaussian plug-in", rows: n, needed: d + 1) }
        let scatter = scatterMatrix(rows, a + b)
        let ia = Array(0..<a.count), ib = Array(a.count..<d)
        let la = try unbiasedLogDet(scatter.principal(ia), n: n, block: "the columns \(a)")
        let lb = try unbiasedLogDet(scatter.principal(ib), n: n, block: "the columns \(b)")
        let lab = try unbiasedLogDet(scatter, n: n, block: "the columns \(a + b)")
        return 0.5 * (la + lb - lab)
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

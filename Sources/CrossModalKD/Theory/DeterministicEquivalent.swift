import Foundation

/// The deterministic equivalent of finite-n ridge regression (docs/theory.md section 4(d)).
///
/// kappa > 0 solves gamma = kappa (1 - tr(Sss (Sss + kappa I)^-1) / n) on the branch where the
/// bracket is positive; with gamma = 0 it is the ridgeless limit (kappa = 0 for n > ds).
/// Asymptotic in n and ds with ds / n fixed: an approximation, labelled so everywhere.
public struct DeterministicEquivalent: Sendable {
    /// The effective regularisation kappa.
    public let kappa: Double
    /// A = (Sss + kappa I)^-1.
    public let resolvent: Matrix
    /// df2 = tr(Sss^2 A^2).
    public let df2: Double
    /// n, the student's sample size.
    public let n: Int

    public init(sss: Matrix, ridge gamma: Double, n: Int) throws(ParameterError) {
        let mu: [Double]
        do { mu = try SymmetricEigenSystem.eigenvalues(of: sss) } catch {
            throw .invalid(parameter: .covariance, reason: "the student block Sss has no eigen-decomposition (\(error))")
        }
        let nd = Double(n)
        func df1(_ k: Double) -> Double { mu.reduce(0) { $0 + $1 / ($1 + k) } }
        // Lower end of the admissible branch: df1(kappa) = n (decreasing in kappa), or 0 if ds < n.
        var lo = 0.0
        if df1(0) >= nd {
            var a = 0.0, b = mu.max() ?? 1
            while df1(b) >= nd { b *= 2 }
            for _ in 0..<200 { let m = 0.5 * (a + b); if df1(m) >= nd { a = m } else { b = m } }
            lo = b
        }
        func g(_ k: Double) -> Double { k * (1 - df1(k) / nd) - gamma }
        var kappa = lo
        if gamma > 0 {
            var a = lo, b = max(lo, 1) + gamma
            while g(b) < 0 { b *= 2 }
            for _ in 0..<200 { let m = 0.5 * (a + b); if g(m) < 0 { a = m } else { b = m } }
            kappa = 0.5 * (a + b)
        }
        let d2 = mu.reduce(0) { $0 + ($1 * $1) / (($1 + kappa) * ($1 + kappa)) }
        guard d2 < nd * (1 - 1e-12) else {
            throw .regimeDoesNotApply(
                parameter: .studentSamples,
                reason: "the deterministic equivalent is singular at ridge \(gamma) with n = \(n) = ds; use ridge > 0 or n != ds")
        }
        self.kappa = kappa
        self.df2 = d2
        self.n = n
        var shifted = sss
        for i in 0..<sss.rows { shifted[i, i] += kappa }
        do { resolvent = try Cholesky(shifted).inverse } catch {
            throw .regimeDoesNotApply(parameter: .studentRidge, reason: "Sss + kappa I is numerically singular")
        }
    }
}

extension DeterministicEquivalent {
    /// A bound on the deterministic equivalent's error in the slope a1 = dE R/dlambda at lambda = 0
    /// (squared label units), whose sign decides `kd_helps` (the risk curve is convex in lambda):
    ///
    ///     |a1(DE) - a1(true)| <= (2 eta / sqrt(n) + 0.05 / n) E R(0),   eta = (df2/n) / (1 - df2/n),
    ///
    /// for a no-KD risk E R(0) = `riskNoKD`. Empirical, not a theorem: it covers every point of the
    /// calibration against Monte Carlo (random latent-factor models, ds 1..20, n from ds/2 to
    /// 20 ds, gamma 1e-3..5; docs/finite-n-ridge.md, "Calibration") with the typical error about
    /// a sixteenth of the bound.
    public func slopeErrorBound(riskNoKD: Double) -> Double {
        let ratio = df2 / Double(n)
        let eta = ratio / (1 - ratio)
        return (2 * eta / Double(n).squareRoot() + 0.05 / Double(n)) * abs(riskNoKD)
    }
}

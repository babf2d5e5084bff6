import Foundation
import Synchronization

/// The three expectations over the design that make finite-n ridge exact for a scalar student
/// (ds = 1), docs/finite-n-ridge.md.
///
/// With one feature the ridge student is w = sum s_i z_i / (Q + n gamma), Q = sum s_i^2 = Sss X,
/// X ~ chi-squared(n). Given Q, sum s_i z_i = b Q + N(0, s2 Q) (b = b_l, s2 = s2_l), so with
/// g = n gamma / Sss and h = X / (X + g) (the shrinkage of one draw):
///
///     E[w] = E[h] b,   Var(w) = b^2 Var(h) + (s2 / Sss) E[X / (X + g)^2].
///
/// Each expectation is a one-dimensional integral, written through the Laplace transform
/// E[X^k e^{-tX}] = n (n + 2) ... (n + 2k - 2) (1 + 2t)^{-n/2-k} of the chi-squared law so that
/// the integrands are smooth and positive on [0, infinity) for every n >= 1 (the chi-squared
/// density itself is singular at 0 for n = 1):
///
///     E[X / (X + g)]     = int_0^inf n e^{-gt} (1 + 2t)^{-n/2-1} dt
///     E[X^2 / (X + g)^2] = int_0^inf t n (n + 2) e^{-gt} (1 + 2t)^{-n/2-2} dt
///     E[X / (X + g)^2]   = int_0^inf t n e^{-gt} (1 + 2t)^{-n/2-1} dt
///
/// (from 1/(X+g) = int e^{-t(X+g)} dt and 1/(X+g)^2 = int t e^{-t(X+g)} dt), computed in u = ln t
/// by GSL's adaptive quadrature to a relative error near 1e-13. gamma = 0 gives h = 1 and
/// E[1/X] = 1 / (n - 2): exact OLS.
public struct ScalarRidgeMoments: Sendable, Equatable {
    /// n, the student's sample size.
    public let samples: Int
    /// g = n gamma / Sss: the penalty in units of one sample's scatter.
    public let scaledPenalty: Double
    /// E[h] = E[X / (X + g)]: the mean shrinkage, E[w] = E[h] b.
    public let meanShrinkage: Double
    /// E[h^2] = E[X^2 / (X + g)^2].
    public let meanSquaredShrinkage: Double
    /// E[X / (X + g)^2]: Var(w) gets s2 / Sss times this from the target's residual noise.
    public let noiseFactor: Double

    /// Var(h) = E[h^2] - E[h]^2 (>= 0): Var(w) gets b^2 times this from the random design.
    public var shrinkageVariance: Double { max(0, meanSquaredShrinkage - meanShrinkage * meanShrinkage) }

    /// The moments for n samples, ridge gamma > 0 and student variance Sss > 0.
    /// - Throws: `ParameterError` for n < 1, gamma <= 0 or a non-finite g.
    public init(samples n: Int, ridge gamma: Double, studentVariance sss: Double) throws(ParameterError) {
        guard n >= 1 else { throw .invalid(parameter: .studentSamples, reason: "must be at least 1, got \(n)") }
        guard gamma.isFinite, gamma > 0 else {
            throw .invalid(parameter: .studentRidge, reason: "the exact scalar ridge regime needs gamma > 0, got \(gamma)")
        }
        let g = Double(n) * gamma / sss
        guard g.isFinite, g > 0 else {
            throw .invalid(parameter: .studentRidge, reason: "n gamma / Sss = \(g) is not a finite positive number")
        }
        samples = n
        scaledPenalty = g
        let half = Double(n) / 2, nd = Double(n)
        // The integrands' mass spans t from O(1) (where (1 + 2t)^(-n/2) falls) to O(1/g) (where
        // e^(-gt) does): for small n and g, decades apart. In u = ln t every scale is O(1) wide,
        // so the adaptive rule resolves both; the line is split at u = 0 into two half-lines.
        func integral(_ f: (Double) -> Double) -> Double {
            func integrand(_ u: Double) -> Double {
                let t = exp(u)
                return g * t > 745 ? 0 : f(t) * exp(-g * t) * t
            }
            return Quadrature.halfLine(absoluteTolerance: 0, relativeTolerance: 1e-13) { integrand($0) }
                + Quadrature.halfLine(absoluteTolerance: 0, relativeTolerance: 1e-13) { integrand(-$0) }
        }
        meanShrinkage = integral { t in nd * pow(1 + 2 * t, -half - 1) }
        meanSquaredShrinkage = integral { t in t * nd * (nd + 2) * pow(1 + 2 * t, -half - 2) }
        noiseFactor = integral { t in t * nd * pow(1 + 2 * t, -half - 1) }
    }
}

extension ScalarRidgeMoments {
    /// The moments for (n, gamma, Sss), remembered across calls: a sweep over correlations at a
    /// fixed n and ridge needs them once, not once per grid point (three quadratures, about
    /// 0.1 ms). The values are those of `init`, bit for bit, whatever the order of calls or threads.
    public static func cached(samples n: Int, ridge gamma: Double, studentVariance sss: Double) throws(ParameterError) -> ScalarRidgeMoments {
        let key = Key(samples: n, ridge: gamma, studentVariance: sss)
        if let hit = memory.withLock({ $0[key] }) { return hit }
        let moments = try ScalarRidgeMoments(samples: n, ridge: gamma, studentVariance: sss)
        memory.withLock { table in
            if table.count >= 4096 { table.removeAll(keepingCapacity: true) }
            table[key] = moments
        }
        return moments
    }

    private struct Key: Hashable {
        let samples: Int, ridge: Double, studentVariance: Double
    }

    private static let memory = Mutex<[Key: ScalarRidgeMoments]>([:])
}

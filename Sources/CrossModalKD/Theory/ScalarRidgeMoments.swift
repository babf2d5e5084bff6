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
/// by GSL's adaptive quadrature to a relative error near 1e-13 (`laplaceIntegral`), for every
/// n >= 1 and every positive g a Double can hold. gamma = 0 gives h = 1 and
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
    /// - Throws: `ParameterError` for n < 1, gamma <= 0, a g that is not a finite positive number, or
    ///   a moment the quadrature could not compute to its tolerance.
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
        let nd = Double(n), half = nd / 2
        meanShrinkage = try Self.laplaceIntegral(coefficient: nd, tPower: 0, exponent: half + 1, samples: n, penalty: g)
        meanSquaredShrinkage = try Self.laplaceIntegral(coefficient: nd * (nd + 2), tPower: 1, exponent: half + 2,
                                                        samples: n, penalty: g)
        noiseFactor = try Self.laplaceIntegral(coefficient: nd, tPower: 1, exponent: half + 1, samples: n, penalty: g)
    }

    /// The relative error asked of each integral.
    static let relativeTolerance = 1e-13
    /// The relative error, as GSL estimates it, beyond which a moment is refused rather than used.
    static let acceptedRelativeError = 1e-10

    /// int_0^inf c t^k (1 + 2t)^(-p) e^(-g t) dt, integrated in u = ln t.
    ///
    /// The integrand's mass lies between the two scales t ~ 1/(n + 2) (where (1 + 2t)^(-p) falls)
    /// and t ~ 1/g (where e^(-gt) does), which are decades apart for small g or large n: as g -> 0
    /// the bulk of E[X/(X+g)^2] moves out to t ~ 1/g (to X ~ g on the chi-squared side). In u every
    /// scale is O(1) wide, and the line is cut at both scales' logarithms into a finite middle piece
    /// (`gsl_integration_qag`) and two half-lines (`gsl_integration_qagiu`), so that no piece has its
    /// mass far from where the rule starts looking. The integrand is evaluated as one exponential of
    /// its logarithm (ln(1 + 2t) = u + ln 2 + ln(1 + e^-u / 2) for u > 0), so nothing underflows or
    /// overflows before the product does: g down to the smallest subnormal number is covered.
    /// - Throws: `ParameterError.regimeDoesNotApply` when GSL's error estimate of the sum exceeds
    ///   `acceptedRelativeError` of its value: a number that could not be computed to its tolerance.
    static func laplaceIntegral(coefficient c: Double, tPower k: Int, exponent p: Double, samples n: Int, penalty g: Double,
                                relativeTolerance: Double = relativeTolerance) throws(ParameterError) -> Double {
        let logC = log(c), logG = log(g), power = Double(k + 1)
        func integrand(_ u: Double) -> Double {
            let logOnePlusTwoT = u > 0 ? u + M_LN2 + log1p(0.5 * exp(-u)) : log1p(2 * exp(u))
            return exp(logC + power * u - p * logOnePlusTwoT - exp(u + logG))
        }
        let cuts = [-log(Double(n) + 2), -logG].sorted()
        var pieces = [
            Quadrature.estimate(from: -cuts[0], absoluteTolerance: 0, relativeTolerance: relativeTolerance) { integrand(-$0) },
            Quadrature.estimate(from: cuts[1], absoluteTolerance: 0, relativeTolerance: relativeTolerance) { integrand($0) },
        ]
        if cuts[1] > cuts[0] {
            pieces.append(Quadrature.estimate(over: cuts[0]...cuts[1], absoluteTolerance: 0, relativeTolerance: relativeTolerance) {
                integrand($0)
            })
        }
        let value = pieces.reduce(0) { $0 + $1.value }, error = pieces.reduce(0) { $0 + $1.error }
        guard value.isFinite, value >= 0, error <= acceptedRelativeError * value,
              pieces.allSatisfy({ $0.converged || (0 < $0.error && $0.error <= acceptedRelativeError * value) }) else {
            throw .regimeDoesNotApply(
                parameter: .studentRidge,
                reason: "the exact scalar ridge moments at n = \(n), n gamma / Sss = \(g) could not be integrated to a relative "
                    + "error of \(acceptedRelativeError) (value \(value), estimated error \(error)); estimate this setting "
                    + "by Monte Carlo (truth = \"monte-carlo\")")
        }
        return value
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

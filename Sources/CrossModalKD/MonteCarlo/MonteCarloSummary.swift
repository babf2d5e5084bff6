import Foundation
import RealModule

/// Mean, standard error and 95% interval of one Monte Carlo quantity over the trials.
public struct MonteCarloEstimate: Sendable, Equatable {
    public let mean: Double
    /// Sample standard deviation over trials (divisor trials - 1).
    public let standardDeviation: Double
    /// standardDeviation / sqrt(trials).
    public let standardError: Double

    public init(mean: Double, standardDeviation: Double, standardError: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.standardError = standardError
    }

    /// The 0.975 quantile of the standard normal: the interval is mean +- 1.96 SE (normal
    /// approximation of the mean over many trials).
    public static let normalQuantile975 = 1.959963984540054
    public var lower95: Double { mean - Self.normalQuantile975 * standardError }
    public var upper95: Double { mean + Self.normalQuantile975 * standardError }

    /// The estimate of `factor` times the quantity (a power of two: exact).
    func times(_ factor: Double) -> MonteCarloEstimate {
        MonteCarloEstimate(mean: mean * factor, standardDeviation: standardDeviation * factor, standardError: standardError * factor)
    }

    /// (mean - reference) / SE: how many standard errors the Monte Carlo mean lies from an analytic
    /// value. With SE = 0 (e.g. lambda = 0: every paired gain is exactly 0) it is 0 when they agree
    /// to rounding and +-infinity otherwise.
    public func zScore(against reference: Double) -> Double {
        let difference = mean - reference
        if standardError > 0 { return difference / standardError }
        return mean.isApproximatelyEqual(to: reference, absoluteTolerance: 1e-12, relativeTolerance: 1e-12) ? 0 : (difference > 0 ? .infinity : -.infinity)
    }
}

/// The Monte Carlo answer at one grid point, with the analytic answer beside it when a formula of
/// docs/theory.md section 4 applies.
public struct MonteCarloSummary: Sendable {
    /// Paired trials run.
    public let trials: Int
    /// The sampler asked for, and a note when some sample was drawn otherwise (nil if none).
    public let sampler: MonteCarloSampler
    public let samplerNote: String?
    /// Test-set size per trial, or nil for exact scoring.
    public let testSamples: Int?
    /// The scenario's KD weight lambda.
    public let lambda: Double
    /// Risk without KD (lambda = 0) and with KD (lambda), and their paired difference (the KD gain).
    public let riskNoKD: MonteCarloEstimate, riskKD: MonteCarloEstimate, gain: MonteCarloEstimate
    /// Sign-label accuracy without and with KD.
    public let accuracyNoKD: MonteCarloEstimate, accuracyKD: MonteCarloEstimate
    /// The whole risk curve E R(l), estimated from the same trials.
    public let riskCurve: MonteCarloRiskCurve
    /// The analytic answer (nil when no formula applies; then `analysisUnavailable` says why).
    public let analysis: KDAnalysis?
    public let analysisUnavailable: ParameterError?

    /// z-scores of the Monte Carlo means against the analytic values (nil without an analysis).
    public var zRiskNoKD: Double? { analysis.map { riskNoKD.zScore(against: $0.riskNoKD) } }
    public var zRiskKD: Double? { analysis.map { riskKD.zScore(against: $0.riskKD) } }
    public var zGain: Double? { analysis.map { gain.zScore(against: $0.kdGain) } }
}

/// Running sums of the eight per-trial quantities (risk without / with KD, gain, accuracy without /
/// with KD in lanes 0...4; the risk curve's slope a1, curvature a2 and a1 + a2 in lanes 5...7, the
/// last giving Cov(a1, a2)) over consecutive trials, merged in a fixed order so that the result is
/// the same bit for bit whatever thread ran which chunk.
struct TrialMoments: Sendable {
    private(set) var count = 0
    /// Within a chunk: sums of deviations from the chunk's first value (a shift that keeps the
    /// sums well conditioned); after `finished()`: mean and sum of squared deviations.
    private var shift = SIMD8<Double>(), sum = SIMD8<Double>(), sumSquares = SIMD8<Double>()
    private var isFinished = false

    @inline(__always) static func lanes(_ o: TrialOutcome) -> SIMD8<Double> {
        SIMD8(o.riskNoKD, o.riskKD, o.riskNoKD - o.riskKD, o.accuracyNoKD, o.accuracyKD,
              o.riskSlope, o.riskCurvature, o.riskSlope + o.riskCurvature)
    }

    /// Adds one trial (before `finished()`).
    @inline(__always) mutating func add(_ o: TrialOutcome) {
        let x = Self.lanes(o)
        if count == 0 { shift = x }
        let d = x - shift
        sum += d
        sumSquares += d * d
        count += 1
    }

    /// The chunk's mean (in `shift`) and sum of squared deviations (in `sumSquares`).
    func finished() -> TrialMoments {
        var m = self
        guard !isFinished, count > 0 else { return m }
        let n = Double(count)
        m.shift = shift + sum / n
        m.sumSquares = sumSquares - sum * sum / n
        m.sum = .zero
        m.isFinished = true
        return m
    }

    /// Chan et al.'s pairwise merge of two finished blocks (self first).
    func merged(with other: TrialMoments) -> TrialMoments {
        let a = finished(), b = other.finished()
        if a.count == 0 { return b }
        if b.count == 0 { return a }
        var m = a
        let na = Double(a.count), nb = Double(b.count), n = na + nb
        let delta = b.shift - a.shift
        m.count = a.count + b.count
        m.shift = a.shift + delta * (nb / n)
        m.sumSquares = a.sumSquares + b.sumSquares + delta * delta * (na * nb / n)
        return m
    }

    /// The risk curve from lanes 0 and 5...7, its risks multiplied by the power of two `factor`
    /// (`MonteCarloExperiment.varianceFactor`); the covariance of a1 and a2 stays in the trials' units.
    func riskCurve(risksTimes factor: Double) -> MonteCarloRiskCurve {
        let slope = estimate(5), curvature = estimate(6), sum = estimate(7)
        let v1 = slope.standardDeviation * slope.standardDeviation, v2 = curvature.standardDeviation * curvature.standardDeviation
        let v12 = sum.standardDeviation * sum.standardDeviation
        return MonteCarloRiskCurve(trials: count, intercept: estimate(0), slope: slope, curvature: curvature,
                                   slopeCurvatureCovariance: (v12 - v1 - v2) / 2, risksTimes: factor)
    }

    /// Estimate of lane `lane` (needs count >= 2).
    func estimate(_ lane: Int) -> MonteCarloEstimate {
        let f = finished()
        let n = Double(f.count)
        let sd = (max(0, f.sumSquares[lane]) / (n - 1)).squareRoot()
        return MonteCarloEstimate(mean: f.shift[lane], standardDeviation: sd, standardError: sd / n.squareRoot())
    }
}

/// The expected risk as a function of the KD weight, E R(l) = a0 + a1 l + a2 l^2, estimated by
/// Monte Carlo. Every trial's own risk is exactly quadratic in l (the fitted weights are linear in
/// the target, hence in l), so averaging its coefficients estimates the curve without bias, and
/// the gain at any l, G(l) = -(a1 l + a2 l^2), gets a standard error from the trials' variances
/// and the covariance of a1 and a2.
public struct MonteCarloRiskCurve: Sendable {
    /// Trials averaged.
    public let trials: Int
    /// The coefficients in the units of the trials' (binary-scaled) model, the covariance of a
    /// trial's a1 and a2 there, and the power of two that takes risks back to the model's units
    /// (`MonteCarloExperiment.varianceFactor`): squares of risks are formed only in the trials' units,
    /// where they neither underflow nor overflow.
    private let trialIntercept: MonteCarloEstimate, trialSlope: MonteCarloEstimate, trialCurvature: MonteCarloEstimate
    private let trialSlopeCurvatureCovariance: Double
    private let risksTimes: Double

    init(trials: Int, intercept: MonteCarloEstimate, slope: MonteCarloEstimate, curvature: MonteCarloEstimate,
         slopeCurvatureCovariance: Double, risksTimes factor: Double) {
        self.trials = trials
        trialIntercept = intercept
        trialSlope = slope
        trialCurvature = curvature
        trialSlopeCurvatureCovariance = slopeCurvatureCovariance
        risksTimes = factor
    }

    /// a0 = E R(0), a1 (the slope at l = 0: KD helps at small l iff it is negative) and a2.
    public var intercept: MonteCarloEstimate { trialIntercept.times(risksTimes) }
    public var slope: MonteCarloEstimate { trialSlope.times(risksTimes) }
    public var curvature: MonteCarloEstimate { trialCurvature.times(risksTimes) }

    /// The estimated E R(l).
    public func risk(at l: Double) -> Double { intercept.mean + l * (slope.mean + l * curvature.mean) }

    /// The estimated paired gain G(l) = E R(0) - E R(l), with its standard error.
    public func gain(at l: Double) -> MonteCarloEstimate {
        let v1 = trialSlope.standardDeviation * trialSlope.standardDeviation
        let v2 = trialCurvature.standardDeviation * trialCurvature.standardDeviation
        let variance = max(0, l * l * v1 + 2 * l * l * l * trialSlopeCurvatureCovariance + l * l * l * l * v2)
        let sd = variance.squareRoot()
        return MonteCarloEstimate(mean: -(l * (trialSlope.mean + l * trialCurvature.mean)), standardDeviation: sd,
                                  standardError: sd / Double(max(trials, 1)).squareRoot()).times(risksTimes)
    }
}

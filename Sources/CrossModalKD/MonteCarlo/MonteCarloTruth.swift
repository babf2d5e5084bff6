import Foundation

/// The KD truth estimated by Monte Carlo instead of a formula (`[student] truth = "monte-carlo"`):
/// for settings no exact formula covers (a ridge student with ds > 1, a ridge teacher, ...), so
/// that `kd_helps` never rests on an approximation the user did not ask for.
///
/// The trials' risk curve (`MonteCarloRiskCurve`) gives E R(l) for every l, hence lambda* and the
/// best gain G(lambda*) by the same rule as the formulas. Trials are added until the standard
/// error of both the gain at the scenario's lambda and the gain at lambda* is at most the requested
/// one, or the trial budget is spent; trial i is the same trial whatever the total, so the result
/// depends only on the scenario, seed and grid point.
public struct MonteCarloTruth: Sendable {
    /// Trials behind the estimate.
    public let trials: Int
    /// The paired gain at the scenario's lambda and at the estimated lambda*, with standard errors.
    public let gain: MonteCarloEstimate, gainOpt: MonteCarloEstimate
    /// The standard error asked for, and whether it was reached within the trial budget.
    public let requestedStandardError: Double
    public var reachedRequestedError: Bool {
        max(gain.standardError, gainOpt.standardError) <= requestedStandardError
    }
}

extension KDAnalysis {
    /// The KD answer estimated by the Monte Carlo engine: `experiment`'s trials (starting with its
    /// `settings.trials`, growing up to `maximumTrials`) until the gains' standard error is at most
    /// `standardError` (squared label units). Regime `.monteCarlo`; `monteCarloTruth` holds the
    /// estimate. - Throws: `ParameterError` for a bad target or budget, or a failing trial.
    public init(monteCarloTruthOf experiment: MonteCarloExperiment, standardError: Double, maximumTrials: Int,
                seed: UInt64, pointIndex: Int, threads: Int) throws(ParameterError) {
        guard standardError.isFinite, standardError > 0 else {
            throw .invalid(parameter: .truthStandardError, reason: "must be a finite number > 0, got \(standardError)")
        }
        guard maximumTrials >= experiment.settings.trials else {
            throw .invalid(parameter: .truthMaximumTrials,
                           reason: "must be at least \(Parameter.trials) = \(experiment.settings.trials), got \(maximumTrials)")
        }
        var current = experiment
        while true {
            let summary = try current.run(seed: seed, pointIndex: pointIndex, threads: threads)
            let curve = summary.riskCurve
            var analysis = KDAnalysis(
                information: experiment.information, regime: .monteCarlo,
                bayesRisk: experiment.model.labelVarianceGivenStudent, lambda: experiment.student.lambda,
                risk: curve.risk(at:),
                accuracy: { l in l == 0 ? summary.accuracyNoKD.mean : (l == experiment.student.lambda ? summary.accuracyKD.mean : .nan) })
            let truth = MonteCarloTruth(trials: summary.trials, gain: curve.gain(at: analysis.lambda),
                                        gainOpt: curve.gain(at: analysis.lambdaOpt), requestedStandardError: standardError)
            analysis.monteCarloTruth = truth
            let achieved = max(truth.gain.standardError, truth.gainOpt.standardError)
            if truth.reachedRequestedError || summary.trials >= maximumTrials {
                self = analysis
                return
            }
            // Standard errors fall like 1/sqrt(trials): aim 20% past the estimate of what is needed.
            let needed = Double(summary.trials) * (achieved / standardError) * (achieved / standardError) * 1.2
            var settings = current.settings
            settings.trials = Int(min(Double(maximumTrials), max(needed, 2 * Double(summary.trials))))
            current = try MonteCarloExperiment(model: experiment.model, teacher: experiment.teacher,
                                               student: experiment.student, settings: settings)
        }
    }
}

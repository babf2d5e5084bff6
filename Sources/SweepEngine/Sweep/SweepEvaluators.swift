import CCHScenario

/// The evaluators of a sweep's points: the analytic answer, or, when the points have a
/// `[monte_carlo]` table (written, or made by a swept `monte_carlo.*` key), the analytic and the
/// Monte Carlo answer; with a sign label also the class-label informations; for a logistic student
/// the classification Monte Carlo instead; with m >= 2 teacher modalities (a squared-loss student) also
/// the comparison of teacher sets; with an `[estimation]` table also the decision reliability.
public enum SweepEvaluators {
    public static func `for`(_ sweep: Sweep) -> [any PointEvaluator] {
        var evaluators: [any PointEvaluator]
        if sweep.first.classification != nil {
            evaluators = [ClassificationEvaluator()]
        } else {
            evaluators = !sweep.hasMonteCarloSettings ? [AnalyticEvaluator()] : [MonteCarloEvaluator()]
            if sweep.first.label == .sign { evaluators.append(ClassInformationEvaluator()) }
            if TeacherSetFields.compares(sweep.first) { evaluators.append(TeacherSetEvaluator(first: sweep.first)) }
        }
        if sweep.hasEstimationSettings { evaluators.append(ReliabilityEvaluator(first: sweep.first)) }
        return evaluators
    }
}

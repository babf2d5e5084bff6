import CrossModalKD

/// The analyze keys: every analytic quantity of a `KDAnalysis` (docs/output.md, "Analyze keys").
/// Informations are in nats; risks in units of Y's variance scale (squared label units).
public enum AnalysisFields {
    /// The columns fixed by the model alone: the mutual informations, the CCH gap and its prediction.
    public static let information = FieldTable<InformationSummary>([
        .init("mi_ts") { .number($0.teacherStudent) },
        .init("mi_sy") { .number($0.studentLabel) },
        .init("mi_ty") { .number($0.teacherLabel) },
        .init("mi_ty_given_s") { .number($0.teacherLabelGivenStudent) },
        .init("mi_sy_given_t") { .number($0.studentLabelGivenTeacher) },
        .init("mi_ts_given_y") { .number($0.teacherStudentGivenLabel) },
        .init("cch_gap", .gap(.continuous)) { .number($0.cchGap) },
        .init("cch_predicts_gain", .prediction(.continuous)) { .bool($0.cchPredictsGain) },
    ])

    /// The columns of the student's expected risk with and without KD.
    public static let risk = FieldTable<KDAnalysis>([
        .init("regime") { .text($0.regime.rawValue) },
        .init("regime_exact") { .bool($0.regime.isExact) },
        .init("lambda", .kdWeight) { .number($0.lambda) },
        .init("bayes_risk") { .number($0.bayesRisk) },
        .init("risk_no_kd", .riskWithoutKD) { .number($0.riskNoKD) },
        .init("risk_kd") { .number($0.riskKD) },
        .init("kd_gain", .gain(.continuous)) { .number($0.kdGain) },
        .init("kd_gain_relative") { .number($0.kdGain / $0.riskNoKD) },
        .init("lambda_opt", .bestKDWeight) { .number($0.lambdaOpt) },
        .init("kd_gain_opt", .bestGain(.continuous)) { .number($0.kdGainOpt) },
        .init("kd_helps", .truth(.continuous)) { .bool($0.kdHelps) },
        .init("cch_agrees") { .bool($0.cchAgrees) },
        .init("accuracy_no_kd") { .number($0.accuracyNoKD) },
        .init("accuracy_kd") { .number($0.accuracyKD) },
        .init("accuracy_opt") { .number($0.accuracyOpt) },
        .init("kd_helps_method", .truthMethod) { .text($0.regime.truthMethod.rawValue) },
        .init("risk_slope") { .number($0.riskCurve.a1) },
        .init("verdict_error_bound") { .number($0.approximationErrorBound ?? .nan) },
        .init("verdict_uncertain", .verdictUncertain) { .bool($0.verdictUncertain) },
        .init("kd_gain_opt_se") { .number($0.monteCarloTruth?.gainOpt.standardError ?? .nan) },
        .init("truth_trials") { a in a.monteCarloTruth.map { .integer($0.trials) } ?? .number(.nan) },
    ])

    /// Every analyze column, in order.
    public static let table = information.pulled(back: \KDAnalysis.information) + risk

    public static func of(_ a: KDAnalysis) -> ReportFields { table.fields(a) }
}

import CrossModalKD

/// The columns of a Monte Carlo result, shared by `cchsim simulate --json` and sweeps (JSON and CSV
/// carry the same keys in the same order). Risks are in squared label units; accuracies are
/// probabilities; `_se` is the standard error of the mean over trials, `_ci_low`/`_ci_high` the
/// 95% interval mean +- 1.96 SE; `z_*` is (Monte Carlo mean - analytic value) / SE.
public enum SimulationFields {
    /// The mc_* columns and the z-scores of `s`; values that do not exist are null (no test set: no
    /// `mc_test_n`; no analytic formula: no z-scores, and `analytic_note` says why).
    public static func of(_ s: MonteCarloSummary) -> ReportFields { columns.map { ($0.key, $0.value(s)) } }

    /// The keys of `of(_:)`, in order, known before any point is run (e.g. for a CSV header).
    public static var keys: [String] { columns.map(\.key) }

    private typealias Column = (key: String, value: @Sendable (MonteCarloSummary) -> ReportValue)

    private static let columns: [Column] = {
        var c: [Column] = [
            ("mc_trials", { .integer($0.trials) }),
            ("mc_sampler", { .text($0.sampler.rawValue) }),
            ("mc_sampler_note", { .text($0.samplerNote ?? "") }),
            ("mc_test_n", { s in s.testSamples.map { .integer($0) } ?? .number(.nan) }),
        ]
        c += estimateColumns("mc_risk_no_kd") { $0.riskNoKD }
        c += estimateColumns("mc_risk_kd") { $0.riskKD }
        c += estimateColumns("mc_kd_gain") { $0.gain }
        c += estimateColumns("mc_accuracy_no_kd") { $0.accuracyNoKD }
        c += estimateColumns("mc_accuracy_kd") { $0.accuracyKD }
        c += estimateColumns("mc_risk_slope") { $0.riskCurve.slope }
        let comparison: [Column] = [
            ("z_risk_no_kd", { .number($0.zRiskNoKD ?? .nan) }),
            ("z_risk_kd", { .number($0.zRiskKD ?? .nan) }),
            ("z_gain", { .number($0.zGain ?? .nan) }),
            ("analytic_note", { .text($0.analysisUnavailable ?? "") }),
        ]
        return c + comparison
    }()

    /// Mean, standard error and 95% interval of one estimate: `key`, `key_se`, `key_ci_low`, `key_ci_high`.
    private static func estimateColumns(_ key: String,
                                        _ estimate: @escaping @Sendable (MonteCarloSummary) -> MonteCarloEstimate) -> [Column] {
        [(key, { .number(estimate($0).mean) }), (key + "_se", { .number(estimate($0).standardError) }),
         (key + "_ci_low", { .number(estimate($0).lower95) }), (key + "_ci_high", { .number(estimate($0).upper95) })]
    }

    /// The analyze columns of a simulated grid point: `AnalysisFields.of` its analysis when a formula
    /// applies; otherwise the same keys with null values, except those fixed by the model alone
    /// (mutual informations, CCH gap and prediction) and lambda, so that every row of a sweep has
    /// the same columns.
    public static func analysis(of e: MonteCarloExperiment) -> ReportFields {
        if let a = e.analysis { return AnalysisFields.of(a) }
        // The keys (and the model-only values) from the always-defined population analysis.
        guard let template = try? KDAnalysis(model: e.model, teacher: TeacherSpec(), student: StudentSpec(samples: .infinite)) else {
            return []
        }
        return AnalysisFields.of(template).map { field -> (key: String, value: ReportValue) in
            if field.key == "lambda" { return (field.key, .number(e.student.lambda)) }
            let modelOnly = field.key.hasPrefix("mi_") || field.key == "cch_gap" || field.key == "cch_predicts_gain"
            return modelOnly ? field : (field.key, .number(.nan))
        }
    }
}

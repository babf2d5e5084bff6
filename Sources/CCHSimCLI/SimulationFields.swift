import CrossModalKD

/// The columns of a Monte Carlo result, shared by `cchsim simulate --json` and sweeps (JSON and CSV
/// carry the same keys in the same order). Risks are in squared label units; accuracies are
/// probabilities; `_se` is the standard error of the mean over trials, `_ci_low`/`_ci_high` the
/// 95% interval mean +- 1.96 SE; `z_*` is (Monte Carlo mean - analytic value) / SE.
public enum SimulationFields {
    /// The mc_* columns and the z-scores of `s`; values that do not exist are null (no test set: no
    /// `mc_test_n`; no analytic formula: no z-scores, and `analytic_note` says why).
    public static func of(_ s: MonteCarloSummary) -> ReportFields {
        var fields: ReportFields = [
            ("mc_trials", .integer(s.trials)),
            ("mc_sampler", .text(s.sampler.rawValue)),
            ("mc_sampler_note", .text(s.samplerNote ?? "")),
            ("mc_test_n", s.testSamples.map { .integer($0) } ?? .number(.nan)),
        ]
        for (key, e) in [("mc_risk_no_kd", s.riskNoKD), ("mc_risk_kd", s.riskKD), ("mc_kd_gain", s.gain),
                         ("mc_accuracy_no_kd", s.accuracyNoKD), ("mc_accuracy_kd", s.accuracyKD)] {
            fields += [(key, .number(e.mean)), (key + "_se", .number(e.standardError)),
                       (key + "_ci_low", .number(e.lower95)), (key + "_ci_high", .number(e.upper95))]
        }
        fields += [
            ("z_risk_no_kd", .number(s.zRiskNoKD ?? .nan)),
            ("z_risk_kd", .number(s.zRiskKD ?? .nan)),
            ("z_gain", .number(s.zGain ?? .nan)),
            ("analytic_note", .text(s.analysisUnavailable ?? "")),
        ]
        return fields
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

import CCHScenario
import CrossModalKD

/// The columns of a Monte Carlo result, shared by `cchsim simulate --json` and sweeps (JSON and CSV
/// carry the same keys in the same order). Risks are in squared label units; accuracies are
/// probabilities; `_se` is the standard error of the mean over trials, `_ci_low`/`_ci_high` the
/// 95% interval mean +- z(0.975) SE (`MonteCarloEstimate`); `z_*` is (Monte Carlo mean - analytic
/// value) / SE.
public enum SimulationFields {
    /// The mc_* columns and the z-scores; values that do not exist are null (no test set: no
    /// `mc_test_n`; no analytic formula: no z-scores, and `analytic_note` says why).
    public static let table: FieldTable<MonteCarloSummary> = {
        typealias Entry = FieldTable<MonteCarloSummary>.Entry
        var c: [Entry] = [
            .init("mc_trials") { .integer($0.trials) },
            .init("mc_sampler") { .text($0.sampler.rawValue) },
            .init("mc_sampler_note") { .text($0.samplerNote ?? "") },
            .init("mc_test_n") { s in s.testSamples.map { .integer($0) } ?? .number(.nan) },
        ]
        c += estimateColumns("mc_risk_no_kd") { $0.riskNoKD }
        c += estimateColumns("mc_risk_kd") { $0.riskKD }
        c += estimateColumns("mc_kd_gain", role: .monteCarloGain, standardErrorRole: .monteCarloGainStandardError) { $0.gain }
        c += estimateColumns("mc_accuracy_no_kd") { $0.accuracyNoKD }
        c += estimateColumns("mc_accuracy_kd") { $0.accuracyKD }
        c += estimateColumns("mc_risk_slope") { $0.riskCurve.slope }
        c += [
            .init("z_risk_no_kd") { .number($0.zRiskNoKD ?? .nan) },
            .init("z_risk_kd") { .number($0.zRiskKD ?? .nan) },
            .init("z_gain", .gainZ) { .number($0.zGain ?? .nan) },
            .init("analytic_note") { .text($0.analysisUnavailable?.scenarioDescription ?? "") },
        ]
        return FieldTable(c)
    }()

    public static func of(_ s: MonteCarloSummary) -> ReportFields { table.fields(s) }

    /// Mean, standard error and 95% interval of one estimate: `key`, `key_se`, `key_ci_low`, `key_ci_high`.
    private static func estimateColumns(_ key: String, role: ColumnRole = .value, standardErrorRole: ColumnRole = .value,
                                        _ estimate: @escaping @Sendable (MonteCarloSummary) -> MonteCarloEstimate)
        -> [FieldTable<MonteCarloSummary>.Entry] {
        [.init(key, role) { .number(estimate($0).mean) },
         .init(key + "_se", standardErrorRole) { .number(estimate($0).standardError) },
         .init(key + "_ci_low") { .number(estimate($0).lower95) },
         .init(key + "_ci_high") { .number(estimate($0).upper95) }]
    }

    /// The analyze columns of a simulated grid point: `AnalysisFields.of` its analysis when a formula
    /// applies; otherwise the same columns with the values fixed by the model alone (the
    /// `AnalysisFields.information` columns) and lambda, the risk columns null, so that every row
    /// of a sweep has the same columns.
    public static func analysis(of e: MonteCarloExperiment) -> ReportFields {
        if let a = e.analysis { return AnalysisFields.of(a) }
        let risks: ReportFields = AnalysisFields.risk.columns.map { column in
            (column.key, column.role == .kdWeight ? .number(e.student.lambda) : .number(.nan))
        }
        return AnalysisFields.information.fields(e.information) + risks
    }
}

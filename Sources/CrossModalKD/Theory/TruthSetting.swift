/// How `kd_helps` is to be obtained: the setting whose result `TruthMethod` reports (a scenario's
/// `[student] truth`, `truth_se`, `truth_max_trials`; docs/scenarios.md).
///
/// `Method.analytic` asks for the formula of the regime `Regime.choose` selects, whose
/// `truthMethod` is then `.exact` or `.approximation`; `Method.monteCarlo` asks for the Monte Carlo
/// estimate (`KDAnalysis(monteCarloTruthOf:...)`, regime `.monteCarlo`) even where a formula
/// exists. The setting chooses between the two; which formula applies is the result's to say.
public struct TruthSetting: Sendable, Equatable {
    /// The two ways the truth can be asked for; the raw values are the scenario file's spellings.
    public enum Method: String, Sendable, CaseIterable {
        case analytic
        case monteCarlo = "monte-carlo"
    }

    public var method: Method
    /// The standard error asked of the gain at lambda and at lambda* (squared label units;
    /// monte-carlo only).
    public var standardError: Double
    /// The most trials spent on it (monte-carlo only).
    public var maximumTrials: Int

    /// The formula; a Monte Carlo request starts from it and sets `method`, with its standard
    /// error (default 0.001) and budget (default 10^7 trials).
    public static let analytic = TruthSetting(method: .analytic, standardError: 1e-3, maximumTrials: 10_000_000)
}

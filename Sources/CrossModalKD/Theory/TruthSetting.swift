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

extension KDAnalysis {
    /// The KD answer `truth` asks for: the formula of the chosen regime (`init(model:teacher:student:)`),
    /// or the Monte Carlo estimate of the experiment with `monteCarlo` settings, drawn from the
    /// streams of (`seed`, grid point `pointIndex`) on `threads` threads (the numbers do not depend
    /// on the thread count). - Throws: `ParameterError` for an invalid parameter, a setting no
    /// regime covers, a trial budget below `monteCarlo.trials` or a failing trial.
    public init(model: JointGaussian, teacher: TeacherSpec, student: StudentSpec, truth: TruthSetting,
                monteCarlo: MonteCarloSettings, seed: UInt64, pointIndex: Int, threads: Int) throws(ParameterError) {
        switch truth.method {
        case .analytic:
            try self.init(model: model, teacher: teacher, student: student)
        case .monteCarlo:
            let experiment = try MonteCarloExperiment(model: model, teacher: teacher, student: student, settings: monteCarlo)
            try self.init(monteCarloTruthOf: experiment, standardError: truth.standardError, maximumTrials: truth.maximumTrials,
                          seed: seed, pointIndex: pointIndex, threads: threads)
        }
    }
}

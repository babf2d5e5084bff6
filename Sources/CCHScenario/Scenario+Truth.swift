import CrossModalKD

/// Where `kd_helps` comes from (`[student] truth`), decoded into the library's `TruthSetting`:
///
///     [student]
///     truth = "monte-carlo"       # or "analytic" (default): the formula of the chosen regime
///     truth_se = 0.001            # standard error asked of the gain (squared label units; default 0.001)
///     truth_max_trials = 10000000 # trial budget (default 10^7; starts at [monte_carlo] trials)
///
/// With "monte-carlo" the expected risks and the gain are estimated by the Monte Carlo engine
/// (`KDAnalysis(monteCarloTruthOf:...)`) with the scenario's `[monte_carlo]` settings, even where a
/// formula exists; the regime reported is then `monte-carlo`.
extension Scenario {
    static func decodeTruth(_ r: TableReader) throws(ScenarioError) -> TruthSetting {
        var truth = TruthSetting.analytic
        truth.method = try r.choice(StudentKey.truth, default: TruthSetting.Method.analytic)
        guard truth.method == .monteCarlo else {
            for key in [StudentKey.truthSE, .truthMaximumTrials] where r.has(key) {
                throw r.error(key, "applies to truth = \"monte-carlo\" only")
            }
            return truth
        }
        truth.standardError = try r.double(StudentKey.truthSE, default: truth.standardError)
        guard truth.standardError.isFinite, truth.standardError > 0 else {
            throw r.error(StudentKey.truthSE, "must be a finite number > 0, got \(truth.standardError)")
        }
        truth.maximumTrials = try r.integer(StudentKey.truthMaximumTrials, minimum: 2, default: truth.maximumTrials)
        guard truth.maximumTrials <= MonteCarloSettings.maximumTrials else {
            throw r.error(StudentKey.truthMaximumTrials, "must be at most \(MonteCarloSettings.maximumTrials), got \(truth.maximumTrials)")
        }
        return truth
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias StudentKey = ScenarioKey.Student

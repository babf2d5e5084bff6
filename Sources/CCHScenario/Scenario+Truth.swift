import CrossModalKD

/// Where `kd_helps` comes from (`[student] truth`):
///
///     [student]
///     truth = "monte-carlo"       # or "analytic" (default): the formula of the chosen regime
///     truth_se = 0.001            # standard error asked of the gain (squared label units; default 0.001)
///     truth_max_trials = 10000000 # trial budget (default 10^7; starts at [monte_carlo] trials)
///
/// With "monte-carlo" the expected risks and the gain are estimated by the Monte Carlo engine
/// (`KDAnalysis(monteCarloTruthOf:...)`) with the scenario's `[monte_carlo]` settings, even where a
/// formula exists; the regime reported is then `monte-carlo`.
public struct TruthSetting: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case analytic
        case monteCarlo = "monte-carlo"
    }

    public var method: Method
    /// The standard error asked of the gain at lambda and at lambda* (monte-carlo only).
    public var standardError: Double
    /// The most trials spent on it (monte-carlo only).
    public var maximumTrials: Int

    public static let analytic = TruthSetting(method: .analytic, standardError: 1e-3, maximumTrials: 10_000_000)
}

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

    /// The KD answer of the scenario: the formula of the chosen regime, or with
    /// `truth = "monte-carlo"` the Monte Carlo estimate (grid point `point`'s random streams, on
    /// `threads` threads; the numbers do not depend on the thread count).
    /// - Throws: `ScenarioError` for an invalid model or a setting neither covers.
    public func analyze(point: Int = 0, threads: Int = 1) throws(ScenarioError) -> KDAnalysis {
        guard truth.method == .monteCarlo else { return try analyzeByFormula() }
        let experiment = try monteCarloExperiment()
        guard truth.maximumTrials >= experiment.settings.trials else {
            throw ScenarioError(file: file, key: .student(.truthMaximumTrials),
                                reason: "must be at least \(ScenarioKey.monteCarlo(.trials)) = \(experiment.settings.trials), got \(truth.maximumTrials)")
        }
        do {
            return try KDAnalysis(monteCarloTruthOf: experiment, standardError: truth.standardError,
                                  maximumTrials: truth.maximumTrials, seed: seed, pointIndex: point, threads: threads)
        } catch {
            throw ScenarioError(file: file, error)
        }
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias StudentKey = ScenarioKey.Student

import CCHScenario
import CrossModalKD

/// What `cchsim run` computes at one grid point: named result columns (after the `point`, swept
/// and `valid` columns of the CSV). The analytic answer is one evaluator; the Monte Carlo engine
/// adds its columns as another, and `SweepColumns` chains them.
public protocol PointEvaluator: Sendable {
    /// Column names, in CSV order; `evaluate` returns one value per column.
    var columns: [String] { get }
    /// The values at grid point `point` of scenario `scenario` (the point's own decoded scenario).
    /// - Throws: `ScenarioError` when the point is invalid (its reason goes into the CSV).
    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue]
}

/// The analyze keys (`AnalysisFields`) of a point.
struct AnalyticEvaluator: PointEvaluator {
    /// The analyze keys in order. Taken from the fields of a fixed reference analysis, so the CSV
    /// header is known even when every point of a sweep is invalid, and always matches
    /// `AnalysisFields.of` (which is what `analyze --json` prints).
    static let keys: [String] = {
        let reference: KDAnalysis
        do {
            reference = try KDAnalysis(model: try .correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.3),
                                       teacher: TeacherSpec(), student: StudentSpec(samples: .infinite, ridge: 0.1))
        } catch {
            return []  // unreachable for this fixed valid model; a test pins the list
        }
        return AnalysisFields.of(reference).map(\.key)
    }()

    var columns: [String] { Self.keys }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        AnalysisFields.of(try scenario.analyzeWithFastPath(point: point)).map(\.value)
    }
}

/// The analyze keys and the Monte Carlo keys (`SimulationFields`) of a point, for scenarios with a
/// `[monte_carlo]` table: the same columns, in the same order, as `cchsim simulate --json`.
///
/// Each point runs its trials on one thread (the sweep runs points in parallel); the results do
/// not depend on it: the Monte Carlo engine derives every chunk's random stream from (seed, grid
/// point, chunk).
struct MonteCarloEvaluator: PointEvaluator {
    var columns: [String] { AnalyticEvaluator.keys + SimulationFields.keys }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        let experiment = try scenario.monteCarloExperiment()
        let summary = try scenario.simulate(experiment, pointIndex: point, threads: 1)
        // With truth = "monte-carlo" the analyze columns are the Monte Carlo truth.
        let analysis = scenario.truth.method == .monteCarlo
            ? AnalysisFields.of(try scenario.analyze(point: point)) : SimulationFields.analysis(of: experiment)
        return (analysis + SimulationFields.of(summary)).map(\.value)
    }
}

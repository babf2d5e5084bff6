import CCHScenario
import CrossModalKD

/// What `cchsim run` computes at one grid point: declared result columns (after the `point`,
/// swept and `valid` columns of the CSV). The analytic answer is one evaluator; the Monte Carlo
/// engine adds its columns as another, and `SweepTable` chains them into one `ColumnSchema`.
/// A new evaluator plugs in by declaring its columns (usually a `FieldTable`) with their roles.
public protocol PointEvaluator: Sendable {
    /// The declared columns, in CSV order; `evaluate` returns one value per column.
    var columns: [Column] { get }
    /// The values at grid point `point` of scenario `scenario` (the point's own decoded scenario).
    /// - Throws: `ScenarioError` when the point is invalid (its reason goes into the CSV).
    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue]
}

/// The analyze columns (`AnalysisFields`) of a point.
struct AnalyticEvaluator: PointEvaluator {
    var columns: [Column] { AnalysisFields.table.columns }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        AnalysisFields.table.values(try KDAnalysis(sweepPoint: scenario, point: point))
    }
}

/// The analyze columns and the Monte Carlo columns (`SimulationFields`) of a point, for scenarios
/// with a `[monte_carlo]` table: the same columns, in the same order, as `cchsim simulate --json`.
///
/// Each point runs its trials on one thread (the sweep runs points in parallel); the results do
/// not depend on it: the Monte Carlo engine derives every chunk's random stream from (seed, grid
/// point, chunk).
struct MonteCarloEvaluator: PointEvaluator {
    var columns: [Column] { AnalysisFields.table.columns + SimulationFields.table.columns }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        let experiment = try MonteCarloExperiment(of: scenario)
        let summary = try experiment.run(of: scenario, pointIndex: point, threads: 1)
        // With truth = "monte-carlo" the analyze columns are the Monte Carlo truth.
        let analysis = scenario.truth.method == .monteCarlo
            ? AnalysisFields.of(try KDAnalysis(of: scenario, point: point)) : SimulationFields.analysis(of: experiment)
        return analysis.map(\.value) + SimulationFields.table.values(summary)
    }
}

/// The teacher-set columns (`TeacherSetFields`) of a point whose model has m >= 2 teacher
/// modalities: every teacher set and ensemble of the point's modalities compared for its teacher
/// settings and student (`TeacherSetComparison`, exact wherever the single teacher is).
struct TeacherSetEvaluator: PointEvaluator {
    /// The modalities' names at the sweep's first point: the columns are declared before anything is computed.
    let names: [String]
    let table: FieldTable<TeacherSetResult>

    init(first: Scenario) {
        names = first.teacherModalities.map(\.name)
        table = TeacherSetFields.table(for: first)
    }

    var columns: [Column] { table.columns }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        guard scenario.teacherModalities.map(\.name) == names else {
            throw ScenarioError(file: scenario.file, key: .model(.teachers),
                                reason: "this point's teacher modalities differ from the first point's (\(names.joined(separator: ", "))): "
                                    + "a sweep compares the same teacher sets at every point")
        }
        return table.values(TeacherSetResult(try TeacherSetComparison(of: scenario)))
    }
}

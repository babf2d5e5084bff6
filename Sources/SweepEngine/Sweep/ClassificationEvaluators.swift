import CCHScenario
import CrossModalKD

/// The class-label columns (`ClassInformationFields`, as `analyze --json` prints them for a sign
/// label) of a point: I(S;C), I(T;C), the CCH gap with the class label, the Bayes accuracies.
struct ClassInformationEvaluator: PointEvaluator {
    var columns: [Column] { ClassInformationFields.table.columns }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        ClassInformationFields.table.values(ClassInformationSummary(model: try scenario.buildModel()))
    }
}

/// The columns of `cchsim classify --json` (without name, file and seed) for a logistic student:
/// the paired Monte Carlo of classification KD with `[monte_carlo]` trials and test_n, run on one
/// thread per point from the streams of grid point `point`.
struct ClassificationEvaluator: PointEvaluator {
    var columns: [Column] { ClassificationFields.table.columns }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        let settings = scenario.monteCarlo
        guard let e = try LogisticKDExperiment(of: scenario, trials: settings.trials, testSamples: settings.testSamples) else {
            throw ScenarioError(file: scenario.file, key: .student(.loss), reason: "this point's student is not logistic")
        }
        let summary = e.run(seed: scenario.seed, point: point, parallel: false)
        return ClassificationFields.table.values(ClassificationResult(e, summary, ClassInformationSummary(model: e.model)))
    }
}

/// The decision-reliability columns of a point (`ReliabilityFields`): one sample size per point
/// (`estimation.n` a single integer, or swept), the estimators of the first point.
struct ReliabilityEvaluator: PointEvaluator {
    /// The estimators with columns: the first point's, without those its label rules out.
    let estimators: [MIEstimatorKind]
    private let table: FieldTable<ReliabilityFields.Source>

    init(first: Scenario) {
        estimators = first.estimation.estimators.filter { kind in
            (try? kind.estimator(k: first.estimation.k))?.handles(first.label.ofSamples) ?? false
        }
        table = ReliabilityFields.table(estimators: estimators)
    }

    var columns: [Column] { table.columns }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        let settings = scenario.estimation
        guard settings.sampleSizes.count == 1, let n = settings.sampleSizes.first else {
            throw ScenarioError(file: scenario.file, key: .estimation(.n),
                                reason: "a sweep point computes one sample size: give one n, or sweep \(ScenarioKey.estimation(.n))")
        }
        return table.values((try DecisionReliability(of: scenario, point: point, parallel: false), n))
    }
}

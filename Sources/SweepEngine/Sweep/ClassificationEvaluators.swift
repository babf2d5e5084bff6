import CCHScenario
import CrossModalKD

/// The class-label keys (`ClassInformationFields`, as `analyze --json` prints them for a sign
/// label) of a point: I(S;C), I(T;C), the CCH gap with the class label, the Bayes accuracies.
struct ClassInformationEvaluator: PointEvaluator {
    static let keys: [String] = {
        do {
            return ClassInformationFields.of(ClassInformationSummary(model: try .correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.3)))
                .map(\.key)
        } catch {
            return []  // unreachable for this fixed valid model; a test pins the list
        }
    }()

    var columns: [String] { Self.keys }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        ClassInformationFields.of(ClassInformationSummary(model: try scenario.buildModel()))
            .map { $0.key == "label" ? .text(scenario.label.rawValue) : $0.value }
    }
}

/// The keys of `cchsim classify --json` (without name, file and seed) for a logistic student:
/// the paired Monte Carlo of classification KD with `[monte_carlo]` trials and test_n, run on one
/// thread per point from the streams of grid point `point`.
struct ClassificationEvaluator: PointEvaluator {
    static let keys: [String] = {
        do {
            let m = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.3)
            let e = try LogisticKDExperiment(model: m, spec: LogisticKDSpec(teacher: .posterior, samples: 10), trials: 2)
            return ClassificationFields.of(e, e.run(seed: 0, parallel: false), ClassInformationSummary(model: m)).map(\.key)
        } catch {
            return []  // unreachable for this fixed valid experiment; a test pins the list
        }
    }()

    var columns: [String] { Self.keys }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        let settings = scenario.monteCarlo
        guard let e = try scenario.classificationExperiment(trials: settings.trials, testSamples: settings.testSamples) else {
            throw ScenarioError(file: scenario.file, key: "student.loss", reason: "this point's student is not logistic")
        }
        return ClassificationFields.of(e, e.run(seed: scenario.seed, point: point, parallel: false), ClassInformationSummary(model: e.model))
            .map(\.value)
    }
}

/// The decision-reliability keys of a point (`ReliabilityFields.of`): one sample size per
/// point (`estimation.n` a single integer, or swept), the estimators of the first point.
struct ReliabilityEvaluator: PointEvaluator {
    /// The estimators with columns: the first point's, without those its label rules out.
    let estimators: [MIEstimatorKind]

    init(first: Scenario) {
        estimators = first.estimation.estimators.filter { $0 == .ksg || first.label == .continuous }
    }

    var columns: [String] {
        ["estimation_n", "true_gap"] + estimators.flatMap { e in
            ["flip_probability", "flip_se", "gap_mean", "gap_sd"].map { "\(e.rawValue)_\($0)" }
        }
    }

    func evaluate(_ scenario: Scenario, point: Int) throws(ScenarioError) -> [ReportValue] {
        let settings = scenario.estimation
        guard settings.sampleSizes.count == 1, let n = settings.sampleSizes.first else {
            throw ScenarioError(file: scenario.file, key: "estimation.n",
                                reason: "a sweep point computes one sample size: give one n, or sweep estimation.n")
        }
        let fields = ReliabilityFields.of(try scenario.decisionReliability(point: point, parallel: false), samples: n)
        let values = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return columns.map { values[$0] ?? .number(.nan) }
    }
}

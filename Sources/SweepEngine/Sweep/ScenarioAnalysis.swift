import CCHScenario
import CrossModalKD

// The library's computations of a decoded model scenario, for the commands and the sweep's
// evaluators: each builds the scenario's model (`Scenario.buildModel`), runs the library on the
// scenario's typed values (teacher, student, truth, settings, seed) and locates a library
// `ParameterError` at the scenario key that set the parameter (`ScenarioError(file:_:)`).
// `Scenario` itself only decodes.

extension KDAnalysis {
    /// The KD answer of `scenario` as its `truth` asks: the formula of the chosen regime, or the
    /// Monte Carlo estimate (`init(monteCarloTruthOf:...)`) from grid point `point`'s random
    /// streams on `threads` threads (the numbers do not depend on the thread count).
    /// - Throws: `ScenarioError` for an invalid model or a setting neither covers.
    public init(of scenario: Scenario, point: Int = 0, threads: Int = 1) throws(ScenarioError) {
        let truth = scenario.truth
        guard truth.method == .monteCarlo else {
            try self.init(formulaOf: scenario)
            return
        }
        let experiment = try MonteCarloExperiment(of: scenario)
        guard truth.maximumTrials >= experiment.settings.trials else {
            throw ScenarioError(file: scenario.file, key: .student(.truthMaximumTrials),
                                reason: "must be at least \(ScenarioKey.monteCarlo(.trials)) = \(experiment.settings.trials), got \(truth.maximumTrials)")
        }
        do {
            try self.init(monteCarloTruthOf: experiment, standardError: truth.standardError, maximumTrials: truth.maximumTrials,
                          seed: scenario.seed, pointIndex: point, threads: threads)
        } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }

    /// The analytic KD answer of `scenario`, whatever its `truth` says.
    /// - Throws: `ScenarioError` for an invalid model or a setting no regime covers.
    public init(formulaOf scenario: Scenario) throws(ScenarioError) {
        let m = try scenario.buildModel()
        do { try self.init(model: m, teacher: scenario.teacher, student: scenario.student) } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }

    /// The KD answer of sweep grid point `point`: the scalar fast path (`scalarFastPath`) for a
    /// correlations model where it applies and the truth is analytic, `init(of:point:)` otherwise
    /// (on one thread). Same answer to rounding, same errors.
    public init(sweepPoint scenario: Scenario, point: Int = 0) throws(ScenarioError) {
        if scenario.truth.method == .analytic, case .correlations(let ts, let sy, let ty) = scenario.model,
           let fast = KDAnalysis.scalarFastPath(rhoTS: ts, rhoSY: sy, rhoTY: ty, teacher: scenario.teacher, student: scenario.student) {
            self = fast
            return
        }
        try self.init(of: scenario, point: point)
    }
}

extension MonteCarloExperiment {
    /// The squared-loss Monte Carlo experiment of `scenario`, with `settings` in place of its
    /// `[monte_carlo]` if given. - Throws: `ScenarioError` at the key at fault (e.g. `student.n`
    /// for a singular student system, `student.loss` for a logistic student).
    public init(of scenario: Scenario, settings: MonteCarloSettings? = nil) throws(ScenarioError) {
        try Self.checkSquaredLoss(scenario)
        let m = try scenario.buildModel()
        do {
            try self.init(model: m, teacher: scenario.teacher, student: scenario.student, settings: settings ?? scenario.monteCarlo)
        } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }

    /// Throws unless `scenario`'s student has the squared loss (a logistic student's Monte Carlo is
    /// `LogisticKDExperiment`).
    static func checkSquaredLoss(_ scenario: Scenario) throws(ScenarioError) {
        guard scenario.classification == nil else {
            throw ScenarioError(file: scenario.file, key: .student(.loss),
                                reason: "the squared-loss Monte Carlo does not apply to a logistic student; use cchsim classify")
        }
    }

    /// Runs the experiment as grid point `pointIndex` of `scenario`'s seed (the scenario it was
    /// made of). - Throws: `ScenarioError` when a trial fails (numerically singular system).
    public func run(of scenario: Scenario, pointIndex: Int = 0, threads: Int) throws(ScenarioError) -> MonteCarloSummary {
        do { return try run(seed: scenario.seed, pointIndex: pointIndex, threads: threads) } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }
}

extension ClassInformationSummary {
    /// The class-label informations (I(S;C), I(T;C), the CCH gap with C) of `scenario`'s teacher
    /// when its label is `sign`; nil for a continuous label.
    /// - Throws: `ScenarioError` for an invalid model.
    public init?(of scenario: Scenario) throws(ScenarioError) {
        guard scenario.label == .sign else { return nil }
        let m = try scenario.buildModel()
        do { try self.init(model: m, combination: scenario.teacher.combination) } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }
}

extension LogisticKDExperiment {
    /// The classification KD experiment of a logistic-student scenario (nil for the squared loss),
    /// with `trials` paired trials and an optional sampled test set.
    /// - Throws: `ScenarioError` at the key at fault.
    public init?(of scenario: Scenario, trials: Int, testSamples: Int? = nil) throws(ScenarioError) {
        guard let spec = scenario.classification else { return nil }
        let m = try scenario.buildModel()
        do { try self.init(model: m, spec: spec, trials: trials, testSamples: testSamples) } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }
}

extension TeacherSetComparison {
    /// Every teacher set and ensemble of `scenario`'s teacher modalities, compared by formula for
    /// its teacher settings and student. - Throws: `ScenarioError` for an invalid model or more
    /// than `maximumModalities` modalities.
    public init(of scenario: Scenario) throws(ScenarioError) {
        let m = try scenario.buildModel()
        do { try self.init(model: m, teacher: scenario.teacher, student: scenario.student) } catch {
            throw ScenarioError(file: scenario.file, error)
        }
    }
}

extension DecisionReliability {
    /// The decision reliability of `scenario`'s `[estimation]` (or `settings`) with its seed (or
    /// `seed`), for grid point `point`. `options` names the command-line options that set
    /// parameters of `settings`, so that an error names the option rather than the file's key.
    /// - Throws: `ScenarioError` at `estimation.<key>` (or the option) when a sample size is too
    ///   small for an estimator.
    public init(of scenario: Scenario, settings: EstimationSettings? = nil, seed: UInt64? = nil, point: Int = 0,
                parallel: Bool = true, options: [Parameter: String] = [:]) throws(ScenarioError) {
        let m = try scenario.buildModel()
        do {
            try self.init(model: m, label: scenario.label, settings: settings ?? scenario.estimation, seed: seed ?? scenario.seed,
                          point: point, parallel: parallel)
        } catch {
            throw ScenarioError(file: scenario.file, error, options: options)
        }
    }
}

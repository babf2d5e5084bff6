import CrossModalKD

extension Parameter {
    /// The dotted scenario key that sets the parameter: the one place where the library's
    /// parameters meet file keys. Model scenarios and data scenarios use the same keys for what
    /// they share (`student.n`, `teacher.n`, `student.lambda`, `estimation.k`, ...).
    public var scenarioKey: String {
        switch self {
        case .teacherDimension: "model.dt"
        case .studentDimension: "model.ds"
        case .covariance: "model.matrix"
        case .rhoTS: "model.rho_ts"
        case .rhoSY: "model.rho_sy"
        case .rhoTY: "model.rho_ty"
        case .correlations: "model.rho_ts/rho_sy/rho_ty"
        case .teacherLoadings: "model.teacher_loadings"
        case .studentLoadings: "model.student_loadings"
        case .labelLoadings: "model.label_loadings"
        case .teacherNoise: "model.teacher_noise"
        case .studentNoise: "model.student_noise"
        case .labelNoise: "model.label_noise"
        case .teacherModalities: "model.teachers"
        case .model: "model"
        case .teacherScale: "teacher.scale"
        case .teacherProjection: "teacher.projection"
        case .teacherRows: "teacher.rows"
        case .teacherFit: "teacher.fit"
        case .teacherSamples: "teacher.n"
        case .teacherRidge: "teacher.ridge"
        case .teacherSet: "teacher.modalities"
        case .teacherWeights: "teacher.weights"
        case .studentSamples: "student.n"
        case .studentRidge: "student.ridge"
        case .lambda: "student.lambda"
        case .temperature: "student.temperature"
        case .lambdaGrid: "student.lambda_grid"
        case .validationFraction: "student.validation_fraction"
        case .truth: "student.truth"
        case .truthStandardError: "student.truth_se"
        case .truthMaximumTrials: "student.truth_max_trials"
        case .trials: "monte_carlo.trials"
        case .testSamples: "monte_carlo.test_n"
        case .threads: "monte_carlo.threads"
        case .monteCarlo: "monte_carlo"
        case .sampleSizes: "estimation.n"
        case .repeats: "estimation.repeats"
        case .neighbours: "estimation.k"
        case .replicates: "estimation.replicates"
        case .level: "estimation.level"
        case .folds: "estimation.folds"
        case .splits: "experiment.splits"
        case .components: "data.components"
        }
    }
}

extension ParameterError {
    /// `key: reason`, the parameter named by its scenario key (for notes that are not errors, such
    /// as why a Monte Carlo run has no analytic value beside it).
    public var scenarioDescription: String { "\(parameter.scenarioKey): \(reason)" }
}

extension ScenarioError {
    /// A library parameter error located in `file`: `file: key: reason`, the key the parameter's
    /// `scenarioKey`, or the command-line option in `options` that set the parameter instead.
    public init(file: String, _ error: ParameterError, options: [Parameter: String] = [:]) {
        self.init(file: file, key: options[error.parameter] ?? error.parameter.scenarioKey, reason: error.reason)
    }
}

extension ScenarioError {
    /// An error of a computation the scenario in `file` set up: a `ParameterError` at its
    /// parameter's key, any other (data that cannot support a fit or an estimate) as
    /// `file: description`.
    public init(file: String, computing error: any Error) {
        if let e = error as? ParameterError { self.init(file: file, e) } else { self.init(file: file, key: "", reason: "\(error)") }
    }
}

import CrossModalKD

extension Parameter {
    /// The scenario key that sets the parameter: the one place where the library's parameters
    /// meet file keys. Model scenarios and data scenarios use the same keys for what they share
    /// (`student.n`, `teacher.n`, `student.lambda`, `estimation.k`, ...). Nil for a parameter that
    /// no single key sets (a whole table, or the three correlations together; see `scenarioKey`).
    public var key: ScenarioKey? {
        switch self {
        case .teacherDimension: .model(.dt)
        case .studentDimension: .model(.ds)
        case .covariance: .model(.matrix)
        case .rhoTS: .model(.rhoTS)
        case .rhoSY: .model(.rhoSY)
        case .rhoTY: .model(.rhoTY)
        case .teacherLoadings: .model(.teacherLoadings)
        case .studentLoadings: .model(.studentLoadings)
        case .labelLoadings: .model(.labelLoadings)
        case .teacherNoise: .model(.teacherNoise)
        case .studentNoise: .model(.studentNoise)
        case .labelNoise: .model(.labelNoise)
        case .teacherModalities: .model(.teachers)
        case .teacherScale: .teacher(.scale)
        case .teacherProjection: .teacher(.projection)
        case .teacherRows: .teacher(.rows)
        case .teacherFit: .teacher(.fit)
        case .teacherSamples: .teacher(.n)
        case .teacherRidge: .teacher(.ridge)
        case .teacherSet: .teacher(.modalities)
        case .teacherWeights: .teacher(.weights)
        case .studentSamples: .student(.n)
        case .studentRidge: .student(.ridge)
        case .lambda: .student(.lambda)
        case .temperature: .student(.temperature)
        case .lambdaGrid: .student(.lambdaGrid)
        case .validationFraction: .student(.validationFraction)
        case .truth: .student(.truth)
        case .truthStandardError: .student(.truthSE)
        case .truthMaximumTrials: .student(.truthMaximumTrials)
        case .trials: .monteCarlo(.trials)
        case .testSamples: .monteCarlo(.testN)
        case .threads: .monteCarlo(.threads)
        case .sampleSizes: .estimation(.n)
        case .repeats: .estimation(.repeats)
        case .neighbours: .estimation(.k)
        case .replicates: .estimation(.replicates)
        case .level: .estimation(.level)
        case .folds: .estimation(.folds)
        case .splits: .experiment(.splits)
        case .components: .data(.components)
        case .correlations, .model, .monteCarlo: nil
        }
    }

    /// Where an error about the parameter points: its key dotted (`model.rho_ts`), the table that
    /// sets it (`model`, `monte_carlo`), or the three correlations `model.rho_ts/rho_sy/rho_ty`.
    public var scenarioKey: String {
        switch self {
        case .model: ScenarioKey.Table.model.rawValue
        case .monteCarlo: ScenarioKey.Table.monteCarlo.rawValue
        case .correlations:
            ScenarioKey.model(.rhoTS).dotted + "/" + [ScenarioKey.Model.rhoSY, .rhoTY].map(\.rawValue).joined(separator: "/")
        default: key?.dotted ?? ""
        }
    }
}

extension Remedy {
    /// The remedy as a scenario file's user acts on it: the parameter named by its key, the
    /// computation by the command that runs it.
    public var scenarioText: String {
        switch self {
        case .positive(let p): "set \(p.scenarioKey) > 0"
        case .atLeast(let p, let bound): "set \(p.scenarioKey) >= \(bound)"
        case .deterministicEquivalent: "set \(ScenarioKey.student(.approximation)) = true for the deterministic equivalent"
        case .monteCarlo: "estimate it by Monte Carlo with `cchsim simulate`"
        case .populationFormula: "\"inf\" is the population regime: use cchsim analyze"
        }
    }
}

extension ParameterError {
    /// The reason and its remedies, worded for a scenario file (`Remedy.scenarioText`).
    public var scenarioReason: String { reason(wordingRemedies: \.scenarioText) }

    /// `key: reason`, the parameter named by its scenario key (for notes that are not errors, such
    /// as why a Monte Carlo run has no analytic value beside it).
    public var scenarioDescription: String { "\(parameter.scenarioKey): \(scenarioReason)" }
}

extension ScenarioError {
    /// A library parameter error located in `file`: `file: key: reason`, the key the parameter's
    /// `scenarioKey`, or the command-line option in `options` that set the parameter instead.
    public init(file: String, _ error: ParameterError, options: [Parameter: String] = [:]) {
        self.init(file: file, key: options[error.parameter] ?? error.parameter.scenarioKey, reason: error.scenarioReason)
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

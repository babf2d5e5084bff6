/// A setting of the library's computations that a `ParameterError` can be about: the model, the
/// teacher, the student, the Monte Carlo run, the estimation of information from samples, and the
/// real-data experiment. The library names parameters by these cases only; the scenario layer
/// maps each one to the file key that sets it (`Parameter.scenarioKey` in CCHScenario), so an error
/// reads `file: key: reason` without the library knowing about files.
public enum Parameter: CaseIterable, Sendable, Hashable, CustomStringConvertible {
    // The joint Gaussian model (docs/theory.md section 1).
    /// dt, the teacher's dimension.
    case teacherDimension
    /// ds, the student's dimension.
    case studentDimension
    /// The covariance matrix of (T, S, Y).
    case covariance
    /// The correlations rho_TS, rho_SY, rho_TY of the scalar model, and the three together.
    case rhoTS, rhoSY, rhoTY, correlations
    /// The latent-factor model's loadings (At, As, beta) and noise standard deviations.
    case teacherLoadings, studentLoadings, labelLoadings, teacherNoise, studentNoise, labelNoise
    /// The teacher modalities that make up T (their names, dimensions, correlations).
    case teacherModalities
    /// The model as a whole (its scale, or a covariance no single parameter is to blame for).
    case model

    // The teacher's signal (docs/theory.md section 2).
    /// The scale c of the teacher's signal.
    case teacherScale
    /// The projection a of the representation target a'T.
    case teacherProjection
    /// Whose rows a fitted teacher is fitted on (its own or the student's).
    case teacherRows
    /// How the teacher is fitted (oracle, OLS, ridge, logistic).
    case teacherFit
    /// n_T, the teacher's own training rows.
    case teacherSamples
    /// The fitted teacher's ridge penalty.
    case teacherRidge
    /// Which teacher modalities teach (a set, or the members of an ensemble).
    case teacherSet
    /// The weights of an ensemble of teachers.
    case teacherWeights

    // The student.
    /// n, the student's training rows.
    case studentSamples
    /// gamma, the student's ridge penalty.
    case studentRidge
    /// lambda, the weight of the KD term.
    case lambda
    /// The softening temperature of a classification student.
    case temperature
    /// The lambda values a data experiment validates over.
    case lambdaGrid
    /// The share of the student's rows a data experiment holds out for choosing lambda.
    case validationFraction
    /// How the KD answer is obtained (formula or Monte Carlo), its target standard error and
    /// trial budget.
    case truth, truthStandardError, truthMaximumTrials

    // Monte Carlo.
    /// Paired trials.
    case trials
    /// Fresh test rows per trial.
    case testSamples
    /// Worker threads.
    case threads
    /// The Monte Carlo run as a whole (a trial that fails).
    case monteCarlo

    // Estimating information from samples, and the data experiment.
    /// The sample sizes of the decision reliability.
    case sampleSizes
    /// Samples drawn per sample size.
    case repeats
    /// k, the neighbours of the KSG estimator.
    case neighbours
    /// Half-sample replicates behind an interval, and the interval's level.
    case replicates, level
    /// Cross-validation folds.
    case folds
    /// Random splits of a data experiment.
    case splits
    /// Principal components kept per view.
    case components

    /// The parameter's name in the library's terms (the scenario layer shows file keys instead).
    public var description: String {
        switch self {
        case .teacherDimension: "dt"
        case .studentDimension: "ds"
        case .covariance: "covariance matrix"
        case .rhoTS: "rho_TS"
        case .rhoSY: "rho_SY"
        case .rhoTY: "rho_TY"
        case .correlations: "rho_TS, rho_SY, rho_TY"
        case .teacherLoadings: "teacher loadings"
        case .studentLoadings: "student loadings"
        case .labelLoadings: "label loadings"
        case .teacherNoise: "teacher noise"
        case .studentNoise: "student noise"
        case .labelNoise: "label noise"
        case .teacherModalities: "teacher modalities"
        case .model: "model"
        case .teacherScale: "teacher scale"
        case .teacherProjection: "teacher projection"
        case .teacherRows: "teacher rows"
        case .teacherFit: "teacher fit"
        case .teacherSamples: "teacher n"
        case .teacherRidge: "teacher ridge"
        case .teacherSet: "teacher set"
        case .teacherWeights: "teacher weights"
        case .studentSamples: "student n"
        case .studentRidge: "student ridge"
        case .lambda: "lambda"
        case .temperature: "temperature"
        case .lambdaGrid: "lambda grid"
        case .validationFraction: "validation fraction"
        case .truth: "truth"
        case .truthStandardError: "truth standard error"
        case .truthMaximumTrials: "truth maximum trials"
        case .trials: "trials"
        case .testSamples: "test n"
        case .threads: "threads"
        case .monteCarlo: "Monte Carlo"
        case .sampleSizes: "sample sizes"
        case .repeats: "repeats"
        case .neighbours: "k"
        case .replicates: "replicates"
        case .level: "level"
        case .folds: "folds"
        case .splits: "splits"
        case .components: "components"
        }
    }
}

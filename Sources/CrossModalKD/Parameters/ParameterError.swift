/// Why a parameter was rejected: the one error type of the library for settings (a model, teacher,
/// student, Monte Carlo, estimation or data-experiment parameter). Failures that are not about a
/// parameter keep their own types (`EstimationError` for a sample an estimator cannot use,
/// `SampleError` for a data fit that fails, `Cholesky.Failure`).
public enum ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value lies outside the parameter's domain; `remedies` say what would do instead.
    case invalid(parameter: Parameter, reason: String, remedies: [Remedy] = [])
    /// Values valid one by one that together give no positive definite covariance (in a sweep,
    /// a point's business rather than a fatal error).
    case notPositiveDefinite(parameter: Parameter, reason: String)
    /// A valid setting that no formula of docs/theory.md section 4 covers; `remedies` say what
    /// would give an answer.
    case regimeDoesNotApply(parameter: Parameter, reason: String, remedies: [Remedy] = [])

    public var parameter: Parameter {
        switch self { case .invalid(let p, _, _), .notPositiveDefinite(let p, _), .regimeDoesNotApply(let p, _, _): p }
    }
    /// Why, without the remedies.
    public var reason: String {
        switch self { case .invalid(_, let r, _), .notPositiveDefinite(_, let r), .regimeDoesNotApply(_, let r, _): r }
    }
    /// What would make the setting acceptable or computable, most direct first.
    public var remedies: [Remedy] {
        switch self {
        case .invalid(_, _, let r), .regimeDoesNotApply(_, _, let r): r
        case .notPositiveDefinite: []
        }
    }
    /// `reason; remedy, or remedy`, the remedies worded by `text`: the one layout of an error's
    /// reason, whoever names the parameters (the library here, the scenario layer with its keys).
    public func reason(wordingRemedies text: (Remedy) -> String) -> String {
        remedies.isEmpty ? reason : reason + "; " + remedies.map(text).joined(separator: ", or ")
    }
    /// `parameter: reason; remedies`, the parameters in the library's terms.
    public var description: String { "\(parameter): \(reason(wordingRemedies: \.description))" }

    /// The one check of a KD weight: lambda (the weight of the teacher's target in the student's
    /// loss) must lie in [0, 1]; NaN and infinities do not.
    static func checkLambda(_ lambda: Double) throws(ParameterError) {
        guard (0...1).contains(lambda) else {
            throw .invalid(parameter: .lambda, reason: "must lie in [0, 1], got \(lambda)")
        }
    }
}

/// What would give an answer where a `ParameterError` refuses one, in the library's terms: the
/// scenario layer words each remedy with its keys and commands (`Remedy.scenarioText` in
/// CCHScenario), so the library never names a file key or a command.
public enum Remedy: Equatable, Sendable, CustomStringConvertible {
    /// A positive value of the parameter (a ridge penalty).
    case positive(Parameter)
    /// A value of the parameter of at least `bound` (a sample size).
    case atLeast(Parameter, Int)
    /// Allowing the deterministic-equivalent approximation where no exact formula applies
    /// (`StudentSpec.allowApproximation`).
    case deterministicEquivalent
    /// Estimating the answer by Monte Carlo (`MonteCarloExperiment`) instead of a formula.
    case monteCarlo
    /// The population regime (n = infinity) has a formula and needs no Monte Carlo.
    case populationFormula

    /// The remedy in the library's terms.
    public var description: String {
        switch self {
        case .positive(let p): "set \(p) > 0"
        case .atLeast(let p, let bound): "set \(p) >= \(bound)"
        case .deterministicEquivalent: "allow the deterministic-equivalent approximation"
        case .monteCarlo: "estimate it by Monte Carlo"
        case .populationFormula: "the population regime (n = infinity) has a formula: use it"
        }
    }
}

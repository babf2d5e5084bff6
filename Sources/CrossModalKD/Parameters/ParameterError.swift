/// Why a parameter was rejected: the one error type of the library for settings (a model, teacher,
/// student, Monte Carlo, estimation or data-experiment parameter). Failures that are not about a
/// parameter keep their own types (`EstimationError` for a sample an estimator cannot use,
/// `SampleError` for a data fit that fails, `Cholesky.Failure`).
public enum ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value lies outside the parameter's domain.
    case invalid(parameter: Parameter, reason: String)
    /// Values valid one by one that together give no positive definite covariance (in a sweep,
    /// a point's business rather than a fatal error).
    case notPositiveDefinite(parameter: Parameter, reason: String)
    /// A valid setting that no formula of docs/theory.md section 4 covers.
    case regimeDoesNotApply(parameter: Parameter, reason: String)

    public var parameter: Parameter {
        switch self { case .invalid(let p, _), .notPositiveDefinite(let p, _), .regimeDoesNotApply(let p, _): p }
    }
    public var reason: String {
        switch self { case .invalid(_, let r), .notPositiveDefinite(_, let r), .regimeDoesNotApply(_, let r): r }
    }
    /// `parameter: reason`, the parameter in the library's terms.
    public var description: String { "\(parameter): \(reason)" }

    /// The one check of a KD weight: lambda (the weight of the teacher's target in the student's
    /// loss) must lie in [0, 1]; NaN and infinities do not.
    static func checkLambda(_ lambda: Double) throws(ParameterError) {
        guard (0...1).contains(lambda) else {
            throw .invalid(parameter: .lambda, reason: "must lie in [0, 1], got \(lambda)")
        }
    }
}

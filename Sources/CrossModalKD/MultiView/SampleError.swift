/// Why a fit or an estimate on a data sample failed: too few rows, a singular design, a constant
/// column, too few classes. The data's fault, not a parameter's (those are `ParameterError`s).
public struct SampleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed, e.g. "linear fit" or the quantity being estimated.
    public let subject: String
    public let reason: String

    public init(_ subject: String, _ reason: String) {
        self.subject = subject
        self.reason = reason
    }

    /// `subject: reason`.
    public var description: String { "\(subject): \(reason)" }
}

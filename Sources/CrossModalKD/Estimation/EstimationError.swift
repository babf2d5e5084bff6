/// Why mutual information could not be estimated from a sample (a setting out of range is a
/// `ParameterError`).
public enum EstimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Too few rows for the estimator (`needed` is the least usable sample size).
    case tooFewSamples(estimator: String, rows: Int, needed: Int)
    /// The sample covariance of a block is singular (a constant or collinear column).
    case singularCovariance(block: String)
    /// Two rows coincide in the joint space, so a kNN distance is zero (discrete data?).
    case duplicatePoints(block: String, rows: Int)
    /// A model of the classes could not be fitted on the sample (the Gaussian posterior's pooled
    /// covariance, the probe's classifier or folds): the fit's own reason.
    case classModel(reason: String)

    public var description: String {
        switch self {
        case .tooFewSamples(let e, let rows, let needed):
            "the \(e) estimator needs at least \(needed) rows, got \(rows)"
        case .singularCovariance(let block):
            "the sample covariance of \(block) is singular (a constant column, or columns that are linear combinations of others)"
        case .duplicatePoints(let block, let rows):
            "\(rows) rows coincide with another row in \(block), so a nearest-neighbour distance is 0: "
                + "KSG needs continuous data (for a discrete label use a discrete-label estimator)"
        case .classModel(let reason):
            reason
        }
    }

    /// `error`, thrown by a fit of the classes, with its reason: a `SampleError`'s reason, an
    /// `EstimationError` as it is, any other error's description.
    static func classModel(_ error: any Error) -> EstimationError {
        switch error {
        case let estimation as EstimationError: estimation
        case let sample as SampleError: .classModel(reason: sample.reason)
        default: .classModel(reason: "\(error)")
        }
    }
}

/// Why mutual information could not be estimated from a sample (a setting out of range is a
/// `ParameterError`).
public enum EstimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Too few rows for the estimator (`needed` is the least usable sample size).
    case tooFewSamples(estimator: String, rows: Int, needed: Int)
    /// The sample covariance of a block is singular (a constant or collinear column).
    case singularCovariance(block: String)
    /// Two rows coincide in the joint space, so a kNN distance is zero (discrete data?).
    case duplicatePoints(block: String, rows: Int)

    public var description: String {
        switch self {
        case .tooFewSamples(let e, let rows, let needed):
            "the \(e) estimator needs at least \(needed) rows, got \(rows)"
        case .singularCovariance(let block):
            "the sample covariance of \(block) is singular (a constant column, or columns that are linear combinations of others)"
        case .duplicatePoints(let block, let rows):
            "\(rows) rows coincide with another row in \(block), so a nearest-neighbour distance is 0: "
                + "KSG needs continuous data (for a discrete label use a discrete-label estimator)"
        }
    }
}

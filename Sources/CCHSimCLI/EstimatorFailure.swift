import CrossModalKD

/// An estimator of `estimate-mi` that failed on its sample: `SOURCE: ESTIMATOR: CAUSE`, saying
/// that the intervals re-estimate on half-samples when there are intervals (a half-sample may be
/// too small for an estimator the whole sample suits).
struct EstimatorFailure: Error, CustomStringConvertible {
    /// The sample's origin, `SampleInput.source`.
    let source: String
    let estimator: MIEstimatorKind
    /// The estimator's own error (`ParameterError`, `EstimationError`).
    let cause: any Error
    /// Rows of each half-sample the intervals re-estimate on; nil without intervals (`--replicates 0`).
    let halfSampleRows: Int?

    var description: String {
        "\(source): \(estimator.rawValue): \(cause)"
            + (halfSampleRows.map { " (intervals re-estimate on halves of \($0) rows; --replicates 0 turns them off)" } ?? "")
    }
}

/// One estimator's answer on a sample: the estimated I(T;S), I(S;Y) and CCH gap, with
/// half-sampling intervals when asked for.
public struct EstimatedGap: Sendable {
    public let estimator: any InformationEstimator
    public let estimate: GapEstimate
    /// nil when no resampling was asked for (replicates = 0).
    public let intervals: GapResampling?

    /// Estimates on all rows of `data`; `replicates` > 0 adds intervals at `level` from the
    /// half-samples of `seed`. - Throws: `EstimationError` for a sample the estimator cannot use,
    /// `ParameterError` for `replicates` or `level` out of range.
    public init(_ data: Matrix, _ columns: CCHColumns, estimator: any InformationEstimator, replicates: Int,
                level: Double, seed: UInt64) throws {
        self.estimator = estimator
        estimate = try GapEstimate(SampleRows(data), columns, estimator: estimator)
        intervals = replicates > 0
            ? try GapResampling(data, columns, estimator: estimator, estimate: estimate,
                                replicates: replicates, level: level, seed: seed)
            : nil
    }

    /// CCH's verdict from the estimate: KD helps iff the estimated gap is positive (nil without a gap).
    public var predictsGain: Bool? { estimate.gap.map { $0 > 0 } }
    /// Fraction of the half-sample replicates whose centred gap is positive (nil without an
    /// interval of the gap): the sign-error probability when the estimated gap is not positive,
    /// its complement otherwise, taken from the exact count of wrong signs.
    public var positiveReplicateFraction: Double? {
        guard let intervals, let wrong = intervals.signErrors, let gap = estimate.gap else { return nil }
        return Double(gap > 0 ? intervals.replicates - wrong : wrong) / Double(intervals.replicates)
    }
    /// Whether the interval of the gap excludes 0 (nil without an interval).
    public var settled: Bool? { intervals?.gap?.excludesZero }
}

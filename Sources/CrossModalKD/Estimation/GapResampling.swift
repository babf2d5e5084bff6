/// A two-sided interval at confidence `level` (e.g. 0.95) around an estimate.
public struct ConfidenceInterval: Sendable, Equatable {
    public let lower: Double, upper: Double, level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether 0 lies outside the interval (the sign is settled at this level).
    public var excludesZero: Bool { lower > 0 || upper < 0 }

    /// The p-quantile of `values` (non-empty), interpolating linearly between order statistics
    /// (R's type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = p * Double(sorted.count - 1)
        let i = Int(h.rounded(.down)), j = min(i + 1, sorted.count - 1)
        return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
    }

    /// The half-sampling interval of `estimate` (`GapResampling`): the estimate shifted by the
    /// (1 - level)/2 and (1 + level)/2 quantiles of the `replicates` (non-empty) about their mean;
    /// also the shifted replicates, sorted (the estimate's resampling distribution).
    static func centred(_ estimate: Double, _ replicates: [Double], level: Double) -> (interval: ConfidenceInterval, shifted: [Double]) {
        let mean = replicates.reduce(0, +) / Double(replicates.count)
        let shifted = replicates.map { estimate + $0 - mean }.sorted()
        return (ConfidenceInterval(lower: quantile(shifted, (1 - level) / 2), upper: quantile(shifted, (1 + level) / 2), level: level), shifted)
    }
}

/// Resampling intervals for the estimated CCH quantities, by the half-sampling bootstrap:
/// replicate b re-estimates on a random half of the rows (drawn without replacement), and the
/// interval is the estimate shifted by the (1 - level)/2 and (1 + level)/2 quantiles of the
/// replicates about their mean.
///
/// Why halves rather than the classical with-replacement bootstrap: a with-replacement resample
/// repeats rows, which the kNN (KSG) estimator sees as clumps of neighbours; at N = 500 the
/// classical bootstrap overstated the KSG gap's sampling sd by about 1.5x (plug-in: 1.1x).
/// For a smooth statistic, the spread of estimates on half-samples without replacement matches
/// the full-sample spread (the delete-d jackknife with d = N/2 has factor (N - d)/d = 1), with no
/// repeated rows. Centring on the full estimate removes the shift between the estimator's bias at
/// N/2 and at N. Every estimator sees the same halves (paired); half b is drawn from the stream
/// (seed, [tag, b]), so intervals are reproducible whatever the threading.
public struct GapResampling: Sendable {
    public let replicates: Int
    public let teacherStudent: ConfidenceInterval
    public let studentLabel: ConfidenceInterval?
    public let gap: ConfidenceInterval?
    /// Number of replicates whose centred gap has the other sign than the full-sample gap
    /// (`SignError`); nil without a gap.
    public let signErrors: Int?
    /// Fraction of replicates whose centred gap has the other sign than the full-sample gap: the
    /// estimated probability that CCH's verdict from this estimate is wrong (nil without a gap).
    public var signErrorProbability: Double? { signErrors.map { Double($0) / Double(replicates) } }

    /// Stream tag of the half-samples ("cls-half").
    static let streamTag: UInt64 = 0x636C_732D_6861_6C66

    /// Row indices of half-sample `b` of `n` rows: floor(n/2) distinct rows (partial Fisher-Yates).
    public static func halfSample(_ n: Int, seed: UInt64, replicate b: Int) -> [Int] {
        let stream = RandomStream(seed: seed, ids: [streamTag, UInt64(b)])
        var order = Array(0..<n)
        for i in 0..<(n / 2) { order.swapAt(i, i + stream.index(below: n - i)) }
        return Array(order[0..<(n / 2)])
    }

    /// Intervals around `estimate` (the full-sample `GapEstimate` of `data`) from `replicates` >= 2
    /// half-samples. - Throws: `ParameterError` for `replicates` or `level` out of range,
    /// `EstimationError` for a half-sample the estimator cannot use.
    public init(_ data: Matrix, _ columns: CCHColumns, estimator: any InformationEstimator, estimate: GapEstimate,
                replicates: Int, level: Double = 0.95, seed: UInt64) throws {
        guard replicates >= 2 else { throw ParameterError.invalid(parameter: .replicates, reason: "needs at least 2, got \(replicates)") }
        guard level > 0, level < 1 else { throw ParameterError.invalid(parameter: .level, reason: "must lie strictly between 0 and 1, got \(level)") }
        let results = Parallel.map(replicates) { b -> Result<GapEstimate, EstimationError> in
            let rows = SampleRows(data, indices: Self.halfSample(data.rows, seed: seed, replicate: b))
            do throws(EstimationError) {
                return .success(try GapEstimate(rows, columns, estimator: estimator, parallel: false))
            } catch {
                return .failure(error)
            }
        }
        var halves: [GapEstimate] = []
        for r in results {
            switch r {
            case .success(let e): halves.append(e)
            case .failure(let e): throw e
            }
        }
        self.replicates = replicates
        teacherStudent = ConfidenceInterval.centred(estimate.teacherStudent, halves.map(\.teacherStudent), level: level).interval
        let labels = halves.compactMap(\.studentLabel)
        if let full = estimate.studentLabel, labels.count == replicates {
            studentLabel = ConfidenceInterval.centred(full, labels, level: level).interval
        } else {
            studentLabel = nil
        }
        let gaps = halves.compactMap(\.gap)
        if let full = estimate.gap, gaps.count == replicates {
            let (interval, shifted) = ConfidenceInterval.centred(full, gaps, level: level)
            gap = interval
            signErrors = SignError.count(shifted, against: full)
        } else {
            gap = nil
            signErrors = nil
        }
    }
}

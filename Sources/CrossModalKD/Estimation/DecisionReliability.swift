import Foundation

/// How often an estimated CCH gap gets CCH's decision wrong: for samples of n rows drawn from the
/// model, the probability that the estimated gap's sign differs from the true gap's,
/// P(sign(Delta-hat) != sign(Delta)), per estimator (docs/theory.md section 6.4).
///
/// The true gap is the closed form: I(T;S) - I(S;Y) for a continuous label, I(T;S) - I(S;C) for
/// C = sign(Y). "Positive" means > 0 on both sides, as CCH's prediction does. Every estimator
/// sees the same samples (paired). Repeat r at sample size n draws from the stream
/// (seed, [tag, point, n, r]), so the answer is the same whatever the thread count; `point`
/// separates the grid points of a sweep.
public struct DecisionReliability: Sendable {
    /// One estimator at one sample size.
    public struct Row: Sendable, Equatable {
        public let samples: Int
        public let estimator: MIEstimatorKind
        public let repeats: Int
        /// Repeats whose estimated gap has the other sign than the true gap (`SignError`).
        public let signErrors: Int
        /// Mean and standard deviation of the estimated gap over the repeats, nats.
        public let gapMean: Double, gapSD: Double

        /// P(sign(Delta-hat) != sign(Delta)), estimated by signErrors / repeats.
        public var signErrorProbability: Double { Double(signErrors) / Double(repeats) }
        /// Binomial standard error of `signErrorProbability`.
        public var signErrorStandardError: Double {
            let p = signErrorProbability
            return (p * (1 - p) / Double(repeats)).squareRoot()
        }
    }

    /// The closed-form gap the estimates are judged against, nats.
    public let trueGap: Double
    /// Rows in the order sample size, then estimator.
    public let rows: [Row]
    /// Estimators left out because they do not handle the label (the Gaussian family with a sign label).
    public let skipped: [MIEstimatorKind]

    /// Stream tag of the reliability samples ("cls-rel").
    static let streamTag: UInt64 = 0x636C_732D_7265_6C

    /// Runs `repeats` >= 2 samples at each of `sampleSizes` through each estimator.
    /// - Throws: `ParameterError` (a sample size too small for an estimator names the sample sizes,
    ///   the size and the estimator).
    public init(model: JointGaussian, label: LabelKind, sampleSizes: [Int], repeats: Int,
                estimators: [any InformationEstimator], seed: UInt64, point: Int = 0, parallel: Bool = true) throws(ParameterError) {
        guard !sampleSizes.isEmpty, sampleSizes.allSatisfy({ $0 >= 2 }) else {
            throw .invalid(parameter: .sampleSizes, reason: "needs one or more sample sizes of at least 2, got \(sampleSizes)")
        }
        guard repeats >= 2 else { throw .invalid(parameter: .repeats, reason: "must be at least 2, got \(repeats)") }
        let columns = CCHColumns(model: model, label: label)
        let used = estimators.filter { $0.handles(label.ofSamples) }
        skipped = estimators.filter { !$0.handles(label.ofSamples) }.map(\.kind)
        let truth = label == .sign ? ClassInformationSummary(model: model).cchGap : InformationSummary(model: model).cchGap
        trueGap = truth
        let sampler = GaussianSampler(model: model)
        var table: [Row] = []
        for n in sampleSizes {
            // gaps[r][e]: repeat r, estimator e.
            let results = Parallel.map(repeats, parallel: parallel) { r -> Result<[Double], EstimationError> in
                let stream = RandomStream(seed: seed, ids: [Self.streamTag, UInt64(point), UInt64(n), UInt64(r)])
                let sample = SampleRows(sampler.draw(n, label: label, from: stream))
                do throws(EstimationError) {
                    return .success(try used.map { e throws(EstimationError) in
                        try GapEstimate(sample, columns, estimator: e, parallel: false).gap ?? .nan
                    })
                } catch {
                    return .failure(error)
                }
            }
            var gaps: [[Double]] = []
            for result in results {
                switch result {
                case .success(let g): gaps.append(g)
                case .failure(let e): throw e.atSampleSize(n)
                }
            }
            for (e, estimator) in used.enumerated() {
                let values = gaps.map { $0[e] }
                let mean = SampleStatistics.mean(values)
                let sd = SampleStatistics.standardDeviation(values, mean: mean)
                table.append(Row(samples: n, estimator: estimator.kind, repeats: repeats,
                                 signErrors: SignError.count(values, against: truth), gapMean: mean, gapSD: sd))
            }
        }
        rows = table
    }
}

extension EstimationError {
    /// The error as one of the sample sizes, the size it happened at.
    func atSampleSize(_ n: Int) -> ParameterError {
        .invalid(parameter: .sampleSizes, reason: "at n = \(n): \(description)")
    }
}

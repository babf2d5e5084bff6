/// The measured KD gains of one ordered pair, paired over the splits (each split's student
/// without and with KD see the same rows), as `MonteCarloEstimate`s: mean, sd, SE = sd / sqrt(splits).
///
/// Class label: `gain` is the test accuracy with KD at lambda minus without (fraction of test
/// rows), `crossEntropyGain` the test cross-entropy without minus with (nats); continuous label:
/// `gain` is the test MSE without minus with, `crossEntropyGain` nil. Positive = KD helps.
/// `tunedGain` is `gain` at the lambda chosen on validation rows.
public struct DistillationGain: Sendable {
    public let pair: ViewPair
    public let gain: MonteCarloEstimate
    public let crossEntropyGain: MonteCarloEstimate?
    public let tunedGain: MonteCarloEstimate
    /// Mean test score of the student without and with KD (accuracy, or MSE for a continuous label).
    public let withoutKD: Double, withKD: Double
    /// Mean of the chosen lambda over the splits.
    public let meanChosenLambda: Double

    /// z = gain / SE (0 when both are 0).
    public var z: Double { gain.zScore(against: 0) }
    public var tunedZ: Double { tunedGain.zScore(against: 0) }

    /// The measured truth CCH is judged against: KD helps when the gain is significantly positive,
    /// z > 1.96 (two-sided 5% level).
    public var helps: Bool { z > MonteCarloEstimate.normalQuantile975 }

    public init(_ result: DistillationExperiment.PairResult, continuous: Bool) {
        pair = result.pair
        func primary(_ s: ClassifierScore) -> Double { continuous ? -s.crossEntropy : s.accuracy }
        gain = SampleStatistics.estimate(zip(result.with, result.without).map { primary($0) - primary($1) })
        tunedGain = SampleStatistics.estimate(zip(result.tuned, result.without).map { primary($0) - primary($1) })
        crossEntropyGain = continuous ? nil : SampleStatistics.estimate(zip(result.without, result.with).map { $0.crossEntropy - $1.crossEntropy })
        let measure: (ClassifierScore) -> Double = continuous ? { $0.crossEntropy } : { $0.accuracy }
        withoutKD = result.without.map(measure).reduce(0, +) / Double(result.without.count)
        withKD = result.with.map(measure).reduce(0, +) / Double(result.with.count)
        meanChosenLambda = result.chosenLambda.reduce(0, +) / Double(result.chosenLambda.count)
    }
}

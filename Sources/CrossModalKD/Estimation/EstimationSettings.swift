/// The sample-based side of a scenario (`[estimation]`): at which sample sizes, with how many
/// repeats and with which estimators the CCH gap is estimated from samples (decision reliability).
public struct EstimationSettings: Sendable, Equatable {
    /// Sample sizes n (each >= 2).
    public var sampleSizes: [Int]
    /// Samples drawn per sample size (>= 2).
    public var repeats: Int
    /// Neighbours of the KSG estimator.
    public var k: Int
    /// Estimators of a model scenario's samples (`MIEstimatorKind.onModelSamples`).
    public var estimators: [MIEstimatorKind]

    public init(sampleSizes: [Int] = [100, 300, 1000, 3000], repeats: Int = 200, k: Int = 3,
                estimators: [MIEstimatorKind] = MIEstimatorKind.onModelSamples) {
        self.sampleSizes = sampleSizes
        self.repeats = repeats
        self.k = k
        self.estimators = estimators
    }
}

extension DecisionReliability {
    /// The decision reliability `settings` describe, for `model` with its label.
    public init(model: JointGaussian, label: LabelKind, settings s: EstimationSettings, seed: UInt64,
                point: Int = 0, parallel: Bool = true) throws(ParameterError) {
        var estimators: [any InformationEstimator] = []
        for kind in s.estimators { estimators.append(try kind.estimator(k: s.k)) }
        try self.init(model: model, label: label, sampleSizes: s.sampleSizes, repeats: s.repeats,
                      estimators: estimators, seed: seed, point: point, parallel: parallel)
    }
}

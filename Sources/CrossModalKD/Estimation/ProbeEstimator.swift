/// The probe (`MIEstimatorKind.probe`), in nats: I(A;B) by the bias-corrected Gaussian plug-in
/// (`GaussianEstimator`, the linear dependence), and I(A;Y) for a coded class label by the
/// held-out cross-entropy lower bound of a softmax classifier: fitted (ridge `ridge`) on all but
/// one of `folds` parts of the rows and scored on the part left out, I >= H(Y) - CE_held-out with
/// H(Y) the empirical label entropy of the rows. A lower bound up to estimation error (it can be
/// negative when the classifier is worse than the priors): the linearly decodable information.
/// A continuous or uncoded label is not handled.
public struct ProbeEstimator: InformationEstimator {
    /// Folds of the cross-validation (at least 2, and a row per fold).
    public let folds: Int
    /// Ridge penalty of the softmax classifier.
    public let ridge: Double

    public init(folds: Int = 5, ridge: Double = 1e-3) {
        self.folds = folds
        self.ridge = ridge
    }

    public var kind: MIEstimatorKind { .probe }

    public func mutualInformation(_ rows: SampleRows, _ a: [Int], _ b: [Int], parallel: Bool = true) throws(EstimationError) -> Double {
        try GaussianEstimator().mutualInformation(rows, a, b, parallel: parallel)
    }

    public func handles(_ label: SampleLabel.Kind) -> Bool { label == .codedClasses }

    public func labelInformation(_ rows: SampleRows, _ a: [Int], _ label: SampleLabel, parallel: Bool = true) throws(EstimationError) -> Double? {
        guard case .classes(_, let codes?) = label else { return nil }
        do { return try heldOutBound(rows, a, codes) } catch { throw .classModel(error) }
    }

    /// The held-out bound on `sample`'s rows. Folds are a permutation of the rows drawn from the
    /// stream (codes.seed, [tag]): the same for any thread count.
    /// - Throws: `ParameterError` for too few folds or rows, the classifier's fitting error.
    func heldOutBound(_ sample: SampleRows, _ columns: [Int], _ codes: ClassCodes) throws -> Double {
        let rows = sample.indices, labels = codes.labels
        guard folds >= 2, rows.count >= folds else {
            throw ParameterError.invalid(parameter: .folds, reason: "needs at least 2 folds and a row per fold, got \(folds) folds of \(rows.count) rows")
        }
        let stream = RandomStream(seed: codes.seed, ids: [Self.streamTag])
        var order = rows
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, stream.index(below: i + 1)) }
        var totalCE = 0.0
        for f in 0..<folds {
            let test = order.enumerated().filter { $0.offset % folds == f }.map(\.element)
            let train = order.enumerated().filter { $0.offset % folds != f }.map(\.element)
            let model = try SoftmaxKD(features: sample.data.selecting(rows: train, columns: columns), labels: train.map { labels[$0] },
                                      classes: codes.count, ridge: ridge).fit()
            totalCE += model.evaluate(sample.data.selecting(rows: test, columns: columns), labels: test.map { labels[$0] }).crossEntropy
                * Double(test.count)
        }
        return ClassLabelInformation.labelEntropy(labels, classes: codes.count, rows: rows) - totalCE / Double(rows.count)
    }

    /// Stream tag of the probe's folds ("mv-probe").
    static let streamTag: UInt64 = 0x6D76_2D70_726F_6265
}

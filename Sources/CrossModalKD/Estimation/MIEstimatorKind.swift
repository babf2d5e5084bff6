/// The estimators of mutual information cchsim applies to samples, one family
/// (`InformationEstimator`), each by its one name: the raw value used on the command line
/// (`--estimators`), in scenarios (`[estimation] estimators`), reports, JSON and CSV columns
/// (`gaussian_flip_probability`). Add an estimator here and in its own file.
public enum MIEstimatorKind: String, Sendable, CaseIterable {
    /// The Gaussian family (`GaussianEstimator`): I(A;B) and I(S;Y) for a continuous label by the
    /// bias-corrected Gaussian plug-in; I(S;Y) for a coded class label by the class-conditional
    /// Gaussian posterior (linear discriminant analysis).
    case gaussian
    /// Kraskov-Stoegbauer-Grassberger kNN (`KSGEstimator`): algorithm 1, and Ross's variant for a
    /// class label.
    case ksg
    /// The probe (`ProbeEstimator`): I(A;B) by the bias-corrected Gaussian plug-in (the linear
    /// dependence); I(S;Y) for a coded class label by the held-out cross-entropy lower bound of
    /// a cross-validated softmax classifier (the linearly decodable label information).
    case probe

    /// Names the estimators had before they were one family, and their one name now: the
    /// Gaussian plug-in of `estimate-mi`, `reliability` and `[estimation]` was `plugin`.
    public static let formerNames: [String: MIEstimatorKind] = ["plugin": .gaussian]

    /// Whether it needs a coded class label (the probe is a classifier): it does not run on a
    /// continuous label, nor on a model scenario's samples, whose label is not coded.
    public var needsClassLabel: Bool { self == .probe }

    /// The estimators of a model scenario's samples (`estimate-mi`, `reliability`, a sweep's
    /// `[estimation]`): those that do not need a coded class label.
    public static var onModelSamples: [MIEstimatorKind] { allCases.filter { !$0.needsClassLabel } }

    /// The estimators that apply to a multi-view data set's `label` (`teachers`): the default of a
    /// data scenario's `[estimation] estimators`.
    public static func applicable(to label: MultiViewLabel) -> [MIEstimatorKind] {
        allCases.filter { label.classCount != nil || !$0.needsClassLabel }
    }

    /// The estimator with its settings: `k` neighbours for KSG, `folds` and `ridge` for the probe.
    public func estimator(k: Int = 3, folds: Int = 5, ridge: Double = 1e-3) throws(ParameterError) -> any InformationEstimator {
        switch self {
        case .gaussian: GaussianEstimator()
        case .ksg: try KSGEstimator(k: k)
        case .probe: ProbeEstimator(folds: folds, ridge: ridge)
        }
    }
}

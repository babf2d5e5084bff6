/// The estimators of the CCH gap I(T;S) - I(S;Y) on multi-view data: each pairs an estimator of
/// I(T;S) with one of I(S;Y) (docs/real-data.md, "Estimators"). I(A;B) between continuous column
/// sets (I(T;S), and I(S;Y) for a continuous label) is always estimated by `MIEstimator`, the one
/// estimator of I(A;B) on sample rows that `estimate-mi` and `reliability` use too
/// (`mutualInformationEstimator`); the label-specific estimators (the class-conditional Gaussian
/// posterior, the probe) are `ClassLabelInformation`'s.
public enum ViewGapEstimator: String, Sendable, CaseIterable {
    /// I(T;S): bias-corrected Gaussian plug-in. I(S;Y): class-conditional Gaussian posterior
    /// (a class label) or the bias-corrected plug-in (a continuous label). The Gaussian family.
    case gaussian
    /// I(T;S): KSG algorithm 1. I(S;Y): KSG for a discrete label (Ross 2014) or KSG algorithm 1.
    case ksg
    /// I(T;S): bias-corrected Gaussian plug-in (the linear dependence). I(S;Y): the held-out
    /// cross-entropy lower bound of a cross-validated softmax classifier (the linearly decodable
    /// label information). Class labels only.
    case probe

    /// The estimator of I(A;B) between continuous column sets: the bias-corrected Gaussian
    /// plug-in for `.gaussian` and `.probe`, KSG algorithm 1 for `.ksg`.
    public var mutualInformationEstimator: MIEstimatorKind { self == .ksg ? .ksg : .plugin }

    /// Whether the estimator needs a class label (the probe is a classifier).
    public var needsClassLabel: Bool { self == .probe }

    /// The estimators that apply to `label`: the default of `[estimation] estimators`.
    public static func applicable(to label: MultiViewLabel) -> [ViewGapEstimator] {
        allCases.filter { label.classCount != nil || !$0.needsClassLabel }
    }
}

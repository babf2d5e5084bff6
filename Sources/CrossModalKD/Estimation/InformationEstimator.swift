/// One estimator of mutual information from sample rows, in nats: of I(A;B) between two sets of
/// continuous columns (I(T;S), and I(S;Y) for a continuous label) and of the information a set
/// of columns carries about the label (I(S;Y), I(S;C)). The family is `MIEstimatorKind`, whose
/// raw value is each member's one name; `estimate-mi`, `reliability`, the `[estimation]` table of
/// a sweep and `teachers` all estimate through this protocol, so a new estimator is one
/// conforming type (its own file), one case of `MIEstimatorKind`, and its test.
public protocol InformationEstimator: Sendable {
    /// The estimator's name.
    var kind: MIEstimatorKind { get }

    /// Whether tied rows break it (a zero nearest-neighbour distance), so that multi-view data
    /// with repeated values get the tiny seeded noise of `NearestNeighbourNoise` for it.
    var needsDistinctRows: Bool { get }

    /// I(A;B) for two disjoint, non-empty sets of continuous columns of `rows`. `parallel`
    /// spreads the work over all cores (the result does not depend on it).
    func mutualInformation(_ rows: SampleRows, _ a: [Int], _ b: [Int], parallel: Bool) throws(EstimationError) -> Double

    /// Whether it estimates the information about a label of this kind.
    func handles(_ label: SampleLabel.Kind) -> Bool

    /// I(A;Y) between the columns `a` of `rows` and the label `label`; nil when it does not
    /// handle that kind of label (`handles`).
    func labelInformation(_ rows: SampleRows, _ a: [Int], _ label: SampleLabel, parallel: Bool) throws(EstimationError) -> Double?
}

extension InformationEstimator {
    public var needsDistinctRows: Bool { false }
}

/// The label of a sample, as an estimator of the information about it reads it.
public enum SampleLabel: Sendable, Equatable {
    /// A continuous label in column `column`.
    case continuous(column: Int)
    /// A class label: column `column` holds each row's class value (compared exactly), and
    /// `codes`, when the caller has them, number the classes (`ClassCodes`) for the estimators
    /// that fit a model per class (the Gaussian posterior, the probe). The labels of a model
    /// scenario's samples (C = sign(Y)) come without codes: there the Gaussian family estimates
    /// no I(S;C) (as before the estimators were one family) and KSG reads the values.
    case classes(column: Int, codes: ClassCodes?)

    /// What an estimator must handle to read a label.
    public enum Kind: Sendable, Equatable {
        case continuous
        /// Classes by their values only.
        case classes
        /// Classes with `ClassCodes`.
        case codedClasses
    }

    public var kind: Kind {
        switch self {
        case .continuous: .continuous
        case .classes(_, nil): .classes
        case .classes(_, _?): .codedClasses
        }
    }
}

/// Class codes 0..<count for every row of a sample's data (indexed like `SampleRows.data`), and
/// the seed of the randomness an estimator spends on this label (the probe's folds).
public struct ClassCodes: Sendable, Equatable {
    public let labels: [Int]
    public let count: Int
    public let seed: UInt64

    public init(labels: [Int], count: Int, seed: UInt64) {
        self.labels = labels
        self.count = count
        self.seed = seed
    }
}

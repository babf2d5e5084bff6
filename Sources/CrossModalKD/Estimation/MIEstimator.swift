/// The mutual-information estimators cchsim applies to samples: the one family of estimators of
/// I(A;B) on sample rows (`MIEstimator.mutualInformation`), used by `estimate-mi`, `reliability`
/// and, through `ViewGapEstimator.mutualInformationEstimator`, by `teachers`. An estimator that
/// needs the label itself (the probe, a classifier) is not a member: it estimates only I(S;Y) and
/// is a `ViewGapEstimator` whose `needsClassLabel` is true. Raw values are the names used on the
/// command line, in reports, JSON and CSV.
public enum MIEstimatorKind: String, Sendable, CaseIterable {
    /// Gaussian plug-in with the finite-sample bias correction (`GaussianPlugInEstimator`).
    case plugin
    /// Kraskov-Stoegbauer-Grassberger kNN, algorithm 1 (`KSGEstimator`); Ross's variant for a
    /// discrete label.
    case ksg
}

/// One configured estimator.
public struct MIEstimator: Sendable {
    public let kind: MIEstimatorKind
    /// The kNN settings (used by `.ksg`).
    public let ksg: KSGEstimator

    public init(_ kind: MIEstimatorKind, k: Int = 3) throws(ParameterError) {
        self.kind = kind
        ksg = try KSGEstimator(k: k)
    }

    /// Whether it can estimate the information with a discrete label (the Gaussian plug-in cannot).
    public func handles(discreteLabel: Bool) -> Bool { kind == .ksg || !discreteLabel }

    /// I(A;B) for continuous column sets.
    public func mutualInformation(_ rows: SampleRows, _ a: [Int], _ b: [Int], parallel: Bool = true) throws(EstimationError) -> Double {
        switch kind {
        case .plugin: try GaussianPlugInEstimator.mutualInformation(rows, a, b)
        case .ksg: try ksg.mutualInformation(rows, a, b, parallel: parallel)
        }
    }

    /// I(A;C) for continuous columns A and a discrete column C; nil for the plug-in.
    public func mutualInformation(_ rows: SampleRows, _ a: [Int], discrete c: Int, parallel: Bool = true) throws(EstimationError) -> Double? {
        switch kind {
        case .plugin: nil
        case .ksg: try ksg.mutualInformation(rows, a, discrete: c, parallel: parallel)
        }
    }
}

/// Where the teacher, student and label columns of a sample are, and whether the label is
/// discrete (class values) or continuous.
public struct CCHColumns: Sendable, Equatable {
    public let teacher: [Int], student: [Int], label: Int
    public let discreteLabel: Bool

    public init(teacher: [Int], student: [Int], label: Int, discreteLabel: Bool) {
        self.teacher = teacher
        self.student = student
        self.label = label
        self.discreteLabel = discreteLabel
    }

    /// The layout of samples drawn from `model` (T..., S..., then Y or C = sign(Y)).
    public init(model: JointGaussian, label: LabelKind) {
        self.init(teacher: model.teacherIndices, student: model.studentIndices, label: model.labelIndex,
                  discreteLabel: label == .sign)
    }
}

/// Estimated I(T;S), I(S;Y) and the CCH gap from one sample with one estimator, nats.
public struct GapEstimate: Sendable, Equatable {
    public let teacherStudent: Double
    /// nil when the estimator cannot handle the label (the plug-in with a discrete label).
    public let studentLabel: Double?

    /// I(T;S) - I(S;Y), nil without I(S;Y).
    public var gap: Double? { studentLabel.map { teacherStudent - $0 } }

    /// Estimates on `rows` laid out as `columns`.
    public init(_ rows: SampleRows, _ columns: CCHColumns, estimator: MIEstimator, parallel: Bool = true) throws(EstimationError) {
        teacherStudent = try estimator.mutualInformation(rows, columns.teacher, columns.student, parallel: parallel)
        studentLabel = columns.discreteLabel
            ? try estimator.mutualInformation(rows, columns.student, discrete: columns.label, parallel: parallel)
            : try estimator.mutualInformation(rows, columns.student, [columns.label], parallel: parallel)
    }
}

extension GaussianSampler {
    /// `count` rows (T..., S..., label) drawn from the model; with a sign label the last column
    /// holds C = sign(Y) in {-1, +1}.
    public func draw(_ count: Int, label: LabelKind, from stream: RandomStream) -> Matrix {
        var rows = draw(count, from: stream)
        if label == .sign {
            let y = dimension - 1
            for r in 0..<count { rows[r, y] = rows[r, y] > 0 ? 1 : -1 }
        }
        return rows
    }
}

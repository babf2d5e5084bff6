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

    /// The label as the estimators read it (a discrete label's classes by their values, uncoded).
    public var sampleLabel: SampleLabel {
        discreteLabel ? .classes(column: label, codes: nil) : .continuous(column: label)
    }
}

/// Estimated I(T;S), I(S;Y) and the CCH gap from one sample with one estimator, nats.
public struct GapEstimate: Sendable, Equatable {
    public let teacherStudent: Double
    /// nil when the estimator does not handle the label (the Gaussian family with an uncoded
    /// discrete label).
    public let studentLabel: Double?

    /// I(T;S) - I(S;Y), nil without I(S;Y).
    public var gap: Double? { studentLabel.map { teacherStudent - $0 } }

    /// Estimates on `rows` laid out as `columns`.
    public init(_ rows: SampleRows, _ columns: CCHColumns, estimator: any InformationEstimator, parallel: Bool = true) throws(EstimationError) {
        teacherStudent = try estimator.mutualInformation(rows, columns.teacher, columns.student, parallel: parallel)
        studentLabel = try estimator.labelInformation(rows, columns.student, columns.sampleLabel, parallel: parallel)
    }
}

extension LabelKind {
    /// The kind of label a model's samples carry for the estimators: continuous Y, or C = sign(Y)
    /// by its values (uncoded, `CCHColumns.sampleLabel`).
    public var ofSamples: SampleLabel.Kind { self == .sign ? .classes : .continuous }
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

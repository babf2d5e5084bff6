/// Several views (modalities) of the same rows, each already reduced to its representation, and
/// one label per row.
public struct MultiViewData: Sendable {
    /// View names, as the user chose them.
    public let viewNames: [String]
    /// One representation per view, rows x k_v.
    public let representations: [Matrix]
    public let label: MultiViewLabel
    /// The teachers of the experiment (`TeacherCandidate.all`): every view, then each teacher set's
    /// concatenated teacher and ensemble.
    public let teachers: [TeacherCandidate]

    /// - Parameter teacherSets: sets of at least two distinct views (indices) taught from together,
    ///   besides every single view (none: the single-view teachers only).
    /// - Throws: `SampleError` unless there are at least two views with equally many rows and one
    ///   label per row, and every teacher set has two or more distinct valid views.
    public init(viewNames: [String], representations: [Matrix], label: MultiViewLabel, teacherSets: [[Int]] = []) throws {
        guard viewNames.count == representations.count, representations.count >= 2 else {
            throw SampleError("views", "needs at least two named views, got \(representations.count)")
        }
        let n = representations[0].rows
        guard representations.allSatisfy({ $0.rows == n && $0.cols >= 1 }), label.count == n else {
            throw SampleError("views", "every view and the label need the same number of rows")
        }
        self.viewNames = viewNames
        self.representations = representations
        self.label = label
        for set in teacherSets {
            guard set.count >= 2, Set(set).count == set.count, set.allSatisfy(representations.indices.contains) else {
                throw SampleError("teacher sets", "a teacher set needs two or more distinct views of the \(representations.count), got \(set)")
            }
        }
        teachers = TeacherCandidate.all(views: representations.count, sets: teacherSets)
    }

    public var rows: Int { representations[0].rows }
    public var viewCount: Int { representations.count }

    /// Every (teacher, student view) with the student not among the teacher's views, teacher-major
    /// (`teachers` order, then students in view order). With the single-view teachers only: every
    /// ordered pair of distinct views.
    public var orderedPairs: [ViewPair] {
        teachers.indices.flatMap { t in (0..<viewCount).filter { !teachers[t].uses($0) }.map { ViewPair(teacher: t, student: $0) } }
    }

    /// The teachers of student view `v`, in `teachers` order (indices into `teachers`).
    public func teachers(of v: Int) -> [Int] { teachers.indices.filter { !teachers[$0].uses(v) } }

    /// Teacher `t`'s name (`TeacherCandidate.name`).
    public func teacherName(_ t: Int) -> String { teachers[t].name(viewNames) }

    /// The representation teacher `t` learns from: its view's, or its views' side by side
    /// (rows x the sum of their widths); nil for an ensemble (each of its teachers has its own).
    public func teacherRepresentation(_ t: Int) -> Matrix? {
        teachers[t].kind == .ensemble ? nil : representation(of: teachers[t].views)
    }

    /// The representations of `views` (at least one) side by side, in that order.
    public func representation(of views: [Int]) -> Matrix {
        views.dropFirst().reduce(representations[views[0]]) { $0.joinedColumns(representations[$1]) }
    }
}

/// An ordered pair: distil from `teacher` (an index into `MultiViewData.teachers`; with the
/// single-view teachers only, the teacher view's index) into `student` (a view index).
public struct ViewPair: Sendable, Equatable, Hashable {
    public let teacher: Int, student: Int
    public init(teacher: Int, student: Int) {
        self.teacher = teacher
        self.student = student
    }
}

/// The label of a multi-view data set: its values, per row. (A model scenario's label is
/// `LabelKind`: Y of the joint Gaussian or the class sign(Y) it defines, not values read from data.)
public enum MultiViewLabel: Sendable, Equatable {
    /// Class indices in 0..<names.count, with the class names (at least two classes).
    case classes(indices: [Int], names: [String])
    /// A continuous quantity.
    case continuous([Double])

    /// The kind of a data label, without its values: classes or a continuous quantity. The raw
    /// values are a data scenario's `data.label.kind` spellings.
    public enum Kind: String, Sendable, CaseIterable {
        case `class`, continuous
    }

    /// Which kind of label this is.
    public var kind: Kind {
        switch self {
        case .classes: .class
        case .continuous: .continuous
        }
    }

    public var count: Int {
        switch self {
        case .classes(let i, _): i.count
        case .continuous(let y): y.count
        }
    }

    /// Number of classes, nil for a continuous label.
    public var classCount: Int? {
        if case .classes(_, let names) = self { return names.count }
        return nil
    }

    /// The label as numbers (class index, or the value).
    public var values: [Double] {
        switch self {
        case .classes(let i, _): i.map(Double.init)
        case .continuous(let y): y
        }
    }
}

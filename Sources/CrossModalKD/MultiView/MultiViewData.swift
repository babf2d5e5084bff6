/// Several views (modalities) of the same rows, each already reduced to its representation, and
/// one label per row.
public struct MultiViewData: Sendable {
    /// View names, as the user chose them.
    public let viewNames: [String]
    /// One representation per view, rows x k_v.
    public let representations: [Matrix]
    public let label: MultiViewLabel

    /// - Throws: `SampleError` unless there are at least two views with equally many rows and one label per row.
    public init(viewNames: [String], representations: [Matrix], label: MultiViewLabel) throws {
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
    }

    public var rows: Int { representations[0].rows }
    public var viewCount: Int { representations.count }

    /// Every ordered pair (teacher, student) of distinct views, teacher-major.
    public var orderedPairs: [ViewPair] {
        (0..<viewCount).flatMap { t in (0..<viewCount).filter { $0 != t }.map { ViewPair(teacher: t, student: $0) } }
    }
}

/// An ordered pair of views: distil from `teacher` into `student` (view indices).
public struct ViewPair: Sendable, Equatable, Hashable {
    public let teacher: Int, student: Int
    public init(teacher: Int, student: Int) {
        self.teacher = teacher
        self.student = student
    }
}

/// The label of a multi-view data set.
public enum MultiViewLabel: Sendable, Equatable {
    /// Class indices in 0..<names.count, with the class names (at least two classes).
    case classes(indices: [Int], names: [String])
    /// A continuous quantity.
    case continuous([Double])

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

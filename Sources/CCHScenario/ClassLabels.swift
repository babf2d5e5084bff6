/// The classes of a class-label column (the payload of `MultiViewLabel.classes`), by one rule
/// (docs/real-data.md, "Class labels"):
///
/// - when every cell is a decimal number (`CSVCell.decimal`), classes are numbers compared by
///   value: `1`, `1.0`, `01` and `1e0` are one class, and so are `0` and `-0`; classes are sorted
///   by value and named by their shortest spelling (`1`, `2.5`; an integer without a point);
/// - otherwise classes are texts compared exactly (after the CSV quoting rule: `"wt"` is `wt`,
///   but `WT`, `wt ` quoted and `1.0` are other classes), sorted by their text.
///
/// Numbers by value because a class written `1` in one export and `1.0` in another is the same
/// class to the user; texts exactly because no rule of case or spelling is safe for every data set.
public struct ClassLabels: Sendable, Equatable {
    /// Class names, in class order.
    public let names: [String]
    /// Each cell's class (an index into `names`).
    public let indices: [Int]

    /// The classes of `cells` (label cells without missing values).
    public init(_ cells: [String]) {
        let values = cells.map { CSVCell.decimal(ArraySlice($0.utf8)) }
        if !cells.isEmpty, values.allSatisfy({ $0 != nil }) {
            let numbers = values.map { ($0 ?? 0) + 0 }  // + 0 turns -0 into 0 (one class, one name)
            let distinct = Array(Set(numbers)).sorted()
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset) })
            names = distinct.map(Self.name)
            indices = numbers.map { index[$0] ?? 0 }
        } else {
            let distinct = Array(Set(cells)).sorted()
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset) })
            names = distinct
            indices = cells.map { index[$0] ?? 0 }
        }
    }

    /// Row counts per class, in class order.
    public var counts: [Int] {
        var counts = Array(repeating: 0, count: names.count)
        for i in indices { counts[i] += 1 }
        return counts
    }

    /// A numeric class's name: an integer without a point when it is one (below 2^53 in
    /// magnitude), else Swift's shortest round-trip spelling.
    private static func name(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 0x1p53 ? String(Int64(x)) : "\(x)"
    }
}

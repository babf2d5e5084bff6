/// Class labels written as text in a CSV column, coded 0, 1, 2, ... for the computations: the one
/// rule shared by data scenarios (`[data.label] kind = "class"`) and `estimate-mi --csv
/// --discrete-label`. Integer labels are classes by value ("07" and "7" are one class) and sorted
/// numerically; any other text is a class by its spelling, sorted as text.
public enum ClassLabels {
    /// The class index of each label and the class names in index order.
    public static func code(_ texts: [String]) -> (indices: [Int], names: [String]) {
        let distinct = Array(Set(texts))
        let numeric = distinct.allSatisfy { Int($0) != nil }
        let labels = numeric ? texts.map { String(Int($0) ?? 0) } : texts
        let names = numeric ? Set(labels.compactMap { Int($0) }).sorted().map(String.init) : distinct.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        return (labels.map { index[$0] ?? 0 }, names)
    }
}

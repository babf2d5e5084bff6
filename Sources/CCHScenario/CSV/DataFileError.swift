/// A problem with a data file (a CSV read by `CSVFile` or `CSVLine`, or the data a data scenario
/// draws from it): the file, where in it (line, column) and why.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line of the file, nil for a whole-file problem.
    public let line: Int?
    /// 1-based column and its header name, nil when the problem is not one cell's (the name is
    /// nil too for a field of the header or of a malformed line).
    public let column: Int?, columnName: String?
    public let reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.reason = reason
    }

    /// `FILE: line L, column C ('NAME'): REASON`, leaving out the parts not known.
    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let column { place.append("column \(column)" + (columnName.map { " (\(EchoedInput.quoted($0)))" } ?? "")) }
        return place.isEmpty ? "\(file): \(reason)" : "\(file): \(place.joined(separator: ", ")): \(reason)"
    }
}

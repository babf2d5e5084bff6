/// Report lines joined for the terminal, with the padding that column layout leaves at line ends removed.
public enum ReportText {
    public static func join(_ lines: [String]) -> String {
        lines.map { line in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return String(line[..<end])
        }.joined(separator: "\n")
    }
}

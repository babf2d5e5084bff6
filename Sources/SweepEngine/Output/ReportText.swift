/// Report lines joined for the terminal, with the padding that column layout leaves at line ends removed.
public enum ReportText {
    public static func join(_ lines: [String]) -> String {
        lines.map { line in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return String(line[..<end])
        }.joined(separator: "\n")
    }

    /// `rows` (the first usually a header) as lines of left-aligned columns, each as wide as its
    /// widest cell plus `gap` spaces, so that no cell runs into the next however long it is.
    public static func table(_ rows: [[String]], gap: Int = 2) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { c, cell in
                c == cells.count - 1 ? cell : cell.padding(toLength: widths[c] + gap, withPad: " ", startingAt: 0)
            }.joined()
        }
    }
}

/// Rules for the free text of a scenario that reaches output files: the `name` (the stem of every
/// output file name) and the `[output]` title. They are checked when the scenario is read, so a
/// hostile or mistyped name fails with the file and key before anything runs (docs/figures.md,
/// "Escaping"); the plot writer escapes all text again whatever its source.
public enum ScenarioText {
    /// Longest name: the stem of file names such as `NAME-agreement-24.png` and `.NAME.csv.partial`.
    public static let maximumNameLength = 120

    /// Why `name` cannot be an output file-name stem, nil when it can: it must be non-empty and
    /// short, hold no path separator (`/`, `\`) and no control character (line breaks included),
    /// and not start with `.` (hidden files, `..`), `-` (read as an option) or `<`, `|`, `~`.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty; it names the output files" }
        if name.unicodeScalars.count > maximumNameLength { return "is longer than \(maximumNameLength) characters" }
        if let c = firstControl(in: name) { return "holds the control character U+\(hex(c)); a name is one line of text" }
        if name.contains("/") || name.contains("\\") { return "holds a path separator ('/' or '\\'); it names files inside --out" }
        if let first = name.first, ".-<|~".contains(first) {
            return "starts with '\(first)'; output file names may not start with '.', '-', '<', '|' or '~'"
        }
        return nil
    }

    /// Why `title` cannot be a plot title, nil when it can: line breaks are allowed (they start a
    /// new title line), other control characters are not.
    public static func titleProblem(_ title: String) -> String? {
        guard let c = title.unicodeScalars.first(where: { $0 != "\n" && isControl($0) }) else { return nil }
        return "holds the control character U+\(hex(c)); use \\n for a line break"
    }

    static func firstControl(in text: String) -> Unicode.Scalar? { text.unicodeScalars.first(where: isControl) }

    /// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    private static func hex(_ s: Unicode.Scalar) -> String {
        let digits = String(s.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

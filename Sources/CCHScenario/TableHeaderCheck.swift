/// A check the TOML parser needs before it sees a text: the toml++ 3 parser inside TOMLKit 0.6.0
/// asserts (and so aborts the process, debug and release alike) on a table header whose first
/// character after `[` or `[[` (and blanks) cannot start a key, e.g. a lone `[` on a line, `[=]`
/// or `[ # note`. Found by the fuzzer (docs/robustness.md); this finds such a header first and
/// reports it as the syntax error it is.
///
/// It follows the TOML structure just far enough to know where a statement starts: comments,
/// basic and literal strings (single-line and multi-line), and the nesting of arrays and inline
/// tables, so that a `[` opening an array on a continuation line is not taken for a header. On
/// text it cannot follow (an unterminated string) it stops: the parser reports that error first.
enum TableHeaderCheck {
    /// The 1-based line and column of the first table header that cannot start with a key, or nil.
    static func firstMalformedHeader(in text: String) -> (line: Int, column: Int)? {
        let b = Array(text.utf8)
        let n = b.count
        var i = 0, line = 1, lineStart = 0, depth = 0
        var atStatementStart = true
        func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }
        func startsKey(_ c: UInt8) -> Bool {
            (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == 95 || c == 45 || c == 34 || c == 39
        }
        while i < n {
            let c = b[i]
            if c == 10 {
                line += 1
                lineStart = i + 1
                if depth == 0 { atStatementStart = true }
                i += 1
            } else if c == 35 {  // a comment runs to the end of the line
                while i < n, b[i] != 10 { i += 1 }
            } else if c == 34 || c == 39 {  // a string: skip it whole (multi-line ones count lines)
                atStatementStart = false
                let triple = i + 2 < n && b[i + 1] == c && b[i + 2] == c
                i += triple ? 3 : 1
                var closed = false
                while i < n {
                    if c == 34, b[i] == 92 { i += 2; continue }  // a backslash escape in a basic string
                    if b[i] == 10 {
                        guard triple else { return nil }
                        line += 1
                        lineStart = i + 1
                    }
                    if b[i] == c, !triple || (i + 2 < n && b[i + 1] == c && b[i + 2] == c) {
                        i += triple ? 3 : 1
                        closed = true
                        break
                    }
                    i += 1
                }
                if !closed { return nil }
            } else if atStatementStart, isBlank(c) {
                i += 1
            } else if atStatementStart, c == 91 {  // a table header: [ or [[, blanks, then a key
                var j = i + 1
                if j < n, b[j] == 91 { j += 1 }
                while j < n, b[j] == 32 || b[j] == 9 { j += 1 }
                if j == n || !startsKey(b[j]) { return (line, j - lineStart + 1) }
                atStatementStart = false
                i = j
            } else {
                atStatementStart = false
                if c == 91 || c == 123 { depth += 1 }
                if c == 93 || c == 125 { depth = max(0, depth - 1) }
                i += 1
            }
        }
        return nil
    }
}

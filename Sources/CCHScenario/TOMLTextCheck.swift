import CrossModalKD

/// Checks of a scenario's raw text that must come before the TOML parser (toml++ 3 inside
/// TOMLKit 0.6.0) sees it, because the parser, or the conversion of its tree, misbehaves on them:
///
/// - **a NUL byte** (U+0000), raw or as the escape `\u0000` / `\U00000000` in a basic string: the
///   text crosses into C++ and back as C strings, so everything after a raw NUL was silently
///   dropped (the rest of the file ignored, the run done with defaults) and `"e\u0000x"` read as
///   `"e"`;
/// - **nesting deeper than `SizeLimits.maximumNestingDepth`**: a 12,000-part dotted header
///   `[a.a.a...]` parsed, and the recursive conversion of its tree into `ScenarioValue`s then
///   overflowed the stack (SIGSEGV); deep arrays and inline tables likewise;
/// - **a table header without a key** (a lone `[` on a line, `[=]`, `[ # note`), **a `}` inside
///   an array** (`a = [1, }]`) and **a date-time without its time** (`1979-05-27T:00`,
///   `1989-01-27 9`): toml++ asserts, and so aborts the process, debug and release alike (found
///   by the fuzzers, docs/robustness.md).
///
/// One pass over the UTF-8 bytes, iterative (no recursion, whatever the input), following the
/// TOML structure just far enough: comments, basic and literal strings (single- and multi-line),
/// table headers, dotted keys, arrays and inline tables. On text it cannot follow (an unterminated
/// string) it stops: the parser reports that error.
enum TOMLTextCheck {
    /// A problem at a 1-based line and column (columns count characters, not bytes).
    struct Problem: Equatable, CustomStringConvertible {
        let line: Int, column: Int
        /// What is wrong.
        let reason: String
        /// Whether it breaks the TOML grammar (rather than a limit of cchsim's).
        var isSyntaxError = false

        /// `line L, column C: REASON`, after `TOML syntax error at` for a syntax error.
        var description: String { (isSyntaxError ? "TOML syntax error at " : "") + "line \(line), column \(column): \(reason)" }
    }

    /// The first problem of `text`, nil when the parser may have it. A NUL byte is reported first
    /// wherever it stands (a comment too: everything after it would be lost).
    static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(bytes: Array(text.utf8))
        if let nul = scanner.firstNUL() { return nul }
        return scanner.scan()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0, line = 1, lineStart = 0

        /// The nesting depth the text may reach: each part of a table header or a dotted key,
        /// each array (an array of tables `[[x]]` too) and each inline table counts one level.
        let limit = SizeLimits.maximumNestingDepth
        /// Levels opened by arrays and inline tables inside the current value, innermost last;
        /// an inline table's entry also holds the parts of the key being defined in it.
        private var open: [(isTable: Bool, keyParts: Int)] = []
        /// Levels of the current table header and of the current top-level key.
        private var headerDepth = 0, statementDepth = 0
        /// Whether a key may come next (a statement's start, after `{` or `,` in an inline table).
        private var expectsKey = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        private var depth: Int { headerDepth + statementDepth + open.reduce(0) { $0 + 1 + $1.keyParts } }

        func problem(at index: Int, _ reason: String) -> Problem {
            let column = bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return Problem(line: line, column: column, reason: reason)
        }

        func firstNUL() -> Problem? {
            guard let k = bytes.firstIndex(of: 0) else { return nil }
            var at = self
            for j in 0..<k where bytes[j] == 10 { at.newLine(at: j) }
            return at.problem(at: k, "a NUL byte (U+0000); a scenario is text, and the TOML reader would drop everything after it")
        }

        mutating func scan() -> Problem? {
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                if c == 10 {
                    newLine(at: i)
                    i += 1
                    if open.isEmpty {
                        statementDepth = 0
                        expectsKey = true
                    }
                } else if c == 35 {  // a comment runs to the end of the line
                    while i < n, bytes[i] != 10 { i += 1 }
                } else if isBlank(c) {
                    i += 1
                } else if c == 91, open.isEmpty, expectsKey {  // a table header: [ or [[, blanks, then a key
                    let arrayOfTables = i + 1 < n && bytes[i + 1] == 91
                    i += arrayOfTables ? 2 : 1
                    while i < n, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
                    if i == n || !startsKey(bytes[i]) {
                        var header = problem(at: i, "a table header needs a key after '[' (a bare or a quoted key)")
                        header.isSyntaxError = true
                        return header
                    }
                    switch dottedKey(below: arrayOfTables ? 1 : 0) {
                    case .parts(let parts): headerDepth = parts + (arrayOfTables ? 1 : 0)
                    case .tooDeep(let part): return tooDeep(at: part)
                    case .malformed: return found
                    }
                    expectsKey = false
                } else if expectsKey, startsKey(c) {
                    switch dottedKey(below: depth) {
                    case .parts(let parts): if open.isEmpty { statementDepth = parts } else { open[open.count - 1].keyParts = parts }
                    case .tooDeep(let part): return tooDeep(at: part)
                    case .malformed: return found
                    }
                    expectsKey = false
                } else if c == 34 || c == 39 {  // a string value
                    guard string() else { return found }
                } else if c == 91 || c == 123 {  // an array or an inline table opens a level
                    open.append((isTable: c == 123, keyParts: 0))
                    expectsKey = c == 123
                    if depth > limit { return tooDeep(at: i) }
                    i += 1
                } else if c == 93 || c == 125 {
                    if c == 125, let last = open.last, !last.isTable {
                        var brace = problem(at: i, "'}' inside an array, where it closes no inline table")
                        brace.isSyntaxError = true
                        return brace
                    }
                    if !open.isEmpty { open.removeLast() }
                    i += 1
                } else if c == 44 {  // a comma: in an inline table, the next key follows
                    if let last = open.last, last.isTable {
                        open[open.count - 1].keyParts = 0
                        expectsKey = true
                    }
                    i += 1
                } else {
                    if let t = timelessDateTime(at: i) {
                        var date = problem(at: t + 1, "a date-time needs a time (HH:MM:SS) after its 'T'")
                        date.isSyntaxError = true
                        return date
                    }
                    if let digit = dateBeforeALoneDigit(at: i) {
                        var date = problem(at: digit, "a date followed by a lone digit; a date-time's time is HH:MM:SS")
                        date.isSyntaxError = true
                        return date
                    }
                    i += 1
                }
            }
            return nil
        }

        /// The index of the digit when a value at `index` is a date-like token of 10 characters
        /// (`-` at its fifth and eighth) followed by a blank and one digit alone
        /// (`1989-01-27 9`): toml++ takes it for a date-time with a blank for its `T` and asserts.
        private func dateBeforeALoneDigit(at index: Int) -> Int? {
            func terminates(_ k: Int) -> Bool {
                k >= bytes.count || [9, 10, 13, 32, 35, 44, 93, 125].contains(bytes[k])
            }
            guard index == 0 || !(isBare(bytes[index - 1]) || bytes[index - 1] == 46 || bytes[index - 1] == 58 || bytes[index - 1] == 43),
                  (48...57).contains(bytes[index]),
                  !(0..<10).contains(where: { terminates(index + $0) }), terminates(index + 10),
                  bytes[index + 4] == 45, bytes[index + 7] == 45, index + 11 < bytes.count, bytes[index + 10] == 32,
                  (48...57).contains(bytes[index + 11]), terminates(index + 12)
            else { return nil }
            return index + 11
        }

        /// The index of the `T` (or `t`) when a value at `index` starts as a date `YYYY-MM-DDT`
        /// whose `T` is not followed by a digit (`1979-05-27T:00`): toml++ asserts on it.
        private func timelessDateTime(at index: Int) -> Int? {
            func digit(_ k: Int) -> Bool { k < bytes.count && (48...57).contains(bytes[k]) }
            func byte(_ k: Int, _ b: UInt8) -> Bool { k < bytes.count && bytes[k] == b }
            guard index == 0 || !(isBare(bytes[index - 1]) || bytes[index - 1] == 46 || bytes[index - 1] == 58 || bytes[index - 1] == 43),
                  (0..<4).allSatisfy({ digit(index + $0) }), byte(index + 4, 45), digit(index + 5), digit(index + 6), byte(index + 7, 45),
                  digit(index + 8), digit(index + 9), byte(index + 10, 84) || byte(index + 10, 116), !digit(index + 11)
            else { return nil }
            return index + 10
        }

        /// Set by `string()` when it meets a NUL escape; the scan then ends with it (a string or
        /// key that cannot be followed ends the scan with nil otherwise: the parser reports it).
        private var found: Problem?

        private func tooDeep(at index: Int) -> Problem {
            problem(at: index, "nested more than \(limit) levels deep (each part of a dotted key or table header, each array "
                    + "and each inline table is a level); cchsim reads at most \(limit)")
        }

        /// A dotted key's parts, or where the part that nests too deep starts.
        private enum Key { case parts(Int), tooDeep(at: Int), malformed }

        /// A dotted key (`a."b.c".'d'`) from its first character, below `depth` levels; stops
        /// after its last part, or at the part past the limit.
        private mutating func dottedKey(below depth: Int) -> Key {
            var parts = 0
            while true {
                while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
                guard i < bytes.count else { return .malformed }
                let c = bytes[i]
                if depth + parts == limit, startsKey(c) { return .tooDeep(at: i) }
                if c == 34 || c == 39 {
                    guard string() else { return .malformed }
                } else if isBare(c) {
                    while i < bytes.count, isBare(bytes[i]) { i += 1 }
                } else {
                    return parts == 0 ? .malformed : .parts(parts)
                }
                parts += 1
                while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
                guard i < bytes.count, bytes[i] == 46 else { return .parts(parts) }
                i += 1
            }
        }

        /// Skips a basic or literal string (single- or multi-line) from its opening quote; false
        /// when it is unterminated or holds a NUL escape (then `found` is set).
        private mutating func string() -> Bool {
            let n = bytes.count
            let quote = bytes[i]
            let triple = i + 2 < n && bytes[i + 1] == quote && bytes[i + 2] == quote
            i += triple ? 3 : 1
            while i < n {
                let c = bytes[i]
                if quote == 34, c == 92 {  // a backslash escape in a basic string
                    if escapesNUL(at: i + 1) {
                        found = problem(at: i, "the escape \\u0000 (or \\U00000000) is a NUL character, which a scenario's strings cannot hold")
                        return false
                    }
                    if i + 1 < n, bytes[i + 1] == 10 { newLine(at: i + 1) }  // a line-ending backslash
                    i += 2
                    continue
                }
                if c == 10 {
                    guard triple else { return false }
                    newLine(at: i)
                }
                if c == quote, !triple || (i + 2 < n && bytes[i + 1] == quote && bytes[i + 2] == quote) {
                    i += triple ? 3 : 1
                    // Up to two more quotes may close a multi-line string (`""""` is a quote then `"""`).
                    while triple, i < n, bytes[i] == quote { i += 1 }
                    return true
                }
                i += 1
            }
            return false
        }

        /// Whether the escape after a backslash at `index` is `u0000` or `U00000000`.
        private func escapesNUL(at index: Int) -> Bool {
            guard index < bytes.count else { return false }
            let width: Int
            switch bytes[index] {
            case 117: width = 4  // u
            case 85: width = 8  // U
            default: return false
            }
            guard index + width < bytes.count else { return false }
            return bytes[(index + 1)...(index + width)].allSatisfy { $0 == 48 }
        }

        private mutating func newLine(at index: Int) {
            line += 1
            lineStart = index + 1
        }

        private func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }
        private func isBare(_ c: UInt8) -> Bool {
            (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == 95 || c == 45
        }
        private func startsKey(_ c: UInt8) -> Bool { isBare(c) || c == 34 || c == 39 }
    }
}

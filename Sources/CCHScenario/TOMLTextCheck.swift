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
/// One pass over the tokens of `TOMLLexer` (the lexer of `TOMLKeyOrder` too), iterative (no
/// recursion, whatever the input). On text the lexer cannot follow (an unterminated string) it
/// stops: the parser reports that error.
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
        let bytes = Array(text.utf8)
        if let nul = bytes.firstIndex(of: 0) {
            let line = 1 + bytes[..<nul].reduce(0) { $1 == 10 ? $0 + 1 : $0 }
            let lineStart = bytes[..<nul].lastIndex(of: 10).map { $0 + 1 } ?? 0
            return Problem(at: TOMLLexer.Position(index: nul, line: line, lineStart: lineStart), in: bytes,
                           "a NUL byte (U+0000); a scenario is text, and the TOML reader would drop everything after it")
        }
        var check = Structure(bytes: bytes)
        var lexer = TOMLLexer(bytes: bytes)
        while let token = lexer.next() {
            if let problem = check.problem(token) { return problem }
        }
        return nil
    }

    /// The nesting of the tokens read so far, and the checks of each token.
    private struct Structure {
        let bytes: [UInt8]
        /// The nesting depth the text may reach: each part of a table header or a dotted key,
        /// each array (an array of tables `[[x]]` too) and each inline table counts one level.
        let limit = SizeLimits.maximumNestingDepth
        /// Levels opened by arrays and inline tables inside the current value, innermost last;
        /// an inline table's entry also holds the parts of the key being defined in it.
        private var open: [(isTable: Bool, keyParts: Int)] = []
        /// Levels of the current table header and of the current top-level key.
        private var headerDepth = 0, statementDepth = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        private var depth: Int { headerDepth + statementDepth + open.reduce(0) { $0 + 1 + $1.keyParts } }

        /// What is wrong with `token`, nil when nothing is.
        mutating func problem(_ token: TOMLLexer.Token) -> Problem? {
            switch token.kind {
            case .lineBreak:
                if open.isEmpty { statementDepth = 0 }
            case .header(let arrayOfTables, let key):
                guard let key else {
                    return Problem(at: token.at, in: bytes, "a table header needs a key after '[' (a bare or a quoted key)", isSyntaxError: true)
                }
                let below = arrayOfTables ? 1 : 0
                if let deep = tooDeep(key, below: below) { return deep }
                headerDepth = key.parts.count + below
            case .key(let key):
                if let deep = tooDeep(key, below: depth) { return deep }
                if open.isEmpty { statementDepth = key.parts.count } else { open[open.count - 1].keyParts = key.parts.count }
            case .nulEscape:
                return Problem(at: token.at, in: bytes, "the escape \\u0000 (or \\U00000000) is a NUL character, which a scenario's strings cannot hold")
            case .open(let table):
                open.append((isTable: table, keyParts: 0))
                if depth > limit { return tooDeep(at: token.at) }
            case .close(let table):
                if table, let last = open.last, !last.isTable {
                    return Problem(at: token.at, in: bytes, "'}' inside an array, where it closes no inline table", isSyntaxError: true)
                }
                if !open.isEmpty { open.removeLast() }
            case .comma:
                // In an inline table, the next key follows.
                if let last = open.last, last.isTable { open[open.count - 1].keyParts = 0 }
            case .scalar(let range):
                for index in range {
                    let at = TOMLLexer.Position(index: index, line: token.at.line, lineStart: token.at.lineStart)
                    if let t = timelessDateTime(at: index) {
                        return Problem(at: TOMLLexer.Position(index: t + 1, line: at.line, lineStart: at.lineStart), in: bytes,
                                       "a date-time needs a time (HH:MM:SS) after its 'T'", isSyntaxError: true)
                    }
                    if let digit = dateBeforeALoneDigit(at: index) {
                        return Problem(at: TOMLLexer.Position(index: digit, line: at.line, lineStart: at.lineStart), in: bytes,
                                       "a date followed by a lone digit; a date-time's time is HH:MM:SS", isSyntaxError: true)
                    }
                }
            case .equals, .string:
                break
            }
            return nil
        }

        /// The problem of a key whose parts nest past the limit below `depth` levels, at the first such part.
        private func tooDeep(_ key: TOMLLexer.Key, below depth: Int) -> Problem? {
            guard depth + key.parts.count > limit else { return nil }
            return tooDeep(at: key.parts[max(0, limit - depth)].at)
        }

        private func tooDeep(at position: TOMLLexer.Position) -> Problem {
            Problem(at: position, in: bytes, "nested more than \(limit) levels deep (each part of a dotted key or table header, each array "
                    + "and each inline table is a level); cchsim reads at most \(limit)")
        }

        /// The index of the digit when a value at `index` is a date-like token of 10 characters
        /// (`-` at its fifth and eighth) followed by a blank and one digit alone
        /// (`1989-01-27 9`): toml++ takes it for a date-time with a blank for its `T` and asserts.
        private func dateBeforeALoneDigit(at index: Int) -> Int? {
            func terminates(_ k: Int) -> Bool {
                k >= bytes.count || [9, 10, 13, 32, 35, 44, 93, 125].contains(bytes[k])
            }
            guard index == 0 || !(TOMLLexer.isBare(bytes[index - 1]) || bytes[index - 1] == 46 || bytes[index - 1] == 58 || bytes[index - 1] == 43),
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
            guard index == 0 || !(TOMLLexer.isBare(bytes[index - 1]) || bytes[index - 1] == 46 || bytes[index - 1] == 58 || bytes[index - 1] == 43),
                  (0..<4).allSatisfy({ digit(index + $0) }), byte(index + 4, 45), digit(index + 5), digit(index + 6), byte(index + 7, 45),
                  digit(index + 8), digit(index + 9), byte(index + 10, 84) || byte(index + 10, 116), !digit(index + 11)
            else { return nil }
            return index + 10
        }
    }
}

extension TOMLTextCheck.Problem {
    /// The problem at `position` of `bytes`.
    init(at position: TOMLLexer.Position, in bytes: [UInt8], _ reason: String, isSyntaxError: Bool = false) {
        self.init(line: position.line, column: position.column(in: bytes), reason: reason, isSyntaxError: isSyntaxError)
    }
}

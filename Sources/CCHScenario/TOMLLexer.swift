/// The one TOML lexer of cchsim's own reading of a scenario's text: the tokens of the document's
/// structure (table headers, dotted keys, `=`, strings, other scalars, arrays and inline tables,
/// commas, line breaks), each with where it starts, so that the checks before the parser
/// (`TOMLTextCheck`) and the written order of the keys (`TOMLKeyOrder`) read the text the same way.
///
/// It follows TOML just far enough to tell a key from a value and a table header from an array:
/// comments are skipped and the contents of strings (basic and literal, single- and multi-line)
/// never leak into the structure. It does not validate: a token out of place is handed on as it
/// is, and the consumer decides. One pass, iterative (no recursion, whatever the input); every
/// token moves forward, so it ends on any text. On text it cannot follow (an unterminated string)
/// it stops: the parser reports that error.
struct TOMLLexer {
    /// A place in the text: the byte offset, its 1-based line and the offset where that line starts.
    struct Position {
        let index: Int, line: Int, lineStart: Int

        /// The 1-based column in `bytes`, counting characters, not bytes.
        func column(in bytes: [UInt8]) -> Int { bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
    }

    /// A dotted key (`a."b.c".'d'`): its parts, decoded, each with where it starts.
    struct Key {
        let parts: [(text: String, at: Position)]
        /// Whether a `.` ends it with no part after (`a. = 1`).
        let endsWithDot: Bool

        var path: [String] { parts.map(\.text) }
    }

    enum Kind {
        /// `[` (or `[[`, an array of tables) where a statement starts, with its key: nil when
        /// none follows (a lone `[`, `[=]`); the token is at the key, or where it is missing.
        case header(arrayOfTables: Bool, key: Key?)
        /// The key of a key/value pair: at a statement's start, or after `{` or `,` in an inline table.
        case key(Key)
        case equals
        /// A basic or literal string value.
        case string
        /// A run of other value bytes (a number, a boolean, a part of a date-time); `bytes` is its range.
        case scalar(bytes: Range<Int>)
        /// `[` opening an array or `{` an inline table.
        case open(table: Bool)
        /// `]` or `}`.
        case close(table: Bool)
        case comma
        case lineBreak
        /// The escape `\u0000` or `\U00000000` in a basic string (the token is at its backslash);
        /// the lexer ends after it.
        case nulEscape
    }

    struct Token {
        let kind: Kind
        let at: Position
    }

    let bytes: [UInt8]
    private var i = 0, line = 1, lineStart = 0
    /// The arrays (false) and inline tables (true) open, innermost last.
    private var open: [Bool] = []
    /// Whether a key may come next (a statement's start, after `{` or `,` in an inline table).
    private var expectsKey = true
    private var stopped = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    private var here: Position { Position(index: i, line: line, lineStart: lineStart) }

    /// The next token; nil at the end of the text or where the lexer cannot follow it.
    mutating func next() -> Token? {
        guard !stopped else { return nil }
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            let start = here
            if c == 10 {
                i += 1
                line += 1
                lineStart = i
                if open.isEmpty { expectsKey = true }
                return Token(kind: .lineBreak, at: start)
            } else if c == 35 {  // a comment runs to the end of the line
                while i < n, bytes[i] != 10 { i += 1 }
            } else if Self.isBlank(c) {
                i += 1
            } else if c == 91, open.isEmpty, expectsKey {  // a table header: [ or [[, blanks, then a key
                let arrayOfTables = i + 1 < n && bytes[i + 1] == 91
                i += arrayOfTables ? 2 : 1
                skipBlanks()
                let at = here
                expectsKey = false
                guard i < n, Self.startsKey(bytes[i]) else { return Token(kind: .header(arrayOfTables: arrayOfTables, key: nil), at: at) }
                return stoppingOnFailure(key().map { Token(kind: .header(arrayOfTables: arrayOfTables, key: $0), at: at) })
            } else if expectsKey, Self.startsKey(c) {
                expectsKey = false
                return stoppingOnFailure(key().map { Token(kind: .key($0), at: start) })
            } else if c == 34 || c == 39 {
                return stoppingOnFailure(string(decoding: false).map { _ in Token(kind: .string, at: start) })
            } else if c == 91 || c == 123 {
                open.append(c == 123)
                expectsKey = c == 123
                i += 1
                return Token(kind: .open(table: c == 123), at: start)
            } else if c == 93 || c == 125 {
                if !open.isEmpty { open.removeLast() }
                i += 1
                return Token(kind: .close(table: c == 125), at: start)
            } else if c == 44 {
                if open.last == true { expectsKey = true }
                i += 1
                return Token(kind: .comma, at: start)
            } else if c == 61 {
                i += 1
                return Token(kind: .equals, at: start)
            } else {
                while i < n, !Self.endsScalar(bytes[i]) { i += 1 }
                return Token(kind: .scalar(bytes: start.index..<i), at: start)
            }
        }
        return nil
    }

    /// `token`, or the NUL escape the lexer stopped at, or nil (and stopped) when it cannot go on.
    private mutating func stoppingOnFailure(_ token: Token?) -> Token? {
        if let nul = nulEscape {
            stopped = true
            return Token(kind: .nulEscape, at: nul)
        }
        if token == nil { stopped = true }
        return token
    }

    // MARK: Keys and strings

    /// Where the last string read holds a NUL escape.
    private var nulEscape: Position?

    /// A dotted key from its first character; stops after its last part and the blanks that
    /// follow. Nil when a quoted part is unterminated.
    private mutating func key() -> Key? {
        var parts: [(text: String, at: Position)] = []
        while true {
            skipBlanks()
            let at = here
            guard i < bytes.count else { return Key(parts: parts, endsWithDot: !parts.isEmpty) }
            let c = bytes[i]
            if c == 34 || c == 39 {
                guard let text = string(decoding: true) else { return nil }
                parts.append((text, at))
            } else if Self.isBare(c) {
                while i < bytes.count, Self.isBare(bytes[i]) { i += 1 }
                parts.append((String(decoding: bytes[at.index..<i], as: UTF8.self), at))
            } else {
                return Key(parts: parts, endsWithDot: true)
            }
            skipBlanks()
            guard i < bytes.count, bytes[i] == 46 else { return Key(parts: parts, endsWithDot: false) }
            i += 1
        }
    }

    /// A basic or literal string (single- or multi-line) from its opening quote, its text decoded
    /// when `decoding` (the escapes a key can hold: `\"`, `\\`, `\t`, `\n`, `\r`, `\uXXXX`,
    /// `\UXXXXXXXX`). Nil when it is unterminated (a line break ends a single-line one) or holds
    /// a NUL escape (then `nulEscape` says where).
    private mutating func string(decoding: Bool) -> String? {
        let n = bytes.count
        let quote = bytes[i]
        let triple = i + 2 < n && bytes[i + 1] == quote && bytes[i + 2] == quote
        i += triple ? 3 : 1
        var out = String.UnicodeScalarView()
        var start = i
        func flush(_ end: Int) {
            if decoding { out.append(contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars) }
        }
        while i < n {
            let c = bytes[i]
            if quote == 34, c == 92 {  // a backslash escape in a basic string
                flush(i)
                if escapesNUL(at: i + 1) {
                    nulEscape = here
                    return nil
                }
                let e: UInt8? = i + 1 < n ? bytes[i + 1] : nil
                i += 2
                switch e {
                case 110: out.append("\n")
                case 116: out.append("\t")
                case 114: out.append("\r")
                case 117, 85:  // \uXXXX, \UXXXXXXXX
                    let width = e == 117 ? 4 : 8
                    if i + width <= n, let code = UInt32(String(decoding: bytes[i..<(i + width)], as: UTF8.self), radix: 16),
                       let scalar = Unicode.Scalar(code) {
                        out.append(scalar)
                        i += width
                    }
                case 10:  // a line-ending backslash
                    line += 1
                    lineStart = i
                case let e?: out.append(Unicode.Scalar(e))
                case nil: break
                }
                start = min(i, n)
                continue
            }
            if c == 10 {
                guard triple else { return nil }
                line += 1
                lineStart = i + 1
            }
            if c == quote, !triple || (i + 2 < n && bytes[i + 1] == quote && bytes[i + 2] == quote) {
                flush(i)
                i += triple ? 3 : 1
                // Up to two more quotes may close a multi-line string (`""""` is a quote then `"""`).
                while triple, i < n, bytes[i] == quote {
                    out.append(Unicode.Scalar(quote))
                    i += 1
                }
                return decoding ? String(out) : ""
            }
            i += 1
        }
        return nil
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

    private mutating func skipBlanks() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
    }

    // MARK: Bytes

    static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }
    /// A character of a bare key: ASCII letters and digits, `_` and `-`.
    static func isBare(_ c: UInt8) -> Bool {
        (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == 95 || c == 45
    }
    static func startsKey(_ c: UInt8) -> Bool { isBare(c) || c == 34 || c == 39 }
    /// What ends a run of scalar bytes: a blank, a line break, a comment, a quote, a bracket, a brace, a comma, `=`.
    private static func endsScalar(_ c: UInt8) -> Bool {
        isBlank(c) || [10, 35, 34, 39, 91, 93, 123, 125, 44, 61].contains(c)
    }
}

import OrderedCollections

/// The key paths of a TOML document in the order they are written.
///
/// TOML tables are unordered and TOMLKit hands them back sorted, but a sweep's axes keep the order
/// the user wrote (the first axis varies slowest, and the point numbers, random streams, shards
/// and checkpoints follow from it). This reads that order from the document's structure: table
/// headers, dotted and quoted keys, inline tables; comments and the contents of strings are
/// skipped as TOML defines them, so they can never change the order. It does not validate: on
/// malformed input (read only to name a redefined key, `firstRedefinition`) it stops early, and
/// every step moves forward, so it ends on any text.
struct TOMLKeyOrder {
    /// Every key path of a key/value pair or table header, with its table prefix, in order of
    /// first appearance, e.g. `["sweep", "student.lambda"]` for `"student.lambda" = [...]` under
    /// `[sweep]`.
    private(set) var paths: OrderedSet<[String]> = []
    /// The first key or table defined a second time, with the 1-based line of the second
    /// definition: what TOML forbids and toml++ reports with a garbled key name
    /// (`'"ststudent.lambda" '` for `"student.lambda"` under `[sweep]`).
    private(set) var firstRedefinition: (path: [String], line: Int)?
    /// Key/value and `[table]` definitions so far, against which a redefinition is found; the
    /// keys inside an array of tables' element are forgotten when the next element starts.
    private var defined: Set<[String]> = []

    private let bytes: [UInt8]
    private var i = 0

    init(text: String) {
        bytes = Array(text.utf8)
        scanDocument()
    }

    /// The keys directly below `table` (a one-element path such as `["sweep"]`), in written order.
    func keys(below table: [String]) -> [String] {
        var keys: OrderedSet<String> = []
        for path in paths where path.count == table.count + 1 && Array(path.prefix(table.count)) == table {
            keys.append(path[table.count])
        }
        return keys.elements
    }

    // MARK: Statements

    private mutating func scanDocument() {
        var table: [String] = []
        while true {
            skipBlank(newlines: true)
            guard let c = peek() else { return }
            if c == UInt8(ascii: "[") {
                let arrayOfTables = peek(1) == UInt8(ascii: "[")
                i += arrayOfTables ? 2 : 1
                guard let header = keyPath() else { return }
                table = header
                record(table)
                if arrayOfTables {
                    defined = defined.filter { !$0.starts(with: header) }
                } else {
                    define(table)
                }
                i += arrayOfTables ? 2 : 1
            } else {
                guard let key = keyPath(), peek() == UInt8(ascii: "=") else { return }
                i += 1
                record(table + key)
                define(table + key)
                guard value(prefix: table + key, defining: true) else { return }
            }
            skipLine()
        }
    }

    private mutating func record(_ path: [String]) {
        paths.append(path)
    }

    private mutating func define(_ path: [String]) {
        guard !defined.insert(path).inserted, firstRedefinition == nil else { return }
        firstRedefinition = (path, 1 + bytes[..<min(i, bytes.count)].reduce(0) { $1 == 10 ? $0 + 1 : $0 })
    }

    /// A key path as error messages write it: bare parts bare, others in quotes
    /// (`sweep."student.lambda"`, as `SweepGrid` names a sweep entry), each cut short (`EchoedInput`).
    static func written(_ path: [String]) -> String {
        path.map { !$0.isEmpty && $0.utf8.allSatisfy(isBareKey) ? EchoedInput.shortened($0) : "\"\(EchoedInput.shortened($0))\"" }
            .joined(separator: ".")
    }

    /// A dotted key (`a."b.c".'d'`), leaving the position after it and the blanks that follow.
    private mutating func keyPath() -> [String]? {
        var parts: [String] = []
        while true {
            skipBlank(newlines: false)
            guard let part = simpleKey() else { return nil }
            parts.append(part)
            skipBlank(newlines: false)
            guard peek() == UInt8(ascii: ".") else { return parts }
            i += 1
        }
    }

    private mutating func simpleKey() -> String? {
        switch peek() {
        case UInt8(ascii: "\""): return basicString()
        case UInt8(ascii: "'"): return literalString()
        default:
            let start = i
            while let c = peek(), Self.isBareKey(c) { i += 1 }
            return i > start ? String(decoding: bytes[start..<i], as: UTF8.self) : nil
        }
    }

    // MARK: Values

    /// Skips one value, recording the keys of inline tables under `prefix` (and checking them for
    /// redefinitions when `defining`: not inside arrays, whose elements are tables of their own).
    /// False on malformed input.
    private mutating func value(prefix: [String], defining: Bool) -> Bool {
        skipBlank(newlines: false)
        switch peek() {
        case UInt8(ascii: "\""): return basicString() != nil
        case UInt8(ascii: "'"): return literalString() != nil
        case UInt8(ascii: "["):
            i += 1
            while true {
                skipBlank(newlines: true)
                guard let c = peek() else { return false }
                if c == UInt8(ascii: "]") { i += 1; return true }
                if c == UInt8(ascii: ",") { i += 1; continue }
                guard value(prefix: prefix, defining: false) else { return false }
            }
        case UInt8(ascii: "{"):
            i += 1
            while true {
                skipBlank(newlines: false)
                guard let c = peek() else { return false }
                if c == UInt8(ascii: "}") { i += 1; return true }
                if c == UInt8(ascii: ",") { i += 1; continue }
                guard let key = keyPath(), peek() == UInt8(ascii: "=") else { return false }
                i += 1
                record(prefix + key)
                if defining { define(prefix + key) }
                guard value(prefix: prefix + key, defining: defining) else { return false }
            }
        case nil: return false
        default:
            // Numbers, booleans, dates: up to the next delimiter. Nothing there is malformed (a
            // `}` inside an array, in text that failed to parse): stopping avoids a loop on it.
            let start = i
            while let c = peek(), !Self.endsScalar(c) { i += 1 }
            return i > start
        }
    }

    /// A basic string, single-line or multi-line (`"""`), with its escapes decoded well enough for
    /// keys (`\"`, `\\`, `\t`, `\n`, `\uXXXX`, `\UXXXXXXXX`).
    private mutating func basicString() -> String? {
        let multiline = starts(with: "\"\"\"")
        i += multiline ? 3 : 1
        var out = String.UnicodeScalarView()
        var start = i
        func flush(_ end: Int) { out.append(contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars) }
        while let c = peek() {
            if c == UInt8(ascii: "\\") {
                flush(i)
                i += 1
                guard let e = peek() else { return nil }
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append("\n")
                case UInt8(ascii: "t"): out.append("\t")
                case UInt8(ascii: "r"): out.append("\r")
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = e == UInt8(ascii: "u") ? 4 : 8
                    guard i + width <= bytes.count,
                          let code = UInt32(String(decoding: bytes[i..<(i + width)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { return nil }
                    out.append(scalar)
                    i += width
                case UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    // Line-ending backslash in a multi-line string: trims the following blanks.
                    i -= 1
                    skipBlank(newlines: true)
                default: out.append(Unicode.Scalar(e))
                }
                start = i
            } else if c == UInt8(ascii: "\"") && (!multiline || starts(with: "\"\"\"")) {
                flush(i)
                if multiline {
                    // Up to two quotes may stand right before the closing delimiter.
                    var quotes = 0
                    while peek() == UInt8(ascii: "\"") { quotes += 1; i += 1 }
                    for _ in 0..<max(0, quotes - 3) { out.append("\"") }
                } else {
                    i += 1
                }
                return String(out)
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A literal string, single-line or multi-line (`'''`); no escapes.
    private mutating func literalString() -> String? {
        let multiline = starts(with: "'''")
        i += multiline ? 3 : 1
        let start = i
        while i < bytes.count {
            if multiline ? starts(with: "'''") : bytes[i] == UInt8(ascii: "'") {
                var end = i
                if multiline {
                    while peek() == UInt8(ascii: "'") { i += 1 }
                    end = i - 3
                } else {
                    i += 1
                }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    // MARK: Lexing helpers

    private func peek(_ offset: Int = 0) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }

    private func starts(with text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard i + pattern.count <= bytes.count else { return false }
        return bytes[i..<(i + pattern.count)].elementsEqual(pattern)
    }

    /// Skips spaces, tabs and comments, and line breaks when `newlines`.
    private mutating func skipBlank(newlines: Bool) {
        while let c = peek() {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || (newlines && (c == 10 || c == 13)) {
                i += 1
            } else if c == UInt8(ascii: "#") {
                while let d = peek(), d != 10 { i += 1 }
            } else {
                return
            }
        }
    }

    /// Skips the rest of a statement's line (blanks and a comment) and the line break.
    private mutating func skipLine() {
        skipBlank(newlines: false)
        while let c = peek(), c != 10 { i += 1 }
    }

    private static func isBareKey(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    private static func endsScalar(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: "#")
            || c == 10 || c == 13
    }
}

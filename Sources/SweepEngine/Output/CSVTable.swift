import CrossModalKD

/// A comma-separated table with a header row of column names, as a user exports representations:
/// `t1,t2,s1,y` then one row of numbers per observation. Fields may be double-quoted (RFC 4180,
/// `""` for a quote inside); surrounding spaces are ignored; blank lines are skipped.
/// Every error names the file, the line (and column) and the reason.
public struct CSVTable {
    let file: String
    /// Column names, in file order.
    let header: [String]
    /// Data rows as raw fields, with the 1-based line number of each.
    let rows: [(line: Int, fields: [String])]

    public init(file: String, text: String) throws(CLIError) {
        self.file = file
        // "\r\n" is one Character in Swift, so both line ends are separators.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var header: [String]?
        var rows: [(Int, [String])] = []
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let fields = try Self.fields(of: line, file: file, line: index + 1)
            if let header {
                guard fields.count == header.count else {
                    throw CLIError("\(file): line \(index + 1): \(fields.count) fields, but the header has \(header.count) columns")
                }
                rows.append((index + 1, fields))
            } else {
                header = try Self.validatedHeader(fields, file: file, line: index + 1)
            }
        }
        guard let header else { throw CLIError("\(file): empty file, expected a header row of column names") }
        self.header = header
        self.rows = rows
    }

    /// The named columns as a rows x names.count matrix of finite numbers.
    public func numericColumns(_ names: [String]) throws(CLIError) -> Matrix {
        var indices: [Int] = []
        for name in names {
            guard let i = header.firstIndex(of: name) else {
                throw CLIError("\(file): no column named '\(name)'; the header has \(header.map { "'\($0)'" }.joined(separator: ", "))")
            }
            indices.append(i)
        }
        var out = Matrix(rows: rows.count, cols: names.count)
        for (r, row) in rows.enumerated() {
            for (j, i) in indices.enumerated() {
                let cell = row.fields[i]
                guard let x = Double(cell) else {
                    let shown = cell.isEmpty ? "an empty cell" : "'\(cell)'"
                    throw CLIError("\(file): line \(row.line), column \(i + 1) ('\(header[i])'): \(shown) is not a number")
                }
                guard x.isFinite else {
                    throw CLIError("\(file): line \(row.line), column \(i + 1) ('\(header[i])'): '\(cell)' is not a finite number")
                }
                out[r, j] = x
            }
        }
        return out
    }

    private static func validatedHeader(_ fields: [String], file: String, line: Int) throws(CLIError) -> [String] {
        for (i, name) in fields.enumerated() {
            guard !name.isEmpty else { throw CLIError("\(file): line \(line): header column \(i + 1) has no name") }
            if let j = fields[..<i].firstIndex(of: name) {
                throw CLIError("\(file): line \(line): the column name '\(name)' appears twice (columns \(j + 1) and \(i + 1))")
            }
        }
        return fields
    }

    /// Splits one line into trimmed fields, honouring double quotes.
    private static func fields(of line: String, file: String, line number: Int) throws(CLIError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false, wasQuoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let d = next() {
                        if d == "\"" { current.append("\"") } else { quoted = false; pending = d }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "," {
                fields.append(wasQuoted ? current : current.trimmingSpaces)
                current = ""
                wasQuoted = false
            } else if c == "\"" && current.trimmingSpaces.isEmpty && !wasQuoted {
                current = ""
                quoted = true
                wasQuoted = true
            } else if wasQuoted {
                guard c == " " || c == "\t" else {
                    throw CLIError("\(file): line \(number), field \(fields.count + 1): text after a closing quote")
                }
            } else {
                current.append(c)
            }
        }
        guard !quoted else { throw CLIError("\(file): line \(number), field \(fields.count + 1): unterminated quote") }
        fields.append(wasQuoted ? current : current.trimmingSpaces)
        return fields
    }
}

private extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

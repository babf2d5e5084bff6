/// A comma-separated file with a header row of column names: `t1,t2,s1,y` then one row of values
/// per observation. Fields may be double-quoted (RFC 4180, `""` for a quote inside); surrounding
/// spaces are ignored; blank lines are skipped; a byte-order mark and CRLF line ends are accepted.
/// Header names may repeat (a caller that names columns decides whether that is ambiguous).
/// Every error names the file, the line (and field) and the reason.
public struct CSVFile: Sendable {
    public let file: String
    /// Column names, in file order.
    public let header: [String]
    /// 1-based line of the header.
    public let headerLine: Int
    /// Data rows as raw fields, with the 1-based line number of each.
    public let rows: [(line: Int, fields: [String])]

    public init(file: String, text: String) throws(DataFileError) {
        self.file = file
        // "\r\n" is one Character in Swift, so both line ends are separators.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var header: [String]?
        var headerLine = 0
        var rows: [(Int, [String])] = []
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let fields = try Self.fields(of: line, file: file, line: index + 1)
            if let header {
                guard fields.count == header.count else {
                    throw DataFileError(file: file, line: index + 1, reason: "\(fields.count) fields, but the header has \(header.count) columns")
                }
                rows.append((index + 1, fields))
            } else {
                for (i, name) in fields.enumerated() where name.isEmpty {
                    throw DataFileError(file: file, line: index + 1, reason: "header column \(i + 1) has no name")
                }
                header = fields
                headerLine = index + 1
            }
        }
        guard let header else { throw DataFileError(file: file, reason: "empty file, expected a header row of column names") }
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The finite number in row `r` (0-based data row), column `c` (0-based).
    /// - Throws: naming the line, column and what the cell holds (empty = a missing value).
    public func number(row r: Int, column c: Int) throws(DataFileError) -> Double {
        let cell = rows[r].fields[c]
        guard let x = Double(cell) else {
            let reason = cell.isEmpty ? "an empty cell is not a number (a missing value)" : "'\(cell)' is not a number"
            throw DataFileError(file: file, line: rows[r].line, column: c + 1, columnName: header[c], reason: reason)
        }
        guard x.isFinite else {
            throw DataFileError(file: file, line: rows[r].line, column: c + 1, columnName: header[c], reason: "'\(cell)' is not a finite number")
        }
        return x
    }

    /// Splits one line into trimmed fields, honouring double quotes.
    private static func fields(of line: String, file: String, line number: Int) throws(DataFileError) -> [String] {
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
                    throw DataFileError(file: file, line: number, reason: "field \(fields.count + 1): text after a closing quote")
                }
            } else {
                current.append(c)
            }
        }
        guard !quoted else { throw DataFileError(file: file, line: number, reason: "field \(fields.count + 1): unterminated quote") }
        fields.append(wasQuoted ? current : current.trimmingSpaces)
        return fields
    }
}

/// A problem with a data file: the file, where in it (line, column) and why.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line of the file, nil for a whole-file problem.
    public let line: Int?
    /// 1-based column and its header name, nil when the problem is not one cell's.
    public let column: Int?, columnName: String?
    public let reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.reason = reason
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let column { place.append("column \(column)" + (columnName.map { " ('\($0)')" } ?? "")) }
        return place.isEmpty ? "\(file): \(reason)" : "\(file): \(place.joined(separator: ", ")): \(reason)"
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

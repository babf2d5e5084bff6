import CCHScenario
import CrossModalKD

/// A comma-separated table with a header row of column names, as a user exports representations:
/// `t1,t2,s1,y` then one row of numbers per observation. Fields may be double-quoted (RFC 4180,
/// `""` for a quote inside); surrounding spaces are ignored; blank lines are skipped.
/// Every error names the file, the line (and column) and the reason, quoting at most
/// `EchoedInput.limit` characters of the input.
///
/// Reading is one pass over the UTF-8 bytes (linear in the file size, whatever the number of
/// columns): rows keep their raw fields, and only the columns asked for are turned into numbers.
public struct CSVTable {
    let file: String
    /// Column names, in file order.
    let header: [String]
    /// Data rows as raw fields, with the 1-based line number of each.
    let rows: [(line: Int, fields: [String])]

    public init(file: String, text: String) throws(RunError) {
        self.file = file
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var header: [String]?
        var rows: [(Int, [String])] = []
        var start = 0, number = 0
        while start < bytes.count || (start == bytes.count && number == 0) {
            number += 1
            var end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            let line = bytes[start..<end]
            start = next
            guard !line.allSatisfy({ $0 == 32 || $0 == 9 }) else { continue }
            let fields = try Self.fields(of: line, file: file, line: number)
            if let header {
                guard fields.count == header.count else {
                    throw RunError("\(file): line \(number): \(fields.count) fields, but the header has \(header.count) columns")
                }
                rows.append((number, fields))
            } else {
                header = try Self.validatedHeader(fields, file: file, line: number)
            }
        }
        guard let header else { throw RunError("\(file): empty file, expected a header row of column names") }
        self.header = header
        self.rows = rows
    }

    /// The named columns as a rows x names.count matrix of finite decimal numbers.
    public func numericColumns(_ names: [String]) throws(RunError) -> Matrix {
        var position: [String: Int] = [:]
        for (i, name) in header.enumerated() { position[name] = i }
        var indices: [Int] = []
        for name in names {
            guard let i = position[name] else {
                let shown = header.prefix(10).map { EchoedInput.quoted($0) }.joined(separator: ", ")
                throw RunError("\(file): no column named \(EchoedInput.quoted(name)); the header has \(shown)"
                               + (header.count > 10 ? ", ... (\(header.count) columns)" : ""))
            }
            indices.append(i)
        }
        var out = Matrix(rows: rows.count, cols: names.count)
        for (r, row) in rows.enumerated() {
            for (j, i) in indices.enumerated() {
                let cell = row.fields[i]
                let place = "\(file): line \(row.line), column \(i + 1) (\(EchoedInput.quoted(header[i])))"
                guard let x = Double(cell) else {
                    throw RunError("\(place): \(cell.isEmpty ? "an empty cell" : EchoedInput.quoted(cell)) is not a number")
                }
                guard x.isFinite else { throw RunError("\(place): \(EchoedInput.quoted(cell)) is not a finite number") }
                guard Self.isDecimal(cell) else {
                    throw RunError("\(place): \(EchoedInput.quoted(cell)) is not a decimal number (hexadecimal and other notations are refused)")
                }
                out[r, j] = x
            }
        }
        return out
    }

    /// Whether `cell` is written in decimal notation: digits, a point, a sign, an exponent.
    private static func isDecimal(_ cell: String) -> Bool {
        cell.utf8.allSatisfy { (48...57).contains($0) || $0 == 46 || $0 == 43 || $0 == 45 || $0 == 101 || $0 == 69 }
    }

    private static func validatedHeader(_ fields: [String], file: String, line: Int) throws(RunError) -> [String] {
        var seen: [String: Int] = [:]
        for (i, name) in fields.enumerated() {
            guard !name.isEmpty else { throw RunError("\(file): line \(line): header column \(i + 1) has no name") }
            if let j = seen[name] {
                throw RunError("\(file): line \(line): the column name \(EchoedInput.quoted(name)) appears twice (columns \(j + 1) and \(i + 1))")
            }
            seen[name] = i
        }
        return fields
    }

    /// Splits one line (UTF-8 bytes without its line end) into trimmed fields, honouring double
    /// quotes. The bytes of `"`, `,`, space and tab never occur inside a multi-byte UTF-8 character,
    /// so splitting bytes splits characters correctly.
    private static func fields(of line: ArraySlice<UInt8>, file: String, line number: Int) throws(RunError) -> [String] {
        let quote: UInt8 = 34, comma: UInt8 = 44
        func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        var fields: [String] = []
        var i = line.startIndex
        while true {
            while i < line.endIndex, isBlank(line[i]) { i += 1 }
            if i < line.endIndex, line[i] == quote {
                var value: [UInt8] = []
                i += 1
                var closed = false
                while i < line.endIndex {
                    if line[i] == quote {
                        if i + 1 < line.endIndex, line[i + 1] == quote {
                            value.append(quote)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(line[i])
                    i += 1
                }
                guard closed else { throw RunError("\(file): line \(number), field \(fields.count + 1): unterminated quote") }
                while i < line.endIndex, isBlank(line[i]) { i += 1 }
                guard i == line.endIndex || line[i] == comma else {
                    throw RunError("\(file): line \(number), field \(fields.count + 1): text after a closing quote")
                }
                fields.append(String(decoding: value, as: UTF8.self))
            } else {
                let fieldStart = i
                while i < line.endIndex, line[i] != comma { i += 1 }
                var fieldEnd = i
                while fieldEnd > fieldStart, isBlank(line[fieldEnd - 1]) { fieldEnd -= 1 }
                fields.append(String(decoding: line[fieldStart..<fieldEnd], as: UTF8.self))
            }
            guard i < line.endIndex else { break }
            i += 1  // the comma
        }
        return fields
    }
}

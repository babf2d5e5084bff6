import CrossModalKD

/// A comma-separated file with a header row of column names: `t1,t2,s1,y` then one row of values
/// per observation, read by the quoting rule of `CSVLine` (RFC 4180 quotes, surrounding blanks
/// ignored). Blank lines are skipped; a byte-order mark and CRLF line ends are accepted. Header
/// names may repeat (the UCI files repeat `0`): naming such a column is then refused as ambiguous.
/// Every error names the file, the line (and column) and the reason, quoting at most
/// `EchoedInput.limit` characters of the input.
///
/// Reading is one pass over the UTF-8 bytes, linear in the file size whatever the number of
/// columns: rows keep where their fields are, and only the cells asked for become text or numbers.
public struct CSVFile: Sendable {
    public let file: String
    /// Column names, in file order.
    public let header: [String]
    /// 1-based line of the header.
    public let headerLine: Int
    /// The file's bytes (without a byte-order mark).
    private let bytes: [UInt8]
    /// Every data row's fields, row after row (`header.count` per row), and each row's 1-based line.
    private let fields: [CSVLine.Field]
    private let lines: [Int]

    public init(file: String, text: String) throws(DataFileError) {
        self.file = file
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.count < 1 << 32 else {
            throw DataFileError(file: file, reason: "\(bytes.count) bytes is more than cchsim reads as one CSV (at most 4 GiB)")
        }
        var header: [String]?
        var headerLine = 0
        var fields: [CSVLine.Field] = [], lines: [Int] = []
        var start = 0, number = 0
        while start < bytes.count {
            number += 1
            let (line, next) = CSVLine.line(in: bytes[start...])
            start = next
            guard !line.allSatisfy({ $0 == 32 || $0 == 9 }) else { continue }
            if let problem = CSVLine.nulByte(in: line) {
                throw DataFileError(file: file, line: number, column: problem.field, reason: problem.reason)
            }
            let before = fields.count
            do { try CSVLine.split(line, into: &fields) } catch {
                throw DataFileError(file: file, line: number, column: error.field, reason: error.reason)
            }
            if let header {
                let count = fields.count - before
                guard count == header.count else {
                    throw DataFileError(file: file, line: number, reason: "\(count) fields, but the header has \(header.count) columns")
                }
                lines.append(number)
            } else {
                let names = fields[before...].map { CSVLine.text(of: $0, in: line) }
                fields.removeAll(keepingCapacity: true)
                for (i, name) in names.enumerated() where name.isEmpty {
                    throw DataFileError(file: file, line: number, reason: "header column \(i + 1) has no name")
                }
                header = names
                headerLine = number
                // One field record per cell, reserved at once (a wide file has millions; growing
                // the array by doubling would hold up to three times as much for a moment). A row
                // of n >= 2 fields has n - 1 commas, so the cells are also at most twice the bytes.
                let rowsLeft = bytes[start...].reduce(0) { $1 == 10 ? $0 + 1 : $0 } + 1
                let (cells, overflow) = names.count.multipliedReportingOverflow(by: rowsLeft)
                fields.reserveCapacity(min(overflow ? .max : cells, 2 * (bytes.count - start) + rowsLeft))
            }
        }
        guard let header else { throw DataFileError(file: file, reason: "empty file, expected a header row of column names") }
        self.header = header
        self.headerLine = headerLine
        self.bytes = bytes
        self.fields = fields
        self.lines = lines
    }

    /// Number of data rows.
    public var rowCount: Int { lines.count }

    /// The 1-based line of data row `r` (0-based).
    public func line(ofRow r: Int) -> Int { lines[r] }

    /// The text of the cell in data row `r`, column `c` (both 0-based).
    public func field(row r: Int, column c: Int) -> String {
        CSVLine.text(of: fields[r * header.count + c], in: bytes[...])
    }

    /// Every data row as text, with its 1-based line (materialises every cell: for small files).
    public var rows: [(line: Int, fields: [String])] {
        (0..<rowCount).map { r in (lines[r], (0..<header.count).map { field(row: r, column: $0) }) }
    }

    /// The 0-based index of the column named `name`.
    /// - Throws: when no column has that name, or more than one has.
    public func column(named name: String) throws(DataFileError) -> Int {
        try Self.column(named: name, in: header, file: file, headerLine: headerLine)
    }

    /// The 0-based index of the column named `name` in the header `header` of `file`.
    /// - Throws: when no column has that name, or more than one has.
    public static func column(named name: String, in header: [String], file: String, headerLine: Int) throws(DataFileError) -> Int {
        let matches = header.indices.filter { header[$0] == name }
        guard let first = matches.first else {
            let shown = header.prefix(10).map { EchoedInput.quoted($0) }.joined(separator: ", ")
            throw DataFileError(file: file, reason: "no column named \(EchoedInput.quoted(name)); the header has \(shown)"
                                + (header.count > 10 ? ", ... (\(header.count) columns)" : ""))
        }
        guard matches.count == 1 else {
            throw DataFileError(file: file, line: headerLine, reason: "the column name \(EchoedInput.quoted(name)) is ambiguous (columns "
                                + matches.map { "\($0 + 1)" }.joined(separator: ", ") + ")")
        }
        return first
    }

    /// The 0-based indices of the columns named `name`, in file order.
    public func columns(named name: String) -> [Int] { header.indices.filter { header[$0] == name } }

    /// The finite decimal number in data row `r`, column `c` (both 0-based).
    /// - Throws: naming the line, column and what the cell holds (`CSVCell.notANumber`: a missing
    ///   value, text, infinities, hexadecimal and other notations Swift's `Double(_:)` would accept).
    public func number(row r: Int, column c: Int) throws(DataFileError) -> Double {
        let cell = fields[r * header.count + c]
        let raw = bytes[cell.start..<cell.end]
        if let x = CSVCell.decimal(raw) { return x }
        throw DataFileError(file: file, line: lines[r], column: c + 1, columnName: header[c],
                            reason: CSVCell.notANumber(CSVLine.text(of: cell, in: bytes[...])))
    }

    /// The named columns as a rowCount x names.count matrix of finite decimal numbers.
    /// - Throws: for a missing or ambiguous name and for a cell that is not such a number.
    public func numericColumns(_ names: [String]) throws(DataFileError) -> Matrix {
        var indices: [Int] = []
        for name in names { indices.append(try column(named: name)) }
        var out = Matrix(rows: rowCount, cols: names.count)
        for r in 0..<rowCount {
            for (j, c) in indices.enumerated() { out[r, j] = try number(row: r, column: c) }
        }
        return out
    }

}

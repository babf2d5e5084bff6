/// A delimited data file read line by line as it streams in (`InputBlocks`: plain or gzip), by
/// the rules of `CSVFile` and `CSVLine`: blank lines skipped, a byte-order mark and CRLF line ends
/// accepted, a last line without a line end read like any other, a NUL byte and bytes that are not
/// UTF-8 refused naming the line. Only the line being read and one block are held: memory does not
/// grow with the file (docs/real-data.md, "Reading").
public enum CSVRecords {
    /// One non-blank line: its bytes (without the line end), its fields' places in them and its
    /// 1-based line number. Valid only during the call it is handed to.
    public struct Record {
        public let line: ArraySlice<UInt8>
        public let fields: [CSVLine.Field]
        public let number: Int

        /// The bytes of field `i` (0-based) without quotes and blanks (a quoted field's `""` pairs
        /// are left as they are: such a field is never a number or a missing value).
        public func raw(_ i: Int) -> ArraySlice<UInt8> { line[fields[i].start..<fields[i].end] }

        /// The text of field `i` (0-based).
        public func text(_ i: Int) -> String { CSVLine.text(of: fields[i], in: line) }
    }

    /// Calls `body` with each non-blank line of `blocks`, in file order.
    /// - Throws: `DataFileError` naming `file`, the line (and field) and the reason, for a read or
    ///   gzip error, a NUL byte, bytes that are not UTF-8, a malformed quote; and what `body` throws.
    public static func forEach(in blocks: InputBlocks, file: String, delimiter: FieldDelimiter,
                               _ body: (Record) throws(DataFileError) -> Void) throws(DataFileError) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * InputBlocks.blockSize)
        var start = 0, scanned = 0, number = 0, atEnd = false
        var fields: [CSVLine.Field] = []
        func handle(_ bytes: ArraySlice<UInt8>) throws(DataFileError) {
            number += 1
            var line = CSVLine.line(in: bytes).line
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            guard !line.allSatisfy({ $0 == 32 || $0 == 9 }) else { return }
            if let problem = CSVLine.nulByte(in: line, delimiter: delimiter) {
                throw DataFileError(file: file, line: number, column: problem.field, reason: problem.reason)
            }
            if line.contains(where: { $0 >= 0x80 }), String(validating: line, as: UTF8.self) == nil {
                throw DataFileError(file: file, line: number, reason: "not UTF-8 text")
            }
            fields.removeAll(keepingCapacity: true)
            do { try CSVLine.split(line, into: &fields, delimiter: delimiter) } catch {
                throw DataFileError(file: file, line: number, column: error.field, reason: error.reason)
            }
            try body(Record(line: line, fields: fields, number: number))
        }
        while true {
            if let lf = buffer[scanned...].firstIndex(of: 10) {
                try handle(buffer[start...lf])
                start = lf + 1
                scanned = start
                continue
            }
            if atEnd {
                if start < buffer.count { try handle(buffer[start...]) }
                return
            }
            buffer.removeSubrange(0..<start)
            start = 0
            scanned = buffer.count
            do { atEnd = try !blocks.append(to: &buffer) } catch {
                throw DataFileError(file: file, line: number + 1, reason: error.explanation)
            }
        }
    }
}

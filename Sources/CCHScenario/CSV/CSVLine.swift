/// The one CSV quoting rule of cchsim, for every CSV it reads (data files, `estimate-mi --csv`,
/// sweep outputs read back by `merge`, the plots and `--resume`) and the one its writers follow
/// (docs/files.md, "CSV"):
///
/// - fields are separated by commas, one record per line (a quoted field cannot hold a line break);
///   data files may use a tab or a semicolon instead (`FieldDelimiter`);
/// - a field may be enclosed in double quotes (RFC 4180), with `""` standing for one quote inside;
///   a quote anywhere else in an unquoted field is an ordinary character;
/// - spaces and tabs around a field are not part of it (quote a field to keep them; only spaces
///   in a tab-separated file);
/// - a NUL byte is an error (it ends C strings, so text after it would be silently cut).
/// - text after a closing quote (other than blanks) and a quote never closed are errors.
///
/// Splitting works on UTF-8 bytes: `"`, `,`, space and tab never occur inside a multi-byte UTF-8
/// character, so splitting bytes splits characters correctly. One pass, linear in the line's length
/// whatever the number of fields.
public enum CSVLine {
    /// Where one field sits in its line: the bytes between the separators (quotes and blanks
    /// removed), and whether it was quoted (its `""` pairs then stand for one quote each).
    /// Offsets are 32-bit (12 bytes a field: a wide file has millions of fields), enough for the
    /// files cchsim reads (`SizeLimits.maximumInputFileBytes`, 2 GiB).
    public struct Field: Sendable {
        private let first: UInt32, last: UInt32
        public let quoted: Bool

        init(start: Int, end: Int, quoted: Bool) {
            first = UInt32(truncatingIfNeeded: start)
            last = UInt32(truncatingIfNeeded: end)
            self.quoted = quoted
        }

        /// Byte offsets of the field's first byte and past its last.
        public var start: Int { Int(first) }
        public var end: Int { Int(last) }
    }

    /// What is wrong with a line, and in which field (1-based).
    public struct Problem: Error, Sendable {
        public let field: Int
        public let reason: String
    }

    /// Appends the fields of `line` (bytes without the line end, at offsets below 2^32) to `fields`.
    /// - Throws: `Problem` for an unterminated quote or text after a closing quote.
    public static func split(_ line: ArraySlice<UInt8>, into fields: inout [Field], delimiter: FieldDelimiter = .comma) throws(Problem) {
        let quote: UInt8 = 34, comma = delimiter.byte
        func isBlank(_ b: UInt8) -> Bool { delimiter.isBlank(b) }
        var i = line.startIndex
        var number = 0
        while true {
            number += 1
            while i < line.endIndex, isBlank(line[i]) { i += 1 }
            if i < line.endIndex, line[i] == quote {
                let start = i + 1
                i = start
                var closed = false
                while i < line.endIndex {
                    if line[i] == quote {
                        if i + 1 < line.endIndex, line[i + 1] == quote {
                            i += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    i += 1
                }
                guard closed else { throw Problem(field: number, reason: "unterminated quote") }
                fields.append(Field(start: start, end: i, quoted: true))
                i += 1
                while i < line.endIndex, isBlank(line[i]) { i += 1 }
                guard i == line.endIndex || line[i] == comma else {
                    throw Problem(field: number, reason: "text after a closing quote")
                }
            } else {
                let start = i
                while i < line.endIndex, line[i] != comma { i += 1 }
                var end = i
                while end > start, isBlank(line[end - 1]) { end -= 1 }
                fields.append(Field(start: start, end: end, quoted: false))
            }
            guard i < line.endIndex else { return }
            i += 1  // the comma
        }
    }

    /// A NUL byte in `line` as a `Problem` naming its field (counting separators outside quotes),
    /// nil when the line has none.
    public static func nulByte(in line: ArraySlice<UInt8>, delimiter: FieldDelimiter = .comma) -> Problem? {
        guard let at = line.firstIndex(of: 0) else { return nil }
        var field = 1, quoted = false
        for b in line[..<at] {
            if b == 34 { quoted.toggle() } else if b == delimiter.byte, !quoted { field += 1 }
        }
        return Problem(field: field, reason: "a NUL byte (\\0) in the text; a data file holds text, not binary data")
    }

    /// The text of `field` of a line of `bytes` (a quoted field's `""` pairs made one quote).
    public static func text(of field: Field, in bytes: ArraySlice<UInt8>) -> String {
        let raw = bytes[field.start..<field.end]
        guard field.quoted, raw.contains(34) else { return String(decoding: raw, as: UTF8.self) }
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        var skipNext = false
        for b in raw {
            if skipNext { skipNext = false; continue }
            value.append(b)
            if b == 34 { skipNext = true }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// The first line of `bytes` (without its LF or CRLF end) and the index after its end (bounded
    /// by `bytes.endIndex`: a last line needs no line end).
    public static func line(in bytes: ArraySlice<UInt8>) -> (line: ArraySlice<UInt8>, next: Int) {
        guard let lf = bytes.firstIndex(of: 10) else {
            let end = bytes.last == 13 ? bytes.endIndex - 1 : bytes.endIndex
            return (bytes[bytes.startIndex..<end], bytes.endIndex)
        }
        let end = lf > bytes.startIndex && bytes[lf - 1] == 13 ? lf - 1 : lf
        return (bytes[bytes.startIndex..<end], lf + 1)
    }

    /// The fields of `line` (bytes without the line end) as text.
    /// - Throws: `DataFileError` naming `file`, `lineNumber`, the field and the reason.
    public static func fields(_ line: ArraySlice<UInt8>, file: String, lineNumber: Int) throws(DataFileError) -> [String] {
        if let problem = nulByte(in: line) {
            throw DataFileError(file: file, line: lineNumber, column: problem.field, reason: problem.reason)
        }
        var fields: [Field] = []
        do { try split(line, into: &fields) } catch {
            throw DataFileError(file: file, line: lineNumber, column: error.field, reason: error.reason)
        }
        return fields.map { text(of: $0, in: line) }
    }

    /// Whether a writer must quote `text` for `fields` to read it back unchanged: it holds a comma
    /// or a quote, or begins or ends with a blank.
    public static func needsQuotes(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        return first == 32 || first == 9 || last == 32 || last == 9 || text.contains { $0 == 44 || $0 == 34 }
    }
}

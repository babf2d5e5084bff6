import CCHScenario

/// How values are written into the sweep CSV (docs/output.md, "CSV layout"): numbers in Swift's
/// shortest round-trip decimal form (`0.1`, `1e-05`, `nan`), booleans as 1 / 0, text quoted
/// (RFC 4180) only when `CSVLine`, the one reader, needs it to read the text back unchanged (a
/// comma, a quote, a leading or trailing blank). Line breaks in text become spaces, so every row
/// is one line (merging and plotting read the file line by line).
enum CSVText {
    /// Appends the CSV text of a result value.
    static func append(_ value: ReportValue, to out: inout [UInt8]) {
        switch value {
        case .number(let x): appendNumber(x, to: &out)
        case .integer(let i): out.append(contentsOf: i.description.utf8)
        case .unsigned(let u): out.append(contentsOf: u.description.utf8)
        case .bool(let b): out.append(b ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        case .text(let s): appendText(s, to: &out)
        }
    }

    /// Appends the CSV text of a swept scenario value.
    static func append(_ value: ScenarioValue, to out: inout [UInt8]) {
        switch value {
        case .integer(let i): append(ReportValue.integer(i), to: &out)
        case .number(let x): append(ReportValue.number(x), to: &out)
        case .bool(let b): append(ReportValue.bool(b), to: &out)
        case .string(let s): appendText(s, to: &out)
        case .array, .table: appendText(value.description, to: &out)
        }
    }

    /// Appends `x.description` without making a String: `write(to:)` hands the digits to
    /// `_writeASCII` (a million-row CSV has twenty million numbers).
    static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        var sink = ByteSink(bytes: out)
        out = []
        x.write(to: &sink)
        out = sink.bytes
    }

    /// A text stream into a byte array.
    private struct ByteSink: TextOutputStream {
        var bytes: [UInt8]
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// Appends a text field, quoted when it must be.
    static func appendText(_ s: String, to out: inout [UInt8]) {
        let start = out.count, quote = UInt8(ascii: "\"")
        for byte in s.utf8 {
            out.append(byte == 10 || byte == 13 ? UInt8(ascii: " ") : byte)
            if byte == quote { out.append(quote) }
        }
        // Doubling the quotes changes neither a comma, a quote nor the blanks at the ends.
        if CSVLine.needsQuotes(out[start...]) {
            out.insert(quote, at: start)
            out.append(quote)
        }
    }
}

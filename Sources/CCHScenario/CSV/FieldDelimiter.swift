/// The byte between the fields of a delimited data file: a comma (CSV), a tab (TSV) or a
/// semicolon. A data scenario names it by `delimiter = "comma"`, `"tab"` or `"semicolon"`; without
/// the key it follows the file name (`.tsv`, `.tsv.gz`, `.tab` and `.tab.gz` are tab-separated,
/// everything else comma-separated). Blanks around a field are not part of it: spaces and tabs,
/// but only spaces in a tab-separated file.
public enum FieldDelimiter: String, Sendable, CaseIterable {
    case comma, tab, semicolon

    /// The separating byte.
    public var byte: UInt8 {
        switch self {
        case .comma: 44
        case .tab: 9
        case .semicolon: 59
        }
    }

    /// Whether `b` is a blank around a field: a space, or a tab unless tabs separate fields.
    @inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 32 || (b == 9 && self != .tab) }

    /// The delimiter a file name implies: tab for `.tsv` and `.tab` (also gzip-compressed), else comma.
    public init(fileName: String) {
        let name = fileName.lowercased()
        let plain = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        self = plain.hasSuffix(".tsv") || plain.hasSuffix(".tab") ? .tab : .comma
    }
}

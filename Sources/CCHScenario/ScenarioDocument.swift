import TOMLKit

/// A scenario file read into a `ScenarioValue` tree, with the name of the file for error messages.
public struct ScenarioDocument: Sendable, Equatable {
    /// The file the document came from (as given by the user), or a label such as `<command line>`.
    public let file: String
    /// The top-level table.
    public var root: [String: ScenarioValue]
    /// Top-level keys and `[sweep]` keys in the order they appear in the text (TOML tables are
    /// unordered; sweeps use this to keep the axes in the order the user wrote them).
    public let sweepKeyOrder: [String]

    public init(file: String, root: [String: ScenarioValue], sweepKeyOrder: [String] = []) {
        self.file = file
        self.root = root
        self.sweepKeyOrder = sweepKeyOrder
    }

    /// Parses TOML text. - Throws: `ScenarioError` with the line and column of a syntax error.
    public init(file: String, text: String) throws(ScenarioError) {
        if let (line, column) = TableHeaderCheck.firstMalformedHeader(in: text) {
            throw ScenarioError(file: file, key: "",
                                reason: "TOML syntax error at line \(line), column \(column): a table header needs a key after '[' (a bare or a quoted key)")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ScenarioError(file: file, key: "",
                                reason: "TOML syntax error at line \(e.source.begin.line), column \(e.source.begin.column): \(e.description)")
        } catch {
            throw ScenarioError(file: file, key: "", reason: "not a TOML document: \(error)")
        }
        self.init(file: file, root: try Self.convert(table, path: "", file: file),
                  sweepKeyOrder: Self.sweepKeys(inOrderOf: text, keys: Self.sweepKeyNames(table)))
    }

    private static func sweepKeyNames(_ table: TOMLTable) -> [String] {
        guard let sweep = table["sweep"]?.table else { return [] }
        return sweep.map { $0.0 }
    }

    /// Orders `keys` by their first appearance after a `[sweep]` header in `text`.
    private static func sweepKeys(inOrderOf text: String, keys: [String]) -> [String] {
        guard let header = text.range(of: "[sweep]") else { return keys.sorted() }
        let body = text[header.upperBound...]
        func position(_ key: String) -> String.Index {
            body.range(of: "\"\(key)\"")?.lowerBound ?? body.range(of: key)?.lowerBound ?? body.endIndex
        }
        return keys.sorted { (position($0), $0) < (position($1), $1) }
    }

    private static func convert(_ value: TOMLValueConvertible, path: String, file: String) throws(ScenarioError) -> ScenarioValue {
        switch value.type {
        case .int:
            guard let i = value.int else { break }
            return .integer(i)
        case .double:
            guard let d = value.double else { break }
            return .number(d)
        case .string:
            guard let s = value.string else { break }
            return .string(s)
        case .bool:
            guard let b = value.bool else { break }
            return .bool(b)
        case .array:
            guard let a = value.array else { break }
            var items: [ScenarioValue] = []
            for (i, item) in a.enumerated() { items.append(try convert(item, path: "\(path)[\(i)]", file: file)) }
            return .array(items)
        case .table:
            guard let t = value.table else { break }
            return .table(try convert(t, path: path, file: file))
        default:
            throw ScenarioError(file: file, key: path, reason: "dates and times are not scenario values")
        }
        throw ScenarioError(file: file, key: path, reason: "unreadable value")
    }

    private static func convert(_ table: TOMLTable, path: String, file: String) throws(ScenarioError) -> [String: ScenarioValue] {
        var out: [String: ScenarioValue] = [:]
        for (key, value) in table {
            let child = path.isEmpty ? key : "\(path).\(key)"
            out[key] = try convert(value, path: child, file: file)
        }
        return out
    }
}

import TOMLKit

/// A scenario file read into a `ScenarioValue` tree, with the name of the file for error messages.
public struct ScenarioDocument: Sendable, Equatable {
    /// The file the document came from (as given by the user), or a label such as `<command line>`.
    public let file: String
    /// The top-level table.
    public var root: [String: ScenarioValue]
    /// The `[sweep]` keys in the order the text writes them (TOML tables are unordered; sweeps use
    /// this to keep the axes in the order the user wrote them).
    public let sweepKeyOrder: [String]

    public init(file: String, root: [String: ScenarioValue], sweepKeyOrder: [String] = []) {
        self.file = file
        self.root = root
        self.sweepKeyOrder = sweepKeyOrder
    }

    /// Whether the file has a `[monte_carlo]` table (Monte Carlo settings given).
    public var hasMonteCarloSettings: Bool { root[ScenarioKey.Table.monteCarlo.name] != nil }
    /// Whether the file has an `[estimation]` table (MI-estimation settings given).
    public var hasEstimationSettings: Bool { root[ScenarioKey.Table.estimation.name] != nil }
    /// Whether the file has a `[sweep]` table.
    public var hasSweep: Bool { root[ScenarioKey.Table.sweep.name] != nil }

    /// Parses TOML text. - Throws: `ScenarioError` with the line and column of a syntax error, a
    /// NUL character or nesting beyond `SizeLimits.maximumNestingDepth` (`TOMLTextCheck`, before
    /// the parser sees the text).
    public init(file: String, text: String) throws(ScenarioError) {
        if let problem = TOMLTextCheck.firstProblem(in: text) {
            throw ScenarioError(file: file, key: "", reason: problem.description)
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            let line = e.source.begin.line
            // toml++ garbles the key it names in a redefinition; the key order scanner names it.
            if let (path, at) = TOMLKeyOrder(text: text).firstRedefinition, at <= line {
                throw ScenarioError(file: file, key: TOMLKeyOrder.written(path),
                                    reason: "TOML syntax error at line \(at): defined a second time (a key or table is written once)")
            }
            throw ScenarioError(file: file, key: "",
                                reason: "TOML syntax error at line \(line), column \(e.source.begin.column): \(e.description)")
        } catch {
            throw ScenarioError(file: file, key: "", reason: "not a TOML document: \(error)")
        }
        self.init(file: file, root: try Self.convert(table, path: "", file: file),
                  sweepKeyOrder: Self.sweepKeys(table, text: text))
    }

    /// The `[sweep]` keys in the order the text writes them (`TOMLKeyOrder`: from the TOML
    /// structure, so comments and string contents never matter).
    private static func sweepKeys(_ table: TOMLTable, text: String) -> [String] {
        guard let sweep = table[ScenarioKey.Table.sweep.name]?.table else { return [] }
        let names = Set(sweep.map { $0.0 })
        return TOMLKeyOrder(text: text).keys(below: [ScenarioKey.Table.sweep.name]).filter(names.contains)
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

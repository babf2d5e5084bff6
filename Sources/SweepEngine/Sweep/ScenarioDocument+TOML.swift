import CCHScenario

/// A scenario document written back as TOML text that parses to the same document (the same
/// values and the same `[sweep]` key order): what a run records as its scenario when `--set`
/// changed the file, so that `--resume` and `merge` decode what was run.
///
/// Layout: top-level values first, then one `[table]` per top-level table, its own tables and
/// arrays written inline; keys sorted, except `[sweep]`'s, which keep their order (the grid's axes).
extension ScenarioDocument {
    public var tomlText: String {
        var lines: [String] = []
        let entries = root.sorted { $0.key < $1.key }
        for (key, value) in entries {
            if case .table = value { continue }
            lines.append("\(Self.key(key)) = \(Self.inline(value))")
        }
        for (key, value) in entries {
            guard case .table(let table) = value else { continue }
            lines.append("")
            lines.append("[\(Self.key(key))]")
            let order = key == ScenarioKey.Table.sweep.name ? sweepKeyOrder + table.keys.filter { !sweepKeyOrder.contains($0) }.sorted() : table.keys.sorted()
            for inner in order { if let value = table[inner] { lines.append("\(Self.key(inner)) = \(Self.inline(value))") } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A bare key when it is one (letters, digits, `_`, `-`), else a quoted key.
    private static func key(_ k: String) -> String {
        !k.isEmpty && k.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
            ? k : string(k)
    }

    private static func inline(_ value: ScenarioValue) -> String {
        switch value {
        case .integer(let i): "\(i)"
        case .number(let x): x.isNaN ? "nan" : x.isInfinite ? (x > 0 ? "inf" : "-inf") : "\(x)"
        case .string(let s): string(s)
        case .bool(let b): "\(b)"
        case .array(let items): "[" + items.map(inline).joined(separator: ", ") + "]"
        case .table(let t): "{ " + t.sorted { $0.key < $1.key }.map { "\(key($0.key)) = \(inline($0.value))" }.joined(separator: ", ") + " }"
        }
    }

    /// A TOML basic string: `JSONText.quote`'s JSON string literal is one.
    private static func string(_ s: String) -> String { JSONText.quote(s) }
}

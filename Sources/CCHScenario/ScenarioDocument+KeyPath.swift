/// Reading and overriding single values of a scenario document by their dotted key path
/// (`model.rho_ts`, `student.lambda`, `seed`). Sweeps override leaves this way and then decode the
/// document as if the user had written the value, so a swept value gets exactly the validation
/// and the error messages of a written one.
extension ScenarioDocument {
    /// The value at a dotted key path, nil when it (or a table on the way) is absent.
    public func value(at path: String) -> ScenarioValue? {
        var table = root
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for key in keys.dropLast() {
            guard case .table(let inner)? = table[key] else { return nil }
            table = inner
        }
        return keys.last.flatMap { table[$0] }
    }

    /// A copy with the value at `path` set to `value`; missing tables on the way are created
    /// (a sweep may set `teacher.scale` in a file without a `[teacher]` table).
    /// - Throws: `ScenarioError` when the path is malformed or runs through a non-table value.
    public func setting(_ value: ScenarioValue, at path: String) throws(ScenarioError) -> ScenarioDocument {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !keys.isEmpty, keys.allSatisfy({ !$0.isEmpty }) else {
            throw ScenarioError(file: file, key: path, reason: "not a dotted key path (expected e.g. \"\(ScenarioKey.model(.rhoTS))\")")
        }
        var copy = self
        copy.root = try Self.set(value, keys[...], in: root, file: file, path: path)
        return copy
    }

    /// A copy without the top-level key `key` (a table or a header key).
    public func removing(_ key: some TableLeaf) -> ScenarioDocument {
        var copy = self
        copy.root[key.name] = nil
        return copy
    }

    private static func set(_ value: ScenarioValue, _ keys: ArraySlice<String>, in table: [String: ScenarioValue],
                            file: String, path: String) throws(ScenarioError) -> [String: ScenarioValue] {
        guard let key = keys.first else { return table }
        var out = table
        if keys.count == 1 {
            out[key] = value
            return out
        }
        let inner: [String: ScenarioValue]
        switch table[key] {
        case .none: inner = [:]
        case .table(let t)?: inner = t
        case let other?:
            let prefix = path.split(separator: ".").prefix(path.split(separator: ".").count - keys.count + 1).joined(separator: ".")
            throw ScenarioError(file: file, key: path, reason: "\(prefix) is \(other.typePhrase), not a table")
        }
        out[key] = .table(try set(value, keys.dropFirst(), in: inner, file: file, path: path))
        return out
    }
}

import CrossModalKD

/// Reads typed values from one table of a scenario, with errors that name the file and the dotted
/// key, and remembers which keys were read so that `finish()` can reject unknown ones.
public final class TableReader {
    public let file: String
    /// Dotted path of this table (`model`, `student`, ... or empty for the top level).
    public let path: String
    private let table: [String: ScenarioValue]
    private var consumed: Set<String> = []
    /// Every key the table may hold in any of its forms, when its decoder declared them (`expect`).
    private var vocabulary: [String] = []

    public init(file: String, path: String, table: [String: ScenarioValue]) {
        self.file = file
        self.path = path
        self.table = table
    }

    /// The reader of top-level table `section` of `document` (an empty table when absent).
    public convenience init(_ document: ScenarioDocument, section: ScenarioKey.Table) throws(ScenarioError) {
        let key = section.name
        switch document.root[key] {
        case .none: self.init(file: document.file, path: key, table: [:])
        case .table(let t)?: self.init(file: document.file, path: key, table: t)
        case let other?:
            throw ScenarioError(file: document.file, key: key, reason: "expected a table, got \(other.typePhrase)")
        }
    }

    /// The dotted key of `key` in this table.
    public func keyPath(_ key: some TableLeaf) -> String { keyPath(named: key.name) }

    /// The reader of `table`, the value of `key` in this table (a sub-table or an array's table).
    public func reader(of key: some TableLeaf, table: [String: ScenarioValue]) -> TableReader {
        TableReader(file: file, path: keyPath(key), table: table)
    }

    /// An error located at `key`.
    public func error(_ key: some TableLeaf, _ reason: String) -> ScenarioError { error(named: key.name, reason) }

    public func has(_ key: some TableLeaf) -> Bool { table[key.name] != nil }

    /// The raw value at `key`, marked as read.
    public func value(_ key: some TableLeaf) -> ScenarioValue? {
        consumed.insert(key.name)
        return table[key.name]
    }

    private func keyPath(named key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func error(named key: String, _ reason: String) -> ScenarioError {
        ScenarioError(file: file, key: keyPath(named: key), reason: reason)
    }

    private func required(_ key: some TableLeaf) throws(ScenarioError) -> ScenarioValue {
        guard let v = value(key) else { throw error(key, "missing (required)") }
        return v
    }

    /// A finite number (integer or float).
    public func double(_ key: some TableLeaf, default fallback: Double? = nil) throws(ScenarioError) -> Double {
        guard let v = value(key) else {
            if let fallback { return fallback }
            throw error(key, "missing (required)")
        }
        return try number(v, key)
    }

    /// A finite number in a closed range.
    public func double(_ key: some TableLeaf, in range: ClosedRange<Double>, default fallback: Double? = nil) throws(ScenarioError) -> Double {
        let x = try double(key, default: fallback)
        guard range.contains(x) else { throw error(key, "must lie in [\(range.lowerBound), \(range.upperBound)], got \(x)") }
        return x
    }

    /// An integer at least `minimum` and at most `maximum` (a ceiling of `SizeLimits`).
    public func integer(_ key: some TableLeaf, minimum: Int, maximum: Int = .max, default fallback: Int? = nil) throws(ScenarioError) -> Int {
        guard let v = value(key) else {
            if let fallback { return fallback }
            throw error(key, "missing (required)")
        }
        guard case .integer(let i) = v else { throw error(key, "expected an integer, got \(v.typePhrase) (\(v))") }
        guard i >= minimum else { throw error(key, "must be at least \(minimum), got \(i)") }
        if let reason = SizeLimits.excess(i, limit: maximum) { throw error(key, reason) }
        return i
    }

    /// A string from a fixed set of choices.
    public func choice(_ key: some TableLeaf, _ choices: [String], default fallback: String? = nil) throws(ScenarioError) -> String {
        try pick(key, choices.map { ($0, $0) }, default: fallback)
    }

    /// One of an enumeration's cases, spelled by its raw value; a wrong or missing value's error
    /// lists every case in declaration order.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: some TableLeaf, default fallback: T? = nil) throws(ScenarioError) -> T
        where T.RawValue == String {
        try pick(key, T.allCases.map { ($0.rawValue, $0) }, default: fallback)
    }

    /// The value of the choice named by `key`'s string, `fallback` when the key is absent.
    private func pick<T>(_ key: some TableLeaf, _ choices: [(name: String, value: T)], default fallback: T?) throws(ScenarioError) -> T {
        let names = choices.map { "\"\($0.name)\"" }.joined(separator: ", ")
        guard let v = value(key) else {
            if let fallback { return fallback }
            throw error(key, "missing (required); one of \(names)")
        }
        guard case .string(let s) = v else { throw error(key, "expected a string, got \(v.typePhrase) (\(v))") }
        guard let chosen = choices.first(where: { $0.name == s }) else {
            throw error(key, "unknown value \(ScenarioValue.string(s)); expected one of \(names)")
        }
        return chosen.value
    }

    /// An optional non-empty list of distinct values of an enumeration (by raw value), in the
    /// order given; `noun` names one value in errors, which list the valid ones.
    public func choices<T: RawRepresentable & CaseIterable>(_ key: some TableLeaf, of noun: String) throws(ScenarioError) -> [T]?
        where T.RawValue == String {
        guard let v = value(key) else { return nil }
        let valid = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .array(let items) = v, !items.isEmpty else { throw error(key, "expected a non-empty list of \(noun)s (\(valid)), got \(v)") }
        var list: [T] = []
        for item in items {
            guard case .string(let s) = item, let choice = T(rawValue: s) else { throw error(key, "unknown \(noun) \(item); expected some of \(valid)") }
            guard !list.contains(where: { $0.rawValue == s }) else { throw error(key, "the \(noun) \(item) is listed twice") }
            list.append(choice)
        }
        return list
    }

    /// A string.
    public func string(_ key: some TableLeaf, default fallback: String? = nil) throws(ScenarioError) -> String {
        guard let v = value(key) else {
            if let fallback { return fallback }
            throw error(key, "missing (required)")
        }
        guard case .string(let s) = v else { throw error(key, "expected a string, got \(v.typePhrase) (\(v))") }
        return s
    }

    /// A boolean.
    public func bool(_ key: some TableLeaf, default fallback: Bool) throws(ScenarioError) -> Bool {
        guard let v = value(key) else { return fallback }
        guard case .bool(let b) = v else { throw error(key, "expected true or false, got \(v.typePhrase) (\(v))") }
        return b
    }

    /// An array of finite numbers (non-empty).
    public func vector(_ key: some TableLeaf) throws(ScenarioError) -> [Double] {
        try vector(try required(key), key)
    }

    /// An optional array of finite numbers.
    public func optionalVector(_ key: some TableLeaf) throws(ScenarioError) -> [Double]? {
        guard let v = value(key) else { return nil }
        return try vector(v, key)
    }

    /// A matrix written as an array of equally long rows of numbers. A flat array is one row
    /// when `flatIsRow` (so a scalar teacher can write `teacher_loadings = [0.5, 0.2]`).
    public func matrix(_ key: some TableLeaf, flatIsRow: Bool = false) throws(ScenarioError) -> Matrix {
        let v = try required(key)
        guard case .array(let rows) = v, !rows.isEmpty else { throw error(key, "expected a non-empty array of rows") }
        if flatIsRow, rows.allSatisfy({ $0.asDouble != nil }) {
            let row = try vector(v, key)
            return Matrix(rows: 1, cols: row.count, elements: row)
        }
        var out: [[Double]] = []
        for (i, row) in rows.enumerated() {
            guard case .array = row else { throw error(key, "row \(i + 1) is \(row.typePhrase), expected an array of numbers") }
            out.append(try vector(row, ScenarioKey.Element(of: key, at: i + 1)))
        }
        let width = out[0].count
        guard out.allSatisfy({ $0.count == width }) else {
            throw error(key, "rows have unequal lengths (\(out.map { "\($0.count)" }.joined(separator: ", ")))")
        }
        return Matrix(out)
    }

    /// Declares every key the table may hold in any of its forms and rejects the others before
    /// anything is read, so that a misspelt key is reported as unknown, with the valid key nearest
    /// to it, instead of as the required key it was meant to be (`rho_st = 0.6` names `rho_st`,
    /// "did you mean rho_ts?", not a missing `rho_ts`).
    public func expect<Leaf: TableLeaf>(keys leaves: [Leaf]) throws(ScenarioError) {
        let valid = leaves.map(\.name)
        vocabulary = valid
        try reject(table.keys.filter { !valid.contains($0) })
    }

    /// Rejects keys that were never read, each with the nearest key that was asked for or declared.
    public func finish() throws(ScenarioError) {
        try reject(table.keys.filter { !consumed.contains($0) })
    }

    /// "KEY: unknown key (did you mean NEAR?)" for the first of `unknown` (in sorted order), the
    /// others listed; the suggestion is a valid key the table does not hold.
    private func reject(_ unknown: [String]) throws(ScenarioError) {
        let unknown = unknown.sorted()
        guard let first = unknown.first else { return }
        let candidates = (consumed.union(vocabulary)).filter { table[$0] == nil }
        throw error(named: first, "unknown key" + NearestName.hint(for: first, among: candidates)
            + (unknown.count > 1 ? " (also unknown: \(unknown.dropFirst().joined(separator: ", ")))" : ""))
    }

    private func number(_ v: ScenarioValue, _ key: some TableLeaf) throws(ScenarioError) -> Double {
        guard let x = v.asDouble else { throw error(key, "expected a number, got \(v.typePhrase) (\(v))") }
        guard x.isFinite else { throw error(key, "must be finite, got \(x)") }
        return x
    }

    private func vector(_ v: ScenarioValue, _ key: some TableLeaf) throws(ScenarioError) -> [Double] {
        guard case .array(let items) = v, !items.isEmpty else { throw error(key, "expected a non-empty array of numbers, got \(v)") }
        var out: [Double] = []
        for item in items { out.append(try number(item, key)) }
        return out
    }
}

import CrossModalKD
import Foundation

/// One swept parameter of a scenario's `[sweep]` table: the dotted key path it sets and its values
/// in order.
public struct SweepAxis: Sendable, Equatable {
    /// How a range's values are spaced (and how a plot should scale the axis).
    public enum Spacing: String, Sendable, CaseIterable {
        case linear
        case log
    }

    /// The swept key, e.g. `model.rho_ts` (`ScenarioKey.model(.rhoTS)`).
    public let key: ScenarioKey
    /// The values, in the order written (a range from `from` to `to`).
    public let values: [ScenarioValue]
    public let spacing: Spacing

    public init(key: ScenarioKey, values: [ScenarioValue], spacing: Spacing = .linear) {
        self.key = key
        self.values = values
        self.spacing = spacing
    }

    /// The values as numbers when every value is one (the axis can then be a plot coordinate).
    public var numbers: [Double]? {
        let xs = values.compactMap(\.asDouble)
        return xs.count == values.count ? xs : nil
    }
}

/// The Cartesian product of the swept parameters, axes in the order the file lists them.
///
/// Grid points are numbered 0..<count in row-major order: the first axis varies slowest, the last
/// fastest. The number is a point's identity everywhere (CSV `point` column, shards, checkpoints,
/// random streams), so it must not depend on anything but the scenario file.
public struct SweepGrid: Sendable, Equatable {
    /// Largest grid accepted, so that point numbers and file sizes stay sane.
    public static let maximumPoints = 100_000_000

    public let axes: [SweepAxis]
    /// Number of grid points: the product of the axis lengths (1 without axes).
    public let count: Int

    /// A grid from its axes. - Throws: `ScenarioError` (at `sweep`) when the product is too large.
    public init(axes: [SweepAxis], file: String = "") throws(ScenarioError) {
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= Self.maximumPoints else {
                throw ScenarioError(file: file, topLevel: ScenarioKey.Table.sweep,
                                    reason: "the grid has more than \(Self.maximumPoints) points; split it into several scenarios")
            }
            total = product
        }
        self.axes = axes
        self.count = total
    }

    /// The index into each axis's values of grid point `point` (0 <= point < count).
    public func coordinates(of point: Int) -> [Int] {
        var rest = point
        var out = [Int](repeating: 0, count: axes.count)
        for a in stride(from: axes.count - 1, through: 0, by: -1) {
            let size = axes[a].values.count
            out[a] = rest % size
            rest /= size
        }
        return out
    }

    /// The swept values at grid point `point`, one per axis.
    public func values(at point: Int) -> [ScenarioValue] {
        zip(axes, coordinates(of: point)).map { $0.values[$1] }
    }
}

extension SweepGrid {
    /// The grid of `document`'s `[sweep]` table (no axes when there is none), axes in file order.
    ///
    /// Each entry is `"dotted.key" = [v1, v2, ...]` (a list of scalars) or
    /// `"dotted.key" = { from = a, to = b, steps = k, scale = "linear" | "log" }` (k >= 2 values
    /// from a to b inclusive). With integer ends the values are integers when they fall on integers
    /// (`{ from = 10, to = 100, steps = 10 }`), or rounded to integers on a log scale (which must
    /// then be distinct); otherwise they are floats (`{ from = 0, to = 1, steps = 21 }`).
    /// - Throws: `ScenarioError` naming the file and the sweep entry at fault.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        let file = document.file
        guard let raw = document.root[ScenarioKey.Table.sweep.name] else {
            try self.init(axes: [], file: file)
            return
        }
        guard case .table(let table) = raw else {
            throw ScenarioError(file: file, topLevel: ScenarioKey.Table.sweep, reason: "expected a table, got \(raw.typePhrase)")
        }
        let order = document.sweepKeyOrder.filter { table[$0] != nil }
            + table.keys.filter { !document.sweepKeyOrder.contains($0) }.sorted()
        var axes: [SweepAxis] = []
        for key in order {
            guard let entry = table[key] else { continue }
            axes.append(try Self.axis(key: key, entry: entry, file: file))
        }
        try self.init(axes: axes, file: file)
    }

    private static func axis(key: String, entry: ScenarioValue, file: String) throws(ScenarioError) -> SweepAxis {
        let location = "\(ScenarioKey.Table.sweep.name).\"\(key)\""
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).count
        guard parts <= SizeLimits.maximumNestingDepth else {
            throw ScenarioError(file: file, topLevel: ScenarioKey.Table.sweep, reason: "a swept key of \(parts) dotted parts (\(EchoedInput.quoted(key))); "
                                + "a scenario nests at most \(SizeLimits.maximumNestingDepth) levels")
        }
        if case .table(let inner) = entry, let leaf = unquotedDottedKey(key, inner) {
            throw ScenarioError(file: file, key: "\(ScenarioKey.Table.sweep.name).\(key)",
                                reason: "is a table, not a sweep entry: the key \(leaf) is written without quotes, which TOML reads as "
                                    + "nested tables; write it quoted, \"\(leaf)\" = [...] or \"\(leaf)\" = { from = a, to = b, steps = k }")
        }
        let head = String(key.prefix { $0 != "." })
        guard !unsweepable.contains(head) else { throw ScenarioError(file: file, key: location, reason: "\(head) cannot be swept") }
        guard let parsed = ScenarioKey(dotted: key) else {
            let unknown = unknownKey(key)
            throw ScenarioError(file: file, key: unknown.key, reason: unknown.reason)
        }
        switch entry {
        case .array(let items):
            guard !items.isEmpty else { throw ScenarioError(file: file, key: location, reason: "an empty list sweeps nothing") }
            for item in items {
                switch item {
                case .array, .table:
                    throw ScenarioError(file: file, key: location,
                                        reason: "a sweep list holds scalar values (numbers, integers, strings, booleans), got \(item)")
                case .number(let x) where !x.isFinite:
                    throw ScenarioError(file: file, key: location, reason: "values must be finite, got \(x)")
                default: break
                }
            }
            return SweepAxis(key: parsed, values: items)
        case .table(let range):
            return try rangeAxis(key: parsed, reader: TableReader(file: file, path: location, table: range), range: range)
        default:
            throw ScenarioError(file: file, key: location,
                                reason: "expected a list [v1, v2, ...] or a range { from = a, to = b, steps = k }, got \(entry)")
        }
    }

    /// The dotted key a user meant when `[sweep]` holds `student.lambda = [...]` unquoted (TOML
    /// reads it as the table `student` holding `lambda`): `key` and the keys down to the first
    /// value that is not a table, when the table is no range (it has neither `from`, `to` nor
    /// `steps`, and holds a list or a table, which a range never does); nil otherwise.
    private static func unquotedDottedKey(_ key: String, _ table: [String: ScenarioValue]) -> String? {
        func isRange(_ t: [String: ScenarioValue]) -> Bool { [RangeKey.from, .to, .steps].contains { t[$0.name] != nil } }
        guard !isRange(table),
              table.values.contains(where: { if case .array = $0 { true } else if case .table = $0 { true } else { false } })
        else { return nil }
        var path = [key], inner = table
        while let first = inner.keys.sorted().first {
            path.append(first)
            guard case .table(let next)? = inner[first], !isRange(next), path.count < SizeLimits.maximumNestingDepth else { break }
            inner = next
        }
        return path.joined(separator: ".")
    }

    /// The top-level keys a sweep may not set: the name, the description, `[sweep]` and `[output]`.
    private static let unsweepable: Set<String> = [ScenarioKey.Header.name.rawValue, ScenarioKey.Header.description.rawValue,
                                                   ScenarioKey.Table.sweep.rawValue, ScenarioKey.Table.output.rawValue]

    /// Where a swept path that names no scenario key goes wrong: its first part when that is no
    /// table or top-level key, the table's key when the table has no such key (with the nearest
    /// one), the whole path when it runs through a key that holds a value.
    private static func unknownKey(_ path: String) -> (key: String, reason: String) {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let tops = ScenarioKey.Table.allCases.map(\.rawValue) + ScenarioKey.Header.allCases.map(\.rawValue)
        guard let table = ScenarioKey.Table(rawValue: parts[0]) else {
            return (parts[0], ScenarioKey.Header(rawValue: parts[0]) == nil
                ? "unknown key" + NearestName.hint(for: parts[0], among: tops) : "is a value, not a table")
        }
        guard parts.count > 1 else { return (path, "is a table: sweep one of its keys, \"\(path).KEY\"") }
        let leaf = "\(parts[0]).\(parts[1])"
        guard let known = ScenarioKey(dotted: leaf) else {
            return (leaf, "unknown key" + NearestName.hint(for: parts[1], among: ScenarioKey.keys(of: table)))
        }
        if case .model(.teachers) = known { return (path, "not a key of a teacher modality's table [model.teachers.NAME]") }
        if case .teacher(.weights) = known { return (path, "not a weight of the table [teacher.weights]: write teacher.weights.NAME") }
        return (path, "\(leaf) is a value, not a table")
    }

    private static func rangeAxis(key: ScenarioKey, reader r: TableReader, range: [String: ScenarioValue]) throws(ScenarioError) -> SweepAxis {
        let from = try r.double(RangeKey.from), to = try r.double(RangeKey.to)
        let steps = try r.integer(RangeKey.steps, minimum: 2)
        guard steps <= SweepGrid.maximumPoints else { throw r.error(RangeKey.steps, "at most \(SweepGrid.maximumPoints), got \(steps)") }
        let spacing = try r.choice(RangeKey.scale, default: SweepAxis.Spacing.linear)
        try r.finish()
        if spacing == .log {
            guard from > 0, to > 0 else { throw r.error(RangeKey.scale, "a log range needs from > 0 and to > 0, got from = \(from), to = \(to)") }
        }
        let numbers = (0..<steps).map { spaced(from: from, to: to, index: $0, steps: steps, spacing: spacing) }
        guard case .integer? = range[RangeKey.from.name], case .integer? = range[RangeKey.to.name], numbers.allSatisfy({ abs($0) < 1e15 }) else {
            return SweepAxis(key: key, values: numbers.map(ScenarioValue.number), spacing: spacing)
        }
        // Integer ends: integers where the values fall on them (linear) or rounded (log scale).
        let integers = numbers.map { Int($0.rounded()) }
        if spacing == .linear && !zip(numbers, integers).allSatisfy({ $0 == Double($1) }) {
            return SweepAxis(key: key, values: numbers.map(ScenarioValue.number), spacing: spacing)
        }
        guard Set(integers).count == integers.count else {
            throw r.error(RangeKey.steps, "a log range of integers from \(Int(from)) to \(Int(to)) has fewer than \(steps) distinct values; lower steps")
        }
        return SweepAxis(key: key, values: integers.map(ScenarioValue.integer), spacing: spacing)
    }

    /// Value `index` of `steps` from `from` to `to`, the ends exact. Linear values are rounded to
    /// 9 significant digits of the step, so a range written in decimals gives those decimals
    /// (-0.95, -0.9, ..., 0.95 rather than -0.8999999999999999); log values to 12 significant digits.
    static func spaced(from: Double, to: Double, index i: Int, steps: Int, spacing: SweepAxis.Spacing) -> Double {
        if i == 0 { return from }
        if i == steps - 1 { return to }
        switch spacing {
        case .linear:
            let step = (to - from) / Double(steps - 1)
            return rounded(from + Double(i) * step, digitsBelow: step, significant: 9)
        case .log:
            let t = Double(i) / Double(steps - 1)
            let exact = exp(log(from) + t * (log(to) - log(from)))
            return rounded(exact, digitsBelow: exact, significant: 12)
        }
    }

    /// `x` rounded to `significant` decimal digits below the leading digit of `scale`, computed with
    /// an exact power of ten so that decimal values come out as the nearest double.
    private static func rounded(_ x: Double, digitsBelow scale: Double, significant: Int) -> Double {
        guard scale != 0, scale.isFinite, x.isFinite else { return x }
        let decimals = min(22, significant - Int(log10(abs(scale)).rounded(.down)))
        if decimals >= 0 {
            let p = pow(10, Double(decimals))
            return (x * p).rounded() / p
        }
        let p = pow(10, Double(-decimals))
        return (x / p).rounded() * p
    }
}

/// The keys of a range, spelled by `ScenarioKey`.
private typealias RangeKey = ScenarioKey.SweepRange

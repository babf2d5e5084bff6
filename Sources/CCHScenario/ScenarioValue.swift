/// A value of a scenario file, independent of the TOML library that read it. Scenario files are
/// turned into this tree once; sweeps override leaves of it and the typed decoder reads it.
public enum ScenarioValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([ScenarioValue])
    case table([String: ScenarioValue])

    /// The TOML type name, for error messages.
    public var typeName: String {
        switch self {
        case .integer: "integer"
        case .number: "float"
        case .string: "string"
        case .bool: "boolean"
        case .array: "array"
        case .table: "table"
        }
    }

    /// The type name with its article ("an integer", "a float"), for error messages.
    public var typePhrase: String {
        if case .integer = self { return "an integer" }
        return "a \(typeName)"
    }

    /// A number, from an integer or a float.
    public var asDouble: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .integer(let i): "\(i)"
        case .number(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .bool(let b): "\(b)"
        case .array(let a): "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .table(let t): "{ " + t.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ") + " }"
        }
    }
}

/// A scenario problem, located: which file, which key (dotted path), and why.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// Dotted key path, e.g. `model.rho_ts`; empty for a whole-file problem (syntax).
    public let key: String
    public let reason: String

    public init(file: String, key: String, reason: String) {
        self.file = file
        self.key = key
        self.reason = reason
    }

    public var description: String { key.isEmpty ? "\(file): \(reason)" : "\(file): \(key): \(reason)" }
}

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

    /// The value as TOML-like text for error messages, cut short (`EchoedInput`): long strings
    /// keep their first characters, arrays and tables their first few items, with the count.
    public var description: String {
        let items = 8
        switch self {
        case .integer(let i): return "\(i)"
        case .number(let d): return "\(d)"
        case .string(let s): return "\"\(EchoedInput.shortened(s))\"" + (s.count > EchoedInput.limit ? " (\(s.count) characters)" : "")
        case .bool(let b): return "\(b)"
        case .array(let a):
            let more = a.count > items ? ", ... (\(a.count) items)" : ""
            return "[" + a.prefix(items).map(\.description).joined(separator: ", ") + more + "]"
        case .table(let t):
            let more = t.count > items ? ", ... (\(t.count) keys)" : ""
            return "{ " + t.sorted { $0.key < $1.key }.prefix(items).map { "\($0.key) = \($0.value)" }.joined(separator: ", ") + more + " }"
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

    /// `file: key: reason`, the key cut short (`EchoedInput`) should a file hold a 100,000-character one.
    public var description: String {
        key.isEmpty ? "\(file): \(reason)" : "\(file): \(EchoedInput.shortened(key)): \(reason)"
    }
}

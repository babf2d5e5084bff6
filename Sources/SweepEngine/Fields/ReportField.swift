import Foundation
import CCHScenario
import CrossModalKD

/// One named value of a result, shared by the JSON report and the CSV columns so that both
/// always carry the same keys.
public enum ReportValue: Equatable, Sendable {
    case number(Double)
    case integer(Int)
    /// An unsigned 64-bit integer, printed in full (seeds: every reported seed reproduces its run).
    case unsigned(UInt64)
    case bool(Bool)
    case text(String)

    /// JSON text of the value (non-finite numbers become null).
    public var json: String {
        switch self {
        case .number(let x): x.isFinite ? "\(x)" : "null"
        case .integer(let i): "\(i)"
        case .unsigned(let u): "\(u)"
        case .bool(let b): b ? "true" : "false"
        case .text(let s): JSONText.quote(s)
        }
    }
}

/// An ordered list of named values.
public typealias ReportFields = [(key: String, value: ReportValue)]

/// Minimal JSON text output with a stable key order.
public enum JSONText {
    /// A one-line JSON object of the fields, in order.
    public static func object(_ fields: ReportFields) -> String {
        "{" + fields.map { "\(quote($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal; control characters (`ScenarioText.isControl`: C0, DEL, C1, the
    /// Unicode line and paragraph separators) as \uXXXX. It is also a valid TOML basic string.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where ScenarioText.isControl(scalar): out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

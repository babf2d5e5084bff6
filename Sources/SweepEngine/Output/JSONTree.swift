import Foundation

/// A JSON value for the nested files cchsim writes (run metadata, checkpoints), printed with a
/// stable key order and two-space indentation. Flat one-line objects use `JSONText`.
indirect enum JSONTree {
    case object([(String, JSONTree)])
    case array([JSONTree])
    case value(ReportValue)

    static func fields(_ f: ReportFields) -> JSONTree { .object(f.map { ($0.key, .value($0.value)) }) }
    static func string(_ s: String) -> JSONTree { .value(.text(s)) }
    static func number(_ x: Double) -> JSONTree { .value(.number(x)) }
    static func integer(_ i: Int) -> JSONTree { .value(.integer(i)) }
    static func bool(_ b: Bool) -> JSONTree { .value(.bool(b)) }

    /// The pretty-printed text, ending with a line break.
    var text: String { render(indent: "") + "\n" }

    private func render(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .value(let v): return v.json
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy({ if case .value = $0 { true } else { false } }) {
                return "[" + items.map { $0.render(indent: inner) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n" + pairs.map { inner + JSONText.quote($0.0) + ": " + $0.1.render(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        }
    }
}

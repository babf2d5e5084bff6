/// One `--set KEY=VALUE` of the command line: a scenario key overridden without editing the file.
///
/// The value is read as a TOML value (`0.3`, `20`, `"inf"`, `[0.1, 0.5]`, `true`), or, when it is
/// not one, as a string (`teacher.target=representation`; `inf` and `nan` too), and written into the parsed document
/// before it is decoded (`ScenarioDocument.applying`), so it goes through the decoder of a written
/// value: the same types, domains and error messages, the key named with "(--set)".
public struct ScenarioOverride: Sendable, Equatable, CustomStringConvertible {
    /// The dotted key path, e.g. `student.lambda`.
    public let key: String
    public let value: ScenarioValue
    /// `KEY=VALUE` as given.
    public let description: String

    /// Parses `KEY=VALUE`. - Throws: `ScenarioError` (file `--set`) for a missing `=`, an empty
    /// or malformed key, or a control character (a value is one line of text).
    public init(parsing argument: String) throws(ScenarioError) {
        func failure(_ reason: String) -> ScenarioError { ScenarioError(file: "--set", key: EchoedInput.shortened(argument), reason: reason) }
        guard let equals = argument.firstIndex(of: "=") else { throw failure("expected KEY=VALUE, e.g. \(ScenarioKey.student(.lambda))=0.3") }
        let key = argument[..<equals].trimmingSpaces, text = argument[argument.index(after: equals)...].trimmingSpaces
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { throw failure("the key is not a dotted key path (e.g. \(ScenarioKey.student(.lambda)))") }
        guard !argument.unicodeScalars.contains(where: ScenarioText.isControl) else {
            throw failure("holds a control character; a value is one line of text")
        }
        guard !text.isEmpty else { throw failure("no value after '='") }
        self.key = key
        description = "\(key)=\(text)"
        // A TOML value, else the text as a string; the one-line document holds `value` only. TOML's
        // bare inf and nan are the words: no scenario number may be infinite, and `student.n=inf`
        // means the population regime ("inf" in a file).
        if let document = try? ScenarioDocument(file: "--set", text: "value = " + text), document.root.count == 1,
           let parsed = document.root["value"], parsed.asDouble?.isFinite != false {
            value = parsed
        } else {
            value = .string(text)
        }
    }

    /// The dotted key an error of the decoded scenario is reported at: `KEY (--set)` when one of
    /// `overrides` set it (or a table it is in), else `key`.
    public static func label(_ key: String, _ overrides: [ScenarioOverride]) -> String {
        overrides.contains { key == $0.key || key.hasPrefix($0.key + ".") || key.hasPrefix($0.key + "[") } ? "\(key) (--set)" : key
    }

    /// `error` with its key labelled (`label`), so that a message about an overridden value does
    /// not point at the file's own line.
    public static func relabel(_ error: ScenarioError, _ overrides: [ScenarioOverride]) -> ScenarioError {
        ScenarioError(file: error.file, key: label(error.key, overrides), reason: error.reason)
    }
}

extension ScenarioDocument {
    /// A copy with each override's value written at its key, in order (a later one wins).
    /// - Throws: `ScenarioError` when a key runs through a value that is not a table.
    public func applying(_ overrides: [ScenarioOverride]) throws(ScenarioError) -> ScenarioDocument {
        var document = self
        for o in overrides {
            do { document = try document.setting(o.value, at: o.key) } catch { throw ScenarioOverride.relabel(error, overrides) }
        }
        return document
    }
}

private extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

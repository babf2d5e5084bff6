import Foundation
import XCTest

/// A scenario key has one spelling, in `ScenarioKey`: no source file outside it writes a key as a
/// string literal, neither dotted (`"model.rho_ts"`, `"student.lambda"`) nor as the bare name
/// handed to a table reader (`r.double("rho_ts")`, `TableReader(document, section: "model")`).
/// Comments are not checked (they may show a key as the user writes it).
final class ScenarioKeySpellingTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The only file that spells keys.
    static let keyType = "Sources/CCHScenario/ScenarioKey.swift"

    /// Files whose decoders still read their tables by literal key names, left for a later step
    /// of issue 18 (the typed table reader); each file here is one to convert, not an exemption.
    static let notYetConverted: Set<String> = [
        // The model-scenario decoders of [model], [teacher], [student] and the modality tables.
        "Sources/CCHScenario/Scenario.swift",
        "Sources/CCHScenario/Scenario+Classification.swift",
        "Sources/CCHScenario/Scenario+TeacherModalities.swift",
        // Keys of a [sweep] range (from, to, steps, scale) and of [output]: not ScenarioKey cases yet.
        "Sources/CCHScenario/SweepGrid.swift",
        "Sources/CCHScenario/OutputSpec.swift",
        // The data-scenario decoders ([data], its label and view tables, [experiment], ...).
        "Sources/CCHScenario/DataScenario.swift",
        "Sources/CCHScenario/DataScenario+Files.swift",
        "Sources/CCHScenario/DataScenario+Loading.swift",
        "Sources/CCHScenario/DataScenario+Samples.swift",
    ]

    /// A string literal that begins with a dotted key of a scenario table.
    static let dottedKey = try! NSRegularExpression(
        pattern: #""(model|teacher|student|monte_carlo|estimation|data|experiment)\.[A-Za-z_]"#)
    /// A bare key name handed to a table reader, or a table named by a literal.
    static let readerKey = try! NSRegularExpression(
        pattern: #"\b(r|t|w|top|block|data|teacher|student|estimation|protocolReader|labelReader|reader)\.(double|integer|choice|choices|string|bool|vector|optionalVector|matrix|value|has|error|expect|keyPath)\("[a-z_]+"|section: "[a-z_]+""#)

    /// `file:line: text` of every literal spelling of a key in `Sources/` outside the allowed files.
    static func literalKeys(skipping allowed: Set<String>) throws -> [String] {
        let sources = root.appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(root.path.count + 1))
            guard path != keyType, !allowed.contains(path) else { continue }
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let range = NSRange(line.startIndex..., in: line)
                if dottedKey.firstMatch(in: line, range: range) != nil || readerKey.firstMatch(in: line, range: range) != nil {
                    found.append("\(path):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        return found.sorted()
    }

    func testNoScenarioKeyIsSpelledOutsideItsType() throws {
        let found = try Self.literalKeys(skipping: Self.notYetConverted)
        XCTAssert(found.isEmpty, "scenario keys written as string literals; use ScenarioKey:\n" + found.joined(separator: "\n"))
    }

    /// The check finds what it looks for: the files not yet converted do hold literal keys (so a
    /// file that has been converted must leave the list, and the patterns still match).
    func testTheFilesLeftStillSpellKeys() throws {
        let everywhere = try Self.literalKeys(skipping: [])
        for file in Self.notYetConverted.sorted() {
            XCTAssert(everywhere.contains { $0.hasPrefix(file + ":") }, "\(file) spells no key any more: remove it from notYetConverted")
        }
    }
}

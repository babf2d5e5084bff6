import CCHScenario
import Foundation
import XCTest

/// A scenario key has one spelling, in `ScenarioKey`: no source file of the targets that can see
/// the type (CCHScenario, SweepEngine, CCHSimCLI, cchsim) writes a key in a string literal, neither
/// dotted (`"model.rho_ts"`, `"... sweep estimation.n"`, `"\(view).file"`, `"output.\(key)"`) nor
/// as a bare table key (`r.double("rho_ts")`, `root["sweep"]`, `["rho_ts": .number(x)]`).
///
/// What is not a key spelling, and not flagged: comments; TOML table headers and placeholders in
/// prose (`[model.teachers.NAME]`, `teacher.weights.NAME`); outside CCHScenario, a bare name that
/// is an output column or a JSON field (`.init("lambda", .kdWeight)`, `("seed", .unsigned(s))`),
/// which is output schema, named like the key on purpose, and a one-word key name used as a
/// word (`pad("teacher", width)`). The library (CrossModalKD) cannot see
/// the type and is not checked here (issue 18, "Errors": its messages stop naming keys).
final class ScenarioKeySpellingTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The only file that spells keys.
    static let keyType = "Sources/CCHScenario/ScenarioKey.swift"
    /// The targets checked, and the one where every bare key name is a key (the decoders).
    static let checked = ["Sources/CCHScenario/", "Sources/SweepEngine/", "Sources/CCHSimCLI/", "Sources/cchsim/"]
    static let decoders = "Sources/CCHScenario/"

    /// Every key as written in its table, from the type itself.
    static let leaves: Set<String> = {
        typealias K = ScenarioKey
        let enumerations: [[String]] = [
            K.Header.allCases.map(\.name), K.Table.allCases.map(\.name), K.Model.allCases.map(\.name), K.Teacher.allCases.map(\.name),
            K.Student.allCases.map(\.name), K.MonteCarlo.allCases.map(\.name), K.Estimation.allCases.map(\.name),
            K.DataSource.allCases.map(\.name), K.DataLabel.allCases.map(\.name), K.DataView.allCases.map(\.name),
            K.Experiment.allCases.map(\.name), K.TeacherBlock.allCases.map(\.name), K.SweepRange.allCases.map(\.name),
            K.Output.allCases.map(\.name), [K.ModalityLeaf.rhoTS, .rhoTY, .loadings, .noise].map(\.name),
        ]
        return Set(enumerations.joined())
    }()

    /// Marks an interpolation `\(...)` inside a literal, as the patterns see it.
    static let hole = "\u{1}"

    static let patterns: [NSRegularExpression] = {
        let tables = ScenarioKey.Table.allCases.map(\.name).joined(separator: "|")
        let names = leaves.sorted { $0.count > $1.count }.joined(separator: "|")
        return [
            // A dotted key: `model.rho_ts`, `estimation.n`, `model.teachers.A.rho_with_B` (not `[model.x]`, not the placeholder `x.NAME`).
            #"(?<![A-Za-z0-9_.\[\#(hole)])(\#(tables))\.(\#(names)|rho_with_[A-Za-z0-9_]+)(?![A-Za-z0-9_-])(?!\.NAME\b)"#,
            // A table followed by an interpolated key: `output.\(key)`.
            #"(?<![A-Za-z0-9_.\[])(\#(tables))\.\#(hole)"#,
            // An interpolated path followed by a key: `\(view.key).file`.
            #"\#(hole)\.(\#(names))(?![A-Za-z0-9_-])"#,
        ].map { try! NSRegularExpression(pattern: $0) }
    }()

    /// One string literal of a line: its text with interpolations replaced by `hole`, and the code
    /// just before and after it.
    struct Literal {
        var text = "", before = "", after = ""
    }

    /// The string literals of one line of Swift (single-line literals; a `//` outside a literal
    /// ends the line).
    static func literals(of line: String) -> [Literal] {
        let c = Array(line)
        var out: [Literal] = []
        var i = 0
        while i < c.count {
            if c[i] == "/", i + 1 < c.count, c[i + 1] == "/" { break }
            guard c[i] == "\"" else { i += 1; continue }
            let start = i
            var text = ""
            i += 1
            while i < c.count, c[i] != "\"" {
                if c[i] == "\\", i + 1 < c.count, c[i + 1] == "(" {
                    var depth = 1
                    i += 2
                    while i < c.count, depth > 0 {
                        switch c[i] {
                        case "(": depth += 1
                        case ")": depth -= 1
                        case "\"":
                            i += 1
                            while i < c.count, c[i] != "\"" { i += c[i] == "\\" ? 2 : 1 }
                        default: break
                        }
                        i += 1
                    }
                    text += hole
                } else if c[i] == "\\" {
                    text += String(c[i..<min(i + 2, c.count)])
                    i += 2
                } else {
                    text.append(c[i])
                    i += 1
                }
            }
            out.append(Literal(text: text, before: String(c[..<start]), after: i + 1 < c.count ? String(c[(i + 1)...]) : ""))
            i += 1
        }
        return out
    }

    /// Whether `literal`, in a file of `path`, spells a scenario key.
    static func spellsKey(_ literal: Literal, path: String) -> Bool {
        let range = NSRange(literal.text.startIndex..., in: literal.text)
        if patterns.contains(where: { $0.firstMatch(in: literal.text, range: range) != nil }) { return true }
        guard leaves.contains(literal.text) else { return false }
        if path.hasPrefix(decoders) { return !literal.before.hasSuffix("ascii: ") }
        let dictionaryKey = literal.after.hasPrefix(": ")
        let subscriptKey = literal.before.hasSuffix("[") && literal.after.hasPrefix("]")
        // A key of several words (`rho_ts`, `log_x`) handed to a function or listed, unless it
        // names an output column (`.init("test_n")`, `Entry("student_ridge", ...)`) or a JSON
        // field (`("truth_se", .number(x))`).
        let argument = ["(", ", ", "["].contains(where: literal.before.hasSuffix)
        let outputName = [".init(", "Entry("].contains(where: literal.before.hasSuffix) || literal.after.hasPrefix(", .")
        return dictionaryKey || subscriptKey || (literal.text.contains("_") && argument && !outputName)
    }

    /// `path:line: text` of every literal spelling of a key in `text`, a file at `path`.
    static func literalKeys(in text: String, path: String) -> [String] {
        var found: [String] = []
        for (i, line) in text.components(separatedBy: "\n").enumerated()
        where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            if literals(of: line).contains(where: { spellsKey($0, path: path) }) {
                found.append("\(path):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    func testNoScenarioKeyIsSpelledOutsideItsType() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var found: [String] = [], scanned = 0
        for case let url as URL in files where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(Self.root.path.count + 1))
            guard path != Self.keyType, Self.checked.contains(where: path.hasPrefix) else { continue }
            found += Self.literalKeys(in: try String(contentsOf: url, encoding: .utf8), path: path)
            scanned += 1
        }
        XCTAssertGreaterThan(scanned, 50, "the scan found the sources")
        XCTAssert(found.isEmpty, "scenario keys written as string literals; use ScenarioKey:\n" + found.sorted().joined(separator: "\n"))
    }

    /// The check finds what it looks for, and passes what is no key spelling.
    func testThePatternsFindLiteralKeys() {
        let decoder = "Sources/CCHScenario/Sample.swift", engine = "Sources/SweepEngine/Sample.swift"
        let spelled: [(String, String)] = [
            (#"let x = try r.double("rho_ts")"#, decoder),
            (#"throw ScenarioError(file: f, key: "model.rho_ts", reason: "r")"#, engine),
            (#"reason: "give one n, or sweep estimation.n")"#, engine),
            (#"reason: "\(f): data.label: \(e)")"#, engine),
            (#"let key = "\(view.key).exclude""#, engine),
            (#"throw RunError("\(file): output.\(key): bad")"#, engine),
            (#"key: "model.teachers.A.rho_with_B""#, engine),
            (#"guard let raw = document.root["sweep"] else"#, engine),
            (#"let m: [String: ScenarioValue] = ["rho_ts": .number(x)]"#, engine),
            (#"let keys = ["teacher_sets", "student_ridge"]"#, decoder),
            (#"for (index, key) in [(0, "log_x"), (1, "log_y")] {"#, engine),
            (#"let x = values(of: table, "rho_ts")"#, engine),
        ]
        for (line, path) in spelled {
            XCTAssertEqual(Self.literalKeys(in: line, path: path).count, 1, line)
        }
        let notSpelled: [(String, String)] = [
            (#".init("lambda", .kdWeight) { .number($0.lambda) },"#, engine),
            (#"("seed", .unsigned(s.seed)), ("name", .text(s.name))"#, engine),
            (#".init("test_n") { .integer($0.testSamples ?? 0) }, Entry("student_ridge", .studentRidge) { $0.ridge }"#, engine),
            (#"lines.append(pad("teacher", width) + ("truth_se", .number(x)).0)"#, engine),
            (#"throw r.error(key, "expected tables [model.teachers.NAME], got \(value)")"#, decoder),
            (#"reason: "not a weight of the table [teacher.weights]: write teacher.weights.NAME")"#, decoder),
            (#"reason: "must be > 0, got \(student.ridge)")"#, decoder),
            (#"let path = directory.file(".\(stem).teachers-checkpoint")"#, engine),
            (#"case UInt8(ascii: "n"): out.append("\n")"#, decoder),
            (#"return cut.isEmpty ? "fit" : cut"#, engine),
            (#"// r.double("rho_ts") in a comment"#, decoder),
            (#"let x = try r.double(ModelKey.rhoTS) // not "model.rho_ts""#, decoder),
        ]
        for (line, path) in notSpelled {
            XCTAssertEqual(Self.literalKeys(in: line, path: path), [], line)
        }
    }
}

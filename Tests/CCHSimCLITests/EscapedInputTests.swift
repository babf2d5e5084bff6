import CCHScenario
import CCHTestSupport
import Foundation
import XCTest

/// Control characters from the input (a CSV cell, a TOML key, a file name, an option value) are
/// escaped in every error cchsim prints, so the terminal shows what the input holds.
final class EscapedInputTests: XCTestCase {
    func testEscapingWritesControlsOut() {
        XCTAssertEqual(EchoedInput.escaped("c8\r"), "c8\\r")
        XCTAssertEqual(EchoedInput.escaped("a\tb\nc\u{1B}[31m\u{7F}\u{85}"), "a\\tb\\nc\\u{1B}[31m\\u{7F}\\u{85}")
        XCTAssertEqual(EchoedInput.escaped("abc\u{202E}cba"), "abc\\u{202E}cba", "a bidirectional override")
        XCTAssertEqual(EchoedInput.escaped("line 1\nline 2", keepingNewlines: true), "line 1\nline 2")
        XCTAssertEqual(EchoedInput.escaped("ρ_ts = 0,6 (naïve)"), "ρ_ts = 0,6 (naïve)", "printable text is left alone")
        XCTAssertEqual(EchoedInput.quoted("y\r"), "'y\\r'")
    }

    func testEveryErrorEscapesTheInputItEchoes() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let csv = try files.write("cr.csv", "t,s,\"c8\r\"\n1,2,3\n2,3,4\n")
        let bell = try files.write("bell\u{7}.toml", "\"a\\u001b[31mb\" = 1\n" + ScenarioFixtures.example)
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["estimate-mi", "--csv", csv, "--teacher", "t", "--student", "s", "--label", "c8"], 1,
             "no column named 'c8'; the header has 't', 's', 'c8\\r'"),
            (["analyze", bell], 1, "bell\\u{7}.toml: a\\u{1B}[31mb: unknown key"),
            (["estimate-mi", bell, "--estimators", "x\u{7}y"], 64, "unknown estimator 'x\\u{7}y'"),
            (["estimate-mi", "--csv", "a.csv", "--teacher", "t\u{7},", "--student", "s", "--label", "y"], 64,
             "--teacher needs comma-separated column names, got 't\\u{7},'"),
            (["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--target", "x\u{7}y"], 64,
             "The value 'x\\u{7}y' is invalid for '--target <target>'"),
            (["analyse\u{1B}"], 64, "unknown subcommand 'analyse\\u{1B}' (did you mean analyze?)"),
        ]
        for c in cases {
            let r = try CCHSimExecutable.run(c.arguments)
            XCTAssertEqual(r.status, c.status, r.err)
            XCTAssert(r.err.contains(c.message), "\(c.arguments): \(r.err)")
            XCTAssertFalse(r.err.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, "raw control in \(r.err)")
        }
    }
}

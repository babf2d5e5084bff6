import CCHScenario
import CCHTestSupport
import CrossModalKD
import SweepEngine
import XCTest

extension XCTestCase {
    /// Replaces `old` by `new` in `base` (default: the example scenario) and expects an error at
    /// `key`, in the file `bad.toml`, whose reason contains `reason`; with `analyze` the error may
    /// come from the analysis instead of the decoding.
    func assertError(_ old: String, _ new: String, in base: String = ScenarioFixtures.example, key: String, reason: String,
                     analyze: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let text = base.replacingOccurrences(of: old, with: new)
        XCTAssertNotEqual(text, base, "substitution did not apply", file: file, line: line)
        do {
            let s = try Scenario(file: "bad.toml", text: text)
            if analyze { _ = try KDAnalysis(of: s) }
            XCTFail("no error for \(new)", file: file, line: line)
        } catch let e {
            XCTAssertEqual(e.file, "bad.toml", file: file, line: line)
            XCTAssertEqual(e.key, key, "\(e)", file: file, line: line)
            XCTAssertTrue(e.reason.contains(reason), "\(e)", file: file, line: line)
        }
    }
}

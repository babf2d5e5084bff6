import CCHTestSupport
import XCTest

/// A bad value of a structured option (`Checked` values: lists, counts, `inf`) is refused before
/// any work, exit 64, with cchsim's own message naming the option, the bad value or item, why,
/// and the allowed values or limits, then the subcommand's usage line: the whole of standard error.
final class OptionValueMessageTests: XCTestCase {
    /// (arguments, the message after "Error: ").
    private let cases: [(arguments: [String], message: String)] = [
        (["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "many"], "--n must be an integer or 'inf', got 'many'"),
        (["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "INF"], "--n must be an integer or 'inf', got 'INF'"),
        (["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "1.5"], "--n must be an integer or 'inf', got '1.5'"),
        (["reliability", "x.toml", "--n", "1"], "--n needs sample sizes of at least 2, comma separated; got '1'"),
        (["reliability", "x.toml", "--n", "100,,200"], "--n needs sample sizes of at least 2, comma separated; got '100,,200'"),
        (["reliability", "x.toml", "--n", "100,x"], "--n needs sample sizes of at least 2, comma separated; got '100,x'"),
        (["reliability", "x.toml", "--n", "100,2000000000000"], "--n must be at most 1000000000000 (the largest value cchsim accepts), got 2000000000000"),
        (["reliability", "x.toml", "--estimators", "mine"], "unknown estimator 'mine'; expected gaussian or ksg"),
        (["reliability", "x.toml", "--estimators", ","], "--estimators is empty; expected gaussian, ksg or both"),
        (["reliability", "x.toml", "--repeats", "1"], "--repeats must be at least 2, got 1"),
        (["estimate-mi", "x.toml", "--estimators", "ksg,mine"], "unknown estimator 'mine'; expected gaussian or ksg"),
        (["estimate-mi", "x.toml", "--estimators", ""], "--estimators is empty; expected gaussian, ksg or both"),
        (["estimate-mi", "x.toml", "--estimators", "plugin,ksg"], "the estimator 'plugin' is now spelled 'gaussian'"),
        (["reliability", "x.toml", "--estimators", "probe"],
         "the probe estimator needs a coded class label (a data scenario's kind = \"class\" label, `cchsim teachers`); expected gaussian or ksg"),
        (["estimate-mi", "--csv", "a.csv", "--teacher", "t,", "--student", "s", "--label", "y"], "--teacher needs comma-separated column names, got 't,'"),
        (["estimate-mi", "--csv", "a.csv", "--teacher", "t", "--student", "", "--label", "y"], "--student needs comma-separated column names, got ''"),
        (["estimate-mi", "--csv", "a.csv", "--teacher", "t", "--student", "s", "--label", ",y"], "--label needs comma-separated column names, got ',y'"),
        (["run", "x.toml", "--formats", "png,gif"], "--formats: unknown figure format 'gif'; expected some of \"png\", \"pdf\", \"svg\""),
        (["run", "x.toml", "--formats", "png,,pdf"], "--formats: unknown figure format ''; expected some of \"png\", \"pdf\", \"svg\""),
        (["merge", "a.csv", "--formats", "GIF"], "--formats: unknown figure format 'gif'; expected some of \"png\", \"pdf\", \"svg\""),
        (["figures", "--scenarios", "nowhere", "--formats", "jpeg"], "--formats: unknown figure format 'jpeg'; expected some of \"png\", \"pdf\", \"svg\""),
    ]

    func testBadOptionValuesGetCCHSimsMessageAndTheSubcommandsUsage() throws {
        let directory = try TestDirectory.make().path
        for c in cases {
            let r = try CCHSimExecutable.run(c.arguments, directory: directory)
            let command = c.arguments[0]
            XCTAssertEqual(r.status, 64, "\(c.arguments): \(r.err)")
            let lines = r.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(lines.first, "Error: \(c.message)", "\(c.arguments)")
            XCTAssertEqual(lines.count, 4, "the message, the usage line, the pointer to help: \(r.err)")
            XCTAssert(lines.count > 1 && lines[1].hasPrefix("Usage: cchsim \(command) "), "\(c.arguments): \(r.err)")
            XCTAssertEqual(lines.dropFirst(2), ["  See 'cchsim \(command) --help' for more information.", ""], "\(c.arguments)")
            XCTAssertEqual(r.out, "", "\(c.arguments) prints nothing on standard output")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "an option error writes nothing")
    }

    /// The options whose values form a set list them in their help and offer them to the shells.
    func testHelpListsTheValues() throws {
        for (command, text) in [("estimate-mi", "(values: gaussian, ksg; default: gaussian,ksg)"), ("reliability", "(values: gaussian, ksg)"),
                                ("run", "(values: png, pdf, svg)"), ("merge", "(values: png, pdf, svg)"), ("figures", "(values: png, pdf, svg)")] {
            let r = try CCHSimExecutable.run([command, "--help"])
            XCTAssertEqual(r.status, 0)
            XCTAssert(r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(text), "\(command): \(r.out)")
        }
    }
}

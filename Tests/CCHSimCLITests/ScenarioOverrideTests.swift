import CCHScenario
import CCHTestSupport
import SweepEngine
import Foundation
import XCTest

/// `--set KEY=VALUE`: typed as in the file, checked by the same decoder, the key named as set by
/// `--set` in errors, and for a sweep recorded so that `merge` and `--resume` decode what was run.
final class ScenarioOverrideTests: XCTestCase {
    func testValuesAreTypedAsInAFile() throws {
        func value(_ argument: String) throws -> ScenarioValue { try ScenarioOverride(parsing: argument).value }
        XCTAssertEqual(try value("student.lambda=0.3"), .number(0.3))
        XCTAssertEqual(try value("student.n = 20"), .integer(20))
        XCTAssertEqual(try value("student.n=inf"), .string("inf"))
        XCTAssertEqual(try value("teacher.target=representation"), .string("representation"))
        XCTAssertEqual(try value("teacher.target=\"representation\""), .string("representation"))
        XCTAssertEqual(try value("model.label_loadings=[0.1, 0.5]"), .array([.number(0.1), .number(0.5)]))
        XCTAssertEqual(try value("student.approximation=true"), .bool(true))
        XCTAssertEqual(try ScenarioOverride(parsing: "name=a=b").value, .string("a=b"))
        for bad in ["lambda", "=0.3", "student..lambda=1", "student.lambda=", "student.lambda=0.3\n[model]"] {
            XCTAssertThrowsError(try ScenarioOverride(parsing: bad), bad)
        }
    }

    /// The TOML text a run records for an overridden scenario parses to the same document, for
    /// every shipped scenario (tables, inline tables, arrays of tables, quoted sweep keys in order).
    func testTheRecordedTextParsesToTheSameDocument() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        XCTAssertGreaterThan(names.count, 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let document = try ScenarioDocument(file: name, text: text)
            XCTAssertEqual(try ScenarioDocument(file: name, text: document.tomlText), document, name)
        }
        let odd = try ScenarioDocument(file: "o.toml", text: "name = \"a\\\"b\\\\c\\u0007\"\n[x]\n\"k y\" = { a = [1, 2.5, -inf], b = \"\" }\n")
        XCTAssertEqual(try ScenarioDocument(file: "o.toml", text: odd.tomlText), odd)
    }

    func testAnalyzeWithSetEqualsAnalyzeOfTheEditedFile() throws {
        let edited = try TestDirectory.file(ScenarioFixtures.example.replacingOccurrences(of: "lambda = 0.5", with: "lambda = 0.3"))
        let original = try TestDirectory.file(ScenarioFixtures.example)
        let set = try jsonObject(try CCHSimExecutable.run(["analyze", original, "--set", "student.lambda=0.3", "--json"]).out)
        let file = try jsonObject(try CCHSimExecutable.run(["analyze", edited, "--json"]).out)
        for key in ["kd_gain", "risk_kd", "lambda_opt", "kd_gain_opt"] {
            XCTAssertEqual(set[key] as? Double, file[key] as? Double, key)
        }
        XCTAssertEqual(set["overrides"] as? String, "student.lambda=0.3")
        let text = try CCHSimExecutable.run(["analyze", original, "--set", "student.lambda=0.3", "--set", "student.ridge=0.1"])
        XCTAssert(text.out.hasPrefix("With --set student.lambda=0.3, --set student.ridge=0.1 over \(original)\n"), text.out)
        XCTAssert(text.out.contains("lambda = 0.3"), text.out)
        for (argument, message) in [("student.lambda=1.5", "student.lambda (--set): must lie in [0.0, 1.0], got 1.5"),
                                    ("student.n=many", "student.n (--set): expected a positive integer or \"inf\", got \"many\""),
                                    ("model.rho_st=0.1", "model.rho_st (--set): unknown key")] {
            let r = try CCHSimExecutable.run(["analyze", original, "--set", argument])
            XCTAssertEqual(r.status, 1, r.err)
            XCTAssertEqual(r.err, "Error: \(original): \(message)\n")
        }
        let usage = try CCHSimExecutable.run(["simulate", original, "--set", "lambda"])
        XCTAssertEqual(usage.status, 64, usage.err)
        XCTAssert(usage.err.contains("expected KEY=VALUE, e.g. student.lambda=0.3"), usage.err)
    }

    /// Two shards run with --set and merged give the CSV a run of the edited file gives, and the
    /// recorded scenario names the override.
    func testShardsRunWithSetMergeToTheEditedRun() throws {
        let sweep = "[sweep]\n\"student.lambda\" = [0.1, 0.5, 0.9]\n\"model.rho_ts\" = [0.2, 0.6]"
        let directory = try TestDirectory.make().path
        let original = try TestDirectory.file(ScenarioFixtures.sweepScenario(sweep))
        let edited = try TestDirectory.file(ScenarioFixtures.sweepScenario(sweep, student: "n = 30\nridge = 0.05\nlambda = 0.05"))
        for shard in ["1/2", "2/2"] {
            let r = try CCHSimExecutable.run(["run", original, "--out", directory, "--no-plots", "--shard", shard, "--set", "student.n=30"])
            XCTAssertEqual(r.status, 0, r.err)
        }
        let merged = try CCHSimExecutable.run(["merge", directory + "/grid.shard-1-of-2.csv", directory + "/grid.shard-2-of-2.csv", "--no-plots"])
        XCTAssertEqual(merged.status, 0, merged.err)
        let single = try TestDirectory.make().path
        XCTAssertEqual(try CCHSimExecutable.run(["run", edited, "--out", single, "--no-plots"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: directory + "/grid.csv", encoding: .utf8),
                       try String(contentsOfFile: single + "/grid.csv", encoding: .utf8))
        let meta = try jsonObject(try String(contentsOfFile: directory + "/grid.meta.json", encoding: .utf8))
        XCTAssert((meta["scenario"] as? String)?.hasPrefix("# \(original) with --set student.n=30 (written by cchsim)\n") == true, "\(meta)")
    }
}

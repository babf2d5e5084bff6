import CCHScenario
@testable import CCHSimCLI
import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// Issue 17, item 7: no report prints a number cchsim cannot stand behind. Every command's text
/// report and JSON over every shipped model scenario, a run's summary (analytic and Monte Carlo
/// sweeps) and a `teachers` summary hold only finite numbers (`NonFiniteOutput`, the check the
/// fuzzer applies to every mutated input).
final class NonFiniteOutputTests: XCTestCase {
    private var files: TestFiles!
    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    /// The shipped model scenarios (data scenarios run with `teachers`, below) and their paths.
    private static func shippedModels() throws -> [(path: String, scenario: Scenario)] {
        try FuzzTests.shippedScenarios.compactMap { name, text in
            let path = SizeLimitTests.shipped(name)
            guard try ScenarioDocument(file: path, text: text).modelOrigin != .data else { return nil }
            return (path, try Scenario(file: path, text: text))
        }
    }

    private func assertFinite(_ output: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(output.isEmpty, "\(what): no report", file: file, line: line)
        let found = NonFiniteOutput.findings(in: output)
        XCTAssertTrue(found.isEmpty, "\(what): \(found.prefix(5))", file: file, line: line)
    }

    func testEveryInProcessReportOfTheShippedScenariosHoldsOnlyFiniteNumbers() throws {
        var reports = 0
        for (path, scenario) in try Self.shippedModels() {
            for json in [[], ["--json"]] {
                var commands: [(String, () throws -> String)] = [
                    ("analyze", { try CCHSimCommand.Analyze.parse([path] + json).output() }),
                    ("estimate-mi", { try CCHSimCommand.EstimateMI.parse([path, "--n", "60", "--replicates", "4"] + json).output() }),
                    ("reliability", { try CCHSimCommand.Reliability.parse([path, "--repeats", "5", "--n", "100"] + json).output() }),
                ]
                if scenario.classification != nil {
                    commands.append(("classify", { try CCHSimCommand.Classify.parse([path, "--trials", "4", "--test-n", "50"] + json).output() }))
                }
                for (name, output) in commands {
                    assertFinite(try output(), "\(name) \(path) \(json.joined())")
                    reports += 1
                }
            }
        }
        XCTAssertGreaterThan(reports, 130)
    }

    func testSimulateRunAndTeachersReportsHoldOnlyFiniteNumbers() throws {
        var reports = 0
        for (path, scenario) in try Self.shippedModels() where scenario.classification == nil && scenario.student.samples != .infinite {
            for json in [[], ["--json"]] {
                let r = try CCHSimProcess.run(["simulate", path, "--trials", "20", "--threads", "1"] + json)
                XCTAssertEqual(r.ending, .exit(0), "simulate \(path): \(r.err)")
                assertFinite(r.out, "simulate \(path) \(json.joined())")
                reports += 1
            }
        }
        XCTAssertGreaterThan(reports, 20)
        // A run's summary: an analytic sweep, and a Monte Carlo sweep (whose summary gives |z|).
        let sweeps = [
            try files.write("analytic.toml", ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [-0.9, 0.0, 0.5, 0.95]\n\"student.lambda\" = [0, 0.5, 1]")),
            try files.write("mc.toml", ScenarioFixtures.sweepScenario("[monte_carlo]\ntrials = 20\n[sweep]\n\"model.rho_ts\" = [0.0, 0.5, 0.9]",
                                                                   student: "n = 50\nridge = 0.05\nlambda = 0.5")),
        ]
        for (i, sweep) in sweeps.enumerated() {
            let r = try CCHSimProcess.run(["run", sweep, "--out", files.directory.appendingPathComponent("out\(i)").path, "--no-plots"])
            XCTAssertEqual(r.ending, .exit(0), "run \(sweep): \(r.err)")
            XCTAssertTrue(r.out.contains("3 points") || r.out.contains("12 points"), r.out)
            assertFinite(r.out, "run \(sweep)")
        }
        // A teachers summary, text and JSON, on planted views.
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.5)
        let data = try PlantedViews(model: model, rows: 120, seed: 11).writeDataScenario(
            in: files, components: 1, settings: "[teacher]\nn = 30\n[student]\nn = 30\n[experiment]\nsplits = 3\n[estimation]\nreplicates = 4\n")
        for json in [[], ["--json"]] {
            let r = try CCHSimProcess.run(["teachers", data, "--out", files.directory.appendingPathComponent("teachers\(json.count)").path,
                                           "--no-plots", "--threads", "1"] + json)
            XCTAssertEqual(r.ending, .exit(0), "teachers: \(r.err)")
            assertFinite(r.out, "teachers \(json.joined())")
        }
    }

    /// The check itself finds every spelling, and only non-finite numbers.
    func testTheCheckFindsEverySpellingOfANonFiniteNumber() {
        for text in ["gain = nan", "gain = NaN", "z = -inf", "z = +Inf", "bound: infinity", "(Infinity)", "x\ny = nan\n"] {
            XCTAssertEqual(NonFiniteOutput.findings(in: text).count, 1, text)
        }
        for text in ["student: n = inf, ridge = 0.05", "information 0.5", "infinite-sample regime", "nanoseconds", "Inference"] {
            XCTAssertEqual(NonFiniteOutput.findings(in: text), [], text)
        }
        XCTAssertEqual(NonFiniteOutput.findings(in: #"{"kd_gain": null, "z_gain": null, "n": "inf"}"#), ["null at kd_gain"])
        XCTAssertEqual(NonFiniteOutput.findings(in: #"{"pairs": [{"gap": 1}, {"gap": null}]}"#), ["null at pairs[1].gap"])
        XCTAssertEqual(NonFiniteOutput.findings(in: #"{"note": "the gap is nan"}"#).count, 1)
        XCTAssertEqual(NonFiniteOutput.findings(in: #"{"kd_gain": NaN}"#).count, 1)
        // A scenario named "nan" is echoed, not a number.
        XCTAssertEqual(NonFiniteOutput.findings(in: "Scenario nan (s.toml)", echoing: ["nan"]), [])
    }
}

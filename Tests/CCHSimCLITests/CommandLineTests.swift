import CCHScenario
import CCHTestSupport
import Foundation
import XCTest

/// The `cchsim` executable as a user runs it: output, JSON keys, exit codes and error messages.
final class CommandLineTests: XCTestCase {
    func testAnalyzeJSONHasTheDocumentedKeysAndValues() throws {
        let path = try TestDirectory.file(ScenarioFixtures.example)
        let r = try CCHSimExecutable.run(["analyze", path, "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let keys = ["mi_ts", "mi_sy", "mi_ty", "cch_gap", "cch_predicts_gain", "regime", "bayes_risk", "risk_no_kd",
                    "risk_kd", "kd_gain", "lambda_opt", "kd_gain_opt", "kd_helps", "accuracy_no_kd", "accuracy_kd"]
        for key in keys { XCTAssertNotNil(object?[key], "missing \(key)") }
        XCTAssertEqual(object?["regime"] as? String, "exact-ols")
        assertClose(object?["mi_ts"] as? Double ?? 0, -0.5 * log(1 - 0.36), absolute: 1e-15)
        assertClose(object?["bayes_risk"] as? Double ?? 0, 0.84, absolute: 1e-15)
        XCTAssertEqual(object?["cch_predicts_gain"] as? Bool, true)
    }

    func testScalarShortcutReproducesThePaperRegime() throws {
        let r = try CCHSimExecutable.run(["analyze", "--rho-ts", "0.6", "--rho-sy", "0.4", "--rho-ty", "0.3", "--n", "inf",
                              "--ridge", "0.05", "--lambda", "0.2", "--target", "representation", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        XCTAssertEqual(object?["regime"] as? String, "population")
        assertClose(object?["lambda_opt"] as? Double ?? 0, 0.05 * 0.4 / 0.2, absolute: 1e-9)
        XCTAssertEqual(object?["kd_helps"] as? Bool, true)
    }

    func testNegativeCorrelationsAreAcceptedAfterTheirOption() throws {
        let r = try CCHSimExecutable.run(["analyze", "--rho-ts", "-0.5", "--rho-sy", "-0.3", "--rho-ty", "0.2", "--n", "20"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("rho_ts = -0.5"), r.out)
        XCTAssertFalse(r.out.split(separator: "\n").contains { $0.hasSuffix(" ") }, "report lines end in spaces")
        XCTAssertTrue(r.out.contains("regime exact-ols"), r.out)
    }

    func testHumanReportShowsVerdictAndRegime() throws {
        let path = try TestDirectory.file(ScenarioFixtures.example)
        let r = try CCHSimExecutable.run(["analyze", path])
        XCTAssertEqual(r.status, 0, r.err)
        for fragment in ["I(T;S)   = 0.223144 nats", "CCH predicts KD helps", "regime exact-ols (exact)", "Verdict (exact): KD helps"] {
            XCTAssertTrue(r.out.contains(fragment), "missing '\(fragment)' in\n\(r.out)")
        }
    }

    func testErrorsExitNonZeroWithFileKeyAndReason() throws {
        let bad = try TestDirectory.file(ScenarioFixtures.example.replacingOccurrences(of: "rho_ty = 0.3", with: "rho_ty = -0.9"))
        var r = try CCHSimExecutable.run(["analyze", bad])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("\(bad): model.rho_ts/rho_sy/rho_ty: the correlations violate"), r.err)
        XCTAssertTrue(r.out.isEmpty)

        r = try CCHSimExecutable.run(["analyze", "/nonexistent/scenario.toml"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("/nonexistent/scenario.toml: no such file"), r.err)

        let small = try TestDirectory.file(ScenarioFixtures.example.replacingOccurrences(of: "n = 50", with: "n = 2"))
        r = try CCHSimExecutable.run(["analyze", small])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("student.n: exact OLS needs n > ds + 1 = 2"), r.err)

        r = try CCHSimExecutable.run(["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("--rho-ty"), r.err)

        r = try CCHSimExecutable.run(["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "-5"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("command line: student.n: expected a positive integer or \"inf\", got -5"), r.err)

        r = try CCHSimExecutable.run(["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "10", "--ridge", "-0.1"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("student.ridge: must be >= 0"), r.err)

        r = try CCHSimExecutable.run(["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "many"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("--n must be an integer or 'inf'"), r.err)
    }

    func testShippedScenariosAllAnalyse() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: scenarios.path).filter { $0.hasSuffix(".toml") }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for f in files {
            // Data scenarios (a [data] table) run through `cchsim teachers` (DataScenarioTests).
            let path = scenarios.appendingPathComponent(f).path
            let document = try ScenarioDocument(file: path, text: try String(contentsOfFile: path, encoding: .utf8))
            if document.modelOrigin == .data { continue }
            let r = try CCHSimExecutable.run(["analyze", scenarios.appendingPathComponent(f).path, "--json"])
            XCTAssertEqual(r.status, 0, "\(f): \(r.err)")
        }
    }
}

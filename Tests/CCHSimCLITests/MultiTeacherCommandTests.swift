import Foundation
import XCTest

/// `cchsim analyze` and `simulate` on the shipped multi-teacher scenario: every teacher set and
/// ensemble in the report and the JSON, and Monte Carlo within 4 standard errors of the exact
/// answer for the scenario's ensemble and for a teacher set.
final class MultiTeacherCommandTests: XCTestCase {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/multi-teacher.toml").path

    private static func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testAnalyzeReportsEveryTeacherSetAndEnsemble() throws {
        let r = try CommandLineTests.run(["analyze", Self.scenario, "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let o = try Self.json(r.out)
        for name in ["A", "B", "C", "A+B", "A+C", "B+C", "A+B+C", "ensemble:A+B", "ensemble:A+C", "ensemble:B+C", "ensemble:A+B+C"] {
            XCTAssertNotNil(o["teacher_set.\(name).cch_gap"] as? Double, name)
            XCTAssertNotNil(o["teacher_set.\(name).kd_gain_opt"] as? Double, name)
        }
        // The scenario's own teacher (the ensemble of A and B) is the comparison's ensemble A+B.
        XCTAssertEqual(try XCTUnwrap(o["kd_gain_opt"] as? Double), try XCTUnwrap(o["teacher_set.ensemble:A+B.kd_gain_opt"] as? Double))
        XCTAssertEqual(o["teacher_set_best_by_truth"] as? String, "ensemble:A+C")
        XCTAssertEqual(o["teacher_set_best_by_cch"] as? String, "A+B+C")
        XCTAssertEqual(o["teacher_set_cch_picks_best"] as? Bool, false)
        let text = try CommandLineTests.run(["analyze", Self.scenario]).out
        XCTAssertTrue(text.contains("teacher: prediction target, OLS on nt = 40 samples, scale c = 1, ensemble A (0.5) + B (0.5)"), text)
        XCTAssertTrue(text.contains("best by the truth: ensemble A+C"), text)
    }

    func testSimulateAgreesForTheEnsembleAndForASet() throws {
        let set = ["--set", "teacher.combine=\"set\""]
        for overrides in [["--set", "teacher.weights.A=0.8", "--set", "teacher.weights.B=0.2"], set, set + ["--set", "teacher.modalities=[\"C\"]"]] {
            let r = try CommandLineTests.run(["simulate", Self.scenario, "--json", "--trials", "6000"] + overrides)
            XCTAssertEqual(r.status, 0, r.err)
            let o = try Self.json(r.out)
            XCTAssertEqual(o["regime"] as? String, "exact-ols-fitted-teacher")
            let z = try XCTUnwrap(o["z_gain"] as? Double, "\(overrides)")
            XCTAssertLessThanOrEqual(abs(z), 4, "\(overrides)")
        }
    }
}

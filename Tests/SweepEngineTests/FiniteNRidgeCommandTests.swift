import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// Issue 12 as a user meets it: `analyze` reports the exact scalar ridge regime, `truth =
/// "monte-carlo"` says where its verdict comes from, and sweeps that rest on the deterministic
/// equivalent count the verdicts it could flip.
final class FiniteNRidgeCommandTests: XCTestCase {
    /// The rows of the issue's table (rho 0.6 / 0.4 / 0.3, lambda 0.5) through the shortcut.
    func testAnalyzeReportsTheExactRegimeForTheIssueTable() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        for (n, ridge) in [(3, 0.05), (5, 0.05), (10, 0.05), (30, 0.05), (3, 0.5)] {
            let r = try CCHSimExecutable.run(["analyze", "--rho-ts", "0.6", "--rho-sy", "0.4", "--rho-ty", "0.3",
                                              "--n", "\(n)", "--ridge", "\(ridge)", "--lambda", "0.5", "--json"])
            XCTAssertEqual(r.status, 0, r.err)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            XCTAssertEqual(object["regime"] as? String, "exact-scalar-ridge")
            XCTAssertEqual(object["regime_exact"] as? Bool, true)
            XCTAssertEqual(object["kd_helps_method"] as? String, "exact")
            XCTAssertEqual(object["verdict_uncertain"] as? Bool, false)
            let exact = try KDAnalysis(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(n), ridge: ridge, lambda: 0.5))
            assertClose(try XCTUnwrap(object["kd_gain"] as? Double), exact.kdGain, absolute: 1e-12)
        }
    }

    func testMonteCarloTruthInAnalyzeSaysHowItWasMade() throws {
        let text = ScenarioFixtures.example
            .replacingOccurrences(of: "n = 50\nridge = 0.0", with: "n = 5\nridge = 0.05\ntruth = \"monte-carlo\"\ntruth_se = 0.004")
            + "\n[monte_carlo]\ntrials = 1000\n"
        let path = try TestDirectory.file(text)
        let r = try CCHSimExecutable.run(["analyze", path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("regime monte-carlo (Monte Carlo estimate, "), r.out)
        XCTAssertTrue(r.out.contains("Verdict (monte-carlo): KD helps"), r.out)
        let json = try CCHSimExecutable.run(["analyze", path, "--json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["kd_helps_method"] as? String, "monte-carlo")
        XCTAssertLessThanOrEqual(try XCTUnwrap(object["kd_gain_opt_se"] as? Double), 0.004)
        XCTAssertGreaterThan(try XCTUnwrap(object["truth_trials"] as? Int), 1000)
    }

    /// A ds = 2 ridge sweep over the teacher scale, through the root of the slope dE R/dlambda at 0:
    /// the point at the root is flagged, the summary counts it, the metadata carries the count.
    func testSweepCountsTheVerdictsTheApproximationCouldFlip() throws {
        let matrix = "[[1, 0.3, 0.4, 0.5], [0.3, 1, 0.2, 0.3], [0.4, 0.2, 1, 0.4], [0.5, 0.3, 0.4, 1]]"
        let model = try JointGaussian(dt: 1, ds: 2, covariance: Matrix([[1, 0.3, 0.4, 0.5], [0.3, 1, 0.2, 0.3],
                                                                             [0.4, 0.2, 1, 0.4], [0.5, 0.3, 0.4, 1]]))
        let student = StudentSpec(samples: .finite(30), ridge: 0.02)
        func slope(_ c: Double) throws -> Double { try KDAnalysis(model: model, teacher: TeacherSpec(scale: c), student: student).riskCurve.a1 }
        let s0 = try slope(0), s1 = try slope(1)
        let root = s0 / (s0 - s1)
        let text = """
            seed = 1
            [model]
            kind = "covariance"
            dt = 1
            ds = 2
            matrix = \(matrix)
            [student]
            n = 30
            ridge = 0.02
            [sweep]
            "teacher.scale" = [\(root), 1.0, \(root + 5)]
            """
        let dir = try SweepRunTests.directory()
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir))
        let rows = try SweepRunTests.lines(outcome.csvPath)
        let header = csvFields(rows[0])
        let flags = rows.dropFirst().map { csvFields($0)[header.firstIndex(of: "verdict_uncertain")!] }
        let methods = rows.dropFirst().map { csvFields($0)[header.firstIndex(of: "kd_helps_method")!] }
        XCTAssertEqual(methods, ["approximation", "approximation", "approximation"])
        XCTAssertEqual(flags[0], "1")
        XCTAssertEqual(outcome.summary.approximatePoints, 3)
        XCTAssertEqual(outcome.summary.uncertainPoints, flags.filter { $0 == "1" }.count)
        XCTAssertLessThan(outcome.summary.uncertainPoints, 3)
        XCTAssertTrue(outcome.summary.text().contains("deterministic-equivalent approximation at 3 points; \(outcome.summary.uncertainPoints) flagged"),
                      outcome.summary.text())
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: outcome.metaPath))))
        let summary = try XCTUnwrap(meta["summary"] as? [String: Any])
        XCTAssertEqual((summary["verdict_uncertain_points"] as? NSNumber)?.intValue, outcome.summary.uncertainPoints)
        XCTAssertEqual(try JSONDecoder().decode(RunMetadata.self, from: Data(contentsOf: URL(fileURLWithPath: outcome.metaPath))).summary, outcome.summary)
    }

    /// `truth = "monte-carlo"` in a sweep: every row says so, and the CSV is the same for any thread count.
    func testMonteCarloTruthInSweepsIsLabelledAndReproducible() throws {
        let text = ScenarioFixtures.sweepScenario("""
            [sweep]
            "student.lambda" = [0.2, 0.6]
            """, student: "n = 6\nridge = 0.05\nlambda = 0.05\ntruth = \"monte-carlo\"\ntruth_se = 0.01") + "[monte_carlo]\ntrials = 400\n"
        var csv: [String] = []
        for threads in [1, 2] {
            let dir = try SweepRunTests.directory()
            let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir),
                                                      options: SweepRunTests.options(dir, threads: threads))
            let rows = try SweepRunTests.lines(outcome.csvPath)
            let header = csvFields(rows[0])
            for row in rows.dropFirst() {
                let f = csvFields(row)
                XCTAssertEqual(f[header.firstIndex(of: "kd_helps_method")!], "monte-carlo", row)
                XCTAssertEqual(f[header.firstIndex(of: "regime")!], "monte-carlo")
                XCTAssertGreaterThanOrEqual(Int(f[header.firstIndex(of: "truth_trials")!]) ?? 0, 400)
                XCTAssertLessThanOrEqual(Double(f[header.firstIndex(of: "kd_gain_opt_se")!]) ?? 1, 0.01)
            }
            XCTAssertEqual(outcome.summary.approximatePoints, 0)
            csv.append(try String(contentsOfFile: outcome.csvPath, encoding: .utf8))
        }
        XCTAssertEqual(csv[0], csv[1])
    }
}

import CCHScenario
import CCHTestSupport
@testable import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// `[teacher] rows = "student"` in scenario files, `analyze`, `simulate` and sweeps.
final class TeacherRowsScenarioTests: XCTestCase {
    static func text(teacher: String, student: String = "n = 20\nlambda = 0.5", extra: String = "") -> String {
        """
        name = "pi"
        seed = 4
        [model]
        kind = "correlations"
        rho_ts = 0.6
        rho_sy = 0.4
        rho_ty = 0.7
        [teacher]
        \(teacher)
        [student]
        \(student)
        \(extra)
        """
    }

    func testDecodesWithTheStudentsSampleSize() throws {
        let s = try Scenario(file: "pi.toml", text: Self.text(teacher: "fit = \"ridge\"\nridge = 0.2\nrows = \"student\""))
        XCTAssertEqual(s.teacher, TeacherSpec(fit: .ridge(samples: 20, penalty: 0.2), rows: .student))
        // Swept student sizes carry the teacher along; n = inf makes it the oracle.
        let sweep = try Sweep(file: "pi.toml", text: Self.text(teacher: "fit = \"ols\"\nrows = \"student\"",
                                                               extra: "[sweep]\n\"student.n\" = [8, 30, \"inf\"]"))
        XCTAssertEqual(try sweep.scenario(at: 0).teacher.fit, .ols(samples: 8))
        XCTAssertEqual(try sweep.scenario(at: 1).teacher.fit, .ols(samples: 30))
        XCTAssertEqual(try sweep.scenario(at: 2).teacher.fit, .oracle)
        XCTAssertEqual(try Scenario(file: "o.toml", text: Self.text(teacher: "fit = \"ols\"\nn = 9")).teacher.rows, .own)
    }

    func testBadSettingsNameTheKey() {
        func check(_ teacher: String, student: String = "n = 20\nlambda = 0.5", key: String, reason: String, line: UInt = #line) {
            let text = Self.text(teacher: teacher, student: student)
                .replacingOccurrences(of: "kind = \"correlations\"", with: "kind = \"correlations\"\nlabel = \"sign\"")
            XCTAssertThrowsError(try Scenario(file: "bad.toml", text: text), line: line) { error in
                guard let e = error as? ScenarioError else { return XCTFail("\(error)", line: line) }
                XCTAssertEqual(e.file, "bad.toml", line: line)
                XCTAssertEqual(e.key, key, "\(e)", line: line)
                XCTAssertTrue(e.reason.contains(reason), "\(e)", line: line)
            }
        }
        check("rows = \"student\"", key: "teacher.rows", reason: "applies to a fitted teacher")
        check("fit = \"ols\"\nrows = \"students\"", key: "teacher.rows", reason: "expected one of")
        check("fit = \"ols\"\nn = 20\nrows = \"student\"", key: "teacher.n", reason: "not used with rows = \"student\"")
        check("fit = \"ridge\"\nridge = -1\nrows = \"student\"", student: "n = \"inf\"", key: "teacher.ridge", reason: "must be > 0")
        check("fit = \"logistic\"\nn = 20\nrows = \"student\"", student: "loss = \"logistic\"\nn = 20",
              key: "teacher.n", reason: "not used with rows = \"student\"")
    }

    /// analyze: exact for the scalar OLS teacher; for a ridge teacher it names the key and points
    /// at the docs page; n = inf is the oracle's analysis.
    func testAnalyzeExactOrSaysThereIsNoFormula() throws {
        let ols = try Scenario(file: "pi.toml", text: Self.text(teacher: "fit = \"ols\"\nrows = \"student\""))
        XCTAssertEqual(try KDAnalysis(of: ols).regime, .exactOLSStudentRows)
        let s = try Scenario(file: "pi.toml", text: Self.text(teacher: "fit = \"ridge\"\nridge = 0.1\nrows = \"student\""))
        XCTAssertThrowsError(try KDAnalysis(of: s)) { error in
            let e = error as? ScenarioError
            XCTAssertEqual(e?.key, "teacher.rows")
            XCTAssertTrue(e?.reason.contains("no exact expected risk") == true, "\(String(describing: e))")
        }
        let population = try Scenario(file: "p.toml", text: Self.text(teacher: "fit = \"ols\"\nrows = \"student\"",
                                                                      student: "n = \"inf\"\nridge = 0.1\nlambda = 0.5"))
        let oracle = try Scenario(file: "p.toml", text: Self.text(teacher: "", student: "n = \"inf\"\nridge = 0.1\nlambda = 0.5"))
        XCTAssertEqual(try KDAnalysis(of: population).riskKD, try KDAnalysis(of: oracle).riskKD)
    }

    /// A Monte Carlo sweep over n: Monte Carlo columns filled, analytic columns empty with the
    /// reason in analytic_note; the simulate report names the rows.
    func testSweepAndSimulate() throws {
        let dir = try SweepRunTests.directory()
        let text = Self.text(teacher: "fit = \"ridge\"\nridge = 0.1\nrows = \"student\"",
                             extra: "[monte_carlo]\ntrials = 300\n[sweep]\n\"student.n\" = [6, 12]")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir))
        let rows = try SweepRunTests.lines(outcome.csvPath)
        let header = csvFields(rows[0])
        let note = try XCTUnwrap(header.firstIndex(of: "analytic_note")), gain = try XCTUnwrap(header.firstIndex(of: "mc_kd_gain"))
        for row in rows.dropFirst().map({ csvFields($0) }) {
            XCTAssertTrue(row[note].contains("teacher.rows"), row[note])
            XCTAssertNotNil(Double(row[gain]))
        }
        let single = try SweepRunTests.file(Self.text(teacher: "fit = \"ridge\"\nridge = 0.1\nrows = \"student\"",
                                                      extra: "[monte_carlo]\ntrials = 50"), "pi.toml", in: dir)
        let simulated = try CCHSimExecutable.run(["simulate", single, "--threads", "1"])
        XCTAssertEqual(simulated.status, 0, simulated.err)
        let report = simulated.out
        XCTAssertTrue(report.contains("on the student's n = 20 training rows"), report)
        XCTAssertTrue(report.contains("no exact expected risk"), report)
    }
}

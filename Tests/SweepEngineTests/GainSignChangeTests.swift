import CCHScenario
import CCHTestSupport
@testable import SweepEngine
import Foundation
import XCTest

/// "At which n does KD stop helping?": a one-axis sweep reports every sign change of G(λ) and of
/// G(λ*) with its bracketing points and the interpolated zero, in the summary, meta.json and the
/// curves figure; `log_y = "symlog"` draws the gain on a symmetric-log axis.
final class GainSignChangeTests: XCTestCase {
    static let latent = """
        name = "nsweep"
        [model]
        kind = "latent"
        teacher_loadings = [[1.0, 0.5, 0.0], [0.0, 1.0, 0.3]]
        student_loadings = [[0.3, 0.0, 1.0], [0.0, 0.4, 0.5], [0.2, 0.2, 0.2], [0.5, 0.0, 0.1], [0.0, 0.1, 0.6]]
        label_loadings = [1.0, 0.2, 0.8]
        teacher_noise = 0.5
        student_noise = 0.8
        label_noise = 0.5
        [teacher]
        fit = "ols"
        n = 50
        [student]
        n = 20
        lambda = 0.5

        """

    private func run(_ text: String) throws -> (outcome: RunOutcome, directory: String) {
        let directory = try SweepRunTests.directory()
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: directory),
                                                  options: SweepRunTests.options(directory, plots: true))
        return (outcome, directory)
    }

    /// The changes found agree with the CSV: every pair of neighbouring valid rows whose kd_gain or
    /// kd_gain_opt differ in sign, the zero interpolated in log n (the axis is log-spaced).
    func testSignChangesMatchTheCSVAndAreReportedEverywhere() throws {
        let (outcome, directory) = try run(Self.latent + "[sweep]\n\"student.n\" = { from = 10, to = 1000, steps = 15, scale = \"log\" }\n")
        let lines = try SweepRunTests.lines(outcome.csvPath)
        let header = csvFields(lines[0])
        let n = try XCTUnwrap(header.firstIndex(of: "student.n")), g = try XCTUnwrap(header.firstIndex(of: "kd_gain"))
        let best = try XCTUnwrap(header.firstIndex(of: "kd_gain_opt"))
        let rows = lines.dropFirst().map(csvFields).map { (n: Double($0[n])!, g: Double($0[g])!, best: Double($0[best])!) }
        var expected: [(Double, Double, Double?)] = []
        for (a, b) in zip(rows, rows.dropFirst()) where (a.g > 0) != (b.g > 0) {
            let t = a.g / (a.g - b.g)
            expected.append((a.n, b.n, exp(log(a.n) + t * (log(b.n) - log(a.n)))))
        }
        XCTAssertFalse(expected.isEmpty, "the fixture's G(0.5) changes sign")
        let changes = try XCTUnwrap(outcome.signChanges).changes
        let atLambda = changes.filter { $0.gain == .atLambda }
        XCTAssertEqual(atLambda.count, expected.count)
        for (c, e) in zip(atLambda, expected) {
            XCTAssertEqual(c.low.x, e.0)
            XCTAssertEqual(c.high.x, e.1)
            assertClose(try XCTUnwrap(c.crossing), try XCTUnwrap(e.2), absolute: 1e-9 * e.1)
        }
        let bestChanges = zip(rows, rows.dropFirst()).filter { ($0.0.best > 0) != ($0.1.best > 0) }.count
        XCTAssertEqual(changes.filter { $0.gain == .best }.count, bestChanges)

        let report = try XCTUnwrap(outcome.signChanges).text()
        let first = atLambda[0]
        XCTAssert(report.contains("G(lambda) at lambda = 0.5: + to - between student.n = \(String(format: "%.6g", first.low.x))"), report)
        XCTAssert(report.contains("zero at student.n ~ \(String(format: "%.6g", first.crossing!)) (interpolated)"), report)
        let meta = try jsonObject(try String(contentsOfFile: outcome.metaPath, encoding: .utf8))
        let recorded = try XCTUnwrap(meta["gain_sign_changes"] as? [[String: Any]])
        XCTAssertEqual(recorded.count, changes.count)
        assertClose(try XCTUnwrap(recorded[0]["crossing"] as? Double), first.crossing!, absolute: 1e-12 * first.crossing!)
        XCTAssertEqual(recorded[0]["from"] as? String, "+")
        let script = try String(contentsOfFile: directory + "/nsweep-curves.gp", encoding: .utf8)
        XCTAssert(script.contains("set arrow 10 from \(first.crossing!), graph 0"), script)
        XCTAssert(script.contains(GnuplotText.string("G(λ) = 0 at n ≈ \(PlotLabels.number(first.crossing!))")), script)
        XCTAssertEqual(outcome.plotWarnings.filter { !$0.contains("not installed") }, [])
    }

    /// Along λ, G(0) = 0 (no KD is applied): the first point is no sign change; the strict change
    /// further along is, with its zero interpolated between the bracketing rows of the CSV.
    func testTheZeroAtLambdaZeroIsNoSignChange() throws {
        let (outcome, _) = try run(Self.latent + "[sweep]\n\"student.lambda\" = { from = 0, to = 1, steps = 11 }\n")
        let lines = try SweepRunTests.lines(outcome.csvPath)
        let header = csvFields(lines[0])
        let l = try XCTUnwrap(header.firstIndex(of: "student.lambda")), g = try XCTUnwrap(header.firstIndex(of: "kd_gain"))
        let rows = lines.dropFirst().map(csvFields).map { (l: Double($0[l])!, g: Double($0[g])!) }
        XCTAssertEqual(rows[0].g, 0, "G(0) is 0 by definition")
        let strict = zip(rows.dropFirst(), rows.dropFirst(2)).filter { ($0.0.g > 0) != ($0.1.g > 0) }
        let changes = try XCTUnwrap(outcome.signChanges).changes.filter { $0.gain == .atLambda }
        XCTAssertEqual(changes.count, strict.count)
        XCTAssert(changes.allSatisfy { $0.low.x > 0 && $0.crossing != nil }, "\(changes)")
    }

    func testNoChangeIsSaidAndOtherSweepsHaveNone() throws {
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [0.5, 0.6, 0.7]")
        let (outcome, _) = try run(text)
        XCTAssertEqual(outcome.signChanges?.changes.count, 0)
        XCTAssert(try XCTUnwrap(outcome.signChanges).text().contains("No sign change of G(lambda) or G(lambda*) along model.rho_ts."))
        let (two, _) = try run(ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [0.5, 0.6]\n\"student.lambda\" = [0.1, 0.2]"))
        XCTAssertNil(two.signChanges)
    }

    /// A symmetric-log gain axis draws without a warning (its script: PlotScriptSnapshotTests, "symlog");
    /// a misspelt value is an error naming the choices.
    func testSymlogGainAxis() throws {
        let (outcome, _) = try run(Self.latent + "[output]\nlog_y = \"symlog\"\n[sweep]\n\"student.n\" = [10, 20, 40, 80]\n")
        XCTAssertEqual(outcome.plotWarnings.filter { !$0.contains("not installed") }, [])
        XCTAssertThrowsError(try Sweep(file: "s.toml", text: Self.latent + "[output]\nlog_y = \"sym\"\n[sweep]\n\"student.n\" = [10, 20]\n")) {
            XCTAssertEqual("\($0)", "s.toml: output.log_y: expected true, false or \"symlog\" (the gain axis of curves), got \"sym\"")
        }
    }
}

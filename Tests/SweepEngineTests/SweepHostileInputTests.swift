import CCHScenario
import CCHTestSupport
import CrossModalKD
import Foundation
@testable import SweepEngine
import XCTest

/// Issue 22 item 5 and issue 17 item 1, as a run sees them: a swept `[monte_carlo]` key is run as
/// Monte Carlo (it was accepted and ignored), `meta.json` stays a summary whatever the grid (a
/// 10^7-point sweep wrote 199 MB), and the reproducers end in clean errors through the executable.
final class SweepHostileInputTests: XCTestCase {
    func testSweepingAMonteCarloKeyWithoutTheTableRunsTheMonteCarlo() throws {
        let dir = try SweepRunTests.directory()
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"monte_carlo.trials\" = [10, 30]", teacher: "target = \"prediction\"", student: "n = 12")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir))
        let rows = try SweepRunTests.lines(outcome.csvPath)
        let header = csvFields(rows[0])
        let trials = try XCTUnwrap(header.firstIndex(of: "mc_trials"), "no Monte Carlo columns: \(header)")
        XCTAssertEqual(rows.dropFirst().map { csvFields($0)[trials] }, ["10", "30"])
        XCTAssertEqual(outcome.summary.zPoints, 2)
    }

    func testMetaJSONListsShortAxesAndSummarisesLongOnes() throws {
        let dir = try SweepRunTests.directory()
        let long = RunFiles.maximumListedValues + 1
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.5, to = 0.5, steps = \(long) }\n\"student.lambda\" = [0.1, 0.9]")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir))
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: outcome.metaPath))))
        let axes = try XCTUnwrap(meta["axes"] as? [[String: Any]])
        XCTAssertEqual(axes.count, 2)
        XCTAssertEqual(axes[0]["key"] as? String, "model.rho_ts")
        XCTAssertEqual((axes[0]["count"] as? NSNumber)?.intValue, long)
        XCTAssertNil(axes[0]["values"])
        XCTAssertEqual((axes[0]["first"] as? NSNumber)?.doubleValue, -0.5)
        XCTAssertEqual((axes[0]["last"] as? NSNumber)?.doubleValue, 0.5)
        XCTAssertEqual((axes[1]["count"] as? NSNumber)?.intValue, 2)
        XCTAssertEqual((axes[1]["values"] as? [NSNumber])?.map(\.doubleValue), [0.1, 0.9])
        // The file is the summary's size, not the grid's: far below the 2,002 rows' CSV.
        let metaBytes = try FileManager.default.attributesOfItem(atPath: outcome.metaPath)[.size] as? Int ?? 0
        let csvBytes = try FileManager.default.attributesOfItem(atPath: outcome.csvPath)[.size] as? Int ?? 0
        XCTAssertLessThan(metaBytes, 8_000)
        XCTAssertLessThan(metaBytes * 50, csvBytes)
    }

    /// The issues' reproducers through the built executable: exit 1 with one error line naming
    /// the file and the place, never a signal (the 12,000-part header died of SIGSEGV).
    func testTheReproducersAreCleanErrorsOfTheExecutable() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let deep = try files.write("deep.toml", "[" + Array(repeating: "a", count: 12_000).joined(separator: ".") + "]\n")
        let nul = try files.write("nul.toml", "name = \"t\"\n[model]\nkind = \"correlations\"\nrho_ts = 0.6\nrho_sy = 0.4\nrho_ty = 0.3\n"
                                  + "[student]\nn = 50\n\u{0}lambda = 0.9\n")
        let escaped = try files.write("esc.toml", ScenarioFixtures.example.replacingOccurrences(of: "name = \"example\"", with: "name = \"e\\u0000x\""))
        let unquoted = try files.write("sweep.toml", ScenarioFixtures.sweepScenario("[sweep]\nstudent.lambda = [0.1, 0.2]"))
        let expected: [(String, [String], String)] = [
            (deep, ["analyze", deep], "\(deep): line 1, column 66: nested more than 32 levels deep"),
            (nul, ["analyze", nul, "--json"], "\(nul): line 9, column 1: a NUL byte (U+0000)"),
            (escaped, ["analyze", escaped], "\(escaped): line 1, column 10: the escape \\u0000"),
            (unquoted, ["run", unquoted, "--out", files.directory.appendingPathComponent("out").path],
             "\(unquoted): sweep.student: is a table, not a sweep entry: the key student.lambda is written without quotes"),
        ]
        for (_, command, message) in expected {
            let r = try CCHSimProcess.run(command, timeout: 60)
            XCTAssertEqual(r.ending, .exit(1), "\(command): \(r.err)")
            XCTAssertTrue(r.err.hasPrefix("Error: " + message), "\(command): \(r.err)")
            XCTAssertEqual(r.out, "")
        }
    }
}

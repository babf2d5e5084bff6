import CCHScenario
import CCHTestSupport
@testable import SweepEngine
import Foundation
import XCTest

/// The engine's errors are data (issue 18, "Errors"): each test makes a failure happen, checks the
/// case and the values it carries, and asserts the whole message worded from them.
final class EngineErrorTests: XCTestCase {
    // MARK: Shards

    func testAShardLabelThatIsNoShardIsRefusedAsSuch() {
        for text in ["0/3", "4/3", "3", "a/b", "1/0"] {
            XCTAssertThrowsError(try Shard(parsing: text)) { error in
                XCTAssertEqual(error as? ShardError, .notALabel(text))
                XCTAssertEqual("\(error)", "expected i/N with 1 <= i <= N (e.g. 3/8), got '\(text)'")
            }
        }
    }

    /// The two shard CSVs of a 7 x 3 grid, each with its metadata, in a fresh directory.
    private func shards() throws -> (scenario: String, csvs: [String]) {
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.9, to = 0.9, steps = 7 }\n\"model.rho_sy\" = [-0.5, 0.2, 0.6]")
        let dir = try SweepRunTests.directory()
        let path = try SweepRunTests.file(text, in: dir)
        let csvs = try (1...2).map { i in
            try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir, shard: Shard(index: i, count: 2))).csvPath
        }
        return (path, csvs)
    }

    private func mergeError(_ csvs: [String]) -> any Error {
        do {
            _ = try ShardMerge(csvPaths: csvs, outDirectory: nil, plots: false).run()
            XCTFail("merged \(csvs)")
            return CocoaError(.featureUnsupported)
        } catch { return error }
    }

    func testShardsThatDoNotMergeAreNamed() throws {
        let (scenario, csvs) = try shards()
        let noShards = mergeError([])
        XCTAssertEqual(noShards as? ShardError, .noShards)
        XCTAssertEqual("\(noShards)", "merge: give the shard CSV files (NAME.shard-i-of-N.csv)")

        // Shard 1 again, copied elsewhere with its metadata; then without it.
        let elsewhere = try SweepRunTests.directory()
        let twin = elsewhere + "/grid.shard-1-of-2.csv"
        try FileManager.default.copyItem(atPath: csvs[0], toPath: twin)
        try FileManager.default.copyItem(atPath: ShardMerge.metadataPath(ofCSV: csvs[0]), toPath: ShardMerge.metadataPath(ofCSV: twin))
        let twice = mergeError([csvs[0], twin])
        XCTAssertEqual(twice as? ShardError, .givenTwice(Shard(index: 1, count: 2), first: csvs[0], second: twin))
        XCTAssertEqual("\(twice)", "shard 1/2 is given twice: \(csvs[0]) and \(twin)")
        try FileManager.default.removeItem(atPath: ShardMerge.metadataPath(ofCSV: twin))
        let unreadable = mergeError([csvs[0], twin])
        XCTAssertEqual("\(unreadable)", "\(twin): its metadata \(elsewhere)/grid.shard-1-of-2.meta.json cannot be read: no such file "
                       + "(it is written next to each shard's CSV)")

        // A row added at the end of shard 1, after its last point.
        let original = try String(contentsOfFile: csvs[0], encoding: .utf8)
        let lines = try SweepRunTests.lines(csvs[0])
        try (original + lines[lines.count - 1] + "\n").write(toFile: csvs[0], atomically: true, encoding: .utf8)
        let extra = mergeError(csvs)
        XCTAssertEqual(extra as? ShardError, .extraRows(csv: csvs[0], shard: Shard(index: 1, count: 2)))
        XCTAssertEqual("\(extra)", "\(csvs[0]): has more rows than shard 1/2 of this grid")

        // A header this cchsim does not write.
        try original.replacingOccurrences(of: "point,", with: "Point,").write(toFile: csvs[0], atomically: true, encoding: .utf8)
        let header = mergeError(csvs)
        XCTAssertEqual(header as? ShardError, .header(csv: csvs[0], scenarioFile: scenario))
        XCTAssertEqual("\(header)", "\(csvs[0]): its header is not the one this cchsim writes for \(scenario); "
                       + "were the shards computed by another cchsim version?")
    }

    /// A valid row given an invalid_reason: the row error carries the file, line and point, and
    /// says what is wrong.
    func testARowOutOfPlaceCarriesItsFileLineAndPoint() throws {
        let (_, csvs) = try shards()
        var lines = try SweepRunTests.lines(csvs[0])
        let header = lines[0].components(separatedBy: ",")
        let valid = try XCTUnwrap(header.firstIndex(of: "valid"))
        let row = try XCTUnwrap(lines.indices.dropFirst().first { lines[$0].components(separatedBy: ",")[valid] == "1" })
        lines[row] += "edited"
        try (lines.joined(separator: "\n") + "\n").write(toFile: csvs[0], atomically: true, encoding: .utf8)
        let point = 2 * (row - 1)  // shard 1 of 2 holds the even points
        let error = try XCTUnwrap(mergeError(csvs) as? SweepRowError)
        XCTAssertEqual(error, SweepRowError(file: csvs[0], line: row + 1, point: point, .validWithReason))
        XCTAssertEqual("\(error)", "\(csvs[0]): line \(row + 1): point \(point) is valid but has an invalid_reason")
    }

    // MARK: Checkpoints

    func testACheckpointOfAnotherRunOrNoneAtAllIsRefused() throws {
        let dir = try SweepRunTests.directory()
        let scenario = try SweepRunTests.file(SweepRunTests.knownGrid, in: dir)
        let checkpoint = dir + "/.grid.checkpoint.json"
        func resumeError() -> any Error {
            do {
                _ = try SweepRunTests.runSweep(scenario, options: SweepRunTests.options(dir, threads: 1, resume: true))
                XCTFail("resumed")
                return CocoaError(.featureUnsupported)
            } catch { return error }
        }
        try "not json".write(toFile: checkpoint, atomically: true, encoding: .utf8)
        let garbage = resumeError()
        XCTAssertEqual("\(garbage)", "\(checkpoint): not a cchsim checkpoint (not JSON); delete it to start the run afresh")

        try Checkpoint(scenarioHash: String(repeating: "0", count: 64), shard: .whole, header: "point\n", pointsDone: 0, csvBytes: 6,
                       csvSHA256: "", summary: RunSummary(), computeSeconds: 0).write(to: checkpoint)
        let other = resumeError()
        guard case .anotherRun(let directory)? = other as? CheckpointError else { return XCTFail("\(other)") }
        XCTAssertEqual(directory, dir)
        XCTAssertEqual("\(other)", "cannot resume: the unfinished run in \(dir) was computed from another scenario, shard or cchsim version; "
                       + "run without --resume to start afresh")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/grid.csv"))
    }

    // MARK: Plots

    private func planError(_ sweep: String, output: String) -> any Error {
        do {
            _ = try PlotPlan(sweep: try Sweep(file: "f.toml", text: ScenarioFixtures.sweepScenario(sweep + "\n[output]\n" + output)))
            XCTFail("planned \(sweep) with \(output)")
            return CocoaError(.featureUnsupported)
        } catch { return error }
    }

    func testAPlotTheSweepCannotDrawIsRefusedAtItsKey() {
        let twoAxes = "[sweep]\n\"model.rho_ts\" = [0.1, 0.2]\n\"model.rho_sy\" = [0.1, 0.2]"
        let cases: [(String, String, PlotPlanError, String)] = [
            ("[sweep]\n\"model.rho_ts\" = [0.1, 0.2]", "log_y = true",
             .logScaleNeedsNumericAxis(file: "f.toml", key: .logY, axis: 1),
             "f.toml: output.log_y: a log scale needs a numeric [sweep] key number 2"),
            (twoAxes + "\n\"student.lambda\" = { from = 0.0, to = 1.0, steps = 25 }", "plots = [\"heatmap\"]",
             .doesNotFit(file: "f.toml", .heatmap, .tooMany(25)),
             "f.toml: output.plots: a heatmap is drawn for every combination of the [sweep] keys after the first two: 25 maps, more than 24"),
            ("[sweep]\n\"model.rho_ts\" = [0.1, 0.2]\n\"student.lambda\" = { from = 0.0, to = 1.0, steps = 11 }", "plots = [\"curves\"]",
             .doesNotFit(file: "f.toml", .curves, .tooMany(11)),
             "f.toml: output.plots: curves draw one line per combination of the [sweep] keys after the first: 11 lines, more than 10"),
            (twoAxes, "plots = [\"reliability\"]", .doesNotFit(file: "f.toml", .reliability, .needsEstimation),
             "f.toml: output.plots: a reliability plot needs an [estimation] table (decision reliability)"),
        ]
        for (sweep, output, expected, message) in cases {
            let error = planError(sweep, output: output)
            XCTAssertEqual(error as? PlotPlanError, expected, output)
            XCTAssertEqual("\(error)", message)
        }
    }

    func testACSVThatIsNotTheSweepsIsNotPlotted() throws {
        let dir = try SweepRunTests.directory()
        let path = try SweepRunTests.file(SweepRunTests.knownGrid, in: dir)
        let csv = try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir)).csvPath
        let sweep = try Sweep(file: path, text: SweepRunTests.knownGrid)
        let schema = SweepTable(sweep: sweep, evaluators: SweepEvaluators.for(sweep)).schema
        func readError(_ text: String) throws -> any Error {
            try text.write(toFile: csv, atomically: true, encoding: .utf8)
            do {
                _ = try PlotTable.read(csv: csv, grid: sweep.grid, schema: schema)
                XCTFail("read \(text.prefix(40))")
                return CocoaError(.featureUnsupported)
            } catch { return error }
        }
        let original = try String(contentsOfFile: csv, encoding: .utf8)
        let cases: [(String, PlotTableError, String)] = [
            ("", .empty(file: csv), "\(csv): empty file, expected a CSV header"),
            ("point,valid\n", .header(file: csv), "\(csv): its header is not the one this sweep writes"),
            (original + "10,1\n", .notARow(file: csv, line: 12), "\(csv): line 12 is not a row of this sweep"),
        ]
        for (text, expected, message) in cases {
            let error = try readError(text)
            XCTAssertEqual(error as? PlotTableError, expected)
            XCTAssertEqual("\(error)", message)
        }
    }

    /// The words of gnuplot's absence (a run of `figures` or `teachers` without it is not set up in
    /// a test process: PATH is the process's).
    func testGnuplotsAbsenceSaysWhatToDo() {
        XCTAssertEqual(GnuplotError.notInstalled(plotsOptional: true).description,
                       "gnuplot is not installed; install gnuplot-nox (make deps) or pass --no-plots")
        XCTAssertEqual(GnuplotError.notInstalled(plotsOptional: false).description,
                       "gnuplot is not installed; the figures need it (make deps installs gnuplot-nox)")
    }

    /// The words of a stop by Ctrl-C (the runs that send the signal discard the message: their
    /// tests check the files left and the exit code 130).
    func testAnInterruptionSaysWhatIsKeptAndHowToGoOn() {
        XCTAssertEqual(RunInterrupted.sweep(pointsDone: 12, total: 90, partial: "out/.grid.csv.partial", checkpoint: "out/.grid.checkpoint.json")
            .description, "interrupted after 12 of 90 points; no output was written. Run the same command with --resume to finish "
                + "(the unfinished state is in out/.grid.csv.partial and out/.grid.checkpoint.json).")
        XCTAssertEqual(RunInterrupted.merge.description, "interrupted; no output was written")
        XCTAssertEqual(RunInterrupted.teachers(stage: "KD experiment", journal: "out/.kd.journal").description,
                       "interrupted in the KD experiment; no output was written. Run the same command with --resume to continue "
                        + "(the finished work is in out/.kd.journal).")
    }

    // MARK: Outputs

    func testOutputsClaimedByAnotherWriterNameTheHolder() throws {
        let dir = try SweepRunTests.directory()
        let output = try OutputDirectory(dir)
        let lock = try OutputLock(stem: "grid", in: output)
        defer { lock.release() }
        let holder = try String(contentsOfFile: dir + "/.grid.lock", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertThrowsError(try OutputLock(stem: "grid", in: output)) { error in
            XCTAssertEqual(error as? OutputError, .claimed(outputs: dir + "/grid", stem: "grid", holder: holder))
            XCTAssertEqual("\(error)", "\(dir)/grid: the outputs of grid are being written by another cchsim process (\(holder)); "
                           + "wait for it to finish, or write elsewhere with --out. The claim ends when that process ends.")
        }
    }
}

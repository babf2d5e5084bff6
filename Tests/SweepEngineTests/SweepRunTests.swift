import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// `cchsim run` and `cchsim merge`: the CSV schema, the summary, shards, resume, reproducibility and
/// the error paths.
final class SweepRunTests: XCTestCase {
    /// A fresh directory (removed when the test process exits).
    static func directory() throws -> String {
        try TestDirectory.make().path
    }

    /// Writes `text` as `name` in `directory` and returns its path.
    static func file(_ text: String, _ name: String = "s.toml", in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the sweep of the scenario file at `path` as `cchsim run` does (read as an input file,
    /// decoded, its points evaluated by the sweep's evaluators), without the command layer.
    static func runSweep(_ path: String, options: RunOptions) throws -> RunOutcome {
        let text = try InputFile.text(path)
        let sweep = try Sweep(file: path, text: text)
        return try SweepRunner(sweep: sweep, text: text, options: options, evaluators: SweepEvaluators.for(sweep)).run()
    }

    static func options(_ out: String, threads: Int = 2, shard: Shard = .whole, resume: Bool = false, plots: Bool = false) -> RunOptions {
        var o = RunOptions()
        o.outDirectory = out
        o.threads = threads
        o.shard = shard
        o.resume = resume
        o.plots = plots
        o.progress = false
        return o
    }

    /// The paper's regime on a small grid that crosses the validity boundary: rho_ty = 0, so
    /// (0.95, +-0.4) is invalid (0.95^2 + 0.4^2 > 1).
    static let knownGrid = ScenarioFixtures.sweepScenario("""
        [sweep]
        "model.rho_ts" = [-0.6, -0.2, 0.2, 0.6, 0.95]
        "model.rho_sy" = [-0.4, 0.4]
        """)

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    // MARK: CSV schema

    func testCSVSchemaAndValues() throws {
        let dir = try Self.directory()
        let outcome = try SweepRunTests.runSweep(try Self.file(Self.knownGrid, in: dir), options: Self.options(dir))
        let rows = try Self.lines(outcome.csvPath)
        let analyzeKeys = ["mi_ts", "mi_sy", "mi_ty", "mi_ty_given_s", "mi_sy_given_t", "mi_ts_given_y", "cch_gap",
                           "cch_predicts_gain", "regime", "regime_exact", "lambda", "bayes_risk", "risk_no_kd", "risk_kd",
                           "kd_gain", "kd_gain_relative", "lambda_opt", "kd_gain_opt", "kd_helps", "cch_agrees",
                           "accuracy_no_kd", "accuracy_kd", "accuracy_opt", "kd_helps_method", "risk_slope",
                           "verdict_error_bound", "verdict_uncertain", "kd_gain_opt_se", "truth_trials"]
        let header = ["point", "model.rho_ts", "model.rho_sy", "valid"] + analyzeKeys + ["invalid_reason"]
        XCTAssertEqual(AnalysisFields.table.columns.map(\.key), analyzeKeys)
        XCTAssertEqual(rows.first, header.joined(separator: ","))
        XCTAssertEqual(rows.count, 11)
        for (p, line) in rows.dropFirst().enumerated() {
            let f = csvFields(line)
            XCTAssertEqual(f.count, header.count, line)
            XCTAssertEqual(f[0], String(p))
        }
        // Point 3 is (rho_ts, rho_sy) = (-0.2, 0.4): every value is the analyze value of that scenario.
        let f = csvFields(rows[4])
        XCTAssertEqual(Array(f[1...3]), ["-0.2", "0.4", "1"])
        let scenario = try Scenario(file: "x.toml", text: ScenarioFixtures.sweepScenario("").replacingOccurrences(of: "rho_ts = 0.6", with: "rho_ts = -0.2"))
        for (key, value) in AnalysisFields.of(try KDAnalysis(of: scenario)) {
            let column = f[header.firstIndex(of: key)!]
            switch value {
            case .number(let x) where x.isNaN: XCTAssertEqual(column, "nan", key)
            case .number(let x):
                assertClose(Double(column)!, x, absolute: 1e-12, relative: 1e-12, "\(key): \(column) vs \(x)")
            case .bool(let b): XCTAssertEqual(column, b ? "1" : "0", key)
            case .text(let s): XCTAssertEqual(column, s, key)
            case .integer(let i): XCTAssertEqual(column, String(i), key)
            case .unsigned(let u): XCTAssertEqual(column, String(u), key)
            }
        }
        XCTAssertEqual(f.last, "")
        // Point 8 is (0.95, -0.4): invalid, empty results, the reason last.
        let invalid = csvFields(rows[9])
        XCTAssertEqual(invalid[3], "0")
        XCTAssert(invalid[4..<(header.count - 1)].allSatisfy(\.isEmpty))
        XCTAssert(invalid.last!.hasPrefix("model.rho_ts/rho_sy/rho_ty: the correlations violate"), invalid.last!)
    }

    func testMetadataRecordsTheRun() throws {
        let dir = try Self.directory()
        let path = try Self.file(Self.knownGrid, in: dir)
        let outcome = try SweepRunTests.runSweep(path, options: Self.options(dir))
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: outcome.metaPath))))
        XCTAssertEqual(meta["scenario"] as? String, Self.knownGrid)
        XCTAssertEqual(meta["scenario_sha256"] as? String, SHA256.hex(Self.knownGrid))
        XCTAssertEqual(meta["cchsim_version"] as? String, ToolVersion.cchsim)
        XCTAssertEqual((meta["seed"] as? NSNumber)?.intValue, 9)
        XCTAssertEqual((meta["grid_points"] as? NSNumber)?.intValue, 10)
        XCTAssertNotNil((meta["timings"] as? [String: Any])?["compute_seconds"] as? NSNumber)
        XCTAssertEqual(((meta["summary"] as? [String: Any])?["invalid"] as? NSNumber)?.intValue, 2)
        XCTAssertEqual(outcome.metaPath, dir + "/grid.meta.json")
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    // MARK: Summary

    /// docs/theory.md section 4(a): KD helps iff rho_sy (rho_ts - rho_sy) > 0; CCH predicts a gain iff
    /// |rho_ts| > |rho_sy|. On the known grid that is, for rho_sy = 0.4: rho_ts = -0.6 false alarm,
    /// -0.2 and 0.2 right (no gain), 0.6 right (gain); mirrored for rho_sy = -0.4.
    func testAgreementSummaryOnAKnownGrid() throws {
        let dir = try Self.directory()
        let outcome = try SweepRunTests.runSweep(try Self.file(Self.knownGrid, in: dir), options: Self.options(dir))
        let s = outcome.summary
        XCTAssertEqual(s.points, 10)
        XCTAssertEqual(s.invalid, 2)
        XCTAssertEqual(s.rightAboutGain, 2)
        XCTAssertEqual(s.rightAboutNoGain, 4)
        XCTAssertEqual(s.falseAlarms, 2)
        XCTAssertEqual(s.misses, 0)
        XCTAssertEqual(s.accuracy, 0.75)
        XCTAssertNil(s.largestZ)
        let text = s.text()
        XCTAssert(text.contains("10 points, 2 invalid"), text)
        XCTAssert(text.contains("accuracy 0.7500 (6 of 8 points)"), text)
    }

    /// Finite n (the shipped cch-fails-finite-n scenario): CCH predicts no gain, KD helps: misses.
    func testSummaryCountsMisses() throws {
        let dir = try Self.directory()
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.1, 0.3, 0.5]",
                                           model: "kind = \"correlations\"\nrho_ts = 0.3\nrho_sy = 0.5\nrho_ty = 0.6",
                                           teacher: "target = \"prediction\"", student: "n = 12")
        let s = try SweepRunTests.runSweep(try Self.file(text, in: dir), options: Self.options(dir)).summary
        XCTAssertEqual([s.points, s.invalid, s.misses, s.rightAboutGain, s.rightAboutNoGain, s.falseAlarms], [3, 0, 3, 0, 0, 0])
    }

    /// With `[monte_carlo]` the rows carry the simulate keys and the summary the largest |z|, which
    /// is the largest |z_gain| of the CSV.
    func testMonteCarloColumnsAndLargestZ() throws {
        let dir = try Self.directory()
        let text = ScenarioFixtures.sweepScenario("[monte_carlo]\ntrials = 400\n[sweep]\n\"student.lambda\" = [0.0, 0.3, 0.8]",
                                           model: "kind = \"correlations\"\nrho_ts = 0.3\nrho_sy = 0.5\nrho_ty = 0.6",
                                           teacher: "target = \"prediction\"", student: "n = 12")
        let outcome = try SweepRunTests.runSweep(try Self.file(text, in: dir), options: Self.options(dir))
        let rows = try Self.lines(outcome.csvPath)
        let header = csvFields(rows[0])
        XCTAssertEqual(Array(header[3..<(3 + AnalysisFields.table.columns.map(\.key).count)]), AnalysisFields.table.columns.map(\.key))
        for key in ["mc_trials", "mc_risk_no_kd", "mc_risk_kd", "mc_kd_gain", "mc_kd_gain_se", "z_gain"] {
            XCTAssert(header.contains(key), key)
        }
        XCTAssertEqual(Array(header.dropFirst(3).dropLast()), MonteCarloEvaluator().columns.map(\.key))
        let z = header.firstIndex(of: "z_gain")!, trials = header.firstIndex(of: "mc_trials")!
        let zs = rows.dropFirst().map { abs(Double(csvFields($0)[z])!) }
        XCTAssert(rows.dropFirst().allSatisfy { csvFields($0)[trials] == "400" })
        XCTAssertEqual(outcome.summary.largestZ, zs.max())
        XCTAssertEqual(outcome.summary.zPoints, 3)
        XCTAssertLessThan(zs.max()!, 4.5, "Monte Carlo gains within 4.5 standard errors of the analytic gains")
        // The same grid point gives the same Monte Carlo row as `cchsim simulate` of that scenario.
        let single = try Scenario(file: "x.toml", text: text.replacingOccurrences(of: "[sweep]\n\"student.lambda\" = [0.0, 0.3, 0.8]", with: "")
            .replacingOccurrences(of: "n = 12", with: "n = 12\nlambda = 0.3"))
        let summary = try MonteCarloExperiment(of: single).run(of: single, pointIndex: 1, threads: 1)
        let row = csvFields(rows[2])
        XCTAssertEqual(Double(row[header.firstIndex(of: "mc_kd_gain")!]), summary.gain.mean)
    }

    // MARK: Reproducibility, shards, merge, resume

    func testThreadCountDoesNotChangeTheOutput() throws {
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.9, to = 0.9, steps = 25 }\n\"model.rho_sy\" = { from = -0.9, to = 0.9, steps = 20 }")
        let dirs = try (0..<2).map { _ in try Self.directory() }
        for (dir, threads) in zip(dirs, [1, 3]) {
            _ = try SweepRunTests.runSweep(try Self.file(text, in: dir), options: Self.options(dir, threads: threads))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dirs[0] + "/grid.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: dirs[1] + "/grid.csv")))
    }

    func testMergedShardsEqualASingleRunByteForByte() throws {
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.95, to = 0.95, steps = 11 }\n\"model.rho_sy\" = [-0.8, -0.1, 0.5, 0.9]")
        let single = try Self.directory(), sharded = try Self.directory()
        let whole = try SweepRunTests.runSweep(try Self.file(text, in: single), options: Self.options(single))
        let path = try Self.file(text, in: sharded)
        var shardFiles: [String] = []
        for i in [3, 1, 2] {  // any order
            let outcome = try SweepRunTests.runSweep(path, options: Self.options(sharded, shard: Shard(index: i, count: 3)))
            XCTAssertEqual(outcome.csvPath, sharded + "/grid.shard-\(i)-of-3.csv")
            XCTAssertEqual(outcome.summary.points, [15, 15, 14][i - 1])
            shardFiles.append(outcome.csvPath)
        }
        let merged = try ShardMerge(csvPaths: shardFiles, outDirectory: sharded + "/merged", plots: false).run()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: merged.csvPath)), try Data(contentsOf: URL(fileURLWithPath: whole.csvPath)))
        XCTAssertEqual(merged.summary, whole.summary)
        XCTAssertGreaterThan(whole.summary.invalid, 0)

        // Missing shards, shards of another scenario, and a shard whose rows are not where they belong.
        XCTAssertThrowsError(try ShardMerge(csvPaths: Array(shardFiles.prefix(2)), outDirectory: nil, plots: false)) {
            XCTAssert("\($0)".contains("missing shard 2/3"), "\($0)")
        }
        let other = try Self.directory()
        let otherShard = try SweepRunTests.runSweep(try Self.file(Self.knownGrid, in: other),
                                                     options: Self.options(other, shard: Shard(index: 2, count: 3)))
        XCTAssertThrowsError(try ShardMerge(csvPaths: [shardFiles[1], otherShard.csvPath, shardFiles[2]], outDirectory: nil, plots: false)) {
            XCTAssert("\($0)".contains("another scenario"), "\($0)")
        }
        var tampered = try Self.lines(shardFiles[0])  // shard 3: drop its last row
        tampered.removeLast()
        try (tampered.joined(separator: "\n") + "\n").write(toFile: shardFiles[0], atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ShardMerge(csvPaths: shardFiles, outDirectory: sharded + "/bad", plots: false).run()) {
            XCTAssert("\($0)".contains("is missing"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: sharded + "/bad/grid.csv"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sharded + "/bad"), [])
    }

    /// A run killed mid-way (SIGKILL) and finished with --resume writes the file an uninterrupted
    /// run writes; so does one stopped by Ctrl-C (SIGINT), which exits 130 and writes no output.
    func testResumeAfterKillAndAfterCtrlCEqualsAnUninterruptedRun() throws {
        let text = ScenarioFixtures.sweepScenario(
            "[sweep]\n\"model.rho_ts\" = { from = -0.99, to = 0.99, steps = 300 }\n\"model.rho_sy\" = { from = -0.99, to = 0.99, steps = 300 }")
        let reference = try Self.directory()
        _ = try SweepRunTests.runSweep(try Self.file(text, in: reference), options: Self.options(reference))
        let expected = try Data(contentsOf: URL(fileURLWithPath: reference + "/grid.csv"))

        for signal in [SIGKILL, SIGINT] {
            let dir = try Self.directory()
            let path = try Self.file(text, in: dir)
            let (process, points) = try Self.startAndStopMidway(["run", path, "--out", dir, "--no-plots"], checkpoint: dir + "/.grid.checkpoint.json", signal: signal)
            XCTAssertEqual(process.terminationStatus, signal == SIGINT ? 130 : SIGKILL, "signal \(signal)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/grid.csv"), "no output after an interruption")
            XCTAssertGreaterThan(points, 0)
            XCTAssertLessThan(points, 90_000)
            let resumed = try CCHSimExecutable.run(["run", path, "--out", dir, "--no-plots", "--resume"])
            XCTAssertEqual(resumed.status, 0, resumed.err)
            XCTAssert(resumed.err.contains("Resuming grid"), resumed.err)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/grid.csv")), expected, "signal \(signal)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.grid.checkpoint.json"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.grid.csv.partial"))
        }
    }

    /// Starts `cchsim` and sends `signal` once its checkpoint shows some but not all points done.
    /// - Returns: the finished process and the points done at the signal.
    static func startAndStopMidway(_ arguments: [String], checkpoint: String, signal: Int32) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = try CCHSimExecutable.url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var done = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            if let data = FileManager.default.contents(atPath: checkpoint), let object = JSONFile.object(data),
               let points = (object["points_done"] as? NSNumber)?.intValue, points > 0 {
                done = points
                kill(process.processIdentifier, signal)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        return (process, done)
    }

    // MARK: Error paths

    func testUnwritableOutputIsAnErrorBeforeAnythingIsWritten() throws {
        let dir = try Self.directory()
        let path = try Self.file(Self.knownGrid, in: dir)
        let blocker = try Self.file("not a directory", "blocker", in: dir)
        for out in [blocker, blocker + "/sub"] {
            let r = try CCHSimExecutable.run(["run", path, "--out", out])
            XCTAssertEqual(r.status, 1, r.err)
            XCTAssert(r.err.contains("Error: \(out): ") && r.err.contains("not a directory"), r.err)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["blocker", "s.toml"])
    }

    /// The plot kinds `[output] plots` takes, as its messages list them.
    static let sweepPlotKinds = "\"heatmap\", \"agreement\", \"curves\", \"scatter\", \"reliability\", \"adding-heatmap\", \"adding-agreement\""

    func testBadSweepsAreCommandLineErrors() throws {
        let dir = try Self.directory()
        let cases: [(sweep: String, message: String)] = [
            ("[sweep]\n\"model.rho_xy\" = [0.1]", "bad.toml: model.rho_xy: unknown key"),
            ("[sweep]\n\"model.rho_ts\" = { from = 0.1, to = 0.2, steps = 0 }", "bad.toml: sweep.\"model.rho_ts\".steps: must be at least 2"),
            ("[sweep]\n\"student.lambda\" = [2.0]", "bad.toml: student.lambda: must lie in [0.0, 1.0], got 2.0"),
            ("[output]\nplots = [\"heatmap\"]\n[sweep]\n\"student.lambda\" = [0.1, 0.2]", "bad.toml: output.plots: a heatmap needs"),
            ("[output]\nplots = [\"pie\"]\n[sweep]\n\"student.lambda\" = [0.1, 0.2]", "bad.toml: output.plots: unknown plot kind \"pie\"; "
                + "expected some of \(Self.sweepPlotKinds)"),
            // A figure of `teachers` is a PlotKind too, but not one a sweep draws.
            ("[output]\nplots = [\"gain-matrix\"]\n[sweep]\n\"student.lambda\" = [0.1, 0.2]", "bad.toml: output.plots: \"gain-matrix\" is a "
                + "figure of `cchsim teachers` (a [data] scenario), not of a sweep; expected some of \(Self.sweepPlotKinds)"),
        ]
        for c in cases {
            let path = try Self.file(ScenarioFixtures.sweepScenario(c.sweep), "bad.toml", in: dir)
            let r = try CCHSimExecutable.run(["run", path, "--out", dir + "/out"])
            XCTAssertEqual(r.status, 1, c.sweep)
            XCTAssert(r.err.contains("Error: ") && r.err.contains(c.message), "\(r.err) should contain \(c.message)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out/grid.csv"))
        }
        for bad in [["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "x"], ["--threads", "0"]] {
            let r = try CCHSimExecutable.run(["run", try Self.file(Self.knownGrid, in: dir)] + bad)
            XCTAssertNotEqual(r.status, 0, "\(bad)")
            XCTAssert(r.err.contains("Error"), r.err)
        }
    }
}

/// The CSV text of single values.
final class CSVTextTests: XCTestCase {
    func text(_ value: ReportValue) -> String {
        var out: [UInt8] = []
        CSVText.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testValuesAndQuoting() {
        XCTAssertEqual(text(.number(0.1)), "0.1")
        XCTAssertEqual(text(.number(1e-5)), "1e-05")
        XCTAssertEqual(text(.number(-0.8999999999999999)), "-0.8999999999999999")
        XCTAssertEqual(text(.number(.nan)), "nan")
        XCTAssertEqual(text(.bool(true)), "1")
        XCTAssertEqual(text(.integer(-3)), "-3")
        XCTAssertEqual(text(.text("plain")), "plain")
        XCTAssertEqual(text(.text("a, \"b\"")), "\"a, \"\"b\"\"\"")
        XCTAssertEqual(text(.text("two\nlines")), "two lines")
        XCTAssertEqual(csvFields("1,\"a, \"\"b\"\"\",,x"), ["1", "a, \"b\"", "", "x"])
        // Blanks around a text survive the round trip: the reader drops them from unquoted fields,
        // so the writer quotes such a text.
        XCTAssertEqual(text(.text(" padded\t")), "\" padded\t\"")
        XCTAssertEqual(csvFields("1,\(text(.text(" padded\t"))),x"), ["1", " padded\t", "x"])
        XCTAssertEqual(csvFields(" 1 , 2 "), ["1", "2"])
    }
}

import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import Foundation
import XCTest

/// Issue 10, defects 2 and 3: a run holds a lock on its output name (a second run is refused with
/// the holder's pid and host; a dead holder blocks nothing), and a run killed at any moment,
/// plots included, resumes to the files an uninterrupted run writes.
final class RunSafetyTests: XCTestCase {
    static func grid(steps: Int, name: String = "grid", rhoTY: Double = 0) -> String {
        ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.95, to = 0.95, steps = \(steps) }\n"
            + "\"model.rho_sy\" = { from = -0.95, to = 0.95, steps = \(steps) }")
            .replacingOccurrences(of: "name = \"grid\"", with: "name = \"\(name)\"")
            .replacingOccurrences(of: "rho_ty = 0.0", with: "rho_ty = \(rhoTY)")
    }

    // MARK: Locking

    /// While another holder has the lock, `run` and `merge` on that name are refused naming it;
    /// once it is released the run goes ahead and leaves no lock file.
    func testAHeldNameIsRefusedNamingItsHolder() throws {
        let dir = try SweepRunTests.directory()
        let path = try SweepRunTests.file(Self.grid(steps: 4), in: dir)
        var shards: [String] = []
        for i in 1...2 {
            shards.append(try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir, shard: Shard(index: i, count: 2))).csvPath)
        }
        let lock = try OutputLock(stem: "grid", in: try OutputDirectory(dir))
        let holder = "pid \(getpid()) on host \(ProcessInfo.processInfo.hostName)"
        XCTAssertThrowsError(try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir))) {
            XCTAssert("\($0)".contains("\(dir)/grid: the outputs of grid are being written by another cchsim process (\(holder), since"), "\($0)")
        }
        XCTAssertThrowsError(try ShardMerge(csvPaths: shards, outDirectory: dir, plots: false).run()) {
            XCTAssert("\($0)".contains(holder), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/grid.csv"), "a refused run writes nothing")
        // Shards have names of their own: they run beside the holder of the whole name.
        XCTAssertNoThrow(try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir, shard: Shard(index: 1, count: 2))))
        lock.release()
        XCTAssertNoThrow(try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.grid.lock"))
    }

    /// Two processes on one output name: the second is refused naming the first's pid while the
    /// first runs (held stopped by SIGSTOP, so the overlap is certain); the first finishes with its
    /// own rows. A holder killed by SIGKILL leaves a lock file that blocks nobody.
    func testTwoProcessesOnOneNameAndAStaleLock() throws {
        let dir = try SweepRunTests.directory()
        let first = try SweepRunTests.file(Self.grid(steps: 100, name: "same"), "a.toml", in: dir)
        let second = try SweepRunTests.file(Self.grid(steps: 100, name: "same", rhoTY: 0.2), "b.toml", in: dir)
        let out = dir + "/out"
        let a = try Self.startHoldingTheLock(["run", first, "--out", out, "--no-plots", "--threads", "2"], lock: out + "/.same.lock")
        kill(a.processIdentifier, SIGSTOP)
        let refused = try CCHSimExecutable.run(["run", second, "--out", out, "--no-plots"])
        kill(a.processIdentifier, SIGCONT)
        a.waitUntilExit()
        XCTAssertEqual(refused.status, 1)
        XCTAssert(refused.err.contains("the outputs of same are being written by another cchsim process (pid \(a.processIdentifier) on host"),
                  refused.err)
        XCTAssertEqual(a.terminationStatus, 0)
        let reference = try SweepRunTests.directory()
        _ = try SweepRunTests.runSweep(try SweepRunTests.file(Self.grid(steps: 100, name: "same"), "a.toml", in: reference),
                                        options: SweepRunTests.options(reference))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/same.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: reference + "/same.csv")), "the first run's rows, unmixed")

        // A killed holder: its lock file stays, unlocked; the next run proceeds and removes it.
        let b = try Self.startHoldingTheLock(["run", second, "--out", out, "--no-plots", "--threads", "1"], lock: out + "/.same.lock")
        kill(b.processIdentifier, SIGKILL)
        b.waitUntilExit()
        XCTAssert(FileManager.default.fileExists(atPath: out + "/.same.lock"))
        let after = try CCHSimExecutable.run(["run", second, "--out", out, "--no-plots"])
        XCTAssertEqual(after.status, 0, after.err)
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: out + "/same.meta.json"))))
        XCTAssertEqual(meta["scenario_sha256"] as? String, SHA256.hex(try String(contentsOfFile: second, encoding: .utf8)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/.same.lock"))
    }

    /// Starts `cchsim arguments` with its output discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try CCHSimExecutable.url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts `cchsim` and returns once it holds the lock file `lock` (its pid is written there).
    static func startHoldingTheLock(_ arguments: [String], lock: String) throws -> Process {
        let process = try start(arguments)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: lock, encoding: .utf8), text.hasPrefix("pid \(process.processIdentifier) ") { return process }
            XCTAssert(process.isRunning, "\(arguments) ended before it was seen holding \(lock)")
            usleep(500)
        }
        XCTFail("\(arguments) did not take the lock \(lock)")
        return process
    }

    // MARK: Kill and resume

    /// Twenty SIGKILLs of `cchsim run` with plots, at moments spread over the length of a run (a
    /// seeded choice of fractions of the measured run time), each resumed with --resume: every
    /// resumed directory holds the files of an uninterrupted run, byte for byte (the metadata
    /// without its timings and run fields), and no partial file, checkpoint or lock. Resuming a
    /// finished run succeeds and rewrites nothing.
    func testKilledAtAnyMomentResumesToTheSameFiles() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed: the kill test needs the plots") }
        let base = try SweepRunTests.directory()
        let scenario = try SweepRunTests.file(Self.grid(steps: 24) + "[output]\nplots = [\"heatmap\"]\n", in: base)
        let started = Date()
        let reference = try CCHSimExecutable.run(["run", scenario, "--out", base + "/reference", "--threads", "2"])
        let runTime = Date().timeIntervalSince(started)
        XCTAssertEqual(reference.status, 0, reference.err)
        let expected = try Self.snapshot(base + "/reference")
        XCTAssertEqual(expected.keys.sorted(), ["grid-grid.dat", "grid-heatmap.gp", "grid-heatmap.png", "grid.csv", "grid.meta.json"])

        var random = SplitMix(seed: 10)
        var phases: [String: Int] = [:]
        for kill in 0..<20 {
            let dir = base + "/kill-\(kill)"
            let delay = runTime * Double(random.next() % 1000) / 1000
            let process = Process()
            process.executableURL = try CCHSimExecutable.url
            process.arguments = ["run", scenario, "--out", dir, "--threads", "2"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1e6))
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            phases[Self.phase(dir), default: 0] += 1
            let resumed = try CCHSimExecutable.run(["run", scenario, "--out", dir, "--threads", "2", "--resume"])
            XCTAssertEqual(resumed.status, 0, "kill \(kill) after \(delay) s: \(resumed.err)")
            XCTAssertEqual(try Self.snapshot(dir), expected, "kill \(kill) after \(delay) s")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") && !$0.contains(".tmp-") }
            XCTAssertEqual(hidden, [], "kill \(kill): no partial file, checkpoint or lock is left")
        }
        print("kill test: run time \(String(format: "%.2f", runTime)) s; state at the 20 kills: \(phases.sorted { $0.key < $1.key })")
        XCTAssertGreaterThan(phases["completing", default: 0], 0, "some kills land between the CSV rename and the end")

        let dir = base + "/kill-0"
        let before = try Self.files(dir)
        let again = try CCHSimExecutable.run(["run", scenario, "--out", dir, "--resume"])
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssert(again.err.contains("grid is already finished in \(dir); nothing to do."), again.err)
        XCTAssert(again.out.contains("Wrote \(dir)/grid-heatmap.png"), again.out)
        XCTAssertEqual(try Self.files(dir), before, "resuming a finished run rewrites nothing")
    }

    /// Where a killed run stopped: before its checkpoint, computing, completing (CSV in place,
    /// checkpoint still there) or finished.
    static func phase(_ dir: String) -> String {
        let exists = { FileManager.default.fileExists(atPath: dir + "/" + $0) }
        switch (exists(".grid.checkpoint.json"), exists(".grid.csv.partial"), exists("grid.csv")) {
        case (false, _, false): return "starting"
        case (true, true, _): return "computing"
        case (true, false, _): return "completing"
        case (false, _, true): return "finished"
        }
    }

    /// The visible files of `dir`; the metadata without its timings and run fields (they measure
    /// this process, not the result).
    static func snapshot(_ dir: String) throws -> [String: Data] {
        var files = try Self.files(dir)
        if let meta = files["grid.meta.json"], var object = JSONFile.object(meta) {
            object["timings"] = nil
            object["run"] = nil
            files["grid.meta.json"] = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        return files
    }

    static func files(_ dir: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return files
    }
}

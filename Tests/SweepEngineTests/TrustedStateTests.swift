import CCHScenario
import CCHTestSupport
@testable import SweepEngine
import Foundation
import XCTest

/// Issue 22 items 1 and 2: what a run leaves behind is checked before it is trusted. A checkpoint
/// that disagrees with the partial CSV it describes, and a shard whose bytes changed since its run,
/// are refused with a clear error, never used; an image gnuplot did not finish (a full disk) never
/// reaches its final name.
final class TrustedStateTests: XCTestCase {
    /// `text` with the first match of the regular expression `pattern` replaced by `value`.
    static func replacing(_ pattern: String, with value: String, in text: String) throws -> String {
        let range = try XCTUnwrap(text.range(of: pattern, options: .regularExpression), pattern)
        return text.replacingCharacters(in: range, with: value)
    }

    /// The CSV at `path` with the last digit of column `column` in its first row where that cell
    /// is not empty changed (still a number, another value).
    static func flipDigit(in path: String, column: String) throws {
        var lines = try SweepRunTests.lines(path)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let index = try XCTUnwrap(header.firstIndex { $0 == column }, column)
        let row = try XCTUnwrap(lines.indices.dropFirst().first { !lines[$0].split(separator: ",", omittingEmptySubsequences: false)[index].isEmpty })
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let last = try XCTUnwrap(fields[index].lastIndex { $0.isNumber })
        fields[index].replaceSubrange(last...last, with: fields[index][last] == "1" ? "2" : "1")
        lines[row] = fields.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The reproducers of the adversarial round on a run stopped by Ctrl-C: points_done lowered,
    /// raised, far beyond the grid and -1 (which trapped), an edited summary count, a flipped digit
    /// in the partial CSV, a partial CSV cut short and one replaced by a link: each resume is refused
    /// naming the file and what disagrees; the untouched state resumes to the whole grid.
    func testACheckpointThatDisagreesWithItsPartialCSVIsRefused() throws {
        let base = try TestDirectory.make().path
        let steps = 80
        let scenario = try SweepRunTests.file(ScenarioFixtures.sweepScenario(
            "[sweep]\n\"model.rho_ts\" = { from = -0.6, to = 0.6, steps = \(steps) }\n\"model.rho_sy\" = { from = -0.6, to = 0.6, steps = \(steps) }"),
            in: base)
        let stopped = base + "/stopped"
        let (process, _) = try SweepRunTests.startAndStopMidway(["run", scenario, "--out", stopped, "--no-plots", "--threads", "1"],
                                                               checkpoint: stopped + "/.grid.checkpoint.json", signal: SIGINT)
        XCTAssertEqual(process.terminationStatus, 130)
        let saved = try XCTUnwrap(try Checkpoint.read(stopped + "/.grid.checkpoint.json"))
        let done = saved.pointsDone, total = steps * steps
        XCTAssert(done >= 2 && done < total, "stopped after \(done) points")

        var copies = 0
        func refused(_ message: (_ checkpoint: String, _ partial: String) -> String, line: UInt = #line,
                     damage: (_ checkpoint: String, _ partial: String) throws -> Void) throws {
            copies += 1
            let dir = base + "/copy-\(copies)"
            try FileManager.default.copyItem(atPath: stopped, toPath: dir)
            let checkpoint = dir + "/.grid.checkpoint.json", partial = dir + "/.grid.csv.partial"
            try damage(checkpoint, partial)
            let before = try Data(contentsOf: URL(fileURLWithPath: partial))
            XCTAssertThrowsError(try SweepRunTests.runSweep(scenario, options: SweepRunTests.options(dir, threads: 1, resume: true)),
                                 line: line) {
                let expected = "cannot resume: \(message(checkpoint, partial)); the unfinished state cannot be trusted: run without --resume to start afresh"
                XCTAssertEqual("\($0)", expected, line: line)
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: partial)), before, "a refused resume changes nothing", line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/grid.csv"), line: line)
        }
        func editCheckpoint(_ pattern: String, _ value: String) -> (String, String) throws -> Void {
            { checkpoint, _ in
                let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
                try Self.replacing(pattern, with: value, in: text).write(toFile: checkpoint, atomically: false, encoding: .utf8)
            }
        }
        let bytes = saved.csvBytes
        try refused({ c, p in "\(p): holds more than the \(done - 1) rows that \(c) counts in its first \(bytes) bytes" },
                    damage: editCheckpoint(#""points_done": *\d+"#, "\"points_done\":\(done - 1)"))
        try refused({ c, p in "\(p): holds \(done) rows, but \(c) says \(done + 1) points are done" },
                    damage: editCheckpoint(#""points_done": *\d+"#, "\"points_done\":\(done + 1)"))
        for wrong in [1000 * total, -1] {
            try refused({ c, _ in "\(c): points_done = \(wrong) is not within the \(total) points of the grid" },
                        damage: editCheckpoint(#""points_done": *\d+"#, "\"points_done\":\(wrong)"))
        }
        try refused({ c, p in "\(c): its summary does not agree with the \(done) rows of \(p)" },
                    damage: editCheckpoint(#""points": *\d+"#, "\"points\":\(saved.summary.points + 1)"))
        try refused({ c, p in "\(p): its first \(bytes) bytes are not the ones \(c) recorded (their SHA-256 differs)" }) { _, partial in
            try Self.flipDigit(in: partial, column: "risk_kd")
        }
        try refused({ c, p in "\(p): has \(bytes - 10) bytes, fewer than the \(bytes) that \(c) says are complete" }) { _, partial in
            XCTAssertEqual(truncate(partial, off_t(bytes - 10)), 0)
        }
        try refused({ _, p in "\(p): is a symbolic link; cchsim never follows a link in place of a file it wrote "
                        + "(another account may have planted it): remove it, or write elsewhere with --out" }) { _, partial in
            try FileManager.default.moveItem(atPath: partial, toPath: partial + "-moved")
            XCTAssertEqual(symlink(partial + "-moved", partial), 0)
        }
        if geteuid() == 0, let nobody = getpwnam("nobody") {
            let uid = nobody.pointee.pw_uid
            try refused({ _, p in "\(p): belongs to another user (uid \(uid), you are uid 0); cchsim uses only files it created "
                            + "itself here: remove it, or write elsewhere with --out" }) { _, partial in
                XCTAssertEqual(chown(partial, uid, nobody.pointee.pw_gid), 0)
            }
        }

        let outcome = try SweepRunTests.runSweep(scenario, options: SweepRunTests.options(stopped, threads: 2, resume: true))
        XCTAssertEqual(outcome.summary.points, total)
        XCTAssertEqual(try SweepRunTests.lines(stopped + "/grid.csv").count, total + 1)
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: stopped + "/grid.meta.json"))))
        XCTAssertEqual(meta["csv_sha256"] as? String, SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: stopped + "/grid.csv")))))
    }

    /// A value edited in a shard after its run (the columns still well formed) fails the SHA-256
    /// its metadata recorded: the merge is refused and writes nothing.
    func testAShardEditedAfterItsRunIsRefusedAtMerge() throws {
        let dir = try SweepRunTests.directory()
        let scenario = try SweepRunTests.file(SweepRunTests.knownGrid, in: dir)
        let shards = try (1...2).map {
            try SweepRunTests.runSweep(scenario, options: SweepRunTests.options(dir, shard: Shard(index: $0, count: 2))).csvPath
        }
        try Self.flipDigit(in: shards[1], column: "risk_kd")
        let out = dir + "/merged"
        XCTAssertThrowsError(try ShardMerge(csvPaths: shards, outDirectory: out, plots: false).run()) {
            XCTAssertEqual("\($0)", "\(shards[1]): its bytes are not the ones its run wrote (their SHA-256 differs from the one in "
                           + "\(dir)/grid.shard-2-of-2.meta.json): edited or corrupted since; compute shard 2/2 again")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [])
    }

    /// gnuplot stand-ins first on PATH: one writes a PNG cut short (as on a full disk, exit 0), one
    /// writes nothing, one fails. The run stops naming the image (or gnuplot's message), and no
    /// image, no metadata and no temporary file is left under any name; the CSV is in place and the
    /// checkpoint kept, so `--resume` finishes once gnuplot works.
    func testAnIncompleteImageNeverReachesItsName() throws {
        let base = try TestDirectory.make().path
        let scenario = try SweepRunTests.file(SharedDirectoryTests.plotted, in: base)
        let binary = try CCHSimExecutable.url
        let stand_ins: [(script: String, format: String, error: (String) -> String)] = [
            ("printf '\\211PNG\\r\\n\\032\\n\\0\\0\\0\\rIHDR'", "png",
             { "\($0)/grid-heatmap.png: cannot write: gnuplot's image is incomplete (16 bytes, without the IEND chunk at its end); is the disk full?" }),
            ("exit 0", "svg", { "\($0)/grid-heatmap.svg: cannot write: gnuplot's image is incomplete (0 bytes, it is empty); is the disk full?" }),
            ("echo 'no space' >&2; exit 1", "pdf", { "gnuplot failed on \($0)/grid-heatmap.gp:\nno space" }),
        ]
        for (i, standIn) in stand_ins.enumerated() {
            let bin = base + "/bin-\(i)", out = base + "/out-\(i)"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            try "#!/bin/sh\n\(standIn.script)\n".write(toFile: bin + "/gnuplot", atomically: false, encoding: .utf8)
            XCTAssertEqual(chmod(bin + "/gnuplot", 0o755), 0)
            let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let r = try Subprocess.run(binary, ["run", scenario, "--out", out, "--formats", standIn.format], environment: ["PATH": path])
            XCTAssertEqual(r.status, 1, r.err)
            XCTAssert(r.err.hasPrefix("Error: \(standIn.error(out))"), r.err)
            let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            XCTAssertEqual(names, [".grid.checkpoint.json", "grid-grid.dat", "grid-heatmap.gp", "grid.csv"], standIn.script)
        }
        XCTAssertEqual(FigureFormat.svg.incompleteness(of: Array("<svg>\n</svg>\n\n".utf8)), nil)
        XCTAssertEqual(FigureFormat.svg.incompleteness(of: Array("<svg>\n<path d='M 1".utf8)), "without '</svg>' at its end")
        XCTAssertEqual(FigureFormat.pdf.incompleteness(of: Array("%PDF-1.5\n%%EOF\r\n".utf8)), nil)
    }

    /// A real full disk: a 20 KiB tmpfs holds the CSV, the plot data and the script but not the
    /// PDF; the run stops naming the PDF and leaves no part of it (skipped where mounting is not
    /// permitted).
    func testAFullDiskLeavesNoTruncatedFigure() throws {
        let out = try TestDirectory.make().path + "/small"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let mount = try Subprocess.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=20k", "tmpfs", out])
        guard mount.status == 0 else { throw XCTSkip("cannot mount a tmpfs here: \(mount.err)") }
        defer { _ = try? Subprocess.run(URL(fileURLWithPath: "/bin/umount"), [out]) }
        let scenario = try SweepRunTests.file(SharedDirectoryTests.plotted, in: try TestDirectory.make().path)
        let r = try CCHSimExecutable.run(["run", scenario, "--out", out, "--formats", "pdf"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssert(r.err.hasPrefix("Error: \(out)/grid-heatmap.pdf: cannot write: "), r.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
                       [".grid.checkpoint.json", "grid-grid.dat", "grid-heatmap.gp", "grid.csv"])
    }
}

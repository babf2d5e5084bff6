import CCHScenario
import CCHTestSupport
@testable import SweepEngine
import Foundation
import SystemPackage
import XCTest

/// Issue 21: in a directory other accounts can write, what another account plants under the names
/// cchsim uses (a symbolic link to a victim file outside the directory, a file of its own) is
/// never written through or read: every command that writes either succeeds with regular files of
/// the user or stops with a clear error, and the victims are unchanged
/// (docs/files.md, "Shared directories"). The planting is done as `nobody` (links and files
/// chowned to it), so these tests need root, as `make test` runs.
final class SharedDirectoryTests: XCTestCase {
    /// The other account, the victims it aims at and a world-writable directory to plant in.
    struct Intruder {
        let uid: uid_t, gid: gid_t
        let base: String
        /// A file of the user outside the shared directory, and one of the intruder's.
        let victim: String, ownVictim: String
        static let precious = "precious\n"

        init() throws {
            guard geteuid() == 0 else { throw XCTSkip("planting files as another user (nobody) needs root") }
            guard let entry = getpwnam("nobody") else { throw XCTSkip("there is no user nobody") }
            uid = entry.pointee.pw_uid
            gid = entry.pointee.pw_gid
            base = try TestDirectory.make().path
            victim = base + "/victim"
            ownVictim = base + "/nobodys-victim"
            try Self.precious.write(toFile: victim, atomically: false, encoding: .utf8)
            try Self.precious.write(toFile: ownVictim, atomically: false, encoding: .utf8)
            XCTAssertEqual(chown(ownVictim, uid, gid), 0)
        }

        /// A new directory anyone may write into (mode 0777).
        func sharedDirectory(_ name: String) -> String {
            let path = base + "/" + name
            XCTAssertEqual(mkdir(path, 0o777), 0)
            XCTAssertEqual(chmod(path, 0o777), 0)
            return path
        }

        /// Puts the intruder's symbolic link to the victim at `path` (in place of what is there).
        func plantLink(_ path: String) {
            unlink(path)
            XCTAssertEqual(symlink(victim, path), 0, path)
            XCTAssertEqual(lchown(path, uid, gid), 0, path)
        }

        /// Puts a hard link to the intruder's own victim at `path`: a file of another user that
        /// anything written through the name would change.
        func plantHardLink(_ path: String) {
            unlink(path)
            XCTAssertEqual(link(ownVictim, path), 0, path)
        }

        /// Gives the file at `path` to the intruder.
        func give(_ path: String) { XCTAssertEqual(chown(path, uid, gid), 0, path) }

        /// Both victims still hold what they held.
        func assertVictimsUnchanged(file: StaticString = #filePath, line: UInt = #line) {
            for path in [victim, ownVictim] {
                XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), Self.precious, path, file: file, line: line)
            }
        }
    }

    /// Every visible file of `dir` is a regular file of the user.
    static func assertOwnRegularFiles(_ dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where !name.hasPrefix(".") {
            let status = try FilePath(dir + "/" + name).stat(followTargetSymlink: false)
            XCTAssertEqual(status.type, .regular, name, file: file, line: line)
            XCTAssertEqual(status.userID.rawValue, geteuid(), name, file: file, line: line)
        }
    }

    /// The visible files of `dir` but the metadata (it holds timings).
    static func outputs(_ dir: String) throws -> [String: Data] {
        try RunSafetyTests.files(dir).filter { !$0.key.hasSuffix(".meta.json") }
    }

    static let plotted = SweepRunTests.knownGrid + "[output]\nplots = [\"heatmap\"]\n"

    /// `run` (with PNG and PDF plots), `run --shard` and `merge`: each output, the partial files,
    /// the checkpoints, the old predictable temporary names and the write probe's planted as links
    /// to a victim or as another user's files; a second run writes the same bytes as the first, as
    /// regular files of the user, and no victim changes.
    func testRunShardsAndMergeReplaceWhatIsPlantedAtTheirNames() throws {
        let intruder = try Intruder()
        let shared = intruder.sharedDirectory("shared")
        let scenario = try SweepRunTests.file(Self.plotted, in: intruder.base)
        var options = SweepRunTests.options(shared, plots: true)
        options.formats = [.png, .pdf]
        let runAll = {
            _ = try SweepRunTests.runSweep(scenario, options: options)
            for i in 1...2 { _ = try SweepRunTests.runSweep(scenario, options: SweepRunTests.options(shared, shard: Shard(index: i, count: 2))) }
        }
        try runAll()
        let first = try Self.outputs(shared)
        XCTAssertEqual(first.keys.sorted(), ["grid-grid.dat", "grid-heatmap.gp", "grid-heatmap.pdf", "grid-heatmap.png", "grid.csv",
                                             "grid.shard-1-of-2.csv", "grid.shard-2-of-2.csv"])
        for format in [FigureFormat.png, .pdf] {
            let image = try XCTUnwrap(first["grid-heatmap.\(format.rawValue)"])
            XCTAssertNil(format.incompleteness(of: Array(image)), "gnuplot's \(format) is complete")
            XCTAssertNotNil(format.incompleteness(of: Array(image.prefix(image.count - 3))), "\(format) cut short")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: shared).filter { !$0.hasPrefix(".") }.sorted()
        for (i, name) in names.enumerated() {
            if i % 2 == 0 { intruder.plantLink(shared + "/" + name) } else { intruder.plantHardLink(shared + "/" + name) }
        }
        let pid = getpid()
        for stem in ["grid", "grid.shard-1-of-2", "grid.shard-2-of-2"] {
            for hidden in [".\(stem).csv.partial", ".\(stem).checkpoint.json", ".\(stem).meta.json.tmp-\(pid)", ".\(stem).csv.merging-\(pid)"] {
                intruder.plantLink(shared + "/" + hidden)
            }
        }
        intruder.plantLink(shared + "/.grid-heatmap.png.tmp-\(pid)")
        intruder.plantLink(shared + "/.cchsim-write-probe-\(pid)")
        try runAll()
        intruder.assertVictimsUnchanged()
        try Self.assertOwnRegularFiles(shared)
        XCTAssertEqual(try Self.outputs(shared), first, "the same bytes as before anything was planted")

        let merged = intruder.sharedDirectory("merged")
        for name in ["grid.csv", "grid.meta.json", ".grid.csv.partial"] { intruder.plantLink(merged + "/" + name) }
        intruder.plantHardLink(merged + "/grid-heatmap.png")
        let shards = (1...2).map { "\(shared)/grid.shard-\($0)-of-2.csv" }
        _ = try ShardMerge(csvPaths: shards, outDirectory: merged, formats: [.png], plots: true).run()
        intruder.assertVictimsUnchanged()
        try Self.assertOwnRegularFiles(merged)
        XCTAssertEqual(try Self.outputs(merged)["grid.csv"], first["grid.csv"])
        XCTAssertEqual(try Self.outputs(merged)["grid-heatmap.png"], first["grid-heatmap.png"])
    }

    /// A lock file, a checkpoint, a shard or its metadata planted as a link or as another user's
    /// file is refused naming the file, and nothing is written or changed.
    func testPlantedLockCheckpointAndShardsAreRefused() throws {
        let intruder = try Intruder()
        let shared = intruder.sharedDirectory("shared")
        let scenario = try SweepRunTests.file(SweepRunTests.knownGrid, in: intruder.base)
        let symbolicLink = "is a symbolic link; cchsim never follows a link in place of a file it wrote"
        let foreign = "belongs to another user (uid \(intruder.uid), you are uid \(geteuid()))"
        func refused(_ options: RunOptions, _ message: String, line: UInt = #line) {
            XCTAssertThrowsError(try SweepRunTests.runSweep(scenario, options: options), line: line) {
                XCTAssert("\($0)".contains(message), "\($0)", line: line)
            }
        }
        let lock = shared + "/.grid.lock"
        intruder.plantLink(lock)
        refused(SweepRunTests.options(shared), "\(lock): \(symbolicLink)")
        unlink(lock)
        try "pid 1 on host elsewhere\n".write(toFile: lock, atomically: false, encoding: .utf8)
        intruder.give(lock)
        refused(SweepRunTests.options(shared), "\(lock): \(foreign)")
        unlink(lock)
        XCTAssertEqual(link(intruder.victim, lock), 0, "a hard link to a file of the user's (where fs.protected_hardlinks is off)")
        refused(SweepRunTests.options(shared), "\(lock): has 2 names (hard links); cchsim writes only into a file it created itself here")
        unlink(lock)
        XCTAssertFalse(FileManager.default.fileExists(atPath: shared + "/grid.csv"), "a refused run writes nothing")

        let checkpoint = shared + "/.grid.checkpoint.json"
        intruder.plantLink(checkpoint)
        refused(SweepRunTests.options(shared, resume: true), "\(checkpoint): \(symbolicLink)")
        unlink(checkpoint)
        try "{}".write(toFile: checkpoint, atomically: false, encoding: .utf8)
        intruder.give(checkpoint)
        refused(SweepRunTests.options(shared, resume: true), "\(checkpoint): \(foreign)")
        unlink(checkpoint)
        intruder.assertVictimsUnchanged()

        var shards: [String] = []
        for i in 1...2 {
            shards.append(try SweepRunTests.runSweep(scenario, options: SweepRunTests.options(shared, shard: Shard(index: i, count: 2))).csvPath)
        }
        let out = intruder.sharedDirectory("merged")
        func mergeRefused(_ message: String, line: UInt = #line) {
            XCTAssertThrowsError(try ShardMerge(csvPaths: shards, outDirectory: out, plots: false).run(), line: line) {
                XCTAssert("\($0)".contains(message), "\($0)", line: line)
            }
            XCTAssertEqual(try? FileManager.default.contentsOfDirectory(atPath: out), [], "nothing written", line: line)
        }
        let copy = intruder.base + "/shard-copy.csv", metaCopy = intruder.base + "/meta-copy.json"
        let meta = ShardMerge.metadataPath(ofCSV: shards[0])
        try FileManager.default.copyItem(atPath: shards[0], toPath: copy)
        try FileManager.default.copyItem(atPath: meta, toPath: metaCopy)
        unlink(shards[0])
        XCTAssertEqual(symlink(copy, shards[0]), 0)
        mergeRefused("\(shards[0]): \(symbolicLink)")
        unlink(shards[0])
        try FileManager.default.copyItem(atPath: copy, toPath: shards[0])
        intruder.give(shards[0])
        mergeRefused("\(shards[0]): \(foreign)")
        XCTAssertEqual(chown(shards[0], 0, 0), 0)
        unlink(meta)
        XCTAssertEqual(symlink(metaCopy, meta), 0)
        mergeRefused("its metadata \(meta) cannot be read: \(symbolicLink)")
    }

    /// `teachers` with its plots: its CSV, metadata, figure data, scripts and PNGs planted as links
    /// or another user's files are replaced by regular files of the user with the same bytes.
    func testTeachersReplacesWhatIsPlantedAtItsNames() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed") }
        let intruder = try Intruder()
        let files = try TestFiles()
        let planted = try PlantedViews(model: .correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.6), rows: 200, seed: 4)
        let path = try planted.writeDataScenario(in: files, components: 2, settings: """
            [teacher]
            n = 50
            [student]
            n = 30
            lambda = 0.5
            [experiment]
            splits = 2
            [estimation]
            replicates = 0
            """)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try DataScenario(file: path, text: text)
        let shared = intruder.sharedDirectory("teachers")
        _ = try TeacherSelectionRun.run(scenario, text: text, out: shared, threads: 1, plots: true)
        let first = try Self.outputs(shared)
        XCTAssert(first.keys.contains("planted.csv") && first.keys.contains { $0.hasSuffix(".png") }, "\(first.keys.sorted())")
        for (i, name) in try FileManager.default.contentsOfDirectory(atPath: shared).sorted().enumerated() {
            if i % 2 == 0 { intruder.plantLink(shared + "/" + name) } else { intruder.plantHardLink(shared + "/" + name) }
        }
        _ = try TeacherSelectionRun.run(scenario, text: text, out: shared, threads: 1, plots: true)
        intruder.assertVictimsUnchanged()
        try Self.assertOwnRegularFiles(shared)
        XCTAssertEqual(try Self.outputs(shared), first)
    }

    /// `figures`: a second run into a directory where every output of the first was replaced by a
    /// planted link or another user's file writes the same bytes as regular files of the user.
    func testFiguresReplacesWhatIsPlantedAtItsNames() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed") }
        let intruder = try Intruder()
        let scenarios = intruder.base + "/scenarios", shared = intruder.sharedDirectory("figures")
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        _ = try SweepRunTests.file(Self.plotted, in: scenarios)
        let figures = { try CCHSimExecutable.run(["figures", "--scenarios", scenarios, "--out", shared, "--threads", "1"]) }
        var r = try figures()
        XCTAssertEqual(r.status, 0, r.err)
        let first = try Self.outputs(shared)
        XCTAssertEqual(first.keys.sorted(), ["grid-grid.dat", "grid-heatmap.gp", "grid-heatmap.png", "grid.csv"])
        for (i, name) in try FileManager.default.contentsOfDirectory(atPath: shared).sorted().enumerated() {
            if i % 2 == 0 { intruder.plantLink(shared + "/" + name) } else { intruder.plantHardLink(shared + "/" + name) }
        }
        r = try figures()
        XCTAssertEqual(r.status, 0, r.err)
        intruder.assertVictimsUnchanged()
        try Self.assertOwnRegularFiles(shared)
        XCTAssertEqual(try Self.outputs(shared), first)
    }

    /// `fit --out` naming a planted link writes a regular file there; the write probe of an output
    /// directory leaves nothing behind and follows no planted name.
    func testFitOutputAndTheWriteProbeFollowNoLink() throws {
        let intruder = try Intruder()
        let shared = intruder.sharedDirectory("fit")
        let files = try TestFiles()
        let planted = try PlantedViews(model: .correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.6), rows: 200, seed: 4)
        let path = try planted.writeDataScenario(in: files, settings: "[teacher]\nn = 50\n[student]\nn = 30\nlambda = 0.5\n")
        intruder.plantLink(shared + "/fit.toml")
        let run = try CCHSimProcess.run(["fit", path, "--teacher", "t", "--student", "s", "--out", shared + "/fit.toml"])
        XCTAssertEqual(run.ending, .exit(0), run.err)
        intruder.assertVictimsUnchanged()
        try Self.assertOwnRegularFiles(shared)
        XCTAssert(try String(contentsOfFile: shared + "/fit.toml", encoding: .utf8).contains("[model]"))

        let probe = intruder.sharedDirectory("probe")
        intruder.plantLink(probe + "/.cchsim-write-probe-\(getpid())")
        _ = try OutputDirectory(probe)
        intruder.assertVictimsUnchanged()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: probe), [".cchsim-write-probe-\(getpid())"], "the probe is removed")
    }
}

/// Issue 22 item 4: an `--out` that is a symbolic link to nothing is named as such (it is not
/// "already exists"), also when it is a part of the path.
final class DanglingOutputTests: XCTestCase {
    func testADanglingLinkAsTheOutputDirectoryIsNamed() throws {
        let dir = try TestDirectory.make().path
        XCTAssertEqual(symlink(dir + "/missing", dir + "/out"), 0)
        let message = "\(dir)/out: is a symbolic link to '\(dir)/missing', which does not exist (create that directory, or give another --out)"
        for out in [dir + "/out", dir + "/out/sub"] {
            XCTAssertThrowsError(try OutputDirectory(out)) { XCTAssertEqual("\($0)", message) }
        }
        let r = try CCHSimExecutable.run(["run", try SweepRunTests.file(SweepRunTests.knownGrid, in: dir), "--out", dir + "/out"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "Error: \(message)\n")
    }
}

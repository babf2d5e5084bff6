import CCHTestSupport
import CCHScenario
import CrossModalKD
@testable import SweepEngine
import Foundation
import XCTest

/// `cchsim teachers` on long runs and messy data (issues 16, 20 and 22): the output lock, SIGKILL
/// at seeded moments resumed to the same files byte for byte, SIGTERM's exit 130 and the
/// clean-up of stale temporaries, meta.json removed first and written last, tied and too-small
/// data that make one estimator unavailable without aborting, `[estimation] estimators`, the
/// summary's content-sized table, and the protocol text from the settings the fits use.
final class TeachersRunTests: XCTestCase {
    private var files: TestFiles!

    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    private let planted = PlantedViews(model: try! .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.5), rows: 240, seed: 21)

    /// A class-label data scenario named `kd` on the planted data (seed `seed`).
    private func scenario(_ file: String = "kd", seed: Int = 3, replicates: Int = 8, splits: Int = 6, extra: String = "") throws -> String {
        let path = try planted.writeDataScenario(in: files, name: "kd", components: 1, classes: planted.signClasses.map { $0 == 1 ? "pos" : "neg" },
                                                 settings: "[teacher]\nn = 60\n[student]\nn = 40\n[experiment]\nsplits = \(splits)\n[estimation]\nreplicates = \(replicates)\n\(extra)")
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "seed = 3", with: "seed = \(seed)")
        return try files.write("\(file).toml", text)
    }

    /// The visible files of `dir`; meta.json without the fields that measure the process
    /// (seconds, threads), not the result.
    static func snapshot(_ dir: String) throws -> [String: Data] {
        var files = try RunSafetyTests.files(dir)
        if let meta = files["kd.meta.json"], var object = JSONFile.object(meta) {
            for key in ["seconds", "seconds_loading", "seconds_information", "seconds_experiment", "threads"] { object[key] = nil }
            files["kd.meta.json"] = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        return files
    }

    /// Ten SIGKILLs at seeded moments of a run with plots, into a directory holding the complete
    /// outputs of an earlier run of the same name (another seed): after each kill a meta.json is
    /// present only beside the complete earlier set or the complete new one (meta.json goes first
    /// and comes last); each killed run resumed with --resume gives the files of an uninterrupted
    /// run byte for byte, and leaves no checkpoint, lock or temporary.
    func testKilledAtAnyMomentResumesToTheSameFiles() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed: the kill test needs the plots") }
        let path = try scenario()
        let old = try scenario("old", seed: 4)
        let base = files.directory.path
        let started = Date()
        let reference = try CCHSimExecutable.run(["teachers", path, "--out", base + "/reference", "--threads", "2"])
        let runTime = Date().timeIntervalSince(started)
        XCTAssertEqual(reference.status, 0, reference.err)
        let expected = try Self.snapshot(base + "/reference")
        XCTAssertEqual(expected.keys.sorted(), ["kd-gain-matrix.dat", "kd-gain-matrix.gp", "kd-gain-matrix.png", "kd-gap-vs-gain.dat",
                                                "kd-gap-vs-gain.gp", "kd-gap-vs-gain.png", "kd-theory-vs-measured.dat",
                                                "kd-theory-vs-measured.gp", "kd-theory-vs-measured.png", "kd.csv", "kd.meta.json"])
        let earlier = try CCHSimExecutable.run(["teachers", old, "--out", base + "/old", "--threads", "2"])
        XCTAssertEqual(earlier.status, 0, earlier.err)
        let oldSet = try Self.snapshot(base + "/old")
        XCTAssertNotEqual(oldSet["kd.csv"], expected["kd.csv"])

        var random = SplitMix(seed: 16)
        var states: [String: Int] = [:]
        for kill in 0..<10 {
            let dir = base + "/kill-\(kill)"
            try FileManager.default.copyItem(atPath: base + "/old", toPath: dir)
            let delay = runTime * Double(random.next() % 1000) / 1000
            let process = try RunSafetyTests.start(["teachers", path, "--out", dir, "--threads", "2"])
            usleep(UInt32(delay * 1e6))
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Self.snapshot(dir)
            let state = after["kd.meta.json"] == nil ? "no meta.json" : after == oldSet ? "earlier set" : after == expected ? "finished" : "mixed"
            states[state, default: 0] += 1
            XCTAssertNotEqual(state, "mixed", "kill \(kill) after \(delay) s: a meta.json beside files of another run")
            let resumed = try CCHSimExecutable.run(["teachers", path, "--out", dir, "--threads", "1", "--resume"])
            XCTAssertEqual(resumed.status, 0, "kill \(kill) after \(delay) s: \(resumed.err)")
            XCTAssertEqual(try Self.snapshot(dir), expected, "kill \(kill) after \(delay) s")
            // (A gnuplot the killed process started may finish after the resumed run's clean-up.)
            let hidden = try FileManager.default.contentsOfDirectory(atPath: dir)
                .filter { $0.hasPrefix(".") && !$0.hasSuffix(".tmp-\(process.processIdentifier)") }
            XCTAssertEqual(hidden, [], "kill \(kill): no checkpoint, lock or temporary is left")
        }
        print("teachers kill test: run time \(String(format: "%.2f", runTime)) s; states after the kills: \(states.sorted { $0.key < $1.key })")
        XCTAssertGreaterThan(states["earlier set", default: 0] + states["no meta.json", default: 0], 0)
    }

    /// SIGTERM part way: exit 130 with the message naming --resume; a stale temporary of the
    /// name (of a dead process) is removed by the next run, which resumes to the reference files.
    func testSIGTERMExits130AndTheNextRunCleansUpAndResumes() throws {
        let path = try scenario(replicates: 30, splits: 10)
        let base = files.directory.path
        let reference = try CCHSimExecutable.run(["teachers", path, "--out", base + "/reference", "--no-plots"])
        XCTAssertEqual(reference.status, 0, reference.err)
        let dir = base + "/out"
        let errURL = files.directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = try CCHSimExecutable.url
        process.arguments = ["teachers", path, "--out", dir, "--no-plots", "--threads", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        // Wait for the first journaled item, then stop it.
        let checkpoint = dir + "/.kd.teachers-checkpoint"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? String(contentsOfFile: checkpoint, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 2 { usleep(1000) }
        Foundation.kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        let err = try String(contentsOf: errURL, encoding: .utf8)
        XCTAssert(err.contains("interrupted in the") && err.contains("Run the same command with --resume to continue"), err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/kd.meta.json"))

        // A temporary of a dead process (a pid no process has) and one of another name.
        var dead: Int32 = 4_000_000
        while Foundation.kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let stale = dir + "/.kd-gain-matrix.png.tmp-\(dead)", other = dir + "/.other.csv.tmp-\(dead)"
        for file in [stale, other] { _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8)) }
        let resumed = try CCHSimExecutable.run(["teachers", path, "--out", dir, "--no-plots", "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssert(resumed.err.contains("Resuming kd: "), resumed.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale), "its own stale temporary is removed")
        XCTAssert(FileManager.default.fileExists(atPath: other), "another name's is left alone")
        try FileManager.default.removeItem(atPath: other)
        XCTAssertEqual(try Self.snapshot(dir), try Self.snapshot(base + "/reference"))
    }

    /// A second run on the same name while the first holds it (stopped by SIGSTOP so the overlap is
    /// certain) is refused naming the holder; the first then finishes.
    func testASecondRunOnTheSameNameIsRefused() throws {
        let path = try scenario(replicates: 20)
        let out = files.directory.path + "/out"
        let first = try RunSafetyTests.startHoldingTheLock(["teachers", path, "--out", out, "--no-plots", "--threads", "1"], lock: out + "/.kd.lock")
        kill(first.processIdentifier, SIGSTOP)
        let refused = try CCHSimExecutable.run(["teachers", path, "--out", out, "--no-plots"])
        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        XCTAssertEqual(refused.status, 1)
        XCTAssert(refused.err.contains("the outputs of kd are being written by another cchsim process (pid \(first.processIdentifier) on host"), refused.err)
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssert(FileManager.default.fileExists(atPath: out + "/kd.meta.json"))
    }

    /// Data that do not load (a view's cell that is not a number) fail before anything is written:
    /// a missing --out is not created, an existing one is left empty (no lock, no checkpoint), as
    /// a sweep whose scenario does not decode.
    func testDataThatDoNotLoadLeaveNoOutputBehind() throws {
        let path = try scenario()
        let view = try String(contentsOfFile: files.directory.path + "/s.csv", encoding: .utf8).components(separatedBy: "\n")
        var fields = view[5].components(separatedBy: ",")
        fields[0] = "n/a?"
        _ = try files.write("s.csv", (view[..<5] + [fields.joined(separator: ",")] + view[6...]).joined(separator: "\n"))
        let missing = files.directory.path + "/new/out"
        let failed = try CCHSimExecutable.run(["teachers", path, "--out", missing])
        XCTAssertEqual(failed.status, 1)
        XCTAssert(failed.err.contains("s.csv"), failed.err)
        XCTAssert(failed.err.contains("line 6"), failed.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: files.directory.path + "/new"), "--out is not created")
        let existing = files.directory.path + "/out"
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: true)
        XCTAssertEqual(try CCHSimExecutable.run(["teachers", path, "--out", existing, "--no-plots"]).status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: existing), [])
    }

    /// A checkpoint of another scenario text, or with an edited line, is refused by --resume.
    func testACheckpointOfAnotherRunOrEditedIsRefused() throws {
        let path = try scenario(replicates: 4, splits: 3)
        let dir = files.directory.path + "/out"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let checkpoint = dir + "/.kd.teachers-checkpoint"
        try "cchsim-teachers-checkpoint 0123\n".write(toFile: checkpoint, atomically: true, encoding: .utf8)
        let other = try CCHSimExecutable.run(["teachers", path, "--out", dir, "--no-plots", "--resume"])
        XCTAssertEqual(other.status, 1)
        XCTAssert(other.err.contains("cannot resume: \(checkpoint) was written for another scenario text, other data or another cchsim version"), other.err)

        // A real journal with one flipped digit in its second line.
        let process = try RunSafetyTests.start(["teachers", path, "--out", dir, "--no-plots", "--threads", "1"])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? String(contentsOfFile: checkpoint, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 4 { usleep(500) }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var lines = try String(contentsOfFile: checkpoint, encoding: .utf8).components(separatedBy: "\n")
        XCTAssertGreaterThan(lines.count, 3)
        var fields = lines[1].components(separatedBy: " ")
        fields[3] = String(fields[3].dropLast()) + (fields[3].hasSuffix("0") ? "1" : "0")
        lines[1] = fields.joined(separator: " ")
        try lines.joined(separator: "\n").write(toFile: checkpoint, atomically: true, encoding: .utf8)
        let edited = try CCHSimExecutable.run(["teachers", path, "--out", dir, "--no-plots", "--resume"])
        XCTAssertEqual(edited.status, 1)
        XCTAssert(edited.err.contains("cannot resume: \(checkpoint) is damaged at line 2"), edited.err)
        // Without --resume the run starts afresh.
        XCTAssertEqual(try CCHSimExecutable.run(["teachers", path, "--out", dir, "--no-plots"]).status, 0)
    }

    /// Every kind of checkpoint line reads back exactly what was recorded (bit patterns, reasons
    /// with spaces and non-ASCII text), and an unfinished last line is dropped.
    func testEveryCheckpointLineReadsBackExactly() throws {
        let path = files.directory.path + "/.x.teachers-checkpoint"
        let counts: [TeacherCheckpoint.Phase: Int] = [.information: 3, .teachers: 2, .students: 2, .learnerTeachers: 2, .learnerStudents: 2, .theory: 2]
        let written = try TeacherCheckpoint(path: path, fingerprint: "f", resume: false, counts: counts)
        let score = ClassifierScore(accuracy: 0.1 + 0.2, crossEntropy: -.ulpOfOne)
        let split = DistillationExperiment.PairSplit(teacher: 1, without: score, with: ClassifierScore(accuracy: .nan, crossEntropy: 7),
                                                     tuned: score, chosenLambda: 0.25)
        let prediction = TheoryOnData.Prediction(pair: ViewPair(teacher: 1, student: 0),
                                                 riskNoKD: MonteCarloEstimate(mean: 1 / 3, standardDeviation: 0, standardError: 0),
                                                 gain: MonteCarloEstimate(mean: -2e-300, standardDeviation: 1, standardError: 0.01), regime: .monteCarlo)
        written.record(0, .value(.pi))
        written.record(2, .unavailable(reason: "a reason with spaces: µ ≤ 3"))
        written.record(.teachers, 1, score)
        written.record(.learnerStudents, 0, [split, split])
        written.record(0, .success(prediction))
        written.record(1, .failure(TheoryUnavailable("singular")))
        try written.check()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("T 0 3ff".utf8))  // a line a kill cut short
        try handle.close()
        let read = try TeacherCheckpoint(path: path, fingerprint: "f", resume: true, counts: counts)
        XCTAssertEqual(read.resumedItems, 6)
        XCTAssertEqual(read.information, [0: .value(.pi), 2: .unavailable(reason: "a reason with spaces: µ ≤ 3")])
        XCTAssertEqual(read.teachers[.teachers], [1: score])
        XCTAssertEqual(read.teachers[.learnerTeachers], nil)
        let splits = try XCTUnwrap(read.students[.learnerStudents]?[0])
        XCTAssertEqual(splits.count, 2)
        XCTAssert(splits[0].with.accuracy.isNaN && splits[0].with.crossEntropy == 7 && splits[0].tuned == score && splits[0].chosenLambda == 0.25)
        let theory = try XCTUnwrap(try read.theory[0]?.get())
        XCTAssertEqual(theory.pair, prediction.pair)
        XCTAssertEqual(theory.riskNoKD, prediction.riskNoKD)
        XCTAssertEqual(theory.gain, prediction.gain)
        XCTAssertEqual(theory.regime, .monteCarlo)
        guard case .failure(let reason)? = read.theory[1] else { return XCTFail("the theory's reason") }
        XCTAssertEqual(reason.description, "singular")
        XCTAssertFalse(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("3ff"), "the unfinished line is cut off")
        XCTAssertThrowsError(try TeacherCheckpoint(path: path, fingerprint: "f", resume: true, counts: [.information: 1])) { error in
            XCTAssert("\(error)".contains("is damaged at line 3"), "\(error)")  // item 2 is beyond a phase of 1 item
        }
        read.remove()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    /// Tied data: a Likert view (values 0...3, each (value, class) repeated dozens of times) gets the
    /// noise for KSG's I(S;Y), named in meta.json with its size; a class of 3 rows (too few for KSG
    /// with k = 3) makes KSG's I(S;Y), so its gap, unavailable for every pair, in the CSV, the
    /// summary and meta.json, while KSG's I(T;S), the Gaussian gaps and the measured KD are computed.
    func testTiedAndSmallClassDataNeverAbortTheRun() throws {
        let stream = RandomStream(seed: 6)
        var a = "a1,a2\n", b = "likert\n", y = "y\n"
        for i in 0..<150 {
            let c = i < 3 ? 2 : i % 2
            a += "\(Double(c) + stream.gaussian()),\(stream.gaussian())\n"
            b += "\(min(3, c * 2 + stream.index(below: 2)))\n"
            y += ["no", "yes", "rare"][c] + "\n"
        }
        _ = try files.write("a.csv", a)
        _ = try files.write("b.csv", b)
        _ = try files.write("y.csv", y)
        let path = try files.write("tied.toml", """
            name = "tied"
            seed = 2
            \(DataScenarioText.data(label: "y.csv", column: "y", views: [("a", "a.csv"), ("b", "b.csv")], components: 2))
            [teacher]
            n = 40
            [student]
            n = 40
            [experiment]
            splits = 3
            [estimation]
            replicates = 0
            estimators = ["ksg", "gaussian"]
            """)
        let out = files.directory.path + "/out"
        let run = try CCHSimExecutable.run(["teachers", path, "--out", out, "--no-plots"])
        XCTAssertEqual(run.status, 0, run.err)
        for (teacher, student) in [("a", "b"), ("b", "a")] {
            XCTAssert(run.out.contains("ksg unavailable for \(teacher) -> \(student): I(\(student);Y) by ksg: the KSG for a discrete label (k = 3) in the class "), run.out)
        }
        XCTAssert(run.out.contains("estimator needs at least 4 rows, got 3"), run.out)
        let csv = try CSVFile(file: "tied.csv", text: try String(contentsOfFile: out + "/tied.csv", encoding: .utf8))
        XCTAssertEqual(Array(csv.header.filter { $0.hasPrefix("gap_") && !$0.hasSuffix("_low") && !$0.hasSuffix("_high") }), ["gap_ksg", "gap_gaussian"])
        func column(_ key: String) throws -> Int { try XCTUnwrap(csv.header.firstIndex(of: key), key) }
        for r in 0..<csv.rowCount {
            let student = csv.field(row: r, column: try column("student"))
            XCTAssert(csv.field(row: r, column: try column("unavailable_ksg")).hasPrefix("unavailable: I(\(student);Y) by ksg: "), "row \(r)")
            XCTAssertEqual(csv.field(row: r, column: try column("unavailable_gaussian")), "")
            XCTAssertEqual(csv.field(row: r, column: try column("gap_ksg")), "nan", "row \(r)")
            XCTAssertEqual(csv.field(row: r, column: try column("mi_sy_ksg")), "nan", "row \(r)")
            for key in ["mi_ts_ksg", "gap_gaussian", "kd_gain", "tuned_gain"] {
                XCTAssert(Double(csv.field(row: r, column: try column(key)))?.isFinite == true, "\(key) of row \(r)")
            }
        }
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: out + "/tied.meta.json"))))
        let noise = try XCTUnwrap(meta["nearest_neighbour_noise"] as? [String: Any])
        XCTAssertEqual(noise["scale"] as? Double, 1e-10)
        XCTAssertEqual(noise["quantities"] as? [String], ["I(b;Y) by ksg"])
        let missing = try XCTUnwrap(meta["unavailable_estimates"] as? [[String: Any]])
        XCTAssertEqual(missing.map { "\($0["estimator"] ?? "") \($0["teacher"] ?? "") -> \($0["student"] ?? "")" }, ["ksg a -> b", "ksg b -> a"])
    }

    /// `[estimation] estimators`: unknown names and misuse are errors listing the valid names.
    func testTheEstimatorsKeyIsDecodedOnceWithItsErrors() throws {
        func error(_ value: String, classes: Bool = true) throws -> String {
            let path = try planted.writeDataScenario(in: files, name: "kd", classes: classes ? planted.signClasses.map(String.init) : nil,
                                                     settings: "[estimation]\nestimators = \(value)")
            do { _ = try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8)); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(try error("[\"ksg\", \"mine\"]"), "\(files.directory.path)/kd.toml: estimation.estimators: unknown estimator \"mine\"; expected some of \"gaussian\", \"ksg\", \"probe\"")
        XCTAssertEqual(try error("[\"ksg\", \"ksg\"]"), "\(files.directory.path)/kd.toml: estimation.estimators: the estimator \"ksg\" is listed twice")
        XCTAssert(try error("[]").hasSuffix("estimation.estimators: expected a non-empty list of estimators (\"gaussian\", \"ksg\", \"probe\"), got []"))
        XCTAssertEqual(try error("[\"probe\"]", classes: false),
                       "\(files.directory.path)/kd.toml: estimation.estimators: \"probe\" needs a class label (kind = \"class\"); a continuous label takes \"gaussian\", \"ksg\"")
        let path = try planted.writeDataScenario(in: files, name: "kd", classes: planted.signClasses.map(String.init), settings: "[estimation]\nestimators = [\"probe\", \"gaussian\"]")
        XCTAssertEqual(try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8)).information.estimators, [.probe, .gaussian])
    }

    /// A long view name: every cell of the summary's tables ends at least two spaces before the
    /// next column, which starts where the header's does.
    /// Gains that are all exactly 0 (KD changed no prediction, as on fig12's mice) get an axis of
    /// one unit either side, not of 1e-9; a real spread keeps its own width.
    func testAnAllZeroGainAxisSpansOneUnit() {
        XCTAssertEqual(TeacherSelectionPlots.extent(0), 1)
        XCTAssertEqual(TeacherSelectionPlots.extent(2.5e-3), 2.5e-3)
    }

    func testTheSummaryTableFitsLongViewNames() throws {
        let path = try scenario(replicates: 0, splits: 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "name = \"t\"", with: "name = \"bottom_left_quadrant_pixels\"")
            .replacingOccurrences(of: "name = \"s\"", with: "name = \"bottom_right_quadrant_pixels\"")
        let scenario = try DataScenario(file: path, text: text)
        let report = try TeacherSelectionRun.run(scenario, text: text, out: files.directory.path + "/out", threads: 1, plots: false).report.text
        let lines = report.components(separatedBy: "\n")
        var checked = 0
        for header in lines.indices where lines[header].hasPrefix("teacher -> student") {
            let columns = Self.columnStarts(lines[header])
            for line in lines[(header + 1)...].prefix(while: { $0.contains(" -> ") && !$0.hasPrefix(" ") }) {
                XCTAssert(line.hasPrefix("bottom_left_quadrant_pixels -> bottom_right_quadrant_pixels  ")
                          || line.hasPrefix("bottom_right_quadrant_pixels -> bottom_left_quadrant_pixels  "), line)
                let chars = Array(line)
                for c in columns.dropFirst() {
                    XCTAssert(c < chars.count && chars[c] != " " && chars[c - 1] == " " && chars[c - 2] == " ", "column at \(c) of \(line)")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 4, report)
    }

    /// Where the header's columns start (a cell after two or more spaces).
    static func columnStarts(_ header: String) -> [Int] {
        let chars = Array(header)
        return [0] + chars.indices.dropFirst(2).filter { chars[$0] != " " && chars[$0 - 1] == " " && chars[$0 - 2] == " " }
    }

    /// Issue 20, item 1: the protocol names the ridge the fits use: the softmax fits' [student]
    /// ridge for a class label; 0 (OLS) for a continuous label, whatever [student] ridge says,
    /// and the continuous-label numbers do not change with it (the linear fits do not read it).
    func testTheProtocolTextComesFromTheSettingsUsed() throws {
        func run(classes: Bool, ridge: Double, name: String) throws -> (protocolText: String, csv: String) {
            let path = try planted.writeDataScenario(in: files, name: name, components: 1, classes: classes ? planted.signClasses.map(String.init) : nil,
                                                     settings: "[teacher]\nn = 60\n[student]\nn = 40\nridge = \(ridge)\n[experiment]\nsplits = 3\n[estimation]\nreplicates = 0\nestimators = [\"gaussian\"]")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let report = try TeacherSelectionRun.run(try DataScenario(file: path, text: text), text: text, out: files.directory.path + "/out-\(name)",
                                                     threads: 1, plots: false).report
            return (report.protocolText, try String(contentsOfFile: files.directory.path + "/out-\(name)/\(name).csv", encoding: .utf8))
        }
        let softmax = try run(classes: true, ridge: 0.02, name: "c")
        XCTAssert(softmax.protocolText.hasSuffix("; ridge 0.02"), softmax.protocolText)
        XCTAssert(softmax.protocolText.contains("softmax teacher and students"), softmax.protocolText)
        let linear = try run(classes: false, ridge: 0.02, name: "l")
        XCTAssert(linear.protocolText.hasSuffix("; ridge 0 (OLS)"), linear.protocolText)
        XCTAssert(linear.protocolText.contains("linear teacher and students (least squares)"), linear.protocolText)
        XCTAssertFalse(linear.protocolText.contains("0.02"), linear.protocolText)
        XCTAssertEqual(try run(classes: false, ridge: 0.5, name: "l").csv, linear.csv, "the linear fits do not use [student] ridge")
    }
}

import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest
@testable import SweepEngine

/// `cchsim teachers` with `[experiment] teacher_sets` (docs/real-data.md, "Teacher sets"), through
/// the built executable on three small synthetic views: "single" writes exactly the files of a
/// scenario without the key, "pairs" adds the sets' rows (and `teacher_kind`) while the single
/// views' rows stay byte for byte those of the single run, the same for 1 and 2 threads, and a
/// run killed part way resumes to the uninterrupted files; a view's own `components` is used.
final class TeacherSetsRunTests: XCTestCase {
    private var files: TestFiles!

    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    /// Views a, b, c (two columns each, noisy functions of three classes) over 120 rows, and a
    /// scenario `FILE.toml` named `kd` with `experiment` lines added to its [experiment] table.
    private func scenario(_ file: String, experiment: String = "") throws -> String {
        let stream = RandomStream(seed: 41)
        var views = ["a": "a1,a2\n", "b": "b1,b2\n", "c": "c1,c2\n"], label = "y\n"
        for i in 0..<120 {
            let c = Double(i % 3)
            for (name, strength) in [("a", 1.0), ("b", 0.5), ("c", 0.8)] {
                views[name, default: ""] += "\(strength * c + stream.gaussian()),\(strength * (c == 1 ? 1 : 0) + stream.gaussian())\n"
            }
            label += ["red", "green", "blue"][i % 3] + "\n"
        }
        for (name, text) in views { _ = try files.write("\(name).csv", text) }
        _ = try files.write("y.csv", label)
        let data = DataScenarioText.data(label: "y.csv", column: "y", views: [("a", "a.csv"), ("b", "b.csv"), ("c", "c.csv")], components: 2)
        return try files.write("\(file).toml", "name = \"kd\"\nseed = 6\n\(data)\n[teacher]\nn = 40\n[student]\nn = 30\n"
                                + "[experiment]\nsplits = 3\n\(experiment)\n[estimation]\nreplicates = 4\n")
    }

    private func run(_ path: String, _ out: String, threads: Int = 2, plots: Bool = true) throws -> String {
        let result = try CCHSimExecutable.run(["teachers", path, "--out", out, "--threads", "\(threads)"] + (plots ? [] : ["--no-plots"]))
        XCTAssertEqual(result.status, 0, result.err)
        return result.out
    }

    func testSingleWritesTheFilesOfAScenarioWithoutTheKey() throws {
        let base = files.directory.path
        // One scenario file (its path is in the figures' scripts), without the key, then with it.
        _ = try run(try scenario("kd"), base + "/plain")
        _ = try run(try scenario("kd", experiment: "teacher_sets = \"single\""), base + "/single")
        let plain = try TeachersRunTests.snapshot(base + "/plain"), single = try TeachersRunTests.snapshot(base + "/single")
        XCTAssertEqual(plain.keys.sorted(), ["kd-gain-matrix.dat", "kd-gain-matrix.gp", "kd-gain-matrix.png", "kd-gap-vs-gain.dat",
                                             "kd-gap-vs-gain.gp", "kd-gap-vs-gain.png", "kd.csv", "kd.meta.json"])
        for name in plain.keys where !name.hasSuffix(".json") { XCTAssertEqual(plain[name], single[name], name) }
        let header = String(decoding: try XCTUnwrap(plain["kd.csv"]), as: UTF8.self).prefix { $0 != "\n" }
        XCTAssertTrue(header.hasPrefix("teacher,student,score_no_kd,"), "no teacher_kind without sets: \(header)")
    }

    func testPairsAddTheSetsRowsAndLeaveTheSingleViewRowsAlone() throws {
        let base = files.directory.path
        _ = try run(try scenario("plain"), base + "/plain", plots: false)
        let summary = try run(try scenario("pairs", experiment: "teacher_sets = \"pairs\""), base + "/pairs", threads: 1, plots: false)
        _ = try run(try scenario("pairs", experiment: "teacher_sets = \"pairs\""), base + "/pairs2", threads: 2, plots: false)
        let plainCSV = try String(contentsOfFile: base + "/plain/kd.csv", encoding: .utf8)
        let pairsCSV = try String(contentsOfFile: base + "/pairs/kd.csv", encoding: .utf8)
        XCTAssertEqual(try String(contentsOfFile: base + "/pairs2/kd.csv", encoding: .utf8), pairsCSV, "1 and 2 threads")
        let lines = pairsCSV.split(separator: "\n").map(csvFields)
        XCTAssertEqual(Array(lines[0].prefix(3)), ["teacher", "student", "teacher_kind"])
        // 6 ordered pairs of views, then each pair of views teaching the third, concatenated and as an ensemble.
        XCTAssertEqual(lines.dropFirst().map { "\($0[0])>\($0[1]):\($0[2])" }.suffix(6),
                       ["a+b>c:concatenated", "avg(a,b)>c:ensemble", "a+c>b:concatenated", "avg(a,c)>b:ensemble", "b+c>a:concatenated", "avg(b,c)>a:ensemble"])
        let singles = lines.dropFirst().filter { $0[2] == "view" }.map { Array($0.prefix(2) + $0.dropFirst(3)) }
        XCTAssertEqual(singles, plainCSV.split(separator: "\n").dropFirst().map(csvFields), "the single views' rows unchanged")
        let gap = try XCTUnwrap(lines[0].firstIndex(of: "gap_gaussian"))
        XCTAssertEqual(lines[7][gap], lines[8][gap], "an ensemble is judged by its set's gap")
        XCTAssertNotEqual(lines[7][gap], "nan")
        let meta = try String(contentsOfFile: base + "/pairs/kd.meta.json", encoding: .utf8)
        XCTAssertTrue(meta.contains("\"kind\": \"ensemble\""), meta)
        XCTAssertTrue(summary.contains("by teacher: view "), summary)
        XCTAssertTrue(summary.contains("by measured gain: ") && summary.contains("avg(a,b)"), summary)
    }

    /// SIGKILLs at three seeded moments of a pairs run sweeping two student ridges (two
    /// experiments journalled in one phase); each resumed with --resume gives the files of an
    /// uninterrupted run (meta.json's timings aside).
    func testAKilledPairsRunResumesToTheSameFiles() throws {
        let path = try scenario("pairs", experiment: "teacher_sets = \"pairs\"\nstudent_ridge = [0.001, 1]")
        let base = files.directory.path
        let started = Date()
        _ = try run(path, base + "/reference", plots: false)
        let runTime = Date().timeIntervalSince(started)
        let expected = try TeachersRunTests.snapshot(base + "/reference")
        var random = SplitMix(seed: 23)
        for kill in 0..<3 {
            let dir = base + "/kill-\(kill)"
            let delay = runTime * Double(random.next() % 1000) / 1000
            let process = try RunSafetyTests.start(["teachers", path, "--out", dir, "--threads", "2", "--no-plots"])
            usleep(UInt32(delay * 1e6))
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let resumed = try CCHSimExecutable.run(["teachers", path, "--out", dir, "--threads", "1", "--no-plots", "--resume"])
            XCTAssertEqual(resumed.status, 0, resumed.err)
            XCTAssertEqual(try TeachersRunTests.snapshot(dir), expected, "kill \(kill) after \(delay) s")
        }
    }

    /// `student_ridge = [0.001, 1]`: every pair once per value, `student_ridge` after `student`;
    /// the 0.001 rows (the default `[student] ridge`) are those of a run without the sweep, and
    /// the ridge 1 rows have the same teachers (teacher_score) and other students.
    func testTheStudentRidgeSweepAddsOneSetOfRowsPerValue() throws {
        let base = files.directory.path
        _ = try run(try scenario("plain"), base + "/plain", plots: false)
        let summary = try run(try scenario("ridge", experiment: "student_ridge = [0.001, 1]"), base + "/ridge")
        let plain = try String(contentsOfFile: base + "/plain/kd.csv", encoding: .utf8).split(separator: "\n").map(csvFields)
        let swept = try String(contentsOfFile: base + "/ridge/kd.csv", encoding: .utf8).split(separator: "\n").map(csvFields)
        XCTAssertEqual(Array(swept[0].prefix(3)), ["teacher", "student", "student_ridge"])
        XCTAssertEqual(swept.count, 1 + 2 * 6)
        XCTAssertEqual(swept.dropFirst().map { $0[2] }, Array(repeating: "0.001", count: 6) + Array(repeating: "1.0", count: 6))
        let withoutColumn = swept.map { Array($0.prefix(2) + $0.dropFirst(3)) }
        XCTAssertEqual(Array(withoutColumn[1...6]), Array(plain.dropFirst()))
        let teacherScore = try XCTUnwrap(plain[0].firstIndex(of: "teacher_score")), noKD = try XCTUnwrap(plain[0].firstIndex(of: "score_no_kd"))
        XCTAssertEqual(withoutColumn[1...6].map { $0[teacherScore] }, withoutColumn[7...12].map { $0[teacherScore] })
        XCTAssertNotEqual(withoutColumn[1...6].map { $0[noKD] }, withoutColumn[7...12].map { $0[noKD] })
        XCTAssertTrue(summary.contains("student a (student ridge 1):"), summary)
        XCTAssertTrue(summary.contains("the students' ridge swept over {0.001, 1}"), summary)
        // The capacity figure: one block per (student, teacher), one line per ridge value.
        let figure = try String(contentsOfFile: base + "/ridge/kd-gain-vs-student-ridge.dat", encoding: .utf8)
        XCTAssertEqual(figure.split(separator: "\n").filter { $0.hasPrefix("# ") && $0.contains(" -> ") }.count, 6)
        XCTAssertEqual(figure.split(separator: "\n").filter { !$0.hasPrefix("#") }.count, 12)
        XCTAssertTrue(FileManager.default.fileExists(atPath: base + "/ridge/kd-gain-vs-student-ridge.png"))
    }

    func testAViewsOwnComponentsAreUsed() throws {
        let path = try scenario("own")
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "file = \"b.csv\"", with: "file = \"b.csv\"\ncomponents = 1")
        _ = try files.write("own.toml", text)
        let out = files.directory.path + "/own"
        _ = try run(path, out, plots: false)
        let meta = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: out + "/kd.meta.json"))))
        let views = try XCTUnwrap(meta["views"] as? [[String: Any]])
        XCTAssertEqual(views.map { $0["components"] as? Int }, [2, 1, 2])
    }
}

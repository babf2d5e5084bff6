import CCHTestSupport
import XCTest
@testable import CCHScenario
@testable import CCHSimCLI
import CrossModalKD

/// Data scenarios: every bad data file gives its error (file, line, column, reason), constant
/// columns are dropped with a warning, paths are relative to the scenario file; and
/// `cchsim teachers` writes its CSV, metadata and summary.
final class DataScenarioTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchsim-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("d"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func write(_ name: String, _ text: String) throws { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }

    /// Two views of 60 rows (three classes) and a label file; `a.csv` has a constant column.
    private func writeGoodData() throws {
        let stream = RandomStream(seed: 2)
        var a = "x1,x2,flat\n", b = "\"y 1\",y2,y3\n", label = "class\n"
        for i in 0..<60 {
            let c = i % 3
            a += "\(Double(c) + 0.5 * stream.gaussian()),\(stream.gaussian()),7\n"
            b += "\(0.5 * Double(c) + stream.gaussian()),\(stream.gaussian()),\(Double(c) * stream.gaussian())\n"
            label += ["red", "green", "blue"][c] + "\n"
        }
        try write("d/a.csv", a)
        try write("d/b.csv", b)
        try write("d/label.csv", label)
    }

    private func scenario(views: String = "[[data.views]]\nname = \"a\"\nfile = \"d/a.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"d/b.csv\"\n",
                          label: String = "label = { file = \"d/label.csv\", column = \"class\", kind = \"class\" }",
                          rest: String = "[teacher]\nrows = \"student\"\n[student]\nn = 30\n[experiment]\nsplits = 3\n[estimation]\nreplicates = 4\n") throws -> String {
        let path = directory.appendingPathComponent("s.toml").path
        try write("s.toml", "name = \"toy\"\nseed = 5\n[data]\ncomponents = 2\n\(label)\n\(views)\n\(rest)")
        return path
    }

    private func loadError(_ path: String) -> String {
        do {
            let s = try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8))
            _ = try s.load()
            return "no error"
        } catch { return "\(error)" }
    }

    func testGoodDataLoadsWithWarningsAndRelativePaths() throws {
        try writeGoodData()
        let path = try scenario()
        let s = try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8))
        XCTAssertEqual(s.views[0].path, directory.appendingPathComponent("d/a.csv").path)
        XCTAssertEqual(s.experiment.teacherRows, .student)
        let loaded = try s.load()
        XCTAssertEqual(loaded.data.rows, 60)
        XCTAssertEqual(loaded.views.map(\.columns), [2, 3])
        XCTAssertEqual(loaded.views[0].droppedConstant, ["flat"])
        XCTAssertEqual(loaded.warnings.count, 1)
        XCTAssertTrue(loaded.warnings[0].contains("'flat'"))
        XCTAssertEqual(loaded.data.label.classCount, 3)
        XCTAssertEqual(loaded.classCounts.map(\.name), ["blue", "green", "red"])
        XCTAssertEqual(loaded.data.representations.map(\.cols), [2, 2])
    }

    func testEveryBadDataFileGivesItsError() throws {
        try writeGoodData()
        let cases: [(String, String, String)] = [
            ("d/b.csv", "y1,y2\n1,2\n", "d/b.csv: 1 sample(s), but the label file"),
            ("d/b.csv", "y1,y2\n" + String(repeating: "1,2\n", count: 30) + "1,abc\n" + String(repeating: "1,2\n", count: 29),
             "d/b.csv: line 32, column 2 ('y2'): 'abc' is not a number"),
            ("d/b.csv", "y1,y2\n" + String(repeating: "1,2\n", count: 3) + "1,\n" + String(repeating: "1,2\n", count: 56),
             "line 5, column 2 ('y2'): a missing value (an empty, NA, NaN or ? cell); 1 used cell(s) of this file are missing, per column: 'y2' 1 (line 5 column 2)"),
            ("d/b.csv", "y1,y2\n1,2,3\n", "d/b.csv: line 2: 3 fields, but the header has 2 columns"),
            ("d/b.csv", "y1,y2\n1,\"2\n", "line 2, column 2: unterminated quote"),
            ("d/b.csv", "", "d/b.csv: empty file, expected a header row"),
            ("d/b.csv", "y1,y2\n" + String(repeating: "1,nan\n", count: 60), "60 used cell(s) of this file are missing, per column: 'y2' 60 (line 2 column 2, line 3 column 2, line 4 column 2, ...)"),
            ("d/b.csv", "y1,y2\n" + String(repeating: "1,inf\n", count: 60), "line 2, column 2 ('y2'): 'inf' is not a finite number"),
            ("d/b.csv", "y1,y2\n" + String(repeating: "1,1\n", count: 60), "view \"b\" has no non-constant feature column left"),
            ("d/label.csv", "class\n" + String(repeating: "x\n", count: 60), "the class label has 1 class (x); at least two are needed"),
            ("d/label.csv", "class\n" + String(repeating: "x\n", count: 20) + "\n" + String(repeating: "y\n", count: 39), "d/a.csv: 60 sample(s), but the label file"),
        ]
        for (file, text, expected) in cases {
            try writeGoodData()
            try write(file, text)
            let message = loadError(try scenario())
            XCTAssertTrue(message.contains(expected), "\(file): expected «\(expected)», got «\(message)»")
        }
        try writeGoodData()
        XCTAssertTrue(loadError(try scenario(label: "label = { file = \"d/missing.csv\", column = 1, kind = \"class\" }"))
            .contains("d/missing.csv: no such file (data.label.file"))
        XCTAssertTrue(loadError(try scenario(label: "label = { file = \"d/label.csv\", column = \"klass\", kind = \"class\" }"))
            .contains("data.label.column: no column named 'klass'"))
        try write("d/dup.csv", "v,w,v\n" + String(repeating: "1,2,3\n", count: 60))
        XCTAssertTrue(loadError(try scenario(label: "label = { file = \"d/dup.csv\", column = \"v\", kind = \"continuous\" }"))
            .contains("the column name 'v' is ambiguous (columns 1, 3): name it by number"))
        XCTAssertTrue(loadError(try scenario(views: "[[data.views]]\nname = \"a\"\nfile = \"d/a.csv\"\nexclude = [9]\n[[data.views]]\nname = \"b\"\nfile = \"d/b.csv\"\n"))
            .contains("data.views[1].exclude: column 9 does not exist"))
        XCTAssertTrue(loadError(try scenario(views: "[[data.views]]\nname = \"a\"\nfile = \"d/a.csv\"\n"))
            .contains("data.views: needs at least two views"))
        XCTAssertTrue(loadError(try scenario(rest: "[teacher]\nrows = \"student\"\nn = 4\n")).contains("teacher.n: applies to a teacher with rows of its own"))
        XCTAssertTrue(loadError(try scenario(rest: "[teacher]\nrows = \"teacher\"\n")).contains("teacher.rows: unknown value \"teacher\""))
        // The name names the output files inside --out: the same rule as a model scenario's name.
        let good = try String(contentsOfFile: try scenario(), encoding: .utf8)
        for (name, reason) in [("../escape", "holds a path separator"), (".hidden", "starts with '.'"), ("", "is empty")] {
            try write("s.toml", good.replacingOccurrences(of: "name = \"toy\"", with: "name = \"\(name)\""))
            let message = loadError(directory.appendingPathComponent("s.toml").path)
            XCTAssertTrue(message.contains("s.toml: name: \(reason)"), "\(name): got «\(message)»")
        }
    }

    func testTeachersCommandWritesItsFiles() throws {
        try writeGoodData()
        let path = try scenario()
        let out = directory.appendingPathComponent("out").path
        var command = try CCHSimCLI.CCHSimCommand.Teachers.parse([path, "--out", out, "--no-plots", "--threads", "1"])
        try command.run()
        let csv = try String(contentsOfFile: out + "/toy.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.count, 3)
        let header = csv[0].split(separator: ",").map(String.init)
        for key in ["teacher", "student", "kd_gain", "kd_gain_se", "z_gain", "kd_helps", "gap_gaussian", "cch_predicts_gain_gaussian",
                    "gap_ksg", "cch_predicts_gain_ksg", "gap_probe", "cch_predicts_gain_probe"] {
            XCTAssertTrue(header.contains(key), key)
        }
        let meta = try String(contentsOfFile: out + "/toy.meta.json", encoding: .utf8)
        XCTAssertTrue(meta.contains("label-free, fitted on all 60 rows"))
        // The same numbers with two threads.
        let out2 = directory.appendingPathComponent("out2").path
        var again = try CCHSimCLI.CCHSimCommand.Teachers.parse([path, "--out", out2, "--no-plots", "--threads", "2"])
        try again.run()
        XCTAssertEqual(try String(contentsOfFile: out2 + "/toy.csv", encoding: .utf8), csv.joined(separator: "\n") + "\n")
    }

    /// Messy files through the executable: IDs in other orders, a sample missing from one file,
    /// missing cells dropped, a gzip view; the counts reach stderr and meta.json. A truncated gzip
    /// file then exits 1 with its error and writes nothing.
    func testMessyFilesThroughTheExecutable() throws {
        try writeGoodData()
        func withIDs(_ name: String, order: [Int], change: (Int, inout [String]) -> Void = { _, _ in }) throws {
            let lines = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
            var out = ["id," + lines[0]]
            for i in order {
                var cells = lines[i + 1].components(separatedBy: ",")
                change(i, &cells)
                out.append("r\(i)," + cells.joined(separator: ","))
            }
            try write(name, out.joined(separator: "\n") + "\n")
        }
        try withIDs("d/label.csv", order: Array(0..<60))
        try withIDs("d/a.csv", order: Array((0..<60).reversed())) { i, cells in if i == 7 || i == 8 { cells[0] = "NA" } }
        try withIDs("d/b.csv", order: (0..<60).map { ($0 * 13) % 60 }.filter { $0 != 30 })
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-n", directory.appendingPathComponent("d/b.csv").path]
        try gzip.run()
        gzip.waitUntilExit()
        let path = try scenario(views: "[[data.views]]\nname = \"a\"\nfile = \"d/a.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"d/b.csv.gz\"\n",
                                label: "id = \"id\"\nmissing = \"drop-rows\"\nlabel = { file = \"d/label.csv\", column = \"class\", kind = \"class\" }")
        let out = directory.appendingPathComponent("messy").path
        let run = try CCHSimProcess.run(["teachers", path, "--out", out, "--no-plots", "--threads", "1"])
        XCTAssertEqual(run.ending, .exit(0), run.err)
        XCTAssertTrue(run.err.contains("Warning: missing = \"drop-rows\": dropped 2 of 59 sample(s) with a missing value; 57 remain"), run.err)
        XCTAssertTrue(run.err.contains("Warning: data.id 'id': 59 sample(s) are in every file"), run.err)
        let meta = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/toy.meta.json"))) as? [String: Any])
        XCTAssertEqual(meta["rows"] as? Int, 57)
        XCTAssertEqual(meta["rows_dropped_for_missing_values"] as? Int, 2)
        let leftOut = try XCTUnwrap(meta["rows_left_out_by_id"] as? [String: Int])
        XCTAssertEqual(leftOut.values.sorted(), [0, 1, 1])

        let gz = directory.appendingPathComponent("d/b.csv.gz")
        let bytes = try Data(contentsOf: gz)
        try bytes.prefix(bytes.count - 10).write(to: gz)
        let cut = directory.appendingPathComponent("cut").path
        let failed = try CCHSimProcess.run(["teachers", path, "--out", cut, "--no-plots"])
        XCTAssertEqual(failed.ending, .exit(1))
        XCTAssertTrue(failed.err.hasPrefix("Error: \(gz.path): line "), failed.err)
        XCTAssertTrue(failed.err.contains(": truncated gzip file: it ends before its gzip stream does ("), failed.err)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: cut)) ?? [], [])
    }

    /// The good views with a continuous Gaussian label (header `header`, named in the scenario by
    /// `column`: a TOML string or number) and an own-rows teacher; returns the scenario's path.
    private func continuousLabelScenario(header: String, column: String) throws -> String {
        try writeGoodData()
        let stream = RandomStream(seed: 9)
        try write("d/y.csv", "\(header)\n" + (0..<60).map { _ in "\(stream.gaussian())" }.joined(separator: "\n") + "\n")
        return try scenario(label: "label = { file = \"d/y.csv\", column = \(column), kind = \"continuous\" }",
                            rest: "[teacher]\nn = 20\n[student]\nn = 20\n[experiment]\nsplits = 3\n[estimation]\nreplicates = 0\n")
    }

    func testContinuousLabelRunsLinearStudents() throws {
        let path = try continuousLabelScenario(header: "y", column: "1")
        let out = directory.appendingPathComponent("cont").path
        var command = try CCHSimCLI.CCHSimCommand.Teachers.parse([path, "--out", out, "--no-plots", "--json"])
        try command.run()
        let header = try String(contentsOfFile: out + "/toy.csv", encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(header.contains("gap_gaussian") && header.contains("gap_ksg") && !header.contains("gap_probe"))
        let meta = try String(contentsOfFile: out + "/toy.meta.json", encoding: .utf8)
        XCTAssertTrue(meta.contains("the reduction of the test MSE"))
    }

    /// A continuous label's figures give the gain as a reduction of the test MSE in the label's
    /// units squared (named by the label's header, made literal for gnuplot's enhanced text), and
    /// the caption says how many components each view keeps.
    func testContinuousLabelFiguresNameTheMSEAndItsUnits() throws {
        let path = try continuousLabelScenario(header: "days_left", column: "\"days_left\"")
        let out = directory.appendingPathComponent("plots").path
        var command = try CCHSimCLI.CCHSimCommand.Teachers.parse([path, "--out", out])
        try command.run()
        for figure in ["toy-gap-vs-gain", "toy-gain-matrix"] {
            let script = try String(contentsOfFile: "\(out)/\(figure).gp", encoding: .utf8)
            XCTAssertTrue(script.contains("measured KD gain: reduction of the test MSE (days\\_left²)"), figure)
            XCTAssertFalse(script.contains("accuracy"), figure)
            // View a keeps 2 of its 2 columns, view b 2 of 3.
            XCTAssertTrue(script.contains("60 rows, 2 principal components per view; student n = 20"), figure)
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(out)/\(figure).png"), figure)
        }
        let theory = try String(contentsOfFile: "\(out)/toy-theory-vs-measured.gp", encoding: .utf8)
        XCTAssertTrue(theory.contains("theory: expected test-MSE gain (days\\_left²)") && theory.contains("linear learner (days\\_left²)"))
    }

    /// A data scenario given to a model command says what it is and which command runs it; a model
    /// scenario given to `teachers` says it needs a [data] table and names the model commands.
    func testCommandsNameTheCommandForTheScenarioKind() throws {
        try writeGoodData()
        let path = try scenario()
        for command in ["analyze", "simulate", "classify", "reliability", "estimate-mi", "run"] {
            let r = try CCHSimExecutable.run([command, path])
            XCTAssertEqual(r.status, 1, "\(command): \(r.err)")
            XCTAssertTrue(r.err.hasPrefix("Error: \(path): data: this is a data scenario (real multi-view data, a [data] table)"), "\(command): \(r.err)")
            XCTAssertTrue(r.err.contains("run it with `cchsim teachers \(path)`"), "\(command): \(r.err)")
            XCTAssertFalse(r.err.contains("unknown key"), r.err)
        }
        let model = try TestDirectory.file("[model]\nkind = \"correlations\"\nrho_ts = 0.5\nrho_sy = 0.3\nrho_ty = 0.2\n")
        let r = try CCHSimExecutable.run(["teachers", model, "--out", directory.appendingPathComponent("none").path])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.hasPrefix("Error: \(model): data: missing: `cchsim teachers` needs a data scenario, a [data] table"), r.err)
        XCTAssertTrue(r.err.contains("runs with cchsim analyze, simulate, classify, reliability, estimate-mi or run"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("none").path))
        XCTAssertEqual(try ScenarioDocument(file: path, text: String(contentsOfFile: path, encoding: .utf8)).modelOrigin, .data)
        XCTAssertEqual(try ScenarioDocument(file: model, text: String(contentsOfFile: model, encoding: .utf8)).modelOrigin, .correlations)
    }

    /// A library parameter error (checked by the library, not the scenario decoder) reaches the
    /// user as `file: key: reason` with the key that sets the parameter in that file.
    func testLibraryParameterErrorsNameTheFileAndTheScenarioKey() throws {
        try writeGoodData()
        // 40 + 20 of the 60 rows leave none for testing: DistillationExperiment's check.
        let data = try scenario(rest: "[teacher]\nn = 20\n[student]\nn = 40\n[experiment]\nsplits = 2\n[estimation]\nreplicates = 0\n")
        let out = directory.appendingPathComponent("lib").path
        var r = try CCHSimExecutable.run(["teachers", data, "--out", out, "--no-plots"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.hasSuffix("\nError: \(data): student.n: 40 student rows + 20 teacher rows leave fewer than 2 of the 60 rows for testing\n"),
                      r.err)  // after the warning about a.csv's constant column
        // MonteCarloExperiment's check of a singular student system, in a model scenario.
        let model = try TestDirectory.file("[model]\nkind = \"correlations\"\nrho_ts = 0.5\nrho_sy = 0.3\nrho_ty = 0.2\n"
                                                      + "[student]\nn = 1\n[monte_carlo]\ntrials = 100\n")
        r = try CCHSimExecutable.run(["simulate", model])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.err, "Error: \(model): student.n: with ridge 0 the student's system S'S is singular for n <= ds = 1 "
                       + "(got n = 1); set student.n >= 2, or set student.ridge > 0\n")
        // Every parameter has a key in a table a scenario can have.
        let tables = Set((Scenario.sections + DataScenario.sections).map(\.rawValue))
        for parameter in Parameter.allCases {
            let table = String(parameter.scenarioKey.prefix { $0 != "." })
            XCTAssertTrue(tables.contains(table), "\(parameter): \(parameter.scenarioKey)")
        }
    }
}

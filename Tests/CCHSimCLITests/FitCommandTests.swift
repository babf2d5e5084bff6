import CCHScenario
import CCHTestSupport
import CrossModalKD
import Foundation
@testable import SweepEngine
import XCTest

/// `cchsim fit`: the fitted joint Gaussian written as a covariance scenario that `analyze` and
/// `simulate` read unchanged, with the same numbers as the in-process fit; every bad input's error.
final class FitCommandTests: XCTestCase {
    private var files: TestFiles!

    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    /// A planted (T, S, Y) model, dt = ds = 2.
    private static let model: JointGaussian = {
        let sigma = Matrix([[1.0, 0.3, 0.5, 0.2, 0.6], [0.3, 1.2, 0.1, 0.4, 0.3], [0.5, 0.1, 0.9, 0.2, 0.4],
                            [0.2, 0.4, 0.2, 1.1, 0.3], [0.6, 0.3, 0.4, 0.3, 1.0]])
        return try! JointGaussian(dt: 2, ds: 2, covariance: sigma)
    }()

    /// Writes the planted data and a data scenario with `settings` ([teacher] and [student]);
    /// the label continuous, or classes from `classes(Y)`. Returns its path.
    private func scenario(_ planted: PlantedViews, settings: String, components: Int = 10,
                          classes: ((Double) -> String)? = nil) throws -> String {
        try planted.writeDataScenario(in: files, components: components, classes: classes.map { planted.label.map($0) }, settings: settings)
    }

    /// The in-process fit of a data scenario's pair (what `cchsim fit` computes).
    private func fitInProcess(_ path: String, pair: ViewPair = ViewPair(teacher: 0, student: 1)) throws -> (FittedGaussian, DataScenario) {
        let source = try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8))
        return (try FittedGaussian(try source.load().data, pair: pair), source)
    }

    /// The raw text of `key`'s value in a one-line JSON object.
    private func printed(_ key: String, in json: String) throws -> String {
        let range = try XCTUnwrap(json.range(of: "\"\(key)\":"), "key \(key) in \(json)")
        return String(json[range.upperBound...].prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
    }

    private func cchsim(_ arguments: [String]) throws -> CCHSimProcess {
        try CCHSimProcess.run(arguments, in: files.directory)
    }

    /// fit -> write -> `cchsim analyze --json` prints exactly the numbers of the in-process
    /// analysis of the fitted model: an OLS teacher on rows of its own (regime 4(c)), and a
    /// teacher on the student's rows with scalar views (the exact student-rows regime).
    func testAnalyzeOnTheWrittenFileEqualsTheInProcessTheory() throws {
        let settings = [("[teacher]\nn = 60\n[student]\nn = 20\nlambda = 0.4\n", 2, Regime.exactOLSFittedTeacher),
                        ("[teacher]\nrows = \"student\"\n[student]\nn = 25\nlambda = 0.7\n", 1, Regime.exactOLSStudentRows)]
        for (text, components, regime) in settings {
            let path = try scenario(PlantedViews(model: Self.model, rows: 300, seed: 8), settings: text, components: components)
            let run = try cchsim(["fit", path, "--teacher", "t", "--student", "s", "--out", "fit.toml"])
            XCTAssertEqual(run.ending, .exit(0), run.err)
            XCTAssertTrue(run.out.contains("Next: cchsim analyze fit.toml"), run.out)
            let (fit, source) = try fitInProcess(path)
            let expected = try fit.analysis(source.experiment)
            XCTAssertEqual(expected.regime, regime)
            let analyze = try cchsim(["analyze", "fit.toml", "--json"])
            XCTAssertEqual(analyze.ending, .exit(0), analyze.err)
            let numbers: [(String, Double)] = [
                ("mi_ts", expected.information.teacherStudent), ("mi_sy", expected.information.studentLabel),
                ("cch_gap", expected.information.cchGap), ("bayes_risk", expected.bayesRisk),
                ("risk_no_kd", expected.riskNoKD), ("risk_kd", expected.riskKD), ("kd_gain", expected.kdGain),
                ("lambda_opt", expected.lambdaOpt), ("kd_gain_opt", expected.kdGainOpt), ("lambda", expected.lambda),
            ]
            for (key, value) in numbers { XCTAssertEqual(try printed(key, in: analyze.out), "\(value)", key) }
            XCTAssertEqual(try printed("regime", in: analyze.out), "\"\(regime.rawValue)\"")
        }
    }

    /// Without --out the file goes to the current directory (as `cchsim run`'s outputs do), not
    /// beside the data scenario: fitting never adds files to a scenarios directory.
    func testDefaultOutputIsTheCurrentDirectory() throws {
        let planted = PlantedViews(model: try .correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.6), rows: 200, seed: 4)
        let path = try scenario(planted, settings: "[teacher]\nn = 50\n[student]\nn = 30\nlambda = 0.5\n")
        let work = files.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let run = try CCHSimProcess.run(["fit", path, "--teacher", "t", "--student", "s"], in: work)
        XCTAssertEqual(run.ending, .exit(0), run.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path), ["planted-t-s-fit.toml"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: files.directory.appendingPathComponent("planted-t-s-fit.toml").path))
    }

    /// The written matrix reads back to exactly the fitted doubles, which are the sample covariance
    /// of the representations: with one column per view the representation is the standardised
    /// column (up to sign), so the entries follow from the raw columns' moments.
    func testWrittenMatrixIsTheSampleCovariance() throws {
        let planted = PlantedViews(model: try .correlations(rhoTS: 0.5, rhoSY: 0.4, rhoTY: 0.6), rows: 200, seed: 4)
        let path = try scenario(planted, settings: "[teacher]\nn = 50\n[student]\nn = 30\nlambda = 0.5\n")
        XCTAssertEqual(try cchsim(["fit", path, "--teacher", "t", "--student", "s"]).ending, .exit(0))
        let written = files.directory.appendingPathComponent("planted-t-s-fit.toml").path
        let scenario = try Scenario(file: written, text: try String(contentsOfFile: written, encoding: .utf8))
        guard case .covariance(1, 1, let matrix) = scenario.model else { return XCTFail("\(scenario.model)") }
        let (fit, _) = try fitInProcess(path)
        XCTAssertEqual(matrix, fit.model.sigma, "bit for bit")
        XCTAssertEqual(scenario.teacher, TeacherSpec(fit: .ols(samples: 50)))
        XCTAssertEqual(scenario.student, StudentSpec(samples: .finite(30), ridge: 0, lambda: 0.5))
        let n = Double(planted.rows)
        let columns = [(0..<200).map { planted.sample[$0, 0] }, (0..<200).map { planted.sample[$0, 1] }, planted.label]
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / n }
        func cov(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { ($0 - mean(a)) * ($1 - mean(b)) }.reduce(0, +) / n }
        let sd = columns.map { (cov($0, $0) * n / (n - 1)).squareRoot() }  // the standardisation's N - 1 deviation
        let scale = [sd[0], sd[1], 1]
        for a in 0..<3 {
            for b in 0..<3 {
                let expected = cov(columns[a], columns[b]) / (scale[a] * scale[b])
                assertClose(abs(matrix[a, b]), abs(expected), absolute: 1e-12, "entry (\(a), \(b))")
            }
        }
    }

    /// The `[model]` table in toml++'s layout, as docs/real-data.md, "The theory on the data", shows it.
    func testModelTableHasTheDocumentedLayout() throws {
        struct File: Encodable { let model: FittedScenarioFile.Tables.Model }
        let model = FittedScenarioFile.Tables.Model(kind: "covariance", dt: 1, ds: 1, matrix: [[1, 0.5, 0.25], [0.5, 1, 0.2], [0.25, 0.2, 1]])
        XCTAssertEqual(try FittedScenarioFile.toml(File(model: model)), """
            [model]
            ds = 1
            dt = 1
            kind = "covariance"
            matrix = [ [ 1.0, 0.5, 0.25 ], [ 0.5, 1.0, 0.20000000000000001 ], [ 0.25, 0.20000000000000001, 1.0 ] ]

            """)
    }

    /// The doubles of the file's TOML (TOMLKit's encoder), read back through the scenario reader,
    /// give the same bits.
    func testDoublesRoundTripExactly() throws {
        var random = SplitMix(seed: 11)
        var values: [Double] = [0.1, 1.0 / 3, -0.0, 1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 123456789.12345679, 2.5e-5, -7.0]
        while values.count < 400 {
            let x = Double(bitPattern: random.next())
            if x.isFinite { values.append(x) }
        }
        struct Values: Encodable { let x: [Double] }
        let text = try FittedScenarioFile.toml(Values(x: values))
        let document = try ScenarioDocument(file: "round-trip.toml", text: text)
        guard case .array(let read)? = document.root["x"] else { return XCTFail("no array") }
        for (value, item) in zip(values, read) {
            guard case .number(let back) = item else { return XCTFail("\(item) is not a float") }
            XCTAssertEqual(back.bitPattern, value.bitPattern, "\(value)")
        }
        XCTAssertEqual(read.count, values.count)
    }

    /// A two-class label is coded -1/+1 (classes sorted: "neg" first); `--out -` prints the file.
    func testBinaryLabelAndStandardOutput() throws {
        let planted = PlantedViews(model: Self.model, rows: 120, seed: 2)
        let path = try scenario(planted, settings: "[teacher]\nn = 40\n[student]\nn = 20\n", classes: { $0 > 0 ? "pos" : "neg" })
        let run = try cchsim(["fit", path, "--teacher", "s", "--student", "t", "--out", "-"])
        XCTAssertEqual(run.ending, .exit(0), run.err)
        XCTAssertTrue(run.out.contains(#"two classes, coded "neg" = -1, "pos" = +1"#), run.out)
        let scenario = try Scenario(file: "stdout", text: run.out)
        guard case .covariance(2, 2, let matrix) = scenario.model else { return XCTFail("\(scenario.model)") }
        let m = planted.label.map { $0 > 0 ? 1.0 : -1 }.reduce(0, +) / 120
        assertClose(matrix[4, 4], 1 - m * m, absolute: 1e-14)
        XCTAssertEqual(try fitInProcess(path, pair: ViewPair(teacher: 1, student: 0)).0.model.sigma, matrix)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: files.directory.path).filter { $0.hasSuffix("-fit.toml") }, [])
    }

    /// View and class names are user text: quotes and line breaks in them stay inside their TOML
    /// strings, so they can neither break the file nor add keys to it.
    func testUserTextCannotBreakOutOfTheFile() throws {
        let planted = PlantedViews(model: Self.model, rows: 80, seed: 9)
        // Class names with a quote, a backslash and a tab; a view name with line breaks (TOML escapes).
        let path = try scenario(planted, settings: "[teacher]\nn = 30\n[student]\nn = 20\n",
                                classes: { $0 > 0 ? "\"a\"\"\\\t\"" : "b" })
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "name = \"t\"", with: #"name = "t\n[student]\nn = 5 \"""#)
        _ = try files.write("planted.toml", text)
        let run = try cchsim(["fit", path, "--teacher", "t\n[student]\nn = 5 \"", "--student", "s", "--out", "-"])
        XCTAssertEqual(run.ending, .exit(0), run.err)
        let written = try Scenario(file: "stdout", text: run.out)
        XCTAssertEqual(written.monteCarlo.trials, MonteCarloSettings().trials)
        XCTAssertEqual(written.student.samples, .finite(20))
        XCTAssertTrue(run.out.contains(#"coded "a\"\\\t" = -1, "b" = +1"#), run.out)
        XCTAssertTrue(run.out.contains(#"view "t\n[student]\nn = 5 \"""#), run.out)
    }

    /// A teacher on the student's rows with vector views: the file is written and valid, analyze
    /// says it has no closed form, simulate runs it.
    func testStudentRowsWithVectorViewsPointToSimulate() throws {
        let path = try scenario(PlantedViews(model: Self.model, rows: 100, seed: 6), settings: "[teacher]\nrows = \"student\"\n[student]\nn = 30\n")
        let run = try cchsim(["fit", path, "--teacher", "t", "--student", "s", "--out", "fit.toml"])
        XCTAssertEqual(run.ending, .exit(0), run.err)
        XCTAssertTrue(run.out.contains("Next: cchsim simulate fit.toml"), run.out)
        XCTAssertTrue(run.out.contains("docs/privileged-information.md"), run.out)
        let analyze = try cchsim(["analyze", "fit.toml"])
        XCTAssertEqual(analyze.ending, .exit(1))
        XCTAssertTrue(analyze.err.contains("teacher.rows: no exact expected risk"), analyze.err)
        let simulate = try cchsim(["simulate", "fit.toml", "--trials", "200", "--json"])
        XCTAssertEqual(simulate.ending, .exit(0), simulate.err)
    }

    /// Every bad input: its message, a non-zero exit, and nothing written.
    func testBadInputsAreClearErrorsAndWriteNothing() throws {
        let good = try scenario(PlantedViews(model: Self.model, rows: 60, seed: 1), settings: "[teacher]\nn = 20\n[student]\nn = 10\n")
        _ = try files.write("model.toml", ScenarioFixtures.example)
        _ = try files.write("plain-file", "x")
        try FileManager.default.createDirectory(at: files.directory.appendingPathComponent("dir"), withIntermediateDirectories: true)
        let cases: [([String], Int32, String)] = [
            (["fit", good, "--teacher", "x", "--student", "s"], 1, "--teacher: \(good) has no view \"x\"; its views are \"t\", \"s\""),
            (["fit", good, "--teacher", "t", "--student", "T"], 1, "--student: \(good) has no view \"T\"; its views are \"t\", \"s\""),
            (["fit", good, "--teacher", "t", "--student", "t"], 1, "--teacher, --student: the teacher and the student are the same view (t); choose two different views"),
            (["fit", "model.toml", "--teacher", "t", "--student", "s"], 1,
             "model.toml: a model scenario (no [data] table); `cchsim fit` fits a Gaussian to real data and needs a data scenario "
                + "(docs/real-data.md). A model scenario is a Gaussian already: run `cchsim analyze model.toml`"),
            (["fit", "missing.toml", "--teacher", "t", "--student", "s"], 1, "missing.toml: no such file"),
            (["fit", good, "--teacher", "t", "--student", "s", "--out", "nowhere/fit.toml"], 1,
             "cannot write nowhere/fit.toml: the directory nowhere does not exist"),
            (["fit", good, "--teacher", "t", "--student", "s", "--out", "dir"], 1, "cannot write dir: it is a directory; give a file name (--out DIR/NAME.toml)"),
            (["fit", good, "--teacher", "t", "--student", "s", "--out", "plain-file/fit.toml"], 1,
             "cannot write plain-file/fit.toml: plain-file is not a directory"),
            (["fit", good, "--teacher", "t", "--student", "s", "--out", "./s.csv"], 1,
             "cannot write ./s.csv: it is the input file \(files.directory.path)/s.csv; give another --out"),
            (["fit", good, "--teacher", "t", "--student", "s", "--out", good], 1, "cannot write \(good): it is the input file \(good); give another --out"),
            (["fit", good, "--teacher", "t"], 64, "Missing expected argument '--student <student>'"),
        ]
        for (arguments, code, message) in cases {
            let run = try cchsim(arguments)
            XCTAssertEqual(run.ending, .exit(code), "\(arguments): \(run.err)")
            if code == 1 {
                XCTAssertEqual(run.err, "Error: \(message)\n", "\(arguments)")
            } else {
                XCTAssertTrue(run.err.contains(message), "\(arguments): \(run.err)")
            }
        }
        // A label with three classes: why the theory does not apply, and what to do.
        _ = try files.write("y.csv", "y\n" + (0..<60).map { ["a", "b", "c"][$0 % 3] }.joined(separator: "\n") + "\n")
        let text = try String(contentsOfFile: good, encoding: .utf8).replacingOccurrences(of: "column = \"y1\", kind = \"continuous\"",
                                                                                         with: "column = \"y\", kind = \"class\"")
        let multi = try files.write("multi.toml", text)
        let run = try cchsim(["fit", multi, "--teacher", "t", "--student", "s"])
        XCTAssertEqual(run.ending, .exit(1))
        XCTAssertTrue(run.err.contains("\(multi): data.label: the label has 3 classes (a, b, c); the Gaussian theory has a scalar label"), run.err)
        XCTAssertTrue(run.err.contains("use a two-class or continuous label"), run.err)
        let left = try FileManager.default.contentsOfDirectory(atPath: files.directory.path).sorted()
        XCTAssertEqual(left, ["dir", "model.toml", "multi.toml", "plain-file", "planted.toml", "s.csv", "t.csv", "y.csv"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: files.directory.appendingPathComponent("dir").path), [])
    }
}

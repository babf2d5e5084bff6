import CCHTestSupport
@testable import CCHSimCLI
@testable import SweepEngine
import CrossModalKD
import Foundation
import Testing

/// `cchsim estimate-mi` on scenario samples and on CSV files, including every CSV error path.
struct EstimateMICommandTests {
    static let scenario = """
        name = "est"
        seed = 4
        [model]
        kind = "correlations"
        rho_ts = 0.6
        rho_sy = 0.3
        rho_ty = 0.2
        [student]
        n = 40
        """

    func run(_ arguments: [String]) throws -> String {
        try CCHSimCommand.EstimateMI.parse(arguments).output()
    }

    /// The error message a command run ends with.
    func failure(_ arguments: [String]) -> String {
        do {
            _ = try run(arguments)
            return "no error"
        } catch let e as EstimatorFailure {
            return e.description
        } catch {
            return CCHSimCommand.EstimateMI.message(for: error)
        }
    }

    @Test func scenarioSampleIsReproducibleAndCloseToTheClosedForm() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("est.toml", Self.scenario)
        let args = [path, "--n", "4000", "--replicates", "20", "--json"]
        let first = try run(args)
        #expect(first == (try run(args)))
        let json = try jsonObject(first)
        let truthTS = -0.5 * log(1 - 0.36), truthSY = -0.5 * log(1 - 0.09)
        assertClose(json["mi_ts"] as? Double ?? .nan, truthTS, absolute: 1e-12, "mi_ts")
        #expect(json["seed"] as? Int == 4 && json["rows"] as? Int == 4000)
        for p in ["gaussian", "ksg"] {
            let ts = try #require(json["\(p)_mi_ts"] as? Double), sy = try #require(json["\(p)_mi_sy"] as? Double)
            #expect(abs(ts - truthTS) < 0.05 && abs(sy - truthSY) < 0.05, "\(p): \(ts), \(sy)")
            let lower = try #require(json["\(p)_cch_gap_lower"] as? Double), upper = try #require(json["\(p)_cch_gap_upper"] as? Double)
            #expect(lower < ts - sy && ts - sy < upper)
            #expect(json["\(p)_cch_predicts_gain"] as? Bool == true)
        }
        // Another seed draws another sample.
        #expect(try run(args + ["--seed", "5"]) != first)
    }

    @Test func signLabelScenarioEstimatesTheClassInformation() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("sign.toml", Self.scenario.replacingOccurrences(of: "rho_ty = 0.2", with: "rho_ty = 0.2\nlabel = \"sign\""))
        let json = try jsonObject(try run([path, "--n", "4000", "--replicates", "0", "--json"]))
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.3, rhoTY: 0.2)
        let exact = SignLabelInformation.mutualInformation(m, block: m.studentIndices)
        assertClose(json["mi_sc"] as? Double ?? .nan, exact, absolute: 1e-12, "mi_sc")
        #expect(json["discrete_label"] as? Bool == true)
        #expect(abs((json["ksg_mi_sc"] as? Double ?? 0) - exact) < 0.03)
        #expect(json["gaussian_mi_sc"] is NSNull && json["cch_gap_class"] is Double && json["label_column"] as? String == "C")
    }

    @Test func csvGivesTheSameNumbersAsTheLibraryOnTheSameRows() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let m = try JointGaussian.latent(
            teacherLoadings: Matrix([[1.0, 0.2], [0.0, 1.0]]), studentLoadings: Matrix([[0.8, 0.3]]),
            labelLoadings: [1.0, 0.5], teacherNoise: 0.5, studentNoise: 0.6, labelNoise: 0.7)
        let data = GaussianSampler(model: m).draw(500, from: RandomStream(seed: 8))
        // Columns in another order, an extra column, quoted header names, CRLF line ends.
        var text = "\"y\", s1 ,extra,t2,t1\r\n"
        for r in 0..<data.rows {
            text += "\(data[r, 3]),\(data[r, 2]),7,\(data[r, 1]),\(data[r, 0])\r\n"
        }
        let path = try files.write("reps.csv", text + "\n")
        let json = try jsonObject(try run(["--csv", path, "--teacher", "t1,t2", "--student", "s1", "--label", "y",
                                          "--replicates", "0", "--json"]))
        let columns = CCHColumns(teacher: [0, 1], student: [2], label: 3, discreteLabel: false)
        for kind in MIEstimatorKind.onModelSamples {
            let expected = try GapEstimate(SampleRows(data), columns, estimator: kind.estimator())
            // Equal up to the last digit that JSON text round trips.
            let ts = try #require(json["\(kind.rawValue)_mi_ts"] as? Double)
            let sy = try #require(json["\(kind.rawValue)_mi_sy"] as? Double)
            assertClose(ts, expected.teacherStudent, absolute: 1e-15, "I(T;S)")
            assertClose(sy, expected.studentLabel ?? .nan, absolute: 1e-15, "I(S;Y)")
        }
        #expect(json["rows"] as? Int == 500 && json["source"] as? String == "csv")
        #expect(json["ksg_cch_gap_lower"] == nil)
    }

    @Test func csvWithAClassLabel() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let m = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.6, rhoTY: 0.4)
        let data = GaussianSampler(model: m).draw(3000, label: .sign, from: RandomStream(seed: 2))
        var text = "t,s,c\n"
        for r in 0..<data.rows { text += "\(data[r, 0]),\(data[r, 1]),\(data[r, 2] > 0 ? 1 : 0)\n" }
        let path = try files.write("cls.csv", text)
        let args = ["--csv", path, "--teacher", "t", "--student", "s", "--label", "c", "--replicates", "0"]
        let plain = try run(args)
        #expect(plain.contains("has only 2 distinct values"))
        let json = try jsonObject(try run(args + ["--discrete-label", "--json"]))
        let exact = SignLabelInformation.mutualInformation(m, block: m.studentIndices)
        let ksg = try #require(json["ksg_mi_sc"] as? Double)
        #expect(abs(ksg - exact) < 0.03, "KSG \(ksg) vs quadrature \(exact)")
        #expect(json["gaussian_mi_sc"] is NSNull)
    }

    /// Text class labels (as a data scenario may have) are classes by spelling: the same sample
    /// with `no`/`yes` for 0/1 gives the same estimates; the report says what CCH predicts.
    @Test func csvWithTextClassLabels() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let m = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.6, rhoTY: 0.4)
        let data = GaussianSampler(model: m).draw(600, label: .sign, from: RandomStream(seed: 5))
        var numeric = "t,s,c\n", text = "t,s,c\n"
        for r in 0..<data.rows {
            numeric += "\(data[r, 0]),\(data[r, 1]),\(data[r, 2] > 0 ? 1 : 0)\n"
            text += "\(data[r, 0]),\(data[r, 1]),\(data[r, 2] > 0 ? "yes" : "no")\n"
        }
        func args(_ path: String) -> [String] {
            ["--csv", path, "--teacher", "t", "--student", "s", "--label", "c", "--replicates", "0", "--discrete-label"]
        }
        let byNumber = try jsonObject(try run(args(try files.write("n.csv", numeric)) + ["--json"]))
        let byText = try jsonObject(try run(args(try files.write("t.csv", text)) + ["--json"]))
        let ksg = try #require(byText["ksg_mi_sc"] as? Double)
        #expect(ksg == byNumber["ksg_mi_sc"] as? Double && byText["ksg_cch_gap"] as? Double == byNumber["ksg_cch_gap"] as? Double)
        let report = try run(args(try files.write("t2.csv", text)))
        let gap = try #require(byText["ksg_cch_gap"] as? Double)
        #expect(report.contains("CCH predicts \(gap > 0 ? "a gain" : "no gain")") && !report.contains("verdict"), "\(report)")
        let empty = try files.write("e.csv", text.replacingOccurrences(of: ",yes\n", with: ",\n"))
        #expect(failure(args(empty)).contains("an empty cell (a missing label)"))
    }

    @Test func csvErrorsNameFileLineColumnAndReason() throws {
        let files = try TestFiles()
        defer { files.remove() }
        func check(_ name: String, _ text: String, _ expected: String, label: String = "y") throws {
            let path = try files.write(name, text)
            let message = failure(["--csv", path, "--teacher", "t", "--student", "s", "--label", label, "--replicates", "0"])
            #expect(message.contains(path) && message.contains(expected), "\(name): \(message)")
        }
        let good = (0..<20).map { "\(Double($0) * 0.37),\(sin(Double($0))),\(cos(Double($0) * 1.3))" }
        try check("missing.csv", "t,s,z\n" + good.joined(separator: "\n"), "no column named 'y'; the header has 't', 's', 'z'")
        var bad = good
        bad[4] = "0.5,abc,0.1"
        try check("text.csv", "t,s,y\n" + bad.joined(separator: "\n"), "line 6, column 2 ('s'): 'abc' is not a number")
        bad = good
        bad[2] = "0.5,,0.1"
        try check("empty-cell.csv", "t,s,y\n" + bad.joined(separator: "\n"), "line 4, column 2 ('s'): an empty cell is not a number")
        bad = good
        bad[7] = "0.5,inf,0.1"
        try check("inf.csv", "t,s,y\n" + bad.joined(separator: "\n"), "line 9, column 2 ('s'): 'inf' is not a finite number")
        bad = good
        bad[0] = "0.5,0.1"
        try check("short.csv", "t,s,y\n" + bad.joined(separator: "\n"), "line 2: 2 fields, but the header has 3 columns")
        try check("empty.csv", "\n\n", "empty file, expected a header row")
        try check("dup.csv", "t,s,y,s\n1,2,3,4\n", "line 1: the column name 's' is ambiguous (columns 2, 4)")
        try check("quote.csv", "t,\"s,y\n", "line 1, column 2: unterminated quote")
        try check("one.csv", "t,s,y\n1,2,3\n", "too few rows: 1 data row(s)")
        try check("few.csv", "t,s,y\n" + good.prefix(3).joined(separator: "\n"), "ksg: the KSG (k = 3) estimator needs at least 4 rows, got 3")
        #expect(failure(["--csv", files.directory.path + "/nope.csv", "--teacher", "t", "--student", "s", "--label", "y"])
            .contains("nope.csv: no such file"))
    }

    /// An estimator that fails names the file and the estimator, and says when the failure comes
    /// from the half-samples of the intervals; too few rows for any estimator is the file's error.
    @Test func estimatorFailuresAreWholeMessages() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let rows = (0..<6).map { "\(Double($0) * 0.37),\(sin(Double($0))),\(cos(Double($0) * 1.3))" }
        let six = try files.write("six.csv", "t,s,y\n" + rows.joined(separator: "\n") + "\n")
        let one = try files.write("one.csv", "t,s,y\n" + rows[0] + "\n")
        func message(_ path: String, _ more: [String]) -> String {
            failure(["--csv", path, "--teacher", "t", "--student", "s", "--label", "y", "--estimators", "ksg"] + more)
        }
        #expect(message(six, ["--replicates", "2"])
            == "\(six): ksg: the KSG (k = 3) estimator needs at least 4 rows, got 3 (intervals re-estimate on halves of 3 rows; "
                + "--replicates 0 turns them off)")
        #expect(message(six, ["--replicates", "0", "--k", "6"]) == "\(six): ksg: the KSG (k = 6) estimator needs at least 7 rows, got 6")
        #expect(message(one, ["--replicates", "0"]) == "\(one): too few rows: 1 data row(s), need at least 2 (and more for each estimator)")
    }

    @Test func optionErrors() throws {
        #expect(failure(["--csv", "x.csv", "--teacher", "t"]).contains("--csv needs --teacher, --student and --label"))
        #expect(failure(["x.toml", "--estimators", "mine"]).contains("unknown estimator 'mine'"))
        #expect(failure([]).contains("give a scenario file or --csv FILE"))
        #expect(failure(["--csv", "x.csv", "--teacher", "t", "--student", "t", "--label", "y"]).contains("'t' is named twice"))
        #expect(failure(["x.toml", "--replicates", "1"]).contains("--replicates must be 0 or at least 2"))
    }
}

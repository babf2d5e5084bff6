import CCHTestSupport
import XCTest
@testable import CCHScenario
import CrossModalKD
@testable import SweepEngine

/// `cchsim teachers`' theory on the data, end to end from CSV files: planted data drawn from a
/// known joint Gaussian (continuous label, and the two classes of its sign) give a theory column
/// equal to `KDAnalysis` of the covariance fitted here independently, and the theory's learner
/// measured on the data agrees with it; a multi-class label leaves the columns empty with the
/// reason; the CSV header, the JSON keys and the metadata's roles come from one table.
final class TeacherTheoryTests: XCTestCase {
    private var files: TestFiles!

    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    /// The model of the library test: the teacher sees two latent factors sharply, the student through noise.
    private let planted = try! PlantedViews(model: JointGaussian.latent(
        teacherLoadings: Matrix([[1, 0], [0, 1]]), studentLoadings: Matrix([[0.6, 0], [0, 0.4]]),
        labelLoadings: [1, 0.6], teacherNoise: 0.3, studentNoise: 1, labelNoise: 0.5), rows: 1000, seed: 12)

    /// Writes the planted views and label as CSV files and a data scenario, and runs the command.
    private func run(classLabel: Bool, name: String, splits: Int = 200) throws -> (report: TeacherSelectionReport, csv: CSVFile, directory: String) {
        let classes = classLabel ? planted.signClasses.map { $0 == 1 ? "pos" : "neg" } : nil
        let path = try planted.writeDataScenario(in: files, name: name, components: 2, classes: classes, settings: """
            [teacher]
            n = 60
            [student]
            n = 25
            lambda = 0.5
            lambda_grid = [0, 0.5]
            [experiment]
            splits = \(splits)
            [estimation]
            replicates = 0
            """)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try DataScenario(file: path, text: text)
        let out = files.directory.appendingPathComponent("out-\(name)").path
        let outcome = try TeacherSelectionRun.run(scenario, text: text, out: out, threads: 2, plots: false)
        let csvPath = out + "/\(name).csv"
        return (outcome.report, try CSVFile(file: csvPath, text: try String(contentsOfFile: csvPath, encoding: .utf8)), out)
    }

    /// The sample covariance (divisor N, centred) of the planted columns T, S and the coded label.
    private func fittedModel(pair: ViewPair, label: [Double]) throws -> JointGaussian {
        let views = [planted.teacher, planted.student]
        let columns = (0..<2).map { j in (0..<planted.rows).map { views[pair.teacher][$0, j] } }
            + (0..<2).map { j in (0..<planted.rows).map { views[pair.student][$0, j] } } + [label]
        let n = Double(planted.rows)
        let centred = columns.map { c in c.map { $0 - c.reduce(0, +) / n } }
        var sigma = Matrix(rows: 5, cols: 5)
        for a in 0..<5 { for b in 0..<5 { sigma[a, b] = zip(centred[a], centred[b]).map(*).reduce(0, +) / n } }
        return try JointGaussian(dt: 2, ds: 2, covariance: sigma)
    }

    /// Binary and continuous label: the theory column is `KDAnalysis` of the independently fitted
    /// covariance (exact regime 4(c); the views' principal components are an invertible linear map
    /// of the raw columns, which leaves OLS risks unchanged), to 1e-9 relative; the learner's
    /// measured gain on 200 splits agrees within 3 joint SE (two-sided 99.7%).
    func testPlantedDataTheoryAgreesWithItsLearner() throws {
        for classLabel in [false, true] {
            let (report, csv, _) = try run(classLabel: classLabel, name: classLabel ? "binary" : "continuous")
            let column = { (key: String) in try XCTUnwrap(csv.header.firstIndex(of: key), key) }
            let coded = classLabel ? planted.signClasses.map { $0 == 1 ? 1.0 : -1.0 } : planted.label
            XCTAssertEqual(report.theory.coding, classLabel ? .binary(negative: "neg", positive: "pos") : .continuous)
            XCTAssertEqual(csv.rows.count, 2)
            for row in csv.rows.map(\.fields) {
                let value = { (key: String) in Double(row[try column(key)]) ?? .nan }
                XCTAssertEqual(row[try column("theory_method")], "exact-ols-fitted-teacher")
                let pair = row[try column("teacher")] == "t" ? ViewPair(teacher: 0, student: 1) : ViewPair(teacher: 1, student: 0)
                let independent = try KDAnalysis(model: fittedModel(pair: pair, label: coded),
                                                 teacher: TeacherSpec(target: .prediction, fit: .ols(samples: 60)),
                                                 student: StudentSpec(samples: .finite(25), ridge: 0, lambda: 0.5))
                assertClose(try value("theory_gain_mse"), independent.kdGain, absolute: 1e-9 * abs(independent.kdGain))
                assertClose(try value("theory_mse_no_kd"), independent.riskNoKD, absolute: 1e-9 * independent.riskNoKD)
                XCTAssertEqual(try value("theory_gain_mse_se"), 0)
                let se = try value("linear_gain_mse_se"), measured = try value("linear_gain_mse")
                let z = (measured - independent.kdGain) / se
                XCTAssertLessThan(abs(z), 3, "\(classLabel ? "binary" : "continuous") \(pair): theory \(independent.kdGain), measured \(measured) +- \(se)")
                XCTAssertEqual(row[try column("theory_agrees_linear")], abs(z) <= MonteCarloEstimate.normalQuantile975 ? "1" : "0")
                if classLabel {
                    // The measured columns are the softmax student's accuracy; the learner is measured apart.
                    XCTAssertNotEqual(try value("kd_gain"), try value("linear_gain_mse"))
                } else {
                    // A continuous label's measured experiment is the theory's learner: the same numbers.
                    XCTAssertEqual(row[try column("kd_gain")], row[try column("linear_gain_mse")])
                    XCTAssertEqual(row[try column("kd_gain_se")], row[try column("linear_gain_mse_se")])
                }
            }
            XCTAssertTrue(report.text.contains("The theory on the data (label coded as " + (classLabel ? "class neg = -1, class pos = +1" : "continuous label, as is")))
        }
    }

    /// Three classes: the theory columns exist but are empty (nan, empty text), and the metadata and
    /// the summary give the reason.
    func testMultiClassLabelHasEmptyTheoryColumnsAndTheReason() throws {
        let classes = (0..<planted.rows).map { ["a", "b", "c"][$0 % 3] }
        let path = try planted.writeDataScenario(in: files, name: "three", components: 2, classes: classes, settings: """
            [teacher]
            rows = "student"
            [student]
            n = 30
            [experiment]
            splits = 2
            [estimation]
            replicates = 0
            """)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try DataScenario(file: path, text: text)
        let out = files.directory.appendingPathComponent("out-three").path
        let report = try TeacherSelectionRun.run(scenario, text: text, out: out, threads: 1, plots: false).report
        let csv = try CSVFile(file: "three.csv", text: try String(contentsOfFile: out + "/three.csv", encoding: .utf8))
        for key in ["theory_mse_no_kd", "theory_gain_mse", "theory_gain_mse_se", "linear_mse_no_kd", "linear_mse_kd", "linear_gain_mse",
                    "linear_gain_mse_se", "z_linear_gain", "theory_agrees_linear"] {
            let index = try XCTUnwrap(csv.header.firstIndex(of: key), key)
            XCTAssertEqual(csv.rows.map { $0.fields[index] }, ["nan", "nan"], key)
        }
        let method = try XCTUnwrap(csv.header.firstIndex(of: "theory_method"))
        XCTAssertEqual(csv.rows.map { $0.fields[method] }, ["", ""])
        let reason = "the label has 3 classes (a, b, c); the Gaussian theory has a scalar label"
        XCTAssertTrue(report.text.contains("The theory on the data: not computed: \(reason)"), report.text)
        let meta = try jsonObject(try String(contentsOfFile: out + "/three.meta.json", encoding: .utf8))
        let theory = try XCTUnwrap(meta["theory"] as? [String: Any])
        XCTAssertTrue((theory["unavailable"] as? String ?? "").hasPrefix(reason))
        XCTAssertEqual(theory["label_coding"] as? String, "none")
    }

    /// One table: the CSV header, the keys of every `--json` pair object and the metadata's column
    /// list are the same keys in the same order, and every column has a role saying which
    /// comparison it belongs to.
    func testHeaderJSONKeysAndRolesComeFromOneTable() throws {
        let (report, csv, directory) = try run(classLabel: true, name: "schema", splits: 3)
        let json = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        let pairs = try XCTUnwrap(json?["pairs"] as? [Any])
        XCTAssertEqual(pairs.count, 2)
        // Key order: JSONSerialization loses it, so read the keys ("key": ) of the first pair object from the text.
        let pairText = report.json[report.json.range(of: "\"pairs\": [")!.upperBound...]
        let firstObject = String(pairText[pairText.range(of: "{")!.lowerBound..<pairText.range(of: "}")!.upperBound])
        let keyPattern = try NSRegularExpression(pattern: "\"([^\"]+)\": ")
        let keys = keyPattern.matches(in: firstObject, range: NSRange(firstObject.startIndex..., in: firstObject)).map {
            String(firstObject[Range($0.range(at: 1), in: firstObject)!])
        }
        XCTAssertEqual(keys, csv.header)
        let meta = try jsonObject(try String(contentsOfFile: directory + "/schema.meta.json", encoding: .utf8))
        let columns = try XCTUnwrap(meta["columns"] as? [[String: String]])
        XCTAssertEqual(columns.map { $0["key"] ?? "" }, csv.header)
        XCTAssertEqual(columns.map { $0["role"] ?? "" }, report.fields.schema.columns.map(\.role.description))
        XCTAssertFalse(columns.contains { ($0["role"] ?? "value") == "value" }, "every column has a role")
        let role = Dictionary(uniqueKeysWithValues: columns.map { ($0["key"]!, $0["role"]!) })
        XCTAssertEqual(role["teacher"], "identity: teacher view")
        XCTAssertEqual(role["student"], "identity: student view")
        XCTAssertEqual(role["kd_gain"], "measured: gain")
        XCTAssertEqual(role["gap_ksg"], "estimate(ksg): gap")
        XCTAssertEqual(role["cch_predicts_gain_gaussian"], "verdict(gaussian): predicts gain")
        XCTAssertEqual(role["theory_gain_mse"], "theory: gain")
        XCTAssertEqual(role["theory_method"], "theory: method")
        XCTAssertEqual(role["linear_gain_mse"], "theory_learner: gain")
        XCTAssertEqual(role["theory_agrees_linear"], "theory: agrees")
        // Roles are unique: every reader finds its column by role alone.
        XCTAssertEqual(Set(report.fields.schema.columns.map(\.role)).count, csv.header.count)
        // The summary's verdicts are read through the roles: the confusion counts every pair once.
        for e in report.fields.estimators { XCTAssertEqual(report.confusion(e).flatMap { $0 }.reduce(0, +), 2) }
    }
}

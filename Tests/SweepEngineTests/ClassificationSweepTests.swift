import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import CrossModalKD
import Foundation
import Testing

/// Issue 5's outputs in sweeps: class-label columns, a logistic student's classification columns,
/// decision-reliability columns, and their plots (the accuracy measure and the reliability kind).
struct ClassificationSweepTests {
    static let logistic = """
        name = "logit"
        seed = 4
        [model]
        kind = "latent"
        label = "sign"
        teacher_loadings = [[1.0, 0.0]]
        student_loadings = [[1.0, 0.0], [0.0, 1.0]]
        label_loadings = [1.0, 0.0]
        teacher_noise = 0.1
        student_noise = 1.0
        label_noise = 1.5
        [student]
        loss = "logistic"
        n = 30
        lambda = 0.7
        temperature = 2.0
        [monte_carlo]
        trials = 40
        """

    static let reliability = """
        name = "rel"
        seed = 9
        [model]
        kind = "correlations"
        rho_ts = 0.45
        rho_sy = 0.4
        rho_ty = 0.3
        [student]
        n = 40
        [estimation]
        repeats = 20
        """

    func run(_ text: String, plots: Bool = true) throws -> (RunOutcome, [[String: String]], String) {
        let dir = try SweepRunTests.directory()
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir),
                                                  options: SweepRunTests.options(dir, plots: plots))
        let lines = try SweepRunTests.lines(outcome.csvPath)
        let header = csvFields(lines[0])
        let rows = lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, csvFields(line)))
        }
        return (outcome, rows, dir)
    }

    @Test func logisticSweepHasTheClassifyColumnsAndDecodesEveryPoint() throws {
        let text = Self.logistic + "\n[sweep]\n\"student.lambda\" = [0.0, 0.7]\n"
        // student.lambda has a typed patch, but a logistic student's spec holds lambda too: the
        // sweep must see that the patch is not enough and decode the point.
        let sweep = try Sweep(file: "s.toml", text: text)
        #expect(try sweep.scenario(at: 1).classification?.lambda == 0.7)
        #expect(try sweep.scenario(at: 0).classification?.lambda == 0.0)
        let (outcome, rows, _) = try run(text)
        #expect(SweepEvaluators.for(sweep).flatMap(\.columns).map(\.key) == ClassificationFields.table.columns.map(\.key))
        #expect(rows.count == 2 && rows.allSatisfy { $0["valid"] == "1" })
        #expect(Double(rows[0]["cls_kd_gain"] ?? "") == 0 && rows[0]["cls_kd_helps"] == "0", "\(rows[0])")  // lambda = 0: the same fit
        // Point 0 is what classify prints (same streams: grid point 0).
        let files = try TestFiles()
        defer { files.remove() }
        let single = try files.write("one.toml", Self.logistic.replacingOccurrences(of: "lambda = 0.7", with: "lambda = 0.0"))
        let json = try jsonObject(try CCHSimExecutable.run(["classify", single, "--json"]).out)
        let sweptAccuracy = try #require(Double(rows[0]["cls_accuracy_kd"] ?? ""))
        assertClose(sweptAccuracy, json["cls_accuracy_kd"] as? Double ?? .nan, absolute: 1e-15, "cls_accuracy_kd")
        // Plots: the accuracy measure, the class-label gap (the script: PlotScriptSnapshotTests, "logit").
        #expect(outcome.plotFiles.contains { $0.hasSuffix("logit-curves.gp") })
        #expect(outcome.plotWarnings.isEmpty, "\(outcome.plotWarnings)")
        #expect(outcome.summary.rightAboutGain + outcome.summary.falseAlarms + outcome.summary.misses + outcome.summary.rightAboutNoGain == 2)
    }

    @Test func signLabelSweepAddsTheClassColumns() throws {
        let text = Self.reliability.replacingOccurrences(of: "rho_ty = 0.3", with: "rho_ty = 0.3\nlabel = \"sign\"")
            .replacingOccurrences(of: "[estimation]\nrepeats = 20", with: "") + "\n[sweep]\n\"model.rho_ts\" = [0.3, 0.6]\n"
        let (_, rows, _) = try run(text, plots: false)
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        #expect(rows[1]["label"] == "sign" && rows[1]["kd_gain"] != nil)
        assertClose(Double(rows[1]["mi_sc"] ?? "") ?? .nan, SignLabelInformation.mutualInformation(m, block: m.studentIndices), absolute: 1e-15, "mi_sc")
        // I(T;S) = 0.047 < I(S;C) = 0.059 at rho_ts = 0.3; 0.223 > 0.059 at 0.6.
        #expect(rows[0]["cch_predicts_gain_class"] == "0" && rows[1]["cch_predicts_gain_class"] == "1")
    }

    @Test func reliabilitySweepOverTheSampleSize() throws {
        let text = Self.reliability + "\n[sweep]\n\"estimation.n\" = [30, 300]\n"
        let sweep = try Sweep(file: "s.toml", text: text)
        #expect(try PlotPlan(sweep: sweep).kinds == [.reliability])
        let (outcome, rows, dir) = try run(text)
        #expect(rows.map { $0["estimation_n"] } == ["30", "300"])
        let expected = try DecisionReliability(of: Scenario(file: "s.toml", text: Self.reliability.replacingOccurrences(of: "repeats = 20", with: "repeats = 20\nn = 300")),
                                                point: 1)
        #expect(Double(rows[1]["ksg_flip_probability"] ?? "") == expected.rows.first { $0.estimator == .ksg }?.signErrorProbability)
        #expect(Double(rows[1]["gaussian_gap_mean"] ?? "") == expected.rows.first { $0.estimator == .gaussian }?.gapMean)
        let data = try String(contentsOfFile: dir + "/rel-reliability.dat", encoding: .utf8)
        #expect(data.components(separatedBy: "\n\n").count == 2)  // one block per estimator
        #expect(outcome.plotWarnings.isEmpty, "\(outcome.plotWarnings)")
        #expect(outcome.plotFiles.contains { $0.hasSuffix("rel-reliability.gp") })
    }

    @Test(.enabled(if: Gnuplot.executable != nil, "gnuplot is not installed: rendering not tested"))
    func reliabilitySweepRendersItsPNG() throws {
        let (outcome, _, _) = try run(Self.reliability + "\n[sweep]\n\"estimation.n\" = [30, 300]\n")
        #expect(outcome.plotFiles.contains { $0.hasSuffix("rel-reliability.png") })
    }

    @Test func reliabilityNeedsOneSampleSizePerPointAndItsTable() throws {
        let listed = Self.reliability.replacingOccurrences(of: "repeats = 20", with: "repeats = 20\nn = [30, 60]")
            + "\n[sweep]\n\"model.rho_ts\" = [0.3, 0.6]\n"
        let (_, rows, _) = try run(listed, plots: false)
        #expect(rows.allSatisfy { $0["valid"] == "0" && ($0["invalid_reason"] ?? "").contains("estimation.n: a sweep point computes one sample size") })
        let named = "[output]\nplots = [\"reliability\"]\n[sweep]\n\"model.rho_ts\" = [0.3, 0.6]\n"
        let noTable = Self.reliability.replacingOccurrences(of: "[estimation]\nrepeats = 20", with: "") + named
        #expect(throws: (any Error).self) { try PlotPlan(sweep: try Sweep(file: "s.toml", text: noTable)) }
        #expect(try PlotPlan(sweep: try Sweep(file: "s.toml", text: Self.reliability + "\n" + named)).kinds == [.reliability])
    }

    @Test func evaluatorKeysArePinned() {
        #expect(ClassInformationFields.table.columns.map(\.key) == ["label", "entropy_c", "mi_sc", "mi_tc", "cch_gap_class", "cch_predicts_gain_class",
                                                   "accuracy_bayes_s", "accuracy_bayes_t"])
        #expect(ClassificationFields.table.columns.map(\.key) == ["trials", "test_n", "student_n", "teacher_n", "lambda", "temperature", "mi_ts"]
                 + ClassInformationFields.table.columns.map(\.key)
                 + ["cls_accuracy_teacher", "cls_accuracy_no_kd", "cls_accuracy_no_kd_se", "cls_accuracy_kd", "cls_accuracy_kd_se",
                    "cls_kd_gain", "cls_kd_gain_se", "cls_kd_gain_z", "cls_kd_better_fraction", "cls_kd_helps", "cls_cch_agrees",
                    "cls_separable_no_kd", "cls_separable_kd", "cls_separable_teacher", "cls_not_converged"])
    }
}

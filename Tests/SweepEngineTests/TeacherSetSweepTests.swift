import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// Sweeps of a model with several teacher modalities
/// (docs/multi-teacher.md, "Sweeps and the canonical figure"): the teacher-set columns against the library's comparison and against
/// independent single-teacher analyses, sweeps over an ensemble weight and a modality's strength
/// (threads, shards, resume), and the adding maps as gnuplot renders them.
final class TeacherSetSweepTests: XCTestCase {
    /// Two scalar teacher modalities A and B, OLS teachers on 30 rows each, an OLS student on 20.
    static func twoModalities(sweep: String, teacher: String = "", output: String = "") -> String {
        """
        name = "sets"
        seed = 5

        [model]
        kind = "correlations"
        rho_sy = 0.3

        [model.teachers.A]
        rho_ts = 0.2
        rho_ty = 0.5

        [model.teachers.B]
        rho_ts = 0.2
        rho_ty = 0.5
        rho_with_A = 0.3

        [teacher]
        target = "prediction"
        fit = "ols"
        n = 30
        \(teacher)

        [student]
        n = 20
        lambda = 0.3

        \(output)
        [sweep]
        \(sweep)
        """
    }

    static let strengthByCorrelation = """
        "model.teachers.B.rho_ty" = [-0.6, 0.1, 0.5, 0.9]
        "model.teachers.B.rho_with_A" = [-0.9, -0.5, 0.2, 0.6]
        """

    /// The rows of a finished CSV as dictionaries by column name.
    static func rows(_ csv: String) throws -> [[String: String]] {
        let lines = try SweepRunTests.lines(csv)
        let header = csvFields(lines[0])
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, csvFields($0))) }
    }

    func testColumnsAreTheLibrarysComparisonAndIndependentAnalysesAgree() throws {
        let dir = try SweepRunTests.directory()
        let text = Self.twoModalities(sweep: Self.strengthByCorrelation)
        let path = try SweepRunTests.file(text, in: dir)
        let outcome = try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir))
        let sweep = try Sweep(file: path, text: text)
        let rows = try Self.rows(outcome.csvPath)
        XCTAssertEqual(rows.count, 16)
        XCTAssertGreaterThan(rows.filter { $0["valid"] == "0" }.count, 0, "the grid crosses the validity boundary")
        var helpsSeen = Set<Bool>()
        for row in rows where row["valid"] == "1" {
            let point = try XCTUnwrap(Int(row["point"] ?? ""))
            let scenario = try sweep.scenario(at: point)
            let comparison = try TeacherSetComparison(of: scenario)
            // Every value is the comparison's, as the CSV writes numbers (shortest round trip).
            func value(_ key: String) throws -> Double { try XCTUnwrap(Double(try XCTUnwrap(row[key], key)), key) }
            for (name, set) in [("A", [0]), ("B", [1]), ("A+B", [0, 1])] {
                let choice = try XCTUnwrap(comparison.choices.first { $0.combination.isSet && $0.modalities == set })
                XCTAssertEqual(try value("teacher_set.\(name).cch_gap"), choice.cchGap)
                XCTAssertEqual(try value("teacher_set.\(name).kd_gain_opt"), try XCTUnwrap(choice.kdGainOpt))
                XCTAssertEqual(try value("teacher_set.\(name).lambda_opt"), try XCTUnwrap(choice.lambdaOpt))
                // The same scenario with teacher.modalities = the set, as `cchsim analyze` reads it.
                let own = try KDAnalysis(formulaOf: Scenario(document: try scenario.document.setting(
                    .array(name.split(separator: "+").map { .string(String($0)) }), at: "teacher.modalities")))
                XCTAssertEqual(own.kdGainOpt, try value("teacher_set.\(name).kd_gain_opt"), accuracy: 1e-15)
                XCTAssertEqual(own.information.cchGap, try value("teacher_set.\(name).cch_gap"), accuracy: 1e-15)
            }
            // Independently: one modality is the single-teacher correlations model, the pair the
            // covariance model with T = (T_A, T_B) as one vector teacher.
            let rhoTY = try value("model.teachers.B.rho_ty"), rhoAB = try value("model.teachers.B.rho_with_A")
            let single = try Self.singleTeacher(model: "kind = \"correlations\"\nrho_ts = 0.2\nrho_sy = 0.3\nrho_ty = \(rhoTY)")
            XCTAssertEqual(single.kdGainOpt, try value("teacher_set.B.kd_gain_opt"), accuracy: 1e-12 * single.riskNoKD)
            XCTAssertEqual(single.lambdaOpt, try value("teacher_set.B.lambda_opt"), accuracy: 1e-9)
            XCTAssertEqual(single.information.cchGap, try value("teacher_set.B.cch_gap"), accuracy: 1e-12)
            let pair = try Self.singleTeacher(model: """
                kind = "covariance"
                dt = 2
                ds = 1
                matrix = [[1, \(rhoAB), 0.2, 0.5], [\(rhoAB), 1, 0.2, \(rhoTY)], [0.2, 0.2, 1, 0.3], [0.5, \(rhoTY), 0.3, 1]]
                """)
            XCTAssertEqual(pair.kdGainOpt, try value("teacher_set.A+B.kd_gain_opt"), accuracy: 1e-12 * pair.riskNoKD)
            XCTAssertEqual(pair.information.cchGap, try value("teacher_set.A+B.cch_gap"), accuracy: 1e-12)
            // The verdict on adding B to A (or A to B), from the set columns.
            let best = try max(value("teacher_set.A.kd_gain_opt"), value("teacher_set.B.kd_gain_opt"))
            let gain = try value("teacher_set.A+B.kd_gain_opt") - best
            XCTAssertEqual(try value("adding_gain"), gain, accuracy: 1e-15)
            let helps = gain > KDAnalysis.gainTolerance * (try value("risk_no_kd"))
            XCTAssertEqual(row["adding_helps"], helps ? "1" : "0")
            helpsSeen.insert(helps)
            let pairGap = try value("teacher_set.A+B.cch_gap")
            let singleGap = try max(value("teacher_set.A.cch_gap"), value("teacher_set.B.cch_gap"))
            let predicts = pairGap > 0 && pairGap > singleGap
            XCTAssertEqual(row["cch_predicts_adding_helps"], predicts ? "1" : "0")
            XCTAssertEqual(row["cch_adding_agrees"], predicts == helps ? "1" : "0")
            XCTAssertEqual(try value("adding_cch_gap"), pairGap)
            XCTAssertEqual(row["teacher_set_best_by_truth"], comparison.bestByTruth.map {
                scenario.teacherChoiceName(comparison.choices[$0]).replacingOccurrences(of: "ensemble ", with: "ensemble:") })
            XCTAssertEqual(row["teacher_set_best_by_cch"], "A+B", "I(T_J;S) grows with J")
        }
        XCTAssertEqual(helpsSeen, [true, false], "the grid has points where adding helps and points where it does not")
        // The run summary counts the adding verdicts of the valid rows, and meta.json has them.
        let counted = CCHOutcome.allCases.map { o in
            rows.filter { $0["valid"] == "1" && CCHOutcome(predictsGain: $0["cch_predicts_adding_helps"] == "1", helps: $0["adding_helps"] == "1") == o }.count
        }
        XCTAssertEqual(outcome.summary.adding, counted)
        let meta = try String(contentsOfFile: outcome.metaPath, encoding: .utf8)
        XCTAssert(meta.contains("\"adding_cch_false_alarms\": \(counted[CCHOutcome.falseAlarm.rawValue])"), meta)
        XCTAssert(outcome.summary.text().contains("CCH on the teacher sets about adding modalities"), outcome.summary.text())
    }

    /// The KD analysis of a one-teacher scenario with `model`, the teachers and student of `twoModalities`.
    static func singleTeacher(model: String) throws -> KDAnalysis {
        try KDAnalysis(formulaOf: Scenario(file: "single.toml", text: """
            [model]
            \(model)
            [teacher]
            target = "prediction"
            fit = "ols"
            n = 30
            [student]
            n = 20
            lambda = 0.3
            """))
    }

    /// Three modalities: the singles, the pairs and the full set have columns, the ensemble of all.
    func testThreeModalitiesHaveEverySetsColumns() throws {
        let text = """
            [model]
            kind = "correlations"
            rho_sy = 0.3
            [model.teachers.A]
            rho_ts = 0.5
            rho_ty = 0.6
            [model.teachers.B]
            rho_ts = 0.1
            rho_ty = 0.5
            [model.teachers.C]
            rho_ts = 0.6
            rho_ty = 0.2
            [student]
            n = 20
            [sweep]
            "student.lambda" = [0.2, 0.6]
            """
        let sweep = try Sweep(file: "three.toml", text: text)
        let keys = SweepEvaluators.for(sweep).flatMap(\.columns).map(\.key)
        let sets = ["A", "B", "C", "A+B", "A+C", "B+C", "A+B+C"]
        XCTAssertEqual(keys.filter { $0.hasPrefix("teacher_set.") && $0.hasSuffix(".cch_gap") }, sets.map { "teacher_set.\($0).cch_gap" })
        XCTAssert(keys.contains("teacher_set.ensemble:A+B+C.kd_gain_opt"))
        XCTAssertEqual(TeacherSetFields.reportedSets(modalityCount: 4).count, 4 + 6 + 1)
        XCTAssertEqual(TeacherSetFields.reportedSets(modalityCount: 2), [[0], [1], [0, 1]])
        // One teacher modality: no teacher-set columns, the schema of every earlier version.
        let single = try Sweep(file: "one.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.2, 0.6]"))
        XCTAssertEqual(SweepEvaluators.for(single).flatMap(\.columns).map(\.key), AnalysisFields.table.columns.map(\.key))
    }

    /// Sweeps over an ensemble weight and over a modality's strength give the same bytes on 1 and
    /// 2 threads, sharded and merged, and resumed after a kill.
    func testWeightAndStrengthSweepsAreReproducible() throws {
        let text = Self.twoModalities(
            sweep: "\"teacher.weights.A\" = { from = 0, to = 2, steps = 41 }\n\"model.teachers.B.rho_ty\" = { from = -0.4, to = 0.8, steps = 13 }",
            teacher: "combine = \"ensemble\"\n[teacher.weights]\nA = 0.5\nB = 0.5")
        let one = try SweepRunTests.directory(), two = try SweepRunTests.directory(), sharded = try SweepRunTests.directory()
        let whole = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: one), options: SweepRunTests.options(one, threads: 1))
        _ = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: two), options: SweepRunTests.options(two, threads: 2))
        let expected = try Data(contentsOf: URL(fileURLWithPath: whole.csvPath))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: two + "/sets.csv")), expected)
        let path = try SweepRunTests.file(text, in: sharded)
        let shards = try [2, 1, 3].map {
            try SweepRunTests.runSweep(path, options: SweepRunTests.options(sharded, shard: Shard(index: $0, count: 3))).csvPath
        }
        let merged = try ShardMerge(csvPaths: shards, outDirectory: sharded + "/merged", plots: false).run()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: merged.csvPath)), expected)
        XCTAssertEqual(merged.summary, whole.summary)

        // The weight reaches the ensemble: at w_A = 0 the ensemble is B's teacher alone.
        let rows = try Self.rows(whole.csvPath)
        let first = try XCTUnwrap(rows.first)
        XCTAssertEqual(first["teacher.weights.A"], "0.0")
        XCTAssertEqual(first["kd_gain_opt"], first["teacher_set.B.kd_gain_opt"])
        XCTAssertEqual(first["cch_gap"], first["teacher_set.B.cch_gap"])
        XCTAssertNotEqual(rows[13]["kd_gain_opt"], rows[0]["kd_gain_opt"], "w_A = 0.05 is another ensemble")
        // At w_A = w_B the scenario's ensemble is the comparison's equal-weight ensemble.
        for row in rows where row["teacher.weights.A"] == "0.5" { XCTAssertEqual(row["kd_gain_opt"], row["teacher_set.ensemble:A+B.kd_gain_opt"]) }

        // Killed mid-way and resumed: the same bytes.
        let resumedDir = try SweepRunTests.directory()
        let big = text.replacingOccurrences(of: "steps = 41", with: "steps = 121")
        let bigPath = try SweepRunTests.file(big, in: resumedDir)
        let reference = try SweepRunTests.directory()
        let full = try SweepRunTests.runSweep(try SweepRunTests.file(big, in: reference), options: SweepRunTests.options(reference))
        let (process, points) = try SweepRunTests.startAndStopMidway(["run", bigPath, "--out", resumedDir, "--no-plots"],
                                                                     checkpoint: resumedDir + "/.sets.checkpoint.json", signal: SIGKILL)
        XCTAssertEqual(process.terminationStatus, SIGKILL)
        XCTAssertGreaterThan(points, 0)
        let resumed = try CCHSimExecutable.run(["run", bigPath, "--out", resumedDir, "--no-plots", "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: resumedDir + "/sets.csv")), try Data(contentsOf: URL(fileURLWithPath: full.csvPath)))
        XCTAssert((resumed.out + resumed.err).contains(full.summary.text()), "the resumed summary (checkpoint included) is the whole run's")
    }

    /// The adding maps as gnuplot draws them (PDF, read back with pdftotext): title, axis labels
    /// by the modalities' names, the legend of the four outcomes and the CCH boundary of the pair;
    /// their data file holds the verdict columns of the CSV.
    func testAddingMapsRenderTheirLabels() throws {
        let dir = try SweepRunTests.directory()
        let text = Self.twoModalities(sweep: Self.strengthByCorrelation,
                                      output: "[output]\nplots = [\"adding-agreement\", \"adding-heatmap\"]\nformats = [\"png\", \"pdf\"]")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir, plots: true))
        let names = outcome.plotFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
        XCTAssertEqual(Set(names), ["sets-adding-grid.dat", "sets-adding-agreement.gp", "sets-adding-heatmap.gp", "sets-adding-agreement.png",
                                    "sets-adding-agreement.pdf", "sets-adding-heatmap.png", "sets-adding-heatmap.pdf"])
        // The grid data: outcome codes from the CSV's adding verdict.
        let rows = try Self.rows(outcome.csvPath)
        let data = try String(contentsOfFile: dir + "/sets-adding-grid.dat", encoding: .utf8)
        let cells = data.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(cells.count, rows.count)
        for (cell, row) in zip(cells, rows) where row["valid"] == "1" {
            let outcome = CCHOutcome(predictsGain: row["cch_predicts_adding_helps"] == "1", helps: row["adding_helps"] == "1")
            XCTAssertEqual(cell[10], "\(outcome.rawValue)")
            XCTAssertEqual(cell[8], row["adding_cch_gap"])
        }
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed: the scripts are written, not rendered") }
        XCTAssertEqual(outcome.plotWarnings, [])
        let agreement = try Self.renderedText(dir + "/sets-adding-agreement.pdf")
        for phrase in ["Does CCH on the teacher set predict when adding a modality helps?",
                       "corr. of teacher modality B with the label (its strength)", "corr. of teacher modalities A and B",
                       "CCH right: predicts that adding helps, it does", "false alarm: CCH predicts that adding helps, it does not",
                       "miss: CCH predicts no help from adding, it helps", "CCH boundary", "teacher set J of largest gap"] {
            XCTAssert(agreement.contains(phrase), "\(phrase) in the rendered agreement map:\n\(agreement)")
        }
        let heatmap = try Self.renderedText(dir + "/sets-adding-heatmap.pdf")
        for phrase in ["Where does adding a teacher modality help?", "adding helps: a set beats every single modality",
                       "adding does not help: the best single modality teaches as well or better"] {
            XCTAssert(heatmap.contains(phrase), "\(phrase) in the rendered heatmap:\n\(heatmap)")
        }
        // The colour box's rotated label does not come back from pdftotext whole: the script's.
        XCTAssert(try String(contentsOfFile: dir + "/sets-adding-heatmap.gp", encoding: .utf8)
            .contains("set cblabel 'gain of adding: best G(λ*) of a set of ≥ 2 modalities − best G(λ*) of one, % of E R(0)'"))
    }

    /// The text of a rendered PDF figure, on one line (pdftotext; poppler-utils is installed with the other Debian packages).
    static func renderedText(_ pdf: String) throws -> String {
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-raw", pdf, "-"])
        XCTAssertEqual(result.status, 0, result.err)
        return result.out.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    func testAddingMapsNeedSeveralModalities() throws {
        let text = ScenarioFixtures.sweepScenario("[output]\nplots = [\"adding-agreement\"]\n[sweep]\n\"model.rho_ts\" = [0.1, 0.2]\n\"model.rho_sy\" = [0.1, 0.2]")
        XCTAssertThrowsError(try PlotPlan(sweep: try Sweep(file: "one.toml", text: text))) {
            XCTAssertEqual("\($0)", "one.toml: output.plots: a adding-agreement compares teacher sets: it needs a model with at least two "
                + "teacher modalities (docs/multi-teacher.md)")
        }
        // With two modalities and two numeric axes, the shape adds the adding maps.
        let grid = "\"model.teachers.B.rho_ty\" = [0.1, 0.5]\n\"model.teachers.B.rho_with_A\" = { from = -0.8, to = 0.8, steps = 9 }"
        XCTAssertEqual(try PlotPlan(sweep: try Sweep(file: "two.toml", text: Self.twoModalities(sweep: grid))).kinds,
                       [.heatmap, .agreement, .addingHeatmap, .addingAgreement])
    }

    /// OLS teachers on 3 rows: each modality alone has a formula (n_t > d + 1 = 2), the pair none
    /// (n_t <= 3): the adding verdict is nan and its maps are left out with a warning, while the
    /// maps of the scenario's own teacher (A) are drawn.
    func testNoVerdictOnAddingMeansNoAddingMaps() throws {
        let dir = try SweepRunTests.directory()
        let text = Self.twoModalities(sweep: Self.strengthByCorrelation, teacher: "modalities = [\"A\"]")
            .replacingOccurrences(of: "n = 30", with: "n = 3")
            .replacingOccurrences(of: "[sweep]", with: "[output]\nplots = [\"heatmap\", \"adding-agreement\"]\n[sweep]")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir, plots: true))
        let valid = try Self.rows(outcome.csvPath).filter { $0["valid"] == "1" }
        XCTAssertFalse(valid.isEmpty)
        for row in valid {
            XCTAssertEqual(row["teacher_set.A+B.kd_gain_opt"], "nan")
            XCTAssertNotEqual(row["teacher_set.A.kd_gain_opt"], "nan")
            XCTAssertEqual(row["adding_helps"], "nan")
            XCTAssertEqual(row["adding_gain"], "nan")
        }
        let names = outcome.plotFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
        XCTAssert(names.contains("sets-heatmap.gp"), "\(names)")
        XCTAssertFalse(names.contains { $0.hasPrefix("sets-adding") }, "\(names)")
        XCTAssert(outcome.plotWarnings.contains { $0.hasPrefix("no grid point has a verdict on adding teacher modalities") }, "\(outcome.plotWarnings)")
    }

    func testModalityKeysAreLabelledByName() {
        XCTAssertEqual(PlotLabels.axis(.modality("B", .rhoTY)), "ρ(T_{B}, Y): corr. of teacher modality B with the label (its strength)")
        XCTAssertEqual(PlotLabels.symbol(.modality("B", .rhoWith("A"))), "ρ(T_{A}, T_{B})")
        XCTAssertEqual(PlotLabels.symbol(.teacherWeight("x_1")), "w_{x\\_1}")
        XCTAssertEqual(PlotLabels.axis(.modality("B", .loadings)), GnuplotText.literal("model.teachers.B.loadings"))
        XCTAssert(PlotLabels.isCorrelation(.modality("B", .rhoTS)))
        XCTAssertFalse(PlotLabels.isCorrelation(.teacherWeight("A")))
    }
}

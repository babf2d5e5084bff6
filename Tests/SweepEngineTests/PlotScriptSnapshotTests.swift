import CCHScenario
import CrossModalKD
import CCHTestSupport
@testable import SweepEngine
import Foundation
import XCTest

/// Every gnuplot script the engine writes for small sweeps, compared line for line with its
/// snapshot (`Snapshots/FIXTURE-SCRIPT.gp`): curves along one axis (one λ, several λ at two sizes,
/// a log n axis, a symmetric-log gain with its sign changes, Monte Carlo points, a classification
/// sweep), maps (over two correlations; across the validity boundary with the agreement map) and
/// the figures of `cchsim teachers`.
/// The canonical Plots/*.gp are the same check on the shipped scenarios; these fixtures are small
/// enough to run in the unit tests. After a deliberate change to the figures, `make snapshots`
/// re-records them (docs/testing.md).
final class PlotScriptSnapshotTests: XCTestCase {
    /// Runs `text` with plots and checks every `.gp` it wrote against `Snapshots/<fixture>-<name>.gp`,
    /// and that the fixture has no other snapshot. The output directory, which differs per run, is
    /// written as `OUT` in the snapshot.
    private func assertScripts(_ fixture: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try SweepRunTests.directory()
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir, plots: true))
        let scripts = outcome.plotFiles.filter { $0.hasSuffix(".gp") }
        XCTAssertFalse(scripts.isEmpty, "\(fixture) writes gnuplot scripts", file: file, line: line)
        let names = scripts.map { "\(fixture)-\(URL(fileURLWithPath: $0).lastPathComponent)" }
        for (path, name) in zip(scripts, names) {
            let script = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: dir, with: "OUT")
            assertSnapshot(script, named: name, filePath: file, line: line)
        }
        // No snapshot outlives its figure (delete the file of a figure no longer drawn).
        XCTAssertEqual(snapshotNames(filePath: file).filter { $0.hasPrefix(fixture + "-") }, names.sorted(), file: file, line: line)
    }

    /// The figures of `cchsim teachers` for a planted two-view data set (a teacher view that sees
    /// two latent factors sharply, a student view through noise), with a class label and with a
    /// continuous one. The directory of the data files is written `DATA`.
    func testTeacherFigures() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed: teachers draws its figures only with it") }
        let planted = try PlantedViews(model: JointGaussian.latent(
            teacherLoadings: Matrix([[1, 0], [0, 1]]), studentLoadings: Matrix([[0.6, 0], [0, 0.4]]),
            labelLoadings: [1, 0.6], teacherNoise: 0.3, studentNoise: 1, labelNoise: 0.5), rows: 120, seed: 12)
        for (fixture, classes) in [("teachers-class", planted.signClasses.map { $0 == 1 ? "pos" : "neg" }), ("teachers-continuous", nil)] {
            let files = try TestFiles()
            defer { files.remove() }
            let path = try planted.writeDataScenario(in: files, name: "planted", components: 2, classes: classes, settings: """
                [teacher]
                n = 40
                [student]
                n = 20
                lambda = 0.5
                lambda_grid = [0, 0.5]
                [experiment]
                splits = 6
                [estimation]
                replicates = 0
                """)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let out = files.directory.appendingPathComponent("out").path
            let outcome = try TeacherSelectionRun.run(try DataScenario(file: path, text: text), text: text, out: out, threads: 2, plots: true, log: { _ in })
            let scripts = outcome.files.filter { $0.hasSuffix(".gp") }
            XCTAssertFalse(scripts.isEmpty, "\(fixture) writes gnuplot scripts")
            let names = scripts.map { "\(fixture)-\(URL(fileURLWithPath: $0).lastPathComponent)" }
            for (script, name) in zip(scripts, names) {
                let text = try String(contentsOfFile: script.hasPrefix("/") ? script : out + "/" + script, encoding: .utf8)
                assertSnapshot(text.replacingOccurrences(of: out, with: "OUT").replacingOccurrences(of: files.directory.path, with: "DATA"), named: name)
            }
            XCTAssertEqual(snapshotNames().filter { $0.hasPrefix(fixture + "-") }, names.sorted())
        }
    }

    func testCurvesAlongLambda() throws {
        try assertScripts("lambda", ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.0, 0.25, 0.5, 0.75, 1.0]"))
    }

    /// A sweep over n with the KD weight as a further axis: each line's key entry names its own λ
    /// in the palette's order, and nothing claims one "scenario's λ" for all of them, at the screen
    /// size (captions) and the page size (key only); with one λ, the key names the scenario's.
    func testCurvesOfSeveralLambdas() throws {
        for size in ["screen", "page"] {
            try assertScripts("lambdas-\(size)", ScenarioFixtures.sweepScenario(
                "[output]\nsize = \"\(size)\"\nplots = [\"curves\"]\n[sweep]\n\"student.n\" = [20, 40, 80]\n\"student.lambda\" = [0.1, 0.5, 0.9]",
                student: "n = 12\nlambda = 0.1"))
        }
        try assertScripts("one-lambda", ScenarioFixtures.sweepScenario("[output]\nplots = [\"curves\"]\n[sweep]\n\"student.n\" = [20, 40]",
                                                                       student: "n = 12\nlambda = 0.3"))
    }

    func testMapOverTwoCorrelations() throws {
        try assertScripts("map", FigureOutputTests.map)
    }

    /// A grid across the validity boundary: the heatmap's CCH boundary contour and the invalid
    /// points' legend, the agreement map's four outcomes with their counts.
    func testMapAndAgreementAcrossTheValidityBoundary() throws {
        try assertScripts("known-grid", SweepRunTests.knownGrid.replacingOccurrences(of: "[sweep]", with: "[output]\nplots = [\"heatmap\", \"agreement\"]\n[sweep]"))
    }

    func testLogAxisOfASweptN() throws {
        try assertScripts("n-log", ScenarioFixtures.sweepScenario("[sweep]\n\"student.n\" = [10, 30, 100, 300, 1000]",
                                                                  teacher: "target = \"prediction\"\nfit = \"ols\"\nn = 50",
                                                                  student: "n = 40\nlambda = 0.3"))
    }

    func testSymmetricLogGainWithSignChanges() throws {
        try assertScripts("symlog", GainSignChangeTests.latent
                          + "[output]\nlog_y = \"symlog\"\n[sweep]\n\"student.n\" = { from = 10, to = 1000, steps = 8, scale = \"log\" }\n")
    }

    func testMonteCarloAgreement() throws {
        try assertScripts("agreement", ScenarioFixtures.sweepScenario("[monte_carlo]\ntrials = 50\n[sweep]\n\"model.rho_ts\" = [0.2, 0.6]\n\"student.n\" = [10, 40]",
                                                                      student: "n = 20\nlambda = 0.5"))
    }

    func testClassificationCurves() throws {
        try assertScripts("logit", ClassificationSweepTests.logistic + "\n[sweep]\n\"student.lambda\" = [0.0, 0.7]\n")
    }
}

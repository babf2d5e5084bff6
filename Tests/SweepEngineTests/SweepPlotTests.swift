import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import Foundation
import XCTest

/// The plots of a sweep: the kinds chosen from its shape or named in `[output]`, their data files,
/// and scripts that gnuplot accepts (rendered here when gnuplot is installed, as in CI).
final class SweepPlotTests: XCTestCase {
    func plan(_ sweep: String, model: String? = nil) throws -> PlotPlan {
        let text = model.map { ScenarioFixtures.sweepScenario(sweep, model: $0) } ?? ScenarioFixtures.sweepScenario(sweep)
        return try PlotPlan(sweep: try Sweep(file: "grid.toml", text: text))
    }

    func testKindsFollowTheSweepsShape() throws {
        XCTAssertEqual(try plan("").kinds, [])
        XCTAssertEqual(try plan("[sweep]\n\"student.lambda\" = { from = 0, to = 1, steps = 11 }").kinds, [.curves])
        XCTAssertEqual(try plan("[sweep]\n\"student.lambda\" = { from = 0, to = 1, steps = 11 }\n\"student.ridge\" = [0.1, 1]").kinds, [.curves])
        XCTAssertEqual(try plan("[sweep]\n\"model.rho_ts\" = { from = 0, to = 0.5, steps = 6 }\n\"model.rho_sy\" = { from = 0, to = 0.5, steps = 6 }").kinds,
                       [.heatmap, .agreement])
        XCTAssertEqual(try plan("[sweep]\n\"model.draw\" = { from = 0, to = 9, steps = 10 }", model: "kind = \"random-latent\"").kinds, [.scatter])
        XCTAssertEqual(try plan("[output]\nplots = [\"scatter\", \"curves\"]\n[sweep]\n\"student.lambda\" = [0.1, 0.2]").kinds, [.scatter, .curves])
        XCTAssertThrowsError(try plan("[output]\nplots = [\"agreement\"]\n[sweep]\n\"student.lambda\" = [0.1, 0.2]")) {
            XCTAssert("\($0)".contains("output.plots: a agreement needs the first two [sweep] keys to be numeric"), "\($0)")
        }
        XCTAssertThrowsError(try plan("[output]\nplots = [\"curves\"]\n[sweep]\n\"teacher.target\" = [\"prediction\", \"representation\"]")) {
            XCTAssert("\($0)".contains("curves need the first [sweep] key to be numeric"), "\($0)")
        }
    }

    func testCellEdgesTileTheAxis() {
        let linear = PlotFigures.cellEdges(SweepAxis(key: .student(.ridge), values: [0.0, 0.5, 1.0].map(ScenarioValue.number)), log: false)
        assertClose(linear.map(\.low), [-0.25 - 0.015, 0.25 - 0.015, 0.75 - 0.015], absolute: 1e-12)
        assertClose(linear.map(\.high), [0.25 + 0.015, 0.75 + 0.015, 1.25 + 0.015], absolute: 1e-12)
        let log = PlotFigures.cellEdges(SweepAxis(key: .student(.ridge), values: [1.0, 10, 100].map(ScenarioValue.number), spacing: .log), log: true)
        assertClose(log[1].low * log[1].high, 100, absolute: 1e-9)  // geometric: centred on 10 in log space
        XCTAssertLessThan(log[0].high, log[1].high)
    }

    /// Every plot kind, from sweeps with invalid points and Monte Carlo columns: the data files have
    /// the documented columns, and gnuplot renders every script to a PNG without a warning.
    func testGnuplotAcceptsEveryPlotKind() throws {
        let scenarios: [(name: String, text: String, pngs: [String])] = [
            ("map", ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.9, to = 0.9, steps = 10 }\n\"model.rho_sy\" = { from = -0.9, to = 0.9, steps = 8 }\n\"student.lambda\" = [0.05, 0.5]"),
             ["grid-heatmap-1.png", "grid-heatmap-2.png", "grid-agreement-1.png", "grid-agreement-2.png"]),
            ("curves", ScenarioFixtures.sweepScenario("[monte_carlo]\ntrials = 200\n[sweep]\n\"model.rho_ts\" = { from = 0.1, to = 0.9, steps = 5 }\n\"student.n\" = [10, 40]",
                                               teacher: "target = \"prediction\"", student: "n = 12\nlambda = 0.3"),
             ["grid-curves.png"]),
            ("log", ScenarioFixtures.sweepScenario("[output]\nplots = [\"curves\", \"scatter\"]\n[sweep]\n\"student.ridge\" = { from = 0.001, to = 10, steps = 5, scale = \"log\" }"),
             ["grid-curves.png", "grid-scatter.png"]),
            ("scatter", ScenarioFixtures.sweepScenario("[sweep]\n\"model.draw\" = { from = 0, to = 59, steps = 60 }", model: "kind = \"random-latent\""),
             ["grid-scatter.png"]),
        ]
        let gnuplot = Gnuplot.executable
        for s in scenarios {
            let dir = try SweepRunTests.directory()
            let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(s.text, in: dir),
                                                      options: SweepRunTests.options(dir, plots: true))
            let files = outcome.plotFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
            for gp in s.pngs.map({ $0.replacingOccurrences(of: ".png", with: ".gp") }) { XCTAssert(files.contains(gp), "\(s.name): \(gp) in \(files)") }
            guard gnuplot != nil else { continue }
            XCTAssertEqual(outcome.plotWarnings, [], s.name)
            for png in s.pngs {
                XCTAssert(files.contains(png), "\(s.name): \(png) in \(files)")
                let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + png))
                XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(png) is a PNG")
                XCTAssertGreaterThan(data.count, 10_000, "\(png) has content")
            }
        }
        if gnuplot == nil { throw XCTSkip("gnuplot is not installed: scripts written and checked, rendering not tested") }
    }

    /// A sweep without a single valid point still writes its CSV; it draws nothing and says so.
    func testNoValidPointMeansNoPlots() throws {
        let dir = try SweepRunTests.directory()
        let text = ScenarioFixtures.sweepScenario("[output]\nplots = [\"heatmap\", \"curves\", \"scatter\"]\n[sweep]\n\"model.rho_ts\" = [0.9, 0.95]\n\"model.rho_sy\" = [0.9, 0.95]")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir, plots: true))
        XCTAssertEqual(outcome.summary.invalid, 4)
        XCTAssertEqual(outcome.plotFiles, [])
        XCTAssertEqual(outcome.plotWarnings, ["no valid grid point: no plots drawn"])
        XCTAssertEqual(try SweepRunTests.lines(outcome.csvPath).count, 5)
    }

    /// The grid data file: one block per first-axis value, outcome codes matching the CSV, invalid
    /// points as nan with outcome -1 (the scripts of this grid: PlotScriptSnapshotTests).
    func testMapDataAndScript() throws {
        let dir = try SweepRunTests.directory()
        let text = SweepRunTests.knownGrid.replacingOccurrences(of: "[sweep]", with: "[output]\nplots = [\"heatmap\", \"agreement\"]\n[sweep]")
        let outcome = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir),
                                                  options: SweepRunTests.options(dir, plots: true))
        let data = try String(contentsOfFile: dir + "/grid-grid.dat", encoding: .utf8)
        let blocks = data.components(separatedBy: "\n\n")
        XCTAssertEqual(blocks.count, 5)
        let rows = data.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.count, 10)
        XCTAssertEqual(rows.filter { $0[10] == "-1" }.count, outcome.summary.invalid)
        XCTAssert(rows.filter { $0[10] == "-1" }.allSatisfy { $0[8] == "nan" && $0[6] == "0" })
        XCTAssertEqual(rows.filter { $0[10] == "2" }.count, outcome.summary.falseAlarms)
        XCTAssertEqual(rows.filter { $0[10] == "0" }.count, outcome.summary.rightAboutGain)
    }
}

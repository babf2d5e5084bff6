import CCHScenario
import CCHTestSupport
@testable import CCHSimCLI
import CrossModalKD
import XCTest

/// Lists the user writes (figure formats, plot kinds, estimators) keep each item once, in the
/// order it was first given: a repeat is dropped, never an error and never a reordering.
final class ListedOnceTests: XCTestCase {
    func testFigureFormatListKeepsFirstOccurrences() throws {
        XCTAssertEqual(try FigureFormat.list("svg, png,SVG,pdf,png"), [.svg, .png, .pdf])
        XCTAssertThrowsError(try FigureFormat.list("png,,pdf"))
    }

    func testOutputPlotsAndFormatsKeepFirstOccurrences() throws {
        let text = ScenarioFixtures.sweepScenario(
            "[output]\nplots = [\"scatter\", \"curves\", \"scatter\"]\nformats = [\"pdf\", \"png\", \"pdf\", \"svg\"]\n[sweep]\n\"student.lambda\" = [0.1, 0.2]")
        let output = try OutputSpec(document: try ScenarioDocument(file: "grid.toml", text: text))
        XCTAssertEqual(output.plots, [.scatter, .curves])
        XCTAssertEqual(output.formats, [.pdf, .png, .svg])
    }

    func testEstimatorsKeepFirstOccurrences() throws {
        let text = ScenarioFixtures.sweepScenario("[estimation]\nestimators = [\"ksg\", \"gaussian\", \"ksg\"]")
        let scenario = try Scenario(file: "e.toml", text: text)
        XCTAssertEqual(scenario.estimation.estimators, [.ksg, .gaussian])
        func listed(_ arguments: [String]) throws -> [MIEstimatorKind] {
            try CCHSimCommand.EstimateMI.parse(["x.toml"] + arguments).estimators.value("--estimators").kinds
        }
        XCTAssertEqual(try listed(["--estimators", "ksg, gaussian,ksg,gaussian"]), [.ksg, .gaussian])
        XCTAssertEqual(try listed(["--estimators", "gaussian,,gaussian"]), [.gaussian])
        XCTAssertEqual(try listed([]), [.gaussian, .ksg], "the default is every estimator")
        XCTAssertEqual(try CCHSimCommand.Reliability.parse(["x.toml", "--estimators", "ksg,ksg"]).estimators?.value("--estimators").kinds, [.ksg])
    }
}

import CCHTestSupport
@testable import CCHSimCLI
@testable import SweepEngine
import Foundation
import XCTest

/// `cchsim merge` of an analytic, a Monte Carlo and a logistic sweep: the merged CSV is the single
/// run's byte for byte, and its summary (printed and in `meta.json`) is the single run's too.
final class MergeSummaryTests: XCTestCase {
    static let sweeps: [(name: String, text: String)] = [
        ("analytic", ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.95, to = 0.95, steps = 9 }\n\"model.rho_sy\" = [-0.6, 0.1, 0.7]")),
        ("monte carlo", ScenarioFixtures.sweepScenario("[monte_carlo]\ntrials = 50\n[sweep]\n\"model.rho_ts\" = [0.1, 0.5, 0.9]\n\"student.lambda\" = [0.2, 0.6]",
                                                   teacher: "target = \"prediction\"", student: "n = 12\nlambda = 0.3")),
        ("logistic", ClassificationSweepTests.logistic + "\n[sweep]\n\"model.label_noise\" = [0.3, 1.5]\n\"student.lambda\" = [0.0, 0.7]\n"),
    ]

    func testMergedSummaryEqualsTheSingleRunForEverySweepKind() throws {
        for sweep in Self.sweeps {
            let single = try TestDirectory.make().path, sharded = try TestDirectory.make().path
            let whole = try SweepCommandSupport.run(scenarioPath: try SweepRunTests.file(sweep.text, in: single),
                                                    options: SweepRunTests.options(single))
            let path = try SweepRunTests.file(sweep.text, in: sharded)
            let shards = try (1...2).map { i in
                try SweepCommandSupport.run(scenarioPath: path, options: SweepRunTests.options(sharded, shard: Shard(index: i, count: 2))).csvPath
            }
            let merged = try ShardMerge(csvPaths: shards, outDirectory: sharded + "/merged", plots: false).run()

            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: merged.csvPath)),
                           try Data(contentsOf: URL(fileURLWithPath: whole.csvPath)), sweep.name)
            XCTAssertGreaterThan(whole.summary.judged, 0, "\(sweep.name): the single run judges CCH")
            XCTAssertEqual(merged.summary, whole.summary, sweep.name)
            XCTAssertEqual(merged.summary.text(), whole.summary.text(), sweep.name)
            let summary = { (meta: String) throws -> NSDictionary in
                let object = try XCTUnwrap(JSONTree.parseObject(try Data(contentsOf: URL(fileURLWithPath: meta))))
                return try XCTUnwrap(object["summary"] as? NSDictionary)
            }
            XCTAssertEqual(try summary(merged.metaPath), try summary(whole.metaPath), sweep.name)
        }
    }

    func testAnAccuracyOverNoJudgedPointIsNoPrediction() {
        var summary = RunSummary()
        summary.record(point: 0, valid: true, predictsGain: nil, helps: nil, z: nil)
        XCTAssertNil(summary.accuracy)
        XCTAssert(summary.text().contains("accuracy: no prediction"), summary.text())
        XCTAssertFalse(summary.text().contains("0.0000"), summary.text())
        summary.record(point: 1, valid: true, predictsGain: true, helps: false, z: nil)
        XCTAssertEqual(summary.accuracy, 0)
        XCTAssert(summary.text().contains("accuracy 0.0000 (0 of 1 point)"), summary.text())
    }
}

import CCHTestSupport
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
            let whole = try SweepRunTests.runSweep(try SweepRunTests.file(sweep.text, in: single),
                                                    options: SweepRunTests.options(single))
            let path = try SweepRunTests.file(sweep.text, in: sharded)
            let shards = try (1...2).map { i in
                try SweepRunTests.runSweep(path, options: SweepRunTests.options(sharded, shard: Shard(index: i, count: 2))).csvPath
            }
            let merged = try ShardMerge(csvPaths: shards, outDirectory: sharded + "/merged", plots: false).run()

            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: merged.csvPath)),
                           try Data(contentsOf: URL(fileURLWithPath: whole.csvPath)), sweep.name)
            XCTAssertGreaterThan(whole.summary.judged, 0, "\(sweep.name): the single run judges CCH")
            XCTAssertEqual(merged.summary, whole.summary, sweep.name)
            XCTAssertEqual(merged.summary.text(), whole.summary.text(), sweep.name)
            let summary = { (meta: String) throws -> NSDictionary in
                let object = try XCTUnwrap(JSONFile.object(try Data(contentsOf: URL(fileURLWithPath: meta))))
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

/// Checkpoints and shard metadata are read back as typed values; a damaged file is an error naming
/// the file and the key at fault.
final class TypedReadBackTests: XCTestCase {
    func testCheckpointRoundTripsAndADamagedOneIsNamed() throws {
        let dir = try TestDirectory.make().path
        var summary = RunSummary()
        summary.record(point: 3, valid: true, predictsGain: true, helps: false, z: -2.5)
        summary.record(point: 4, valid: false, predictsGain: nil, helps: nil, z: nil)
        let checkpoint = Checkpoint(scenarioHash: "abc", shard: Shard(index: 2, count: 3), header: "point,valid",
                                    pointsDone: 2, csvBytes: 40, csvSHA256: SHA256.hex("x"), summary: summary, computeSeconds: 1.5)
        let path = dir + "/.s.checkpoint.json"
        try checkpoint.write(to: path)
        XCTAssertEqual(try Checkpoint.read(path), checkpoint)
        try checkpoint.json.text.replacingOccurrences(of: "\"points_done\"", with: "\"points\"").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Checkpoint.read(path)) {
            XCTAssert("\($0)".contains(path) && "\($0)".contains("points_done is missing"), "\($0)")
        }
    }

    func testShardMetadataWithAWrongTypeIsNamed() throws {
        let dir = try TestDirectory.make().path
        let path = try SweepRunTests.file(SweepRunTests.knownGrid, in: dir)
        let shard = try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir, shard: Shard(index: 1, count: 2)))
        let meta = try String(contentsOfFile: shard.metaPath, encoding: .utf8)
        try meta.replacingOccurrences(of: "\"shard_index\": 1", with: "\"shard_index\": \"one\"").write(toFile: shard.metaPath, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ShardMerge(csvPaths: [shard.csvPath], outDirectory: nil, plots: false)) {
            XCTAssert("\($0)".contains(shard.metaPath) && "\($0)".contains("shard_index has the wrong type"), "\($0)")
        }
    }
}

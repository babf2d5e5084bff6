import CCHTestSupport
@testable import SweepEngine
import Foundation
import XCTest

/// Issue 10, defect 7: `merge` refuses a shard whose rows are not what `run` writes: a row cut
/// short says so (it used to say "should hold point 4, found '4'"), and an edited flag or swept
/// value is refused (an edited `valid=7` used to be merged).
final class ShardRowCheckTests: XCTestCase {
    private func shards() throws -> [String] {
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.9, to = 0.9, steps = 7 }\n\"model.rho_sy\" = [-0.5, 0.2, 0.6]")
        let dir = try SweepRunTests.directory()
        let path = try SweepRunTests.file(text, in: dir)
        return try (1...2).map { i in
            try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir, shard: Shard(index: i, count: 2))).csvPath
        }
    }

    /// The merge error after `edit` rewrites line `line` (1-based; 1 is the header) of shard 1.
    private func mergeError(line: Int, _ edit: (String) -> String) throws -> String {
        let files = try shards()
        var lines = try SweepRunTests.lines(files[0])
        lines[line - 1] = edit(lines[line - 1])
        try (lines.joined(separator: "\n") + "\n").write(toFile: files[0], atomically: true, encoding: .utf8)
        do {
            _ = try ShardMerge(csvPaths: files, outDirectory: nil, plots: false).run()
            return "no error"
        } catch { return "\(error)" }
    }

    func testARowCutShortIsReportedAsCutShort() throws {
        let message = try mergeError(line: 3) { String($0.prefix(30)) }  // shard 1, its second row: point 2
        XCTAssertNotNil(message.range(of: #"\.csv: line 3: has [0-9]+ of the [0-9]+ columns \(a row cut short, or edited\?\); it should hold point 2$"#,
                                      options: .regularExpression), message)
        XCTAssertFalse(message.contains("found '2'"), message)
    }

    func testEditedFlagsAndValuesAreRefused() throws {
        func replacingField(_ index: Int, with value: String) -> (String) -> String {
            { line in
                var fields = line.components(separatedBy: ",")
                fields[index] = value
                return fields.joined(separator: ",")
            }
        }
        // Columns: point, model.rho_ts, model.rho_sy, valid, ...
        let valid = try mergeError(line: 2, replacingField(3, with: "7"))
        XCTAssertTrue(valid.hasSuffix("line 2: valid = '7' at point 0; it is 0 or 1"), valid)
        let swept = try mergeError(line: 2, replacingField(1, with: "0.5"))
        XCTAssertTrue(swept.hasSuffix("line 2: point 0 has model.rho_ts = '0.5', but the grid's value is -0.9"), swept)
        let point = try mergeError(line: 2, replacingField(0, with: "99"))
        XCTAssertTrue(point.hasSuffix("line 2: should hold point 0, found point '99'"), point)
    }

    /// Shard numbers edited in the metadata: out of range is refused (0 shards used to trap), a
    /// huge count lists the first missing shards only.
    func testEditedShardNumbersAreRefused() throws {
        for (count, expected) in [("0", "shard_index 1 of shard_count 0 is not a shard"),
                                  ("1000000000000000", "merge: missing shards 2/1000000000000000, 3/1000000000000000")] {
            let files = try shards()
            let meta = String(files[0].dropLast(4)) + ".meta.json"
            let text = try String(contentsOfFile: meta, encoding: .utf8)
            let edited = text.replacingOccurrences(of: #""shard_count" *: *2"#, with: "\"shard_count\": \(count)", options: .regularExpression)
            XCTAssertNotEqual(edited, text)
            try edited.write(toFile: meta, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try ShardMerge(csvPaths: [files[0]], outDirectory: nil, plots: false)) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }
}

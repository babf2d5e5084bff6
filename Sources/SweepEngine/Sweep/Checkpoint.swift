import CCHScenario
import Foundation

/// The state of an unfinished run, enough for `--resume` to finish it as if it had never stopped.
///
/// A run streams its CSV rows, in point order, into a hidden partial file next to the output and,
/// after every batch, replaces this checkpoint (atomically: temporary file + rename) with the
/// number of points and bytes that are complete. Rows written after the last checkpoint may be
/// cut off by a kill; `--resume` cuts the partial file back to `csvBytes` and computes on from
/// point `pointsDone`. The scenario's hash, the cchsim version and the CSV header must be unchanged.
struct Checkpoint: Equatable {
    static let format = 1

    var scenarioHash: String
    /// The cchsim version that wrote the rows so far.
    var version: String = ToolVersion.cchsim
    var shard: Shard
    var header: String
    /// This shard's points that are complete (its first `pointsDone` points).
    var pointsDone: Int
    /// Bytes of the partial CSV (header included) holding exactly those points.
    var csvBytes: Int
    var summary: RunSummary
    /// Compute time spent so far, over every process that worked on the run.
    var computeSeconds: Double

    var json: JSONTree {
        .object([
            ("format", .integer(Self.format)),
            ("scenario_sha256", .string(scenarioHash)),
            ("cchsim_version", .string(version)),
            ("shard_index", .integer(shard.index)),
            ("shard_count", .integer(shard.count)),
            ("header", .string(header)),
            ("points_done", .integer(pointsDone)),
            ("csv_bytes", .integer(csvBytes)),
            ("compute_seconds", .number(computeSeconds)),
            ("summary", .fields(summary.fields)),
        ])
    }

    init(scenarioHash: String, shard: Shard, header: String, pointsDone: Int, csvBytes: Int,
         summary: RunSummary, computeSeconds: Double) {
        self.scenarioHash = scenarioHash
        self.shard = shard
        self.header = header
        self.pointsDone = pointsDone
        self.csvBytes = csvBytes
        self.summary = summary
        self.computeSeconds = computeSeconds
    }

    /// The checkpoint in file `path`; nil when there is none. - Throws: `RunError` when the file
    /// exists but is not a checkpoint cchsim wrote (naming the path and what is wrong).
    static func read(_ path: String) throws -> Checkpoint? {
        guard let bytes = try InputFile.bytesIfPresent(path) else { return nil }
        do {
            return try JSONDecoder().decode(Checkpoint.self, from: Data(bytes))
        } catch {
            throw RunError("\(path): not a cchsim checkpoint (\(DecodingReason.describe(error))); delete it to start the run afresh")
        }
    }

    func write(to path: String) throws { try AtomicFile.write(json.text, to: path) }
}

/// Read back from the file `json` writes.
extension Checkpoint: Decodable {
    enum CodingKeys: String, CodingKey {
        case format, version = "cchsim_version", scenarioHash = "scenario_sha256", shardIndex = "shard_index"
        case shardCount = "shard_count", header, pointsDone = "points_done", csvBytes = "csv_bytes"
        case computeSeconds = "compute_seconds", summary
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(Int.self, forKey: .format)
        guard format == Self.format else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: "format \(format), expected \(Self.format)")
        }
        self.init(scenarioHash: try c.decode(String.self, forKey: .scenarioHash),
                  shard: Shard(index: try c.decode(Int.self, forKey: .shardIndex), count: try c.decode(Int.self, forKey: .shardCount)),
                  header: try c.decode(String.self, forKey: .header), pointsDone: try c.decode(Int.self, forKey: .pointsDone),
                  csvBytes: try c.decode(Int.self, forKey: .csvBytes), summary: try c.decode(RunSummary.self, forKey: .summary),
                  computeSeconds: try c.decode(Double.self, forKey: .computeSeconds))
        version = try c.decode(String.self, forKey: .version)
    }
}

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

    /// The checkpoint in file `path`; nil when there is none. - Throws: `CLIError` when the file
    /// exists but is not a checkpoint cchsim wrote.
    static func read(_ path: String) throws -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let object = JSONTree.parseObject(data),
              (object["format"] as? NSNumber)?.intValue == format,
              let hash = object["scenario_sha256"] as? String,
              let version = object["cchsim_version"] as? String,
              let index = (object["shard_index"] as? NSNumber)?.intValue,
              let count = (object["shard_count"] as? NSNumber)?.intValue,
              let header = object["header"] as? String,
              let done = (object["points_done"] as? NSNumber)?.intValue,
              let bytes = (object["csv_bytes"] as? NSNumber)?.intValue,
              let seconds = (object["compute_seconds"] as? NSNumber)?.doubleValue,
              let summaryObject = object["summary"] as? [String: Any],
              let summary = RunSummary(json: summaryObject)
        else {
            throw CLIError("\(path): not a cchsim checkpoint (delete it to start the run afresh)")
        }
        var checkpoint = Checkpoint(scenarioHash: hash, shard: Shard(index: index, count: count), header: header,
                                    pointsDone: done, csvBytes: bytes, summary: summary, computeSeconds: seconds)
        checkpoint.version = version
        return checkpoint
    }

    func write(to path: String) throws { try AtomicFile.write(json.text, to: path) }
}

import CCHScenario
import Foundation

/// The state of an unfinished run, enough for `--resume` to finish it as if it had never stopped.
///
/// A run streams its CSV rows, in point order, into a hidden partial file next to the output and,
/// after every batch, replaces this checkpoint (atomically: temporary file + rename) with the
/// number of points and bytes that are complete. Rows written after the last checkpoint may be
/// cut off by a kill; `--resume` cuts the partial file back to `csvBytes` and computes on from
/// point `pointsDone`. The scenario's hash, the cchsim version and the CSV header must be unchanged,
/// and the checkpoint must agree with the CSV it describes (`verify`): a checkpoint or partial file
/// edited, corrupted or planted is refused, never used.
struct Checkpoint: Equatable {
    static let format = 2

    var scenarioHash: String
    /// The cchsim version that wrote the rows so far.
    var version: String = ToolVersion.cchsim
    var shard: Shard
    var header: String
    /// This shard's points that are complete (its first `pointsDone` points).
    var pointsDone: Int
    /// Bytes of the partial CSV (header included) holding exactly those points.
    var csvBytes: Int
    /// SHA-256 of those bytes (filled in by the writer that wrote them).
    var csvSHA256: String
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
            ("csv_sha256", .string(csvSHA256)),
            ("compute_seconds", .number(computeSeconds)),
            ("summary", .fields(summary.fields)),
        ])
    }

    init(scenarioHash: String, shard: Shard, header: String, pointsDone: Int, csvBytes: Int, csvSHA256: String,
         summary: RunSummary, computeSeconds: Double) {
        self.scenarioHash = scenarioHash
        self.shard = shard
        self.header = header
        self.pointsDone = pointsDone
        self.csvBytes = csvBytes
        self.csvSHA256 = csvSHA256
        self.summary = summary
        self.computeSeconds = computeSeconds
    }

    /// The checkpoint in file `path`; nil when there is none. - Throws: `CheckpointError` when the file
    /// exists but is not a checkpoint cchsim wrote (naming the path and what is wrong), `FileError`
    /// when it is a symbolic link or another user's file (`FileOrigin.ownOutput`).
    static func read(_ path: String) throws -> Checkpoint? {
        guard let bytes = try InputFile.bytesIfPresent(path, origin: .ownOutput) else { return nil }
        do {
            return try JSONDecoder().decode(Checkpoint.self, from: Data(bytes))
        } catch {
            throw CheckpointError.notACheckpoint(path: path, reason: DecodingReason.describe(error))
        }
    }

    func write(to path: String) throws { try AtomicFile.write(json.text, to: path) }

    /// Checks this checkpoint, read from `path`, against the CSV it describes at `csv` (the partial
    /// file, or the finished CSV when the run stopped after renaming it into place): `pointsDone`
    /// within the shard's points, and the CSV's first `csvBytes` bytes hash to `csvSHA256`, begin
    /// with the header and hold exactly `pointsDone` whole rows, each the row of its grid point,
    /// whose summary is `summary`. - Returns: the SHA-256 of those bytes, to go on from.
    /// - Throws: `CheckpointError` saying what does not agree (the checkpoint is then not used).
    func verify(csv: String, table: SweepTable, sweep: Sweep, path: String) throws(CheckpointError) -> SHA256 {
        do {
            return try check(csv: csv, table: table, sweep: sweep, path: path)
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw .unreadableRows(error)
        }
    }

    private func check(csv: String, table: SweepTable, sweep: Sweep, path: String) throws -> SHA256 {
        func disagree(_ disagreement: CheckpointError.Disagreement) -> CheckpointError {
            .disagrees(checkpoint: path, csv: csv, disagreement)
        }
        let total = shard.pointCount(of: sweep.grid.count)
        guard (0...total).contains(pointsDone) else {
            throw disagree(.pointsDone(pointsDone, total: total, shard: shard))
        }
        let header = table.headerLine
        guard csvBytes >= header.count else {
            throw disagree(.csvBytesBelowHeader(csvBytes: csvBytes, headerBytes: header.count))
        }
        let reader = try LineReader(csv, byteLimit: csvBytes, hashing: true)
        /// Throws unless the line just read ended with a line break, naming a file cut short as such.
        func requireWholeLine() throws {
            guard !reader.lastLineEnded else { return }
            guard reader.bytesRead == csvBytes else {
                throw disagree(.csvShorter(bytes: reader.bytesRead, csvBytes: csvBytes))
            }
            throw disagree(.rowCut(line: reader.lineNumber, csvBytes: csvBytes))
        }
        guard let first = try reader.next() else { throw disagree(.csvEmpty(csvBytes: csvBytes)) }
        try requireWholeLine()
        guard Array(first) == Array(header.dropLast()) else { throw disagree(.header(scenarioFile: sweep.file)) }
        let columns = SummaryColumns(table: table)
        var rows = 0, summary = RunSummary()
        while let line = try reader.next() {
            guard rows < pointsDone else {
                throw disagree(.extraRows(pointsDone: pointsDone, csvBytes: csvBytes))
            }
            try requireWholeLine()
            let fields = try CSVLine.fields(line, file: csv, lineNumber: reader.lineNumber)
            let point = shard.point(rows)
            try columns.check(fields, point: point, sweep: sweep, file: csv, line: reader.lineNumber)
            table.summaryPositions.record(csvFields: fields, offset: table.resultOffset, valid: fields[table.resultOffset - 1] == "1",
                                          point: point, into: &summary)
            rows += 1
        }
        guard reader.bytesRead == csvBytes else {
            throw disagree(.csvShorter(bytes: reader.bytesRead, csvBytes: csvBytes))
        }
        guard rows == pointsDone else { throw disagree(.rowCount(rows: rows, pointsDone: pointsDone)) }
        guard let digest = reader.digest, digest.hex == csvSHA256 else {
            throw disagree(.digest(csvBytes: csvBytes))
        }
        guard summary == self.summary else { throw disagree(.summary(rows: rows)) }
        return digest
    }
}

/// Read back from the file `json` writes.
extension Checkpoint: Decodable {
    enum CodingKeys: String, CodingKey {
        case format, version = "cchsim_version", scenarioHash = "scenario_sha256", shardIndex = "shard_index"
        case shardCount = "shard_count", header, pointsDone = "points_done", csvBytes = "csv_bytes", csvSHA256 = "csv_sha256"
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
                  csvBytes: try c.decode(Int.self, forKey: .csvBytes), csvSHA256: try c.decode(String.self, forKey: .csvSHA256),
                  summary: try c.decode(RunSummary.self, forKey: .summary),
                  computeSeconds: try c.decode(Double.self, forKey: .computeSeconds))
        version = try c.decode(String.self, forKey: .version)
    }
}

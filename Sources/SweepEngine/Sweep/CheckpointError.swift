/// Why `--resume` does not go on from an unfinished run: its checkpoint is not one cchsim wrote,
/// was written for another run, or does not agree with the rows it describes. Each case carries
/// the files and the numbers involved; the message, worded here once, always says how to start
/// afresh.
public enum CheckpointError: Error, CustomStringConvertible {
    /// The sweep checkpoint at `path` does not decode (`reason`: what the decoder found wrong).
    case notACheckpoint(path: String, reason: String)
    /// The sweep checkpoint in `directory` was written for another scenario, shard or cchsim version.
    case anotherRun(directory: String)
    /// The sweep checkpoint at `checkpoint` and the CSV at `csv` it describes disagree.
    case disagrees(checkpoint: String, csv: String, Disagreement)
    /// The CSV a sweep checkpoint describes does not read back (a `DataFileError`, a
    /// `SweepRowError`, a `FileError`).
    case unreadableRows(any Error)
    /// The `teachers` journal at `path` was written for another scenario text, other data or
    /// another cchsim version.
    case anotherTeacherRun(path: String)
    /// The `teachers` journal at `path` does not read back at its 1-based `line`.
    case damagedJournal(path: String, line: Int)

    /// What a sweep checkpoint records that its CSV contradicts (`Checkpoint.verify`).
    public enum Disagreement: Equatable, Sendable {
        /// `points_done` lies outside the `total` points of `shard`.
        case pointsDone(Int, total: Int, shard: Shard)
        /// `csv_bytes` is shorter than the CSV header's `headerBytes`.
        case csvBytesBelowHeader(csvBytes: Int, headerBytes: Int)
        /// The CSV ends after `bytes`, before the `csvBytes` the checkpoint counts as complete.
        case csvShorter(bytes: Int, csvBytes: Int)
        /// The row at `line` runs past byte `csvBytes`, where the rows should end.
        case rowCut(line: Int, csvBytes: Int)
        /// The CSV is empty though the checkpoint counts `csvBytes` bytes.
        case csvEmpty(csvBytes: Int)
        /// The CSV does not begin with the header of the scenario in `scenarioFile`.
        case header(scenarioFile: String)
        /// More than `pointsDone` rows lie in the first `csvBytes` bytes.
        case extraRows(pointsDone: Int, csvBytes: Int)
        /// `rows` rows where the checkpoint counts `pointsDone` points done.
        case rowCount(rows: Int, pointsDone: Int)
        /// The first `csvBytes` bytes do not hash to the recorded SHA-256.
        case digest(csvBytes: Int)
        /// The recorded summary is not the one of the `rows` rows.
        case summary(rows: Int)
    }

    public var description: String {
        let afresh = "run without --resume to start afresh"
        func untrusted(_ what: String) -> String { "cannot resume: \(what); the unfinished state cannot be trusted: \(afresh)" }
        switch self {
        case .notACheckpoint(let path, let reason):
            return "\(path): not a cchsim checkpoint (\(reason)); delete it to start the run afresh"
        case .anotherRun(let directory):
            return "cannot resume: the unfinished run in \(directory) was computed from another scenario, shard or cchsim version; \(afresh)"
        case .disagrees(let checkpoint, let csv, let disagreement):
            return untrusted(disagreement.words(checkpoint: checkpoint, csv: csv))
        case .unreadableRows(let error):
            return untrusted("\(error)")
        case .anotherTeacherRun(let path):
            return "cannot resume: \(path) was written for another scenario text, other data or another cchsim version; \(afresh)"
        case .damagedJournal(let path, let line):
            return "cannot resume: \(path) is damaged at line \(line) (it does not read back or its checksum does not match); \(afresh)"
        }
    }
}

extension CheckpointError.Disagreement {
    /// The disagreement between the checkpoint at `path` and the CSV at `csv`, naming the file at fault.
    func words(checkpoint path: String, csv: String) -> String {
        switch self {
        case .pointsDone(let done, let total, let shard):
            "\(path): points_done = \(done) is not within the \(total) points of " + (shard.isWhole ? "the grid" : "shard \(shard.label)")
        case .csvBytesBelowHeader(let csvBytes, let headerBytes):
            "\(path): csv_bytes = \(csvBytes) is less than the \(headerBytes) bytes of the CSV header"
        case .csvShorter(let bytes, let csvBytes):
            "\(csv): has \(bytes) bytes, fewer than the \(csvBytes) that \(path) says are complete"
        case .rowCut(let line, let csvBytes):
            "\(csv): line \(line): the row is cut at byte \(csvBytes), where \(path) says the rows end"
        case .csvEmpty(let csvBytes):
            "\(csv): is empty, but \(path) says it holds \(csvBytes) bytes"
        case .header(let scenarioFile):
            "\(csv): does not begin with the CSV header of \(scenarioFile)"
        case .extraRows(let pointsDone, let csvBytes):
            "\(csv): holds more than the \(pointsDone) rows that \(path) counts in its first \(csvBytes) bytes"
        case .rowCount(let rows, let pointsDone):
            "\(csv): holds \(rows) rows, but \(path) says \(pointsDone) points are done"
        case .digest(let csvBytes):
            "\(csv): its first \(csvBytes) bytes are not the ones \(path) recorded (their SHA-256 differs)"
        case .summary(let rows):
            "\(path): its summary does not agree with the \(rows) rows of \(csv)"
        }
    }
}

import CCHScenario
import Dispatch
import Foundation
import SystemPackage

/// Options of `cchsim run`.
public struct RunOptions: Sendable {
    public var outDirectory: String = "."
    /// Worker threads (at least 1).
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    public var shard: Shard = .whole
    public var resume = false
    public var plots = true
    /// The figure formats (`--formats`); nil: the scenario's `[output] formats`.
    public var formats: [FigureFormat]? = nil
    /// Draw a progress bar (default: when stderr is a terminal).
    public var progress: Bool = isatty(STDERR_FILENO) == 1

    public init() {}
}

/// What a finished run wrote.
public struct RunOutcome {
    public let summary: RunSummary
    public let csvPath: String
    public let metaPath: String
    public let plotFiles: [String]
    /// gnuplot's warnings, and a note when gnuplot is not installed.
    public let plotWarnings: [String]
    /// Where the gain changes sign along a one-axis sweep (nil for other sweeps and for a shard).
    public var signChanges: GainSignChanges? = nil
}

/// `cchsim run`: computes the grid points of a sweep (or of one shard of it) in parallel, streams
/// the CSV rows in point order into a partial file with a checkpoint after every batch, and on
/// completion renames the CSV into place and writes the metadata and the plots.
public struct SweepRunner {
    let sweep: Sweep
    /// The scenario file's text, as run (hashed and copied into the metadata).
    let text: String
    let table: SweepTable
    let options: RunOptions
    let output: OutputDirectory

    /// Prepares a run of `sweep`. - Throws: `FileError` for an unusable output directory, `PlotPlanError` for a plot
    /// the sweep cannot draw, before anything is computed.
    public init(sweep: Sweep, text: String, options: RunOptions, evaluators: [any PointEvaluator]) throws {
        self.sweep = sweep
        self.text = text
        self.options = options
        table = SweepTable(sweep: sweep, evaluators: evaluators)
        if options.plots && options.shard.isWhole { _ = try PlotPlan(sweep: sweep) }
        output = try OutputDirectory(options.outDirectory)
    }

    /// The file-name stem of the outputs: the scenario name, plus the shard tag for a shard.
    var stem: String {
        let base = RunFiles.safeName(sweep.name)
        return options.shard.isWhole ? base : "\(base).\(options.shard.fileTag)"
    }

    /// The formats the plots are drawn in; none without plots (`--no-plots`, or a shard).
    var figureFormats: [FigureFormat] {
        options.plots && options.shard.isWhole ? options.formats ?? sweep.output.formats : []
    }

    var csvPath: String { output.file("\(stem).csv") }
    var metaPath: String { output.file("\(stem).meta.json") }
    var partialPath: String { output.file(".\(stem).csv.partial") }
    var checkpointPath: String { output.file(".\(stem).checkpoint.json") }

    /// Runs to completion. - Throws: `CheckpointError` for a checkpoint `--resume` cannot trust,
    /// `OutputError` for outputs another process writes, `RunInterrupted` (with the resume hint).
    public func run(log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws -> RunOutcome {
        let hash = SHA256.hex(text)
        let headerLine = table.headerLine
        let header = String(decoding: headerLine.dropLast(), as: UTF8.self)
        let total = options.shard.pointCount(of: sweep.grid.count)

        let lock = try OutputLock(stem: stem, in: output)
        defer { lock.release() }
        AtomicFile.removeLeftovers(of: stem, in: output)

        var state = Checkpoint(scenarioHash: hash, shard: options.shard, header: header, pointsDone: 0,
                               csvBytes: headerLine.count, csvSHA256: "", summary: RunSummary(), computeSeconds: 0)
        let file: AppendFile
        let saved = options.resume ? try Checkpoint.read(checkpointPath) : nil
        if options.resume, saved == nil, let finished = finishedRun(hash: hash) {
            try? FilePath(partialPath).remove()
            log("\(sweep.name) is already finished in \(output.path); nothing to do.")
            return finished
        }
        if let saved {
            guard saved.scenarioHash == hash, saved.version == ToolVersion.cchsim, saved.shard == options.shard,
                  saved.header == header else {
                throw CheckpointError.anotherRun(directory: output.path)
            }
            if Self.size(of: partialPath) < 0, saved.pointsDone == total, Self.size(of: csvPath) == saved.csvBytes {
                // Stopped after the CSV was renamed into place: only the plots and metadata are left.
                _ = try saved.verify(csv: csvPath, table: table, sweep: sweep, path: checkpointPath)
                log("Finishing \(sweep.name): all \(total) points were already done.")
                return try complete(partial: nil, state: saved, hash: hash, resumedFrom: total)
            }
            let digest = try saved.verify(csv: partialPath, table: table, sweep: sweep, path: checkpointPath)
            state = saved
            file = try AppendFile(resuming: partialPath, length: saved.csvBytes, digest: digest)
            log("Resuming \(sweep.name): \(saved.pointsDone) of \(total) points already done.")
        } else {
            if options.resume { log("Nothing to resume in \(output.path); starting \(sweep.name) from its first point.") }
            file = try AppendFile(creating: partialPath)
            try file.append(headerLine)
            state.csvSHA256 = file.digest.hex
            try state.write(to: checkpointPath)
        }
        let resumedFrom = state.pointsDone

        let progress = ProgressBar(total: total, enabled: options.progress)
        let writer = BackgroundWriter(file: file, checkpointPath: checkpointPath)
        Interruption.watch()
        defer { Interruption.stopWatching() }
        var batch = BatchSizer(threads: options.threads)
        while state.pointsDone < total {
            if Interruption.isRequested {
                try writer.drain()
                progress.finish()
                throw RunInterrupted.sweep(pointsDone: state.pointsDone, total: total, partial: partialPath, checkpoint: checkpointPath)
            }
            let started = DispatchTime.now().uptimeNanoseconds
            let range = state.pointsDone..<min(total, state.pointsDone + batch.points)
            let (results, summary) = table.rows(batch.chunks(of: range), of: options.shard, threads: options.threads)
            state.csvBytes += results.reduce(0) { $0 + $1.count }
            state.summary.merge(summary)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            state.pointsDone = range.upperBound
            state.computeSeconds += seconds
            try writer.submit(results, then: state)
            batch.observe(points: range.count, seconds: seconds)
            progress.update(done: state.pointsDone, resumedFrom: resumedFrom)
        }
        try writer.finish()
        progress.finish()
        state.csvSHA256 = file.digest.hex

        return try complete(partial: partialPath, state: state, hash: hash, resumedFrom: resumedFrom)
    }

    /// Renames the finished partial CSV into place (nil: it is there already), draws the plots,
    /// writes the metadata and only then removes the checkpoint, so that a kill at any moment
    /// leaves a state `--resume` finishes.
    private func complete(partial: String?, state: Checkpoint, hash: String, resumedFrom: Int) throws -> RunOutcome {
        let outcome = try RunFiles.complete(
            partial: partial, csv: csvPath, meta: metaPath, stem: stem, output: output, sweep: sweep, text: text,
            hash: hash, shard: options.shard, header: table.header, schema: table.schema, summary: state.summary,
            csvSHA256: state.csvSHA256, formats: figureFormats, computeSeconds: state.computeSeconds,
            run: [("threads", .integer(options.threads)), ("resumed_at_point", .integer(resumedFrom))])
        try? FilePath(checkpointPath).remove()
        return outcome
    }

    /// The outcome of a finished run of this scenario and shard in the output directory (its
    /// metadata, a file of the user's own, names this scenario's hash and this cchsim version, and
    /// every output it lists is a regular file of the user's own), nil when there is none.
    private func finishedRun(hash: String) -> RunOutcome? {
        guard let bytes = try? InputFile.bytes(metaPath, origin: .ownOutput),
              let meta = try? JSONDecoder().decode(RunMetadata.self, from: Data(bytes)),
              meta.scenarioHash == hash, meta.cchsimVersion == ToolVersion.cchsim,
              meta.shardIndex == options.shard.index, meta.shardCount == options.shard.count else { return nil }
        let summary = meta.summary, outputs = meta.outputs
        let paths = outputs.map(output.file)
        let own = { (path: String) -> Bool in
            guard let status = try? FilePath(path).stat(followTargetSymlink: false) else { return false }
            return (try? InputFile.checkOwn(status, path: path)) != nil
        }
        guard paths.first == csvPath, paths.allSatisfy(own) else { return nil }
        return RunOutcome(summary: summary, csvPath: csvPath, metaPath: metaPath, plotFiles: Array(paths.dropFirst()), plotWarnings: [])
    }

    /// The size of what stands at `path` in bytes (a symbolic link is not followed), -1 when nothing does.
    static func size(of path: String) -> Int {
        (try? FilePath(path).stat(followTargetSymlink: false)).map { Int($0.size) } ?? -1
    }
}

/// A run stopped by Ctrl-C or SIGTERM at a batch boundary (exit code 130), with no output
/// written; `--resume` finishes a sweep or a `teachers` run from what it kept.
public enum RunInterrupted: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sweep stopped after `pointsDone` of its `total` points, its state in the files `partial`
    /// (the rows) and `checkpoint`.
    case sweep(pointsDone: Int, total: Int, partial: String, checkpoint: String)
    /// `cchsim merge` (nothing to resume: merging again starts over).
    case merge
    /// `cchsim teachers` stopped in `stage` (its words: "KD experiment"), the finished work in the journal `journal`.
    case teachers(stage: String, journal: String)

    public var description: String {
        switch self {
        case .sweep(let done, let total, let partial, let checkpoint):
            "interrupted after \(done) of \(total) points; no output was written. Run the same command with --resume to finish "
                + "(the unfinished state is in \(partial) and \(checkpoint))."
        case .merge:
            "interrupted; no output was written"
        case .teachers(let stage, let journal):
            "interrupted in the \(stage); no output was written. Run the same command with --resume to continue "
                + "(the finished work is in \(journal))."
        }
    }
}

/// Sizes batches (what is computed between two checkpoints) and chunks (what one thread takes at
/// a time) from the measured cost per point: about a quarter of a second per batch, so a
/// checkpoint is never far behind and Ctrl-C is answered quickly, and at most 65,536 points of
/// CSV text held in memory. Sizes affect speed only, never the output.
struct BatchSizer {
    let threads: Int
    /// Points in the next batch.
    private(set) var points: Int

    init(threads: Int) {
        self.threads = max(1, threads)
        points = self.threads
    }

    /// Splits a batch into chunks, several per thread so that threads finish together.
    func chunks(of range: Range<Int>) -> [Range<Int>] {
        let size = max(1, range.count / (4 * threads))
        return stride(from: range.lowerBound, to: range.upperBound, by: size).map { $0..<min(range.upperBound, $0 + size) }
    }

    mutating func observe(points done: Int, seconds: Double) {
        let perPoint = seconds / Double(max(1, done))
        let target = perPoint > 0 ? Int(0.25 / perPoint) : 65_536
        points = min(65_536, max(threads, min(target, 4 * max(points, 1))))
    }
}

import CCHScenario
import CrossModalKD
import Dispatch
import Foundation
import SystemPackage

/// `cchsim merge`: joins the CSVs of the N shards of a sweep (`run --shard i/N`) into the CSV a
/// single run writes, byte for byte, then writes the metadata and the plots of the whole grid.
///
/// Each shard's `NAME.shard-i-of-N.meta.json` says which scenario (its text and SHA-256) and which
/// shard it holds; the merge checks that the shards are all N shards of one scenario, with the
/// header this cchsim writes, that every row sits where its point number says (shard i holds
/// the points p with p mod N = i - 1, in increasing order) and that each shard's bytes are the
/// ones its run wrote (their SHA-256 is in its metadata), and streams the rows in point order.
/// Shards and their metadata must be the user's own files, not symbolic links (`FileOrigin.ownOutput`).
public struct ShardMerge {
    struct Part {
        let csv: String
        let shard: Shard
        /// SHA-256 of the shard CSV's bytes, from its metadata.
        let csvSHA256: String
    }

    let sweep: Sweep
    let text: String
    let hash: String
    let parts: [Part]
    let output: OutputDirectory
    /// The figure formats; none: no plots.
    let formats: [FigureFormat]
    let computeSeconds: Double

    /// Reads and checks the shards' metadata. - Throws: `ShardError` saying what does not fit, `ScenarioError`
    /// for the scenario they carry.
    public init(csvPaths: [String], outDirectory: String?, formats: [FigureFormat]? = nil, plots: Bool) throws {
        guard !csvPaths.isEmpty else { throw ShardError.noShards }
        var parts: [Part] = []
        var scenario: (text: String, hash: String, file: String)? = nil
        var seconds = 0.0
        for path in csvPaths {
            let metaPath = Self.metadataPath(ofCSV: path)
            let bytes: [UInt8]
            do { bytes = try InputFile.bytes(metaPath, origin: .ownOutput) } catch {
                throw ShardError.metadataUnreadable(csv: path, metadata: metaPath, error)
            }
            let meta: RunMetadata
            do { meta = try JSONDecoder().decode(RunMetadata.self, from: Data(bytes)) } catch {
                throw ShardError.notShardMetadata(metadata: metaPath, reason: DecodingReason.describe(error))
            }
            let text = meta.scenario, hash = meta.scenarioHash, file = meta.file, index = meta.shardIndex, count = meta.shardCount
            guard count >= 1, (1...count).contains(index) else {
                throw ShardError.notAShard(metadata: metaPath, index: index, count: count)
            }
            if let first = scenario, first.hash != hash {
                throw ShardError.otherScenario(csv: path, hash: hash, first: csvPaths[0], firstHash: first.hash)
            }
            scenario = (text, hash, file)
            if let first = parts.first, first.shard.count != count {
                throw ShardError.otherShardCount(csv: path, index: index, count: count, first: first.csv, firstCount: first.shard.count)
            }
            if let twin = parts.first(where: { $0.shard.index == index }) {
                throw ShardError.givenTwice(twin.shard, first: twin.csv, second: path)
            }
            seconds += meta.timings.computeSeconds
            parts.append(Part(csv: path, shard: Shard(index: index, count: count), csvSHA256: meta.csvSHA256))
        }
        guard let scenario, let count = parts.first?.shard.count else { throw ShardError.noShards }
        // Every shard index is distinct and at most count, so all are given iff there are count of them.
        guard parts.count == count else {
            let given = Set(parts.map(\.shard.index))
            let first = (1...count).lazy.filter { !given.contains($0) }.prefix(ShardError.listedMissing)
            throw ShardError.missing(first: Array(first), missingCount: count - parts.count, count: count)
        }
        sweep = try Sweep(file: scenario.file, text: scenario.text)
        text = scenario.text
        hash = scenario.hash
        self.parts = parts.sorted { $0.shard.index < $1.shard.index }
        computeSeconds = seconds
        self.formats = plots ? formats ?? sweep.output.formats : []
        let directory = outDirectory ?? FilePath(csvPaths[0]).removingLastComponent().string
        output = try OutputDirectory(directory.isEmpty ? "." : directory)
    }

    /// `NAME.meta.json` beside the shard CSV `NAME.csv` (any other name: the name + `.meta.json`).
    static func metadataPath(ofCSV path: String) -> String {
        let csv = FilePath(path)
        guard let name = csv.lastComponent else { return path + ".meta.json" }
        let stem = name.extension == "csv" ? name.stem : name.string
        return csv.removingLastComponent().appending("\(stem).meta.json").string
    }

    /// Writes the merged CSV, its metadata and the plots. - Throws: `ShardError` for a shard that is
    /// not what its metadata says (wrong header, missing or extra rows, changed bytes), `SweepRowError`
    /// for a row out of place.
    public func run() throws -> RunOutcome {
        let started = DispatchTime.now().uptimeNanoseconds
        let table = SweepTable(sweep: sweep, evaluators: SweepEvaluators.for(sweep))
        let header = table.headerLine
        let stem = RunFiles.safeName(sweep.name)
        let lock = try OutputLock(stem: stem, in: output)
        defer { lock.release() }
        AtomicFile.removeLeftovers(of: stem, in: output)
        let csvPath = output.file("\(stem).csv")
        let readers = try parts.map { try LineReader($0.csv, hashing: true) }
        for (part, reader) in zip(parts, readers) {
            guard let line = try reader.next(), Array(line) == Array(header.dropLast()) else {
                throw ShardError.header(csv: part.csv, scenarioFile: sweep.file)
            }
        }
        let file = try AppendFile(temporaryFor: csvPath)
        Interruption.watch()
        defer { Interruption.stopWatching() }
        do {
            var summary = RunSummary()
            let columns = SummaryColumns(table: table)
            var buffer = header
            for point in 0..<sweep.grid.count {
                let part = parts[point % parts.count]
                let reader = readers[point % parts.count]
                guard let line = try reader.next() else {
                    throw ShardError.endsEarly(csv: part.csv, rows: reader.lineNumber - 1, point: point)
                }
                let fields = try CSVLine.fields(line, file: part.csv, lineNumber: reader.lineNumber)
                try columns.check(fields, point: point, sweep: sweep, file: part.csv, line: reader.lineNumber)
                table.summaryPositions.record(csvFields: fields, offset: table.resultOffset,
                                              valid: fields[table.resultOffset - 1] == "1", point: point, into: &summary)
                buffer.append(contentsOf: line)
                buffer.append(10)
                if buffer.count > 1 << 22 {
                    try file.append(buffer)
                    buffer.removeAll(keepingCapacity: true)
                    if Interruption.isRequested { throw RunInterrupted.merge }
                }
            }
            try file.append(buffer)
            try file.close()
            for (part, reader) in zip(parts, readers) {
                if try reader.next() != nil { throw ShardError.extraRows(csv: part.csv, shard: part.shard) }
                guard reader.digest?.hex == part.csvSHA256 else {
                    throw ShardError.bytesChanged(csv: part.csv, metadata: Self.metadataPath(ofCSV: part.csv), shard: part.shard)
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            return try RunFiles.complete(
                partial: file.path, csv: csvPath, meta: output.file("\(stem).meta.json"), stem: stem, output: output,
                sweep: sweep, text: text, hash: hash, shard: .whole, header: table.header, schema: table.schema, summary: summary,
                csvSHA256: file.digest.hex, formats: formats,
                computeSeconds: computeSeconds,
                run: [("merged_shards", .integer(parts.count)), ("merge_seconds", .number(seconds))])
        } catch {
            file.discard()
            throw error
        }
    }
}

/// Where the summary's inputs sit in a CSV row, from the sweep's column schema (by role, never by
/// name): the checks a merged row must pass.
struct SummaryColumns {
    let valid: Int?, predictsGain: Int?, helps: Int?, z: Int?, uncertain: Int?
    /// Names of the prediction and truth columns, for messages.
    let predictionKey: String, truthKey: String, zKey: String
    /// Number of columns.
    let count: Int

    init(table: SweepTable) {
        let offset = table.resultOffset, positions = table.summaryPositions
        valid = offset - 1
        predictsGain = positions.prediction.map { offset + $0 }
        helps = positions.truth.map { offset + $0 }
        z = positions.z.map { offset + $0 }
        predictionKey = predictsGain.map { table.header[$0] } ?? ""
        truthKey = helps.map { table.header[$0] } ?? ""
        zKey = z.map { table.header[$0] } ?? ""
        uncertain = positions.uncertain.map { offset + $0 }
        count = table.header.count
    }

    /// Throws unless `fields` is a row this cchsim writes for grid point `point` of `sweep`: all
    /// columns, the point number, the point's swept values exactly as written, `valid` 0 or 1 with
    /// an invalid point's reason, flags 0 or 1 and a numeric z. A shard cut mid-row or edited by
    /// hand is refused, with its `file` and `line` and what is wrong.
    func check(_ fields: [String], point: Int, sweep: Sweep, file: String, line: Int) throws(SweepRowError) {
        func refuse(_ problem: SweepRowError.Problem) -> SweepRowError { SweepRowError(file: file, line: line, point: point, problem) }
        guard fields.count == count else { throw refuse(.columnCount(found: fields.count, expected: count)) }
        guard fields[0] == String(point) else { throw refuse(.pointNumber(found: fields[0])) }
        for (a, value) in sweep.grid.values(at: point).enumerated() {
            var expected: [UInt8] = []
            CSVText.append(value, to: &expected)
            let written = (try? CSVLine.fields(expected[...], file: "", lineNumber: 0).first) ?? ""
            guard a + 1 < fields.count, fields[a + 1] == written else {
                throw refuse(.sweptValue(key: sweep.grid.axes[a].key, found: fields[min(a + 1, fields.count - 1)], expected: written))
            }
        }
        func flag(_ i: Int?, _ name: String, emptyAllowed: Bool) throws(SweepRowError) {
            guard let i else { return }
            let f = fields[i]
            guard f == "0" || f == "1" || (emptyAllowed && f.isEmpty) else {
                throw refuse(.flag(column: name, found: f, emptyAllowed: emptyAllowed))
            }
        }
        try flag(valid, "valid", emptyAllowed: false)
        try flag(predictsGain, predictionKey, emptyAllowed: true)
        try flag(helps, truthKey, emptyAllowed: true)
        try flag(uncertain, "verdict_uncertain", emptyAllowed: true)
        if let z, !fields[z].isEmpty, Double(fields[z]) == nil {
            throw refuse(.notANumber(column: zKey, found: fields[z]))
        }
        if let valid, fields[valid] == "1", !(fields.last ?? "").isEmpty {
            throw refuse(.validWithReason)
        }
    }
}

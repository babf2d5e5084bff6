import CCHScenario
import Dispatch
import SystemPackage

/// Names and metadata of a run's output files (docs/output.md, "Output files").
enum RunFiles {
    /// `name` with every character other than letters, digits, `.`, `_` and `-` replaced by `_`,
    /// so a scenario name is always a safe file-name stem.
    static func safeName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "_" })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "scenario" + cleaned : cleaned
    }

    /// The most values of one axis `NAME.meta.json` lists; a longer axis is given by its count, first
    /// and last value (every point's values are in the CSV, and the scenario text is in the file):
    /// a 10^7-step axis listed in full made a 199 MB meta.json, which is a summary, not per-point data.
    static let maximumListedValues = 1_000

    /// The content of `NAME.meta.json`: what was run (the scenario text and its SHA-256, the grid,
    /// the cchsim version, the seed, the shard), the CSV columns and the SHA-256 of the CSV's bytes
    /// (`csvSHA256`: a merge refuses a shard whose rows changed since), the summary and the timings.
    static func metadata(sweep: Sweep, text: String, hash: String, shard: Shard, header: [String], csvSHA256: String,
                         summary: RunSummary, timings: ReportFields, run: ReportFields, outputs: [String], signChanges: GainSignChanges? = nil) -> JSONTree {
        let axes: [JSONTree] = sweep.grid.axes.map { axis in
            var fields: [(String, JSONTree)] = [("key", .string(axis.key.dotted)), ("spacing", .string(axis.spacing.rawValue)),
                                                ("count", .integer(axis.values.count))]
            if axis.values.count <= maximumListedValues {
                fields.append(("values", .array(axis.values.map(Self.json))))
            } else if let first = axis.values.first, let last = axis.values.last {
                fields += [("first", Self.json(first)), ("last", Self.json(last))]
            }
            return .object(fields)
        }
        return .object([
            ("name", .string(sweep.name)),
            ("file", .string(sweep.file)),
            ("scenario_sha256", .string(hash)),
            ("cchsim_version", .string(ToolVersion.cchsim)),
            ("seed", .value(.unsigned(sweep.first.seed))),
            ("shard_index", .integer(shard.index)),
            ("shard_count", .integer(shard.count)),
            ("grid_points", .integer(sweep.grid.count)),
            ("rows", .integer(summary.points)),
            ("axes", .array(axes)),
            ("columns", .array(header.map(JSONTree.string))),
            ("csv_sha256", .string(csvSHA256)),
            ("summary", .fields(summary.fields)),
        ] + (signChanges.map { [("gain_sign_changes", $0.json)] } ?? []) + [
            ("timings", .fields(timings)),
            ("run", .fields(run)),
            ("outputs", .array(outputs.map { .string(FilePath($0).lastComponent?.string ?? $0) })),
            ("scenario", .string(text)),
        ])
    }

    /// Completes a run (or a merge): renames the finished `partial` CSV (whose bytes hash to
    /// `csvSHA256`) to `csv` (nil: it is in place already), draws the plots in `formats` (none: no plots) from it and writes the
    /// metadata, each atomically.
    static func complete(partial: String?, csv: String, meta: String, stem: String, output: OutputDirectory, sweep: Sweep,
                         text: String, hash: String, shard: Shard, header: [String], schema: ColumnSchema,
                         summary: RunSummary, csvSHA256: String, formats: [FigureFormat],
                         computeSeconds: Double, run: ReportFields) throws -> RunOutcome {
        if let partial { try AtomicFile.rename(partial, to: csv) }
        var plotFiles: [String] = [], warnings: [String] = []
        let plotStart = DispatchTime.now().uptimeNanoseconds
        if !formats.isEmpty {
            let plan = try PlotPlan(sweep: sweep)
            if let figures = try SweepFigures(csv: csv, sweep: sweep, schema: schema, stem: stem, kinds: plan.kinds) {
                let written = try plan.write(figures, formats: formats, into: output)
                (plotFiles, warnings) = (written.files.map(output.file), written.warnings)
            } else {
                warnings = ["no valid grid point: no plots drawn"]
            }
        }
        let plotSeconds = Double(DispatchTime.now().uptimeNanoseconds - plotStart) / 1e9
        let signChanges = shard.isWhole ? try GainSignChanges.along(csv: csv, sweep: sweep, schema: schema) : nil
        let timings: ReportFields = [
            ("compute_seconds", .number(computeSeconds)),
            ("points_per_second", .number(Double(summary.points) / max(computeSeconds, 1e-9))),
            ("plot_seconds", .number(plotSeconds)),
        ]
        let document = metadata(sweep: sweep, text: text, hash: hash, shard: shard, header: header, csvSHA256: csvSHA256, summary: summary,
                                timings: timings, run: run, outputs: [csv] + plotFiles, signChanges: signChanges)
        try AtomicFile.write(document.text, to: meta)
        return RunOutcome(summary: summary, csvPath: csv, metaPath: meta, plotFiles: plotFiles, plotWarnings: warnings,
                          signChanges: signChanges)
    }

    private static func json(_ value: ScenarioValue) -> JSONTree {
        switch value {
        case .integer(let i): .integer(i)
        case .number(let x): .number(x)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .array, .table: .string(value.description)
        }
    }
}

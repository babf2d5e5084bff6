import CCHScenario
import CrossModalKD

/// The CSV layout of a sweep and the encoding of its rows (docs/output.md, "CSV layout"):
///
///     point, <swept keys in file order>, valid, <evaluator columns>, invalid_reason
///
/// `point` is the grid point number (first axis slowest); an invalid point has `valid` = 0, empty
/// result columns and its reason in the last column (last, because it is free text).
struct SweepTable: Sendable {
    let sweep: Sweep
    let evaluators: [any PointEvaluator]
    /// The result columns the evaluators declare.
    let schema: ColumnSchema
    /// The column names, in order.
    let header: [String]
    /// Where the run summary's inputs sit among the result values.
    let summaryPositions: SummaryPositions
    private let resultCount: Int

    init(sweep: Sweep, evaluators: [any PointEvaluator]) {
        self.sweep = sweep
        self.evaluators = evaluators
        schema = ColumnSchema(evaluators.flatMap(\.columns))
        header = ["point"] + sweep.grid.axes.map(\.key.dotted) + ["valid"] + schema.keys + ["invalid_reason"]
        summaryPositions = schema.summaryPositions
        resultCount = schema.columns.count
    }

    /// The position of the first result column in a CSV row.
    var resultOffset: Int { sweep.grid.axes.count + 2 }

    /// The header line, with its line break.
    var headerLine: [UInt8] {
        var out: [UInt8] = []
        for (i, name) in header.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            CSVText.appendText(name, to: &out)
        }
        out.append(10)
        return out
    }

    /// Computes grid point `point` and appends its CSV line to `out`, recording it in `summary`.
    func appendRow(point: Int, to out: inout [UInt8], summary: inout RunSummary) {
        let comma = UInt8(ascii: ",")
        out.append(contentsOf: point.description.utf8)
        for value in sweep.grid.values(at: point) {
            out.append(comma)
            CSVText.append(value, to: &out)
        }
        out.append(comma)
        switch evaluate(point) {
        case .success(let values):
            out.append(UInt8(ascii: "1"))
            for value in values {
                out.append(comma)
                CSVText.append(value, to: &out)
            }
            out.append(comma)
            summaryPositions.record(values, point: point, into: &summary)
        case .failure(let error):
            out.append(UInt8(ascii: "0"))
            out.append(contentsOf: repeatElement(comma, count: resultCount + 1))
            CSVText.appendText(error.key.isEmpty ? error.reason : "\(error.key): \(error.reason)", to: &out)
            summary.record(point: point, valid: false, predictsGain: nil, helps: nil, z: nil)
        }
        out.append(10)
    }

    /// The CSV lines of the shard's points in `chunks` (ranges of the shard's point numbers), one
    /// byte array per chunk in chunk order, computed on up to `threads` threads, and their summary.
    func rows(_ chunks: [Range<Int>], of shard: Shard, threads: Int) -> (chunks: [[UInt8]], summary: RunSummary) {
        let results = ParallelChunks.map(count: chunks.count, threads: threads, makeState: {}) { k, _ in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chunks[k].count * 400)
            var summary = RunSummary()
            for local in chunks[k] { appendRow(point: shard.point(local), to: &bytes, summary: &summary) }
            return (bytes, summary)
        }
        var summary = RunSummary()
        for result in results { summary.merge(result.1) }  // in chunk order
        return (results.map(\.0), summary)
    }

    /// The result values of a point, or why it is invalid.
    func evaluate(_ point: Int) -> Result<[ReportValue], ScenarioError> {
        do throws(ScenarioError) {
            let scenario = try sweep.scenario(at: point)
            var values: [ReportValue] = []
            values.reserveCapacity(resultCount)
            for evaluator in evaluators { values += try evaluator.evaluate(scenario, point: point) }
            return .success(values)
        } catch {
            return .failure(error)
        }
    }
}

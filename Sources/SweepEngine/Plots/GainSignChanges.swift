import CCHScenario
import Foundation

/// Where the KD gain changes sign along a sweep of one numeric axis: "at which n does KD stop
/// helping?". Each change of G(λ) from + to - or - to + between neighbouring valid points (in
/// increasing x; points where G(λ) is exactly 0 are passed over, so G(0) = 0 of a sweep along λ,
/// where no KD is applied, is no change) is reported with its two bracketing points and the
/// interpolated crossing: where the straight segment between them, as the curves figure draws it
/// (in log x on a log axis), meets zero. G(λ*) >= 0, so its changes are to and from 0: where the
/// best KD weight becomes λ* = 0 (bracketed only; the gain is 0 on one side, so there is nothing
/// to interpolate). A logistic student's sweep has one gain, the Monte Carlo accuracy gain.
///
/// Computed from the finished CSV (`along`), so a run, a resumed run and a merge report the same.
public struct GainSignChanges: Sendable {
    /// Which gain changes sign.
    public enum Gain: String, Sendable {
        /// G(λ) at the scenario's λ (or along λ when λ is the axis); a logistic student's accuracy gain.
        case atLambda = "kd_gain"
        /// G(λ*), the gain at the best weight.
        case best = "kd_gain_opt"
    }

    /// One grid point beside a change: its x, its gain and its point number.
    public struct Side: Sendable {
        public let x: Double, gain: Double, point: Int
    }

    public struct Change: Sendable {
        public let gain: Gain
        public let low: Side, high: Side
        /// The interpolated zero of a strict change, nil for a change to or from 0.
        public let crossing: Double?
    }

    /// The swept key.
    public let key: ScenarioKey
    public let changes: [Change]
    /// The words of the gain (risk: G(λ) and G(λ*); accuracy: the Monte Carlo accuracy gain).
    let measure: PlotMeasure
    /// The λ of G(λ) when the sweep does not sweep it.
    let lambda: Double?

    /// The changes along `rows` (valid points only, sorted by x), nil unless the sweep has
    /// exactly one axis and it is numeric. - Parameter logarithmic: whether x is drawn on a log
    /// scale (crossings interpolate in log x then).
    init?(sweep: Sweep, rows: [PlotRow], measure: PlotMeasure, logarithmic: Bool) {
        guard sweep.grid.axes.count == 1, let xs = sweep.grid.axes[0].numbers, xs.count >= 2 else { return nil }
        key = sweep.grid.axes[0].key
        self.measure = measure
        lambda = key == .student(.lambda) ? nil : sweep.first.classification?.lambda ?? sweep.first.student.lambda
        let points = rows.filter { $0.valid && $0.gain.isFinite }.sorted { xs[$0.coordinates[0]] < xs[$1.coordinates[0]] }
        var found: [Change] = []
        let gains: [(Gain, (PlotRow) -> Double)] = measure == .risk ? [(.atLambda, \.gain), (.best, \.bestGain)] : [(.atLambda, \.gain)]
        for (kind, value) in gains {
            // G(λ*) changes to and from 0; any other gain changes only between signs.
            let compared = kind == .best ? points : points.filter { value($0) != 0 }
            for (a, b) in zip(compared, compared.dropFirst()) {
                let ga = value(a), gb = value(b)
                guard ga.isFinite, gb.isFinite, Self.signum(ga) != Self.signum(gb) else { continue }
                let low = Side(x: xs[a.coordinates[0]], gain: ga, point: a.point)
                let high = Side(x: xs[b.coordinates[0]], gain: gb, point: b.point)
                var crossing: Double?
                if ga != 0 && gb != 0 {
                    let t = ga / (ga - gb)
                    crossing = logarithmic && low.x > 0 && high.x > 0 ? exp(log(low.x) + t * (log(high.x) - log(low.x)))
                        : low.x + t * (high.x - low.x)
                }
                found.append(Change(gain: kind, low: low, high: high, crossing: crossing))
            }
        }
        changes = found
    }

    /// The changes of the sweep whose finished CSV is at `csv` (nil unless one numeric axis).
    static func along(csv: String, sweep: Sweep, schema: ColumnSchema) throws -> GainSignChanges? {
        guard sweep.grid.axes.count == 1, sweep.grid.axes[0].numbers != nil else { return nil }
        let (rows, measure) = try PlotTable.read(csv: csv, grid: sweep.grid, schema: schema)
        let axis = sweep.grid.axes[0]
        return GainSignChanges(sweep: sweep, rows: rows, measure: measure,
                               logarithmic: sweep.output.logX ?? PlotFigures.autoLogarithmic(axis))
    }

    static func signum(_ x: Double) -> Int { x > 0 ? 1 : x < 0 ? -1 : 0 }
    private static func sign(_ x: Double) -> String { x > 0 ? "+" : x < 0 ? "-" : "0" }
    private static func number(_ x: Double) -> String { String(format: "%.6g", x) }

    /// The gain's name in the summary (plain text).
    func name(_ gain: Gain) -> String {
        switch (measure, gain) {
        case (.accuracy, _): "the accuracy gain (Monte Carlo)"
        case (.adding, _): "the gain of adding teacher modalities"
        case (.risk, .best): "G(lambda*)"
        case (.risk, .atLambda): lambda.map { "G(lambda) at lambda = \(Self.number($0))" } ?? "G(lambda)"
        }
    }

    /// The summary lines: one per change, or one saying there is none.
    public func text() -> String {
        guard !changes.isEmpty else {
            return "No sign change of \(measure == .risk ? "G(lambda) or G(lambda*)" : "the accuracy gain") along \(key)."
        }
        var lines = ["Sign changes of the KD gain along \(key) (between neighbouring valid points):"]
        for c in changes {
            var line = "  \(name(c.gain)): \(Self.sign(c.low.gain)) to \(Self.sign(c.high.gain)) between \(key) = \(Self.number(c.low.x)) "
                + "(\(Self.number(c.low.gain))) and \(Self.number(c.high.x)) (\(Self.number(c.high.gain)))"
            if let x = c.crossing { line += "; zero at \(key) ~ \(Self.number(x)) (interpolated)" }
            if c.gain == .best { line += c.high.gain > 0 ? ": KD starts helping" : ": KD stops helping (lambda* = 0)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The `gain_sign_changes` array of meta.json.
    var json: JSONTree {
        .array(changes.map { c in
            var pairs: [(String, JSONTree)] = [
                ("gain", .string(c.gain.rawValue)), ("key", .string(key.dotted)),
                ("from", .string(Self.sign(c.low.gain))), ("to", .string(Self.sign(c.high.gain))),
                ("low_x", .number(c.low.x)), ("low_gain", .number(c.low.gain)), ("low_point", .integer(c.low.point)),
                ("high_x", .number(c.high.x)), ("high_gain", .number(c.high.gain)), ("high_point", .integer(c.high.point)),
            ]
            if let x = c.crossing { pairs.append(("crossing", .number(x))) }
            return .object(pairs)
        })
    }
}

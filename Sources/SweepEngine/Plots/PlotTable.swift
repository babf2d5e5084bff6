import CCHScenario
import CrossModalKD

/// The values the plots need from one CSV row.
struct PlotRow: Sendable {
    let point: Int
    /// Index into each axis's values.
    let coordinates: [Int]
    let valid: Bool
    /// CCH gap I(T;S) - I(S;Y), nats.
    let gap: Double
    let predictsGain: Bool, helps: Bool
    /// G(lambda) = E R(0) - E R(lambda) at the scenario's lambda, and G(lambda*), squared label units.
    let gain: Double, bestGain: Double
    /// E R(0), the risk without KD (1 for the accuracy measure, so that `bestGainPercent` is the
    /// accuracy gain in percentage points).
    let riskNoKD: Double
    let lambdaOpt: Double
    /// Monte Carlo mean gain and its standard error (nil without Monte Carlo).
    let mcGain: Double?, mcGainSE: Double?
    /// With `[estimation]`: per estimator, P(the estimated gap's sign is wrong) and its standard error.
    var signErrors: [SignErrorRate] = []

    /// G(lambda*) as a percentage of E R(0).
    var bestGainPercent: Double { 100 * bestGain / riskNoKD }

    /// Which of the four CCH outcomes this valid point is.
    var outcome: CCHOutcome { CCHOutcome(predictsGain: predictsGain, helps: helps) }
}

/// One estimator's decision reliability at a grid point.
struct SignErrorRate: Sendable {
    let estimator: MIEstimatorKind
    let probability: Double, standardError: Double
}

/// The four ways CCH's prediction can meet the truth.
enum CCHOutcome: Int, CaseIterable, Sendable {
    case rightAboutGain = 0, rightAboutNoGain, falseAlarm, miss

    init(predictsGain: Bool, helps: Bool) {
        switch (predictsGain, helps) {
        case (true, true): self = .rightAboutGain
        case (false, false): self = .rightAboutNoGain
        case (true, false): self = .falseAlarm
        case (false, true): self = .miss
        }
    }

    /// Legend text, readable without the source.
    var legend: String {
        switch self {
        case .rightAboutGain: "CCH right: predicts a gain, KD helps"
        case .rightAboutNoGain: "CCH right: predicts no gain, KD does not help"
        case .falseAlarm: "false alarm: CCH predicts a gain, KD does not help"
        case .miss: "miss: CCH predicts no gain, KD helps"
        }
    }

    /// Colour: greens where CCH is right, orange and purple where it is wrong.
    var colour: String {
        switch self {
        case .rightAboutGain: "#1b7837"
        case .rightAboutNoGain: "#a6dba0"
        case .falseAlarm: "#e66101"
        case .miss: "#5e3c99"
        }
    }
}

/// Reads a sweep's CSV back into `PlotRow`s (the plots are drawn from the file, so a merged or
/// resumed run draws exactly what a single run draws).
enum PlotTable {
    /// The rows of the CSV at `path`, whose result columns are `schema`, and what their gain
    /// measures: the label of the schema's verdict. A squared-loss sweep judges CCH on Y (analytic
    /// gain, Monte Carlo beside it); a logistic student's sweep on C = sign(Y) (its gap is the
    /// class-label gap, its gain the Monte Carlo accuracy gain in percentage points). Columns are
    /// found by their role in the schema, never by their names. With `question` =
    /// `.addingModality` the rows carry the teacher-set verdict instead (`TeacherSetFields`): the
    /// full set's gap, CCH's prediction that adding modalities helps, the truth, and the gain of
    /// adding as both gains (`modalityNames`: the model's teacher modalities, for the words).
    static func read(csv path: String, grid: SweepGrid, schema: ColumnSchema, question: PlotQuestion = .kdGain,
                     modalityNames: [String] = []) throws -> (rows: [PlotRow], measure: PlotMeasure) {
        let reader = try LineReader(path)
        guard let headerLine = try reader.next() else { throw PlotTableError.empty(file: path) }
        let header = try CSVLine.fields(headerLine, file: path, lineNumber: reader.lineNumber)
        let offset = grid.axes.count + 2
        guard header == ["point"] + grid.axes.map(\.key.dotted) + ["valid"] + schema.keys + ["invalid_reason"] else {
            throw PlotTableError.header(file: path)
        }
        func column(_ role: ColumnRole) throws -> Int {
            guard let i = schema.index(of: role) else { throw PlotTableError.noColumn(file: path, role: role) }
            return offset + i
        }
        func optional(_ role: ColumnRole) -> Int? { schema.index(of: role).map { offset + $0 } }
        let measure: PlotMeasure
        let gap, predicts, helps, gain, best: Int
        let risk, lambdaOpt, mcGain, mcSE: Int?
        switch question {
        case .kdGain:
            guard let label = schema.verdictLabel else { throw PlotTableError.noVerdict(file: path) }
            measure = label == .sign ? .accuracy : .risk
            gap = try column(.gap(label)); predicts = try column(.prediction(label)); helps = try column(.truth(label))
            gain = try column(.gain(label))
            if measure == .risk {
                best = try column(.bestGain(label))
                risk = try column(.riskWithoutKD); lambdaOpt = try column(.bestKDWeight)
                mcGain = optional(.monteCarloGain); mcSE = optional(.monteCarloGainStandardError)
            } else {
                best = gain
                risk = nil; lambdaOpt = nil
                mcGain = gain; mcSE = try column(.gainStandardError(label))
            }
        case .addingModality:
            guard let full = schema.fullTeacherSet else { throw PlotTableError.noTeacherSets(file: path) }
            measure = .adding(set: PlotLabels.teacherSet(full.map { $0 < modalityNames.count ? modalityNames[$0] : "\($0 + 1)" }))
            gap = try column(.addingModality(.gap)); predicts = try column(.addingModality(.prediction))
            helps = try column(.addingModality(.truth)); gain = try column(.addingModality(.gain)); best = gain
            risk = try column(.riskWithoutKD); lambdaOpt = nil; mcGain = nil; mcSE = nil
        }
        let point = 0, valid = offset - 1
        let signErrorColumns = MIEstimatorKind.allCases.compactMap { e -> (MIEstimatorKind, Int, Int)? in
            guard let p = optional(.signErrorProbability(e)), let se = optional(.signErrorStandardError(e)) else { return nil }
            return (e, p, se)
        }
        var rows: [PlotRow] = []
        rows.reserveCapacity(grid.count)
        while let line = try reader.next() {
            let f = try CSVLine.fields(line, file: path, lineNumber: reader.lineNumber)
            guard f.count == header.count, let p = Int(f[point]), p >= 0, p < grid.count else {
                throw PlotTableError.notARow(file: path, line: reader.lineNumber)
            }
            func number(_ i: Int) -> Double { Double(f[i]) ?? .nan }
            // A verdict on adding is missing (nan) where a teacher set has no formula.
            let answered = question == .kdGain || f[helps] == "1" || f[helps] == "0"
            var row = PlotRow(
                point: p, coordinates: grid.coordinates(of: p), valid: f[valid] == "1" && answered, gap: number(gap),
                predictsGain: f[predicts] == "1", helps: f[helps] == "1", gain: number(gain), bestGain: number(best),
                riskNoKD: risk.map(number) ?? 1, lambdaOpt: lambdaOpt.map(number) ?? .nan,
                mcGain: mcGain.flatMap { Double(f[$0]) }, mcGainSE: mcSE.flatMap { Double(f[$0]) })
            row.signErrors = signErrorColumns.map { SignErrorRate(estimator: $0.0, probability: number($0.1), standardError: number($0.2)) }
            rows.append(row)
        }
        return (rows, measure)
    }
}

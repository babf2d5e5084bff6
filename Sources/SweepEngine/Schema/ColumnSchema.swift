import CrossModalKD

/// The result columns of a sweep (after `point`, the swept keys and `valid`), with the lookups by
/// role that the run summary, the merge and the plots use. Built from the evaluators' declared
/// columns, never from a computation or a key's spelling.
public struct ColumnSchema: Sendable, Equatable {
    public let columns: [Column]

    public init(_ columns: [Column]) { self.columns = columns }

    public var keys: [String] { columns.map(\.key) }

    /// The position of the first column with `role`.
    public func index(of role: ColumnRole) -> Int? { columns.firstIndex { $0.role == role } }

    /// The label CCH is judged against: the first label (in column order) that has both a
    /// prediction and a truth column; nil when the sweep computes no verdict.
    public var verdictLabel: LabelKind? {
        for column in columns {
            if case .prediction(let label) = column.role, index(of: .truth(label)) != nil { return label }
        }
        return nil
    }

    /// The largest teacher set with columns of its own (every modality; `TeacherSetFields`), nil
    /// when the sweep compares no teacher sets.
    public var fullTeacherSet: [Int]? {
        columns.compactMap { column -> [Int]? in
            guard case .teacherSet(let set, .gap) = column.role else { return nil }
            return set
        }.max { $0.count < $1.count }
    }

    /// Where the run summary's inputs sit among the result values.
    public var summaryPositions: SummaryPositions {
        let label = verdictLabel
        return SummaryPositions(prediction: label.flatMap { index(of: .prediction($0)) },
                                truth: label.flatMap { index(of: .truth($0)) }, z: index(of: .gainZ),
                                method: index(of: .truthMethod), uncertain: index(of: .verdictUncertain),
                                addingPrediction: index(of: .addingModality(.prediction)), addingTruth: index(of: .addingModality(.truth)))
    }
}

/// Positions (among a row's result values) of CCH's prediction, the truth and the Monte Carlo z.
/// The same positions feed the summary of a run (from the computed values) and of a merge (from
/// the CSV text), so both always agree.
public struct SummaryPositions: Sendable, Equatable {
    public let prediction: Int?, truth: Int?, z: Int?
    /// How the truth was obtained, and whether the verdict is uncertain.
    public let method: Int?, uncertain: Int?
    /// With several teacher modalities: CCH's prediction and the truth about adding modalities.
    public let addingPrediction: Int?, addingTruth: Int?

    /// Records a valid point from its computed values.
    func record(_ values: [ReportValue], point: Int, into summary: inout RunSummary) {
        func flag(_ i: Int?) -> Bool? {
            guard let i, i < values.count, case .bool(let b) = values[i] else { return nil }
            return b
        }
        func number(_ i: Int?) -> Double? {
            guard let i, i < values.count, case .number(let x) = values[i] else { return nil }
            return x
        }
        func text(_ i: Int?) -> String? {
            guard let i, i < values.count, case .text(let t) = values[i] else { return nil }
            return t
        }
        summary.record(point: point, valid: true, predictsGain: flag(prediction), helps: flag(truth), z: number(z),
                       approximate: text(method).flatMap(TruthMethod.init(rawValue:)) == .approximation, uncertain: flag(uncertain) ?? false,
                       addingPredicted: flag(addingPrediction), addingHelps: flag(addingTruth))
    }

    /// Records a point from its CSV fields, whose result values start at `offset`.
    func record(csvFields fields: [String], offset: Int, valid: Bool, point: Int, into summary: inout RunSummary) {
        guard valid else {
            summary.record(point: point, valid: false, predictsGain: nil, helps: nil, z: nil, approximate: false, uncertain: false)
            return
        }
        func field(_ i: Int?) -> String? { i.flatMap { offset + $0 < fields.count ? fields[offset + $0] : nil } }
        func flag(_ i: Int?) -> Bool? { field(i).flatMap { $0 == "1" ? true : $0 == "0" ? false : nil } }
        summary.record(point: point, valid: true, predictsGain: flag(prediction), helps: flag(truth),
                       z: field(z).flatMap { Double($0) },
                       approximate: field(method).flatMap(TruthMethod.init(rawValue:)) == .approximation, uncertain: field(uncertain) == "1",
                       addingPredicted: flag(addingPrediction), addingHelps: flag(addingTruth))
    }
}

import CrossModalKD

/// The columns of `NAME.csv` of `cchsim teachers` (one row per ordered pair of views), declared
/// once as a `FieldTable` with a `ColumnRole` per column. The CSV header and rows, the `--json`
/// pair objects, the metadata's column list, the summary's verdicts and the figures all read the
/// pairs through this table, finding their columns by role (docs/real-data.md, "Outputs";
/// docs/output.md, "The column schema").
struct TeacherSelectionFields: Sendable {
    /// The estimators with columns (those run).
    let estimators: [MIEstimatorKind]
    let table: FieldTable<TeacherPairRow>
    let schema: ColumnSchema

    /// - Parameter teacherSets: whether the run has teacher sets; then `teacher_kind` follows
    ///   `student` (`view`, `concatenated` or `ensemble`; without sets every teacher is a view and
    ///   the columns are those of a run before teacher sets existed).
    /// - Parameter studentRidgeSwept: whether `[experiment] student_ridge` sweeps the students'
    ///   ridge; then `student_ridge` follows (one experiment, and rows, per value).
    init(estimators: [MIEstimatorKind], teacherSets: Bool = false, studentRidgeSwept: Bool = false) {
        self.estimators = estimators
        typealias Entry = FieldTable<TeacherPairRow>.Entry
        @Sendable func number(_ x: Double?) -> ReportValue { .number(x ?? .nan) }
        var entries: [Entry] = [
            Entry("teacher", .teacherView) { .text($0.teacher) },
            Entry("student", .studentView) { .text($0.student) },
        ]
        if teacherSets { entries.append(Entry("teacher_kind", .teacherKind) { .text($0.teacherKind.rawValue) }) }
        if studentRidgeSwept { entries.append(Entry("student_ridge", .studentRidge) { number($0.studentRidge) }) }
        entries += [
            Entry("score_no_kd", .measured(.scoreWithoutKD)) { .number($0.measured.withoutKD) },
            Entry("score_kd", .measured(.scoreWithKD)) { .number($0.measured.withKD) },
            Entry("kd_gain", .measured(.gain)) { .number($0.measured.gain.mean) },
            Entry("kd_gain_se", .measured(.gainStandardError)) { .number($0.measured.gain.standardError) },
            Entry("z_gain", .measured(.gainZ)) { .number($0.measured.z) },
            Entry("kd_helps", .measured(.helps)) { .bool($0.measured.helps) },
            Entry("ce_gain", .measured(.crossEntropyGain)) { number($0.measured.crossEntropyGain?.mean) },
            Entry("ce_gain_se", .measured(.crossEntropyGainStandardError)) { number($0.measured.crossEntropyGain?.standardError) },
            Entry("tuned_gain", .measured(.tunedGain)) { .number($0.measured.tunedGain.mean) },
            Entry("tuned_gain_se", .measured(.tunedGainStandardError)) { .number($0.measured.tunedGain.standardError) },
            Entry("z_tuned_gain", .measured(.tunedGainZ)) { .number($0.measured.tunedZ) },
            Entry("lambda_chosen_mean", .measured(.chosenLambda)) { .number($0.measured.meanChosenLambda) },
            Entry("teacher_score", .measured(.teacherScore)) { .number($0.teacherScore) },
        ]
        for e in estimators {
            let n = e.rawValue
            /// A value with its interval's ends, nil (NaN in the columns) when the estimator has none.
            func information(_ key: String, _ value: DataQuantity, _ low: DataQuantity, _ high: DataQuantity,
                             _ pick: @escaping @Sendable (TeacherPairRow) -> (Double, ConfidenceInterval?)?) -> [Entry] {
                [Entry(key, .estimate(e, value)) { number(pick($0)?.0) },
                 Entry(key + "_low", .estimate(e, low)) { number(pick($0)?.1?.lower) },
                 Entry(key + "_high", .estimate(e, high)) { number(pick($0)?.1?.upper) }]
            }
            entries += information("mi_ts_\(n)", .teacherStudentInformation, .teacherStudentLow, .teacherStudentHigh) {
                $0.quantity(e, teacherStudent: true).map { ($0.value, $0.interval) }
            }
            entries += information("mi_sy_\(n)", .studentLabelInformation, .studentLabelLow, .studentLabelHigh) {
                $0.quantity(e, teacherStudent: false).map { ($0.value, $0.interval) }
            }
            entries += information("gap_\(n)", .gap, .gapLow, .gapHigh) { $0.gap(e).map { ($0.gap, $0.gapInterval) } }
            entries.append(Entry("p_sign_wrong_\(n)", .estimate(e, .signErrorProbability)) { number($0.gap(e)?.signErrorProbability) })
            entries.append(Entry("cch_predicts_gain_\(n)", .verdict(e, .predictsGain)) { r in r.gap(e).map { .bool($0.predictsGain) } ?? .number(.nan) })
            entries.append(Entry("cch_agrees_\(n)", .verdict(e, .agrees)) { r in r.gap(e).map { .bool($0.predictsGain == r.measured.helps) } ?? .number(.nan) })
            entries.append(Entry("unavailable_\(n)", .estimate(e, .unavailable)) { r in .text(r.unavailable(e).map { "unavailable: \($0)" } ?? "") })
        }
        // The theory on the data (binary or continuous label; NaN and empty text otherwise).
        entries += [
            Entry("theory_mse_no_kd", .theory(.scoreWithoutKD)) { number($0.theory?.riskNoKD.mean) },
            Entry("theory_gain_mse", .theory(.gain)) { number($0.theory?.gain.mean) },
            Entry("theory_gain_mse_se", .theory(.gainStandardError)) { number($0.theory?.gain.standardError) },
            Entry("theory_method", .theory(.method)) { .text($0.theory?.regime.rawValue ?? "") },
            Entry("linear_mse_no_kd", .theoryLearner(.scoreWithoutKD)) { number($0.linear?.withoutKD) },
            Entry("linear_mse_kd", .theoryLearner(.scoreWithKD)) { number($0.linear?.withKD) },
            Entry("linear_gain_mse", .theoryLearner(.gain)) { number($0.linear?.gain.mean) },
            Entry("linear_gain_mse_se", .theoryLearner(.gainStandardError)) { number($0.linear?.gain.standardError) },
            Entry("z_linear_gain", .theoryLearner(.gainZ)) { number($0.linear?.z) },
            Entry("theory_agrees_linear", .theory(.agrees)) { r in r.theoryAgreesWithLinear.map(ReportValue.bool) ?? .number(.nan) },
        ]
        table = FieldTable(entries)
        schema = ColumnSchema(table.columns)
    }

    var keys: [String] { schema.keys }

    /// The value of the column with `role` in `row`; nil when no column has the role.
    func value(_ role: ColumnRole, _ row: TeacherPairRow) -> ReportValue? {
        schema.index(of: role).map { table.entries[$0].value(row) }
    }

    /// A number column's value; nil when there is no such column or the value does not exist (NaN).
    func number(_ role: ColumnRole, _ row: TeacherPairRow) -> Double? {
        guard case .number(let x) = value(role, row), !x.isNaN else { return nil }
        return x
    }

    /// A boolean column's value; nil when there is no such column or no value.
    func flag(_ role: ColumnRole, _ row: TeacherPairRow) -> Bool? {
        guard case .bool(let b) = value(role, row) else { return nil }
        return b
    }

    /// A text column's value; nil when there is no such column.
    func text(_ role: ColumnRole, _ row: TeacherPairRow) -> String? {
        guard case .text(let t) = value(role, row) else { return nil }
        return t
    }

    /// The `--json` pairs of a row.
    func fields(_ row: TeacherPairRow) -> ReportFields { table.fields(row) }

    /// The CSV text: header, then one line per row.
    func csv(_ rows: [TeacherPairRow]) -> String {
        var out: [UInt8] = Array(keys.joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
        for row in rows {
            for (i, value) in table.values(row).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                CSVText.append(value, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

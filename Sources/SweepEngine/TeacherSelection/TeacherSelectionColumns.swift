import CrossModalKD

/// One ordered pair (teacher view, student view) of `cchsim teachers`: the measured KD gains and
/// each estimator's CCH gap.
struct TeacherPairRow {
    let teacher: String, student: String
    let measured: DistillationGain
    /// The teacher's mean test score on its own view (accuracy, or MSE for a continuous label).
    let teacherScore: Double
    /// The CCH gap of each applicable estimator, in `TeacherSelectionColumns.estimators` order.
    let gaps: [(estimator: ViewGapEstimator, gap: ViewInformation.PairGap)]

    func gap(_ e: ViewGapEstimator) -> ViewInformation.PairGap? { gaps.first { $0.estimator == e }?.gap }
}

/// The columns of `NAME.csv` (one row per ordered pair), in ONE typed table: each column has its
/// key, its role and how its value is read from a row. The CSV header, the rows, the JSON objects
/// and the summary's verdict columns all derive from it (docs/real-data.md, "Outputs").
struct TeacherSelectionColumns {
    /// What a column is.
    enum Role: String {
        /// Which pair.
        case identity
        /// Measured by the KD experiment on the data.
        case measured
        /// Estimated information (nats) or its interval.
        case estimate
        /// CCH's verdict, or whether it matches the measured truth.
        case verdict
    }

    struct Column {
        let key: String
        let role: Role
        let value: (TeacherPairRow) -> ReportValue
    }

    /// The estimators with columns (those that apply to the label).
    let estimators: [ViewGapEstimator]
    let columns: [Column]

    init(estimators: [ViewGapEstimator]) {
        self.estimators = estimators
        func number(_ x: Double?) -> ReportValue { .number(x ?? .nan) }
        var c: [Column] = [
            Column(key: "teacher", role: .identity) { .text($0.teacher) },
            Column(key: "student", role: .identity) { .text($0.student) },
            Column(key: "score_no_kd", role: .measured) { .number($0.measured.withoutKD) },
            Column(key: "score_kd", role: .measured) { .number($0.measured.withKD) },
            Column(key: "kd_gain", role: .measured) { .number($0.measured.gain.mean) },
            Column(key: "kd_gain_se", role: .measured) { .number($0.measured.gain.standardError) },
            Column(key: "z_gain", role: .measured) { .number($0.measured.z) },
            Column(key: "kd_helps", role: .measured) { .bool($0.measured.helps) },
            Column(key: "ce_gain", role: .measured) { number($0.measured.crossEntropyGain?.mean) },
            Column(key: "ce_gain_se", role: .measured) { number($0.measured.crossEntropyGain?.standardError) },
            Column(key: "tuned_gain", role: .measured) { .number($0.measured.tunedGain.mean) },
            Column(key: "tuned_gain_se", role: .measured) { .number($0.measured.tunedGain.standardError) },
            Column(key: "z_tuned_gain", role: .measured) { .number($0.measured.tunedZ) },
            Column(key: "lambda_chosen_mean", role: .measured) { .number($0.measured.meanChosenLambda) },
            Column(key: "teacher_score", role: .measured) { .number($0.teacherScore) },
        ]
        for e in estimators {
            let n = e.rawValue
            func interval(_ key: String, _ pick: @escaping (ViewInformation.PairGap) -> ConfidenceInterval?) -> [Column] {
                [Column(key: key + "_low", role: .estimate) { number($0.gap(e).flatMap(pick)?.lower) },
                 Column(key: key + "_high", role: .estimate) { number($0.gap(e).flatMap(pick)?.upper) }]
            }
            c.append(Column(key: "mi_ts_\(n)", role: .estimate) { number($0.gap(e)?.teacherStudent) })
            c += interval("mi_ts_\(n)") { $0.teacherStudentInterval }
            c.append(Column(key: "mi_sy_\(n)", role: .estimate) { number($0.gap(e)?.studentLabel) })
            c += interval("mi_sy_\(n)") { $0.studentLabelInterval }
            c.append(Column(key: "gap_\(n)", role: .estimate) { number($0.gap(e)?.gap) })
            c += interval("gap_\(n)") { $0.gapInterval }
            c.append(Column(key: "p_sign_wrong_\(n)", role: .estimate) { number($0.gap(e)?.signErrorProbability) })
            c.append(Column(key: "cch_predicts_gain_\(n)", role: .verdict) { r in r.gap(e).map { .bool($0.predictsGain) } ?? .number(.nan) })
            c.append(Column(key: "cch_agrees_\(n)", role: .verdict) { r in r.gap(e).map { .bool($0.predictsGain == r.measured.helps) } ?? .number(.nan) })
        }
        columns = c
    }

    var keys: [String] { columns.map(\.key) }

    func fields(_ row: TeacherPairRow) -> ReportFields { columns.map { ($0.key, $0.value(row)) } }

    /// The CSV text: header, then one line per row.
    func csv(_ rows: [TeacherPairRow]) -> String {
        var out: [UInt8] = Array(keys.joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
        for row in rows {
            for (i, column) in columns.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                CSVText.append(column.value(row), to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import CrossModalKD
import SweepEngine

/// The report and JSON keys of `cchsim estimate-mi`. Informations in nats.
enum EstimateMIReport {
    /// "sy" for a continuous label, "sc" for a class label (as in analyze's mi_sy / mi_sc).
    static func labelKey(_ input: SampleInput) -> String { input.columns.discreteLabel ? "sc" : "sy" }

    static func text(input: SampleInput, results: [EstimatedGap], replicates: Int, level: Double) -> String {
        let f = AnalysisReport.fmt
        let c = input.columns, names = input.columnNames
        let labelName = c.discreteLabel ? "C" : "Y"
        let mi = "I(S;\(labelName))"
        var lines: [String] = []
        lines.append("Sample: \(input.data.rows) rows from \(input.source), seed \(input.seed)")
        lines.append("  T = \(c.teacher.map { names[$0] }.joined(separator: ",")) (\(c.teacher.count)), "
                     + "S = \(c.student.map { names[$0] }.joined(separator: ",")) (\(c.student.count)), "
                     + "label \(names[c.label]) (\(c.discreteLabel ? "discrete" : "continuous"))")
        if replicates > 0 {
            lines.append("  intervals: \(f(100 * level))% from \(replicates) half-samples of \(input.data.rows / 2) rows")
        }
        if let note = input.note { lines.append("Note: \(note)") }
        lines.append("")
        if let truth = input.truth {
            let gap = truth.teacherStudent - truth.studentLabel
            lines.append("closed form   I(T;S) = \(f(truth.teacherStudent)), \(mi) = \(f(truth.studentLabel)), "
                         + "gap = \(f(gap)) nats: CCH predicts \(gap > 0 ? "a gain" : "no gain")")
        }
        for r in results {
            let name = (r.estimator as? KSGEstimator).map { "ksg (k = \($0.k))" } ?? r.estimator.kind.rawValue
            let e = r.estimate, iv = r.intervals
            func interval(_ i: ConfidenceInterval?) -> String { i.map { "  [\(f($0.lower)), \(f($0.upper))]" } ?? "" }
            func value(_ x: Double) -> String { f(x).padding(toLength: 10, withPad: " ", startingAt: 0) }
            lines.append(name.padding(toLength: 14, withPad: " ", startingAt: 0) + "I(T;S) = \(value(e.teacherStudent))\(interval(iv?.teacherStudent))")
            let indent = String(repeating: " ", count: 14)
            guard let sy = e.studentLabel, let gap = e.gap else {
                lines.append(indent + "\(mi) = n/a (the Gaussian plug-in needs a continuous label)")
                continue
            }
            lines.append(indent + "\(mi) = \(value(sy))\(interval(iv?.studentLabel))")
            let positive = r.positiveReplicateFraction.map { "   P(gap > 0) = \(f($0))" } ?? ""
            lines.append(indent + "gap    = \(value(gap))\(interval(iv?.gap))\(positive)")
            let settled = r.settled.map { $0 ? " (settled at \(f(100 * level))%)" : " (not settled: the interval contains 0)" } ?? ""
            lines.append(indent + "CCH predicts \(gap > 0 ? "a gain" : "no gain")\(settled)")
        }
        return ReportText.join(lines)
    }

    static func fields(input: SampleInput, results: [EstimatedGap], replicates: Int, level: Double) -> ReportFields {
        let c = input.columns, names = input.columnNames
        let sy = labelKey(input)
        var out: ReportFields = [
            ("source", .text(input.scenario == nil ? "csv" : "scenario")),
            ("file", .text(input.scenario?.file ?? input.source)),
            ("rows", .integer(input.data.rows)),
            ("seed", .unsigned(input.seed)),
            ("teacher_columns", .text(c.teacher.map { names[$0] }.joined(separator: ","))),
            ("student_columns", .text(c.student.map { names[$0] }.joined(separator: ","))),
            ("label_column", .text(names[c.label])),
            ("discrete_label", .bool(c.discreteLabel)),
            ("replicates", .integer(replicates)),
            ("level", .number(level)),
        ]
        if let name = input.scenario?.name { out.insert(("name", .text(name)), at: 0) }
        if let note = input.note { out.append(("note", .text(note))) }
        if let truth = input.truth {
            out += [("mi_ts", .number(truth.teacherStudent)), ("mi_\(sy)", .number(truth.studentLabel)),
                    (c.discreteLabel ? "cch_gap_class" : "cch_gap", .number(truth.teacherStudent - truth.studentLabel))]
        }
        for r in results {
            let p = r.estimator.kind.rawValue
            func number(_ x: Double?) -> ReportValue { x.map { .number($0) } ?? .number(.nan) }
            func interval(_ key: String, _ i: ConfidenceInterval?) -> ReportFields {
                replicates > 0 ? [("\(key)_lower", number(i?.lower)), ("\(key)_upper", number(i?.upper))] : []
            }
            if let ksg = r.estimator as? KSGEstimator { out.append(("\(p)_k", .integer(ksg.k))) }
            out.append(("\(p)_mi_ts", .number(r.estimate.teacherStudent)))
            out += interval("\(p)_mi_ts", r.intervals?.teacherStudent)
            out.append(("\(p)_mi_\(sy)", number(r.estimate.studentLabel)))
            out += interval("\(p)_mi_\(sy)", r.intervals?.studentLabel)
            out.append(("\(p)_cch_gap", number(r.estimate.gap)))
            out += interval("\(p)_cch_gap", r.intervals?.gap)
            if replicates > 0 { out.append(("\(p)_gap_positive_fraction", number(r.positiveReplicateFraction))) }
            if let predicts = r.predictsGain { out.append(("\(p)_cch_predicts_gain", .bool(predicts))) }
            if let settled = r.settled { out.append(("\(p)_settled", .bool(settled))) }
        }
        return out
    }
}

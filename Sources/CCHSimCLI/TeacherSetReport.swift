import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

/// The teacher-set part of `cchsim analyze` for a model of several teacher modalities: every
/// teacher set and ensemble with CCH's gap and the exact best gain (`TeacherSetComparison`).
enum TeacherSetReport {
    static func text(scenario s: Scenario, comparison c: TeacherSetComparison) -> String {
        let fmt = AnalysisReport.fmt
        var lines = ["Teacher sets: CCH's gap I(T_J;S) - I(S;Y) against the best KD gain of each way to teach"]
        let width = max(12, c.choices.map { s.teacherChoiceName($0).count }.max() ?? 0)
        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        lines.append("  " + pad("teacher", width) + "  " + pad("gap (nats)", 12) + pad("lambda*", 11) + pad("best gain", 13) + "verdict")
        for choice in c.choices {
            let name = pad(s.teacherChoiceName(choice), width)
            switch choice.analysis {
            case .success(let a):
                let verdict = (a.kdHelps ? "KD helps" : "KD does not help") + ", CCH " + (a.cchAgrees ? "agrees" : "is wrong")
                lines.append("  \(name)  " + pad(fmt(choice.cchGap), 12) + pad(fmt(a.lambdaOpt), 11) + pad(fmt(a.kdGainOpt), 13) + verdict)
            case .failure(let e):
                lines.append("  \(name)  " + pad(fmt(choice.cchGap), 12) + "no formula: \(e.scenarioDescription)")
            }
        }
        let truth = c.bestByTruth.map { "\(s.teacherChoiceName(c.choices[$0])) (best gain \(fmt(c.choices[$0].kdGainOpt ?? .nan)))" }
        let cch = c.bestByCCH.map { "\(s.teacherChoiceName(c.choices[$0])) (gap \(fmt(c.choices[$0].cchGap)) nats)" }
        lines.append("  best by the truth: \(truth ?? "none (no formula applies)"); best by CCH: \(cch ?? "none")"
            + (c.cchPicksBest.map { $0 ? ": CCH picks the best teacher." : ": CCH does not pick the best teacher." } ?? "."))
        return ReportText.join(lines)
    }

    /// One group of JSON fields per choice (`teacher_set.NAME.cch_gap`, ...), then the best choices.
    static func fields(scenario s: Scenario, comparison c: TeacherSetComparison) -> ReportFields {
        var out: ReportFields = []
        for choice in c.choices {
            let prefix = "teacher_set." + s.teacherChoiceKey(choice)
            out.append((prefix + ".cch_gap", .number(choice.cchGap)))
            out.append((prefix + ".cch_predicts_gain", .bool(choice.information.cchPredictsGain)))
            switch choice.analysis {
            case .success(let a):
                out += [(prefix + ".lambda_opt", .number(a.lambdaOpt)), (prefix + ".kd_gain_opt", .number(a.kdGainOpt)),
                        (prefix + ".kd_helps", .bool(a.kdHelps))]
            case .failure(let e):
                out.append((prefix + ".unavailable", .text(e.scenarioDescription)))
            }
        }
        out.append(("teacher_set_best_by_truth", .text(c.bestByTruth.map { s.teacherChoiceKey(c.choices[$0]) } ?? "")))
        out.append(("teacher_set_best_by_cch", .text(c.bestByCCH.map { s.teacherChoiceKey(c.choices[$0]) } ?? "")))
        if let picks = c.cchPicksBest { out.append(("teacher_set_cch_picks_best", .bool(picks))) }
        return out
    }
}

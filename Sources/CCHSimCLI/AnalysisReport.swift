import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

/// The human-readable report of `cchsim analyze`.
enum AnalysisReport {
    static func text(scenario s: Scenario, analysis a: KDAnalysis) -> String {
        let i = a.information
        func nats(_ x: Double) -> String { "\(fmt(x)) nats (\(fmt(x / GaussianInformation.natsPerBit)) bits)" }
        var lines: [String] = []
        lines.append("Scenario \(s.name) (\(s.file))")
        lines.append("  model:   \(describe(s.model))")
        lines.append("  teacher: \(describe(s))")
        lines.append("  student: n = \(s.student.samples), ridge = \(fmt(s.student.ridge)), lambda = \(fmt(s.student.lambda))")
        lines.append("")
        lines.append("Mutual information")
        if s.teacher.combination != .allModalities, let members = try? s.teacher.combination.members(modalityCount: s.teacherModalities.count) {
            lines.append("  (T: the teaching modalities \(s.teacherSetName(members)))")
        }
        lines.append("  I(T;S)   = \(nats(i.teacherStudent))")
        lines.append("  I(S;Y)   = \(nats(i.studentLabel))")
        lines.append("  I(T;Y)   = \(nats(i.teacherLabel))")
        lines.append("  I(T;Y|S) = \(nats(i.teacherLabelGivenStudent))   (label information only the teacher has)")
        lines.append("  CCH gap I(T;S) - I(S;Y) = \(fmt(i.cchGap)) nats: CCH predicts KD \(i.cchPredictsGain ? "helps" : "does not help")")
        lines.append("")
        let how: String
        if let mc = a.monteCarloTruth {
            how = "Monte Carlo estimate, \(mc.trials) trials, standard error of the best gain \(fmt(mc.gainOpt.standardError))"
                + (mc.reachedRequestedError ? "" : "; the requested \(fmt(mc.requestedStandardError)) was not reached within the trial budget")
        } else {
            how = a.regime.isExact ? "exact" : "asymptotic approximation"
        }
        lines.append("Expected test risk E(Y - w'S)^2, regime \(a.regime.rawValue) (\(how))")
        lines.append(row("Bayes risk Var(Y|S)", a.bayesRisk))
        lines.append(row("without KD (lambda = 0)", a.riskNoKD))
        lines.append(row("with KD (lambda = \(fmt(a.lambda)))", a.riskKD) + "gain \(fmt(a.kdGain)) (\(pct(a.kdGain / a.riskNoKD)))")
        lines.append(row("best lambda* = \(fmt(a.lambdaOpt))", a.risk(at: a.lambdaOpt))
                     + "gain \(fmt(a.kdGainOpt)) (\(pct(a.kdGainOpt / a.riskNoKD)))")
        if a.monteCarloTruth != nil {
            lines.append("  mean sign-label accuracy of the fitted w: \(fmt(a.accuracyNoKD)) without KD, \(fmt(a.accuracyKD)) with KD")
        } else {
            lines.append("  sign-label accuracy of E[w]: \(fmt(a.accuracyNoKD)) without KD, \(fmt(a.accuracyKD)) with KD, \(fmt(a.accuracyOpt)) at lambda*")
        }
        lines.append("")
        let truth = a.kdHelps ? "KD helps (gain at lambda* > 0)" : "KD does not help (best lambda is 0)"
        lines.append("Verdict (\(a.regime.truthMethod.rawValue)): \(truth); CCH \(a.cchAgrees ? "agrees" : "is wrong here").")
        if a.verdictUncertain, let bound = a.approximationErrorBound {
            lines.append("  Caution: the approximation could flip this verdict: the slope dE R/dlambda at 0 is \(fmt(a.riskCurve.a1)), "
                + "within its calibrated error bound \(fmt(bound)); use [student] truth = \"monte-carlo\".")
        }
        return ReportText.join(lines)
    }

    static func describe(_ m: ModelSpec) -> String {
        switch m {
        case .correlations(let ts, let sy, let ty):
            "correlations rho_ts = \(fmt(ts)), rho_sy = \(fmt(sy)), rho_ty = \(fmt(ty)) (dt = ds = 1, unit variances)"
        case .latent(let f):
            "latent factors k = \(f.labelLoadings.count), dt = \(f.teacherLoadings.rows), ds = \(f.studentLoadings.rows), "
                + "noise sd (teacher, student, label) = (\(fmt(f.teacherNoise)), \(fmt(f.studentNoise)), \(fmt(f.labelNoise)))"
        case .covariance(let dt, let ds, _):
            "covariance matrix, dt = \(dt), ds = \(ds)"
        case .modalityCorrelations(let c):
            "correlations of \(c.modalityCount) scalar teacher modalities, rho_sy = \(fmt(c.studentLabel)) (dt = \(c.modalityCount), ds = 1, unit variances)"
        }
    }

    /// The scenario's teacher, with its modalities when the model has several.
    static func describe(_ s: Scenario) -> String {
        var text = describe(s.teacher) + (s.teacherCombinationDescription.map { ", \($0)" } ?? "")
        if s.teacherModalities.count > 1 {
            text += "\n  teacher modalities: " + s.teacherModalities.map { "\($0.name) (d = \($0.dimension))" }.joined(separator: ", ")
        }
        return text
    }

    static func describe(_ t: TeacherSpec) -> String {
        let fit: String
        switch t.fit {
        case .oracle: fit = "oracle"
        case .ols(let nt): fit = "OLS on " + rows(t.rows, nt)
        case .ridge(let nt, let penalty): fit = "ridge (penalty \(fmt(penalty))) on " + rows(t.rows, nt)
        }
        return "\(t.target.rawValue) target, \(fit), scale c = \(fmt(t.scale))"
    }

    /// The rows a fitted teacher learns from, for reports.
    static func rows(_ rows: TeacherRows, _ count: Int) -> String {
        switch rows {
        case .own: "nt = \(count) samples"
        case .student: "the student's n = \(count) training rows (\(ScenarioKey.teacher(.rows)) = \"student\")"
        }
    }

    /// Six significant digits.
    static func fmt(_ x: Double) -> String { String(format: "%.6g", x) }
    private static func pct(_ x: Double) -> String { String(format: "%+.3g%% of the no-KD risk", 100 * x) }
    /// "  label      value     " with the label and value in fixed-width columns.
    private static func row(_ label: String, _ value: Double) -> String {
        let v = fmt(value)
        return "  " + label.padding(toLength: max(label.count, 30), withPad: " ", startingAt: 0) + " "
            + v.padding(toLength: max(v.count, 11), withPad: " ", startingAt: 0)
    }
}

import CCHScenario
import CrossModalKD
import SweepEngine

/// The class-label part of `cchsim analyze` for a scenario with `[model] label = "sign"`:
/// report lines and the JSON/CSV keys (informations in nats, accuracies as fractions).
enum ClassInformationReport {
    /// The class section; `withTeacherStudent` adds I(T;S) (when no other section shows it).
    static func text(_ c: ClassInformationSummary, withTeacherStudent: Bool = false) -> String {
        let f = AnalysisReport.fmt
        func nats(_ x: Double) -> String { "\(f(x)) nats (\(f(x / GaussianInformation.natsPerBit)) bits)" }
        return [
            "Class label C = sign(Y), H(C) = \(nats(c.labelEntropy))",
            withTeacherStudent ? "  I(T;S)   = \(nats(c.teacherStudent))" : nil,
            "  I(S;C)   = \(nats(c.studentClass))",
            "  I(T;C)   = \(nats(c.teacherClass))",
            "  CCH gap with the class label I(T;S) - I(S;C) = \(f(c.cchGap)) nats: CCH predicts KD "
                + (c.cchPredictsGain ? "helps" : "does not help"),
            "  Bayes accuracy for C: \(f(c.bayesAccuracyStudent)) from S, \(f(c.bayesAccuracyTeacher)) from T",
        ].compactMap { $0 }.joined(separator: "\n")
    }
}

/// `cchsim analyze` for a scenario with a logistic student: the closed-form class informations
/// and CCH's prediction; the student's accuracy has no closed form here (`cchsim classify`).
enum LogisticAnalysisReport {
    static func output(_ s: Scenario, json: Bool) throws(ScenarioError) -> String {
        guard let spec = s.classification, let c = try ClassInformationSummary(of: s) else { return "" }
        let note = "logistic student: its accuracy has no closed form; run cchsim classify \(s.file) (paired Monte Carlo)"
        if json {
            return JSONText.object(ScenarioFields.identity(s) + [("student_loss", .text("logistic")), ("mi_ts", .number(c.teacherStudent))]
                                   + ClassInformationFields.of(c) + [("note", .text(note))])
        }
        let f = AnalysisReport.fmt
        return [
            "Scenario \(s.name) (\(s.file))",
            "  model:   \(AnalysisReport.describe(s.model))",
            "  teacher: \(ClassifyReport.describe(spec.teacher, rows: spec.teacherRows))",
            "  student: logistic, n = \(spec.samples), ridge = \(f(spec.ridge)), lambda = \(f(spec.lambda)), temperature = \(f(spec.temperature))",
            "",
            ClassInformationReport.text(c, withTeacherStudent: true),
            "",
            "Note: \(note).",
        ].joined(separator: "\n")
    }
}

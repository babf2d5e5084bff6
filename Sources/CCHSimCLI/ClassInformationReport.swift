import CrossModalKD

/// The class-label part of `cchsim analyze` for a scenario with `[model] label = "sign"`:
/// report lines and the JSON/CSV keys (informations in nats, accuracies as fractions).
enum ClassInformationReport {
    static func text(_ c: ClassInformationSummary) -> String {
        let f = AnalysisReport.fmt
        func nats(_ x: Double) -> String { "\(f(x)) nats (\(f(x / GaussianInformation.natsPerBit)) bits)" }
        return [
            "Class label C = sign(Y), H(C) = \(nats(c.labelEntropy))",
            "  I(S;C)   = \(nats(c.studentClass))",
            "  I(T;C)   = \(nats(c.teacherClass))",
            "  CCH gap with the class label I(T;S) - I(S;C) = \(f(c.cchGap)) nats: CCH predicts KD "
                + (c.cchPredictsGain ? "helps" : "does not help"),
            "  Bayes accuracy for C: \(f(c.bayesAccuracyStudent)) from S, \(f(c.bayesAccuracyTeacher)) from T",
        ].joined(separator: "\n")
    }
}

/// The class-label keys of `cchsim analyze --json` (present when label = "sign").
public enum ClassInformationFields {
    public static func of(_ c: ClassInformationSummary) -> ReportFields {
        [
            ("label", .text(LabelKind.sign.rawValue)),
            ("entropy_c", .number(c.labelEntropy)),
            ("mi_sc", .number(c.studentClass)),
            ("mi_tc", .number(c.teacherClass)),
            ("cch_gap_class", .number(c.cchGap)),
            ("cch_predicts_gain_class", .bool(c.cchPredictsGain)),
            ("accuracy_bayes_s", .number(c.bayesAccuracyStudent)),
            ("accuracy_bayes_t", .number(c.bayesAccuracyTeacher)),
        ]
    }
}

import CrossModalKD

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

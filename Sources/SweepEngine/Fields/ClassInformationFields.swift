import CrossModalKD

/// The class-label keys of `cchsim analyze --json` (present when label = "sign"): informations in
/// nats, accuracies as fractions.
public enum ClassInformationFields {
    public static let table = FieldTable<ClassInformationSummary>([
        .init("label") { _ in .text(LabelKind.sign.rawValue) },
        .init("entropy_c") { .number($0.labelEntropy) },
        .init("mi_sc") { .number($0.studentClass) },
        .init("mi_tc") { .number($0.teacherClass) },
        .init("cch_gap_class", .gap(.sign)) { .number($0.cchGap) },
        .init("cch_predicts_gain_class", .prediction(.sign)) { .bool($0.cchPredictsGain) },
        .init("accuracy_bayes_s") { .number($0.bayesAccuracyStudent) },
        .init("accuracy_bayes_t") { .number($0.bayesAccuracyTeacher) },
    ])

    public static func of(_ c: ClassInformationSummary) -> ReportFields { table.fields(c) }
}

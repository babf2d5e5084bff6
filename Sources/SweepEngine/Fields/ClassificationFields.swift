import CrossModalKD

/// A classification-KD Monte Carlo result with what it is reported beside.
public struct ClassificationResult: Sendable {
    public let experiment: LogisticKDExperiment
    public let summary: LogisticKDSummary
    public let information: ClassInformationSummary

    public init(_ experiment: LogisticKDExperiment, _ summary: LogisticKDSummary, _ information: ClassInformationSummary) {
        self.experiment = experiment
        self.summary = summary
        self.information = information
    }
}

/// The keys of `cchsim classify --json` (without name, file and seed): accuracies as fractions,
/// informations in nats.
public enum ClassificationFields {
    public static let table = FieldTable<ClassificationResult>([
        .init("trials") { .integer($0.summary.trials) },
        .init("test_n") { .integer($0.summary.testSamples ?? 0) },
        .init("student_n") { .integer($0.experiment.spec.samples) },
        .init("teacher_n") { r in
            switch r.experiment.spec.teacher {
            case .posterior: .integer(0)
            case .fitted(let nt, _): .integer(nt)
            }
        },
        .init("lambda", .kdWeight) { .number($0.experiment.spec.lambda) },
        .init("temperature") { .number($0.experiment.spec.temperature) },
        .init("mi_ts") { .number($0.information.teacherStudent) },
    ]) + ClassInformationFields.table.pulled(back: \ClassificationResult.information) + FieldTable([
        .init("cls_accuracy_teacher") { .number($0.summary.teacherAccuracy) },
        .init("cls_accuracy_no_kd") { .number($0.summary.accuracyNoKD) },
        .init("cls_accuracy_no_kd_se") { .number($0.summary.accuracyNoKDSE) },
        .init("cls_accuracy_kd") { .number($0.summary.accuracyKD) },
        .init("cls_accuracy_kd_se") { .number($0.summary.accuracyKDSE) },
        .init("cls_kd_gain", .gain(.sign)) { .number($0.summary.gain) },
        .init("cls_kd_gain_se", .gainStandardError(.sign)) { .number($0.summary.gainSE) },
        .init("cls_kd_gain_z") { .number($0.summary.gainZ) },
        .init("cls_kd_better_fraction") { .number($0.summary.fractionKDBetter) },
        .init("cls_kd_helps", .truth(.sign)) { .bool($0.summary.kdHelps) },
        .init("cls_cch_agrees") { .bool($0.information.cchPredictsGain == $0.summary.kdHelps) },
        .init("cls_separable_no_kd") { .integer($0.summary.separableNoKD) },
        .init("cls_separable_kd") { .integer($0.summary.separableKD) },
        .init("cls_separable_teacher") { .integer($0.summary.separableTeacher) },
        .init("cls_not_converged") { .integer($0.summary.notConverged) },
    ])

    public static func of(_ e: LogisticKDExperiment, _ r: LogisticKDSummary, _ c: ClassInformationSummary) -> ReportFields {
        table.fields(ClassificationResult(e, r, c))
    }
}

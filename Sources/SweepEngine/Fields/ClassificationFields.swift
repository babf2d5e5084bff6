import CrossModalKD

/// The keys of `cchsim classify --json` (without name, file and seed): accuracies as fractions,
/// informations in nats.
public enum ClassificationFields {
    public static func of(_ e: LogisticKDExperiment, _ r: LogisticKDSummary, _ c: ClassInformationSummary) -> ReportFields {
        let teacherN: Int
        switch e.spec.teacher {
        case .posterior: teacherN = 0
        case .fitted(let nt, _): teacherN = nt
        }
        return [
            ("trials", .integer(r.trials)),
            ("test_n", .integer(r.testSamples ?? 0)),
            ("student_n", .integer(e.spec.samples)),
            ("teacher_n", .integer(teacherN)),
            ("lambda", .number(e.spec.lambda)),
            ("temperature", .number(e.spec.temperature)),
            ("mi_ts", .number(c.teacherStudent)),
        ] + ClassInformationFields.of(c) + [
            ("cls_accuracy_teacher", .number(r.teacherAccuracy)),
            ("cls_accuracy_no_kd", .number(r.accuracyNoKD)),
            ("cls_accuracy_no_kd_se", .number(r.accuracyNoKDSE)),
            ("cls_accuracy_kd", .number(r.accuracyKD)),
            ("cls_accuracy_kd_se", .number(r.accuracyKDSE)),
            ("cls_kd_gain", .number(r.gain)),
            ("cls_kd_gain_se", .number(r.gainSE)),
            ("cls_kd_gain_z", .number(r.gainZ)),
            ("cls_kd_better_fraction", .number(r.fractionKDBetter)),
            ("cls_kd_helps", .bool(r.kdHelps)),
            ("cls_cch_agrees", .bool(c.cchPredictsGain == r.kdHelps)),
            ("cls_separable_no_kd", .integer(r.separableNoKD)),
            ("cls_separable_kd", .integer(r.separableKD)),
            ("cls_separable_teacher", .integer(r.separableTeacher)),
            ("cls_not_converged", .integer(r.notConverged)),
        ]
    }
}

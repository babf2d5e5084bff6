import CrossModalKD

/// One ordered pair (teacher view, student view) of `cchsim teachers`: the measured KD gains and
/// each estimator's CCH gap. Its columns: `TeacherSelectionFields`.
struct TeacherPairRow: Sendable {
    let teacher: String, student: String
    let measured: DistillationGain
    /// The teacher's mean test score on its own view (accuracy, or MSE for a continuous label).
    let teacherScore: Double
    /// The CCH gap of each applicable estimator, in `ViewInformation.estimators` order.
    let gaps: [(estimator: ViewGapEstimator, gap: ViewInformation.PairGap)]

    func gap(_ e: ViewGapEstimator) -> ViewInformation.PairGap? { gaps.first { $0.estimator == e }?.gap }
}

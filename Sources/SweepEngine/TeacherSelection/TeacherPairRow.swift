import CrossModalKD

/// One ordered pair (teacher, student view) of `cchsim teachers` (a teacher is a view, a teacher
/// set's concatenated teacher or its ensemble): the measured KD gains and each estimator's CCH
/// gap. Its columns: `TeacherSelectionFields`.
struct TeacherPairRow: Sendable {
    /// The teacher's and student's indices (`MultiViewData.teachers`, views) and names.
    let pair: ViewPair
    let teacher: String
    let teacherKind: TeacherCandidate.Kind
    let student: String
    /// The students' ridge of this row's experiment when `[experiment] student_ridge` sweeps it; nil otherwise.
    let studentRidge: Double?
    let measured: DistillationGain
    /// The teacher's mean test score on its own view (accuracy, or MSE for a continuous label).
    let teacherScore: Double
    /// The CCH gap of each estimator run, or why it has none, in `ViewInformation.estimators` order.
    let estimates: [(estimator: MIEstimatorKind, estimate: Result<ViewInformation.PairGap, ViewInformation.Unavailable>)]
    /// Each estimator's I(T;S) and I(S;Y) on their own (one may exist without the other), same order.
    let quantities: [(teacherStudent: Result<ViewInformation.QuantityEstimate, ViewInformation.Unavailable>,
                      studentLabel: Result<ViewInformation.QuantityEstimate, ViewInformation.Unavailable>)]
    /// The fitted Gaussian theory's expected MSE gain; nil when the theory does not apply.
    let theory: TheoryOnData.Prediction?
    /// The theory's learner measured on the same splits (for a continuous label: `measured`).
    let linear: DistillationGain?

    /// The theory and its learner's measurement agree: |difference| <= 1.96 joint SE
    /// (`TeacherSelectionTheory.agreementRule`); nil without both.
    var theoryAgreesWithLinear: Bool? {
        guard let theory, let linear else { return nil }
        let se = (theory.gain.standardError * theory.gain.standardError + linear.gain.standardError * linear.gain.standardError).squareRoot()
        return abs(theory.gain.mean - linear.gain.mean) <= MonteCarloEstimate.normalQuantile975 * se
    }

    func gap(_ e: MIEstimatorKind) -> ViewInformation.PairGap? { try? estimates.first { $0.estimator == e }?.estimate.get() }

    /// Estimator `e`'s I(T;S) (or I(S;Y) when not `teacherStudent`); nil when it has none.
    func quantity(_ e: MIEstimatorKind, teacherStudent: Bool) -> ViewInformation.QuantityEstimate? {
        guard let i = estimates.firstIndex(where: { $0.estimator == e }), i < quantities.count else { return nil }
        return try? (teacherStudent ? quantities[i].teacherStudent : quantities[i].studentLabel).get()
    }

    /// Why estimator `e` has no gap for this pair; nil when it has one.
    func unavailable(_ e: MIEstimatorKind) -> ViewInformation.Unavailable? {
        guard case .failure(let reason)? = estimates.first(where: { $0.estimator == e })?.estimate else { return nil }
        return reason
    }
}

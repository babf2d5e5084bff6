import CrossModalKD

/// What a result column means to the parts that read it back: the run summary (CCH's verdict
/// against the truth, the Monte Carlo z), the merge summary and the plots. A column that no part
/// reads is a `.value`. See docs/output.md, "The column schema".
///
/// The verdict roles carry the label they judge CCH against: `.continuous` for the squared-loss
/// student (I(T;S) > I(S;Y) against "KD lowers the risk"), `.sign` for the class label
/// (I(T;S) > I(S;C) against "KD raises the accuracy").
public enum ColumnRole: Hashable, Sendable {
    /// Reported only.
    case value
    /// The CCH gap in nats (I(T;S) - I(S;Y), or I(T;S) - I(S;C) for the class label).
    case gap(LabelKind)
    /// CCH's prediction that KD helps (a boolean).
    case prediction(LabelKind)
    /// The truth CCH is judged against: KD does help (a boolean).
    case truth(LabelKind)
    /// The KD gain at the scenario's lambda (squared label units, or an accuracy difference).
    case gain(LabelKind)
    /// The standard error of a Monte Carlo `gain`.
    case gainStandardError(LabelKind)
    /// The best KD gain over lambda, G(lambda*).
    case bestGain(LabelKind)
    /// The scenario's KD weight lambda.
    case kdWeight
    /// The minimising KD weight lambda*.
    case bestKDWeight
    /// The expected risk without KD, E R(0).
    case riskWithoutKD
    /// The Monte Carlo mean of the squared-loss KD gain and its standard error.
    case monteCarloGain, monteCarloGainStandardError
    /// (Monte Carlo gain - analytic gain) / standard error.
    case gainZ
    /// How the truth was obtained (text: a regime's `truthMethod`).
    case truthMethod
    /// The verdict is uncertain (a boolean: an approximation's error bound or a Monte Carlo truth
    /// does not settle the sign).
    case verdictUncertain
    /// With `[estimation]`: P(the estimated gap has the other sign) and its standard error.
    case signErrorProbability(MIEstimatorKind), signErrorStandardError(MIEstimatorKind)
    /// With m >= 2 teacher modalities (`TeacherSetFields`): one number of the teacher on the
    /// modalities J (indices of the model's teacher modalities, ascending).
    case teacherSet([Int], TeacherSetQuantity)
    /// With m >= 2 teacher modalities: the verdict on adding modalities to the best single teacher.
    case addingModality(AddingQuantity)

    // The table of `cchsim teachers`, one row per ordered pair of views of real data
    // (docs/real-data.md, "Outputs"). The case says which comparison a column belongs to, its
    // `DataQuantity` what it is.

    /// Which pair: the teacher's view name, the student's view name.
    case teacherView, studentView
    /// Which kind of teacher (with teacher sets): a view, a set's concatenated teacher or its ensemble.
    case teacherKind
    /// The students' ridge of the row's experiment (`[experiment] student_ridge`).
    case studentRidge
    /// Measured by the KD experiment on the data: the softmax learner for a class label, the
    /// theory's linear learner for a continuous one.
    case measured(DataQuantity)
    /// Measured on the same splits by the theory's own learner (OLS teacher, linear students with
    /// the quadratic KD penalty) on the numerically coded label: the like-with-like comparison
    /// for `theory`.
    case theoryLearner(DataQuantity)
    /// Predicted by the Gaussian theory fitted to the pair's data (expected MSE gain).
    case theory(DataQuantity)
    /// An information estimate (nats) of one estimator of the CCH gap.
    case estimate(MIEstimatorKind, DataQuantity)
    /// CCH's verdict from one estimator's gap, or whether it matches the measured truth.
    case verdict(MIEstimatorKind, DataQuantity)
}

extension ColumnRole: CustomStringConvertible {
    /// The role as written into metadata files, e.g. `gain(continuous)` or `estimate(ksg): gap`.
    public var description: String {
        switch self {
        case .value: "value"
        case .gap(let l): "gap(\(l.rawValue))"
        case .prediction(let l): "prediction(\(l.rawValue))"
        case .truth(let l): "truth(\(l.rawValue))"
        case .gain(let l): "gain(\(l.rawValue))"
        case .gainStandardError(let l): "gain_se(\(l.rawValue))"
        case .bestGain(let l): "best_gain(\(l.rawValue))"
        case .kdWeight: "kd_weight"
        case .bestKDWeight: "best_kd_weight"
        case .riskWithoutKD: "risk_without_kd"
        case .monteCarloGain: "monte_carlo_gain"
        case .monteCarloGainStandardError: "monte_carlo_gain_se"
        case .gainZ: "gain_z"
        case .truthMethod: "truth_method"
        case .verdictUncertain: "verdict_uncertain"
        case .signErrorProbability(let e): "flip_probability(\(e.rawValue))"
        case .signErrorStandardError(let e): "flip_se(\(e.rawValue))"
        case .teacherSet(let j, let q): "teacher_set(\(j.map(String.init).joined(separator: "+"))): \(q.rawValue)"
        case .addingModality(let q): "adding_modality: \(q.rawValue)"
        case .teacherView: "identity: teacher view"
        case .studentView: "identity: student view"
        case .teacherKind: "identity: teacher kind"
        case .studentRidge: "setting: student ridge"
        case .measured(let q): "measured: \(q.rawValue)"
        case .theoryLearner(let q): "theory_learner: \(q.rawValue)"
        case .theory(let q): "theory: \(q.rawValue)"
        case .estimate(let e, let q): "estimate(\(e.rawValue)): \(q.rawValue)"
        case .verdict(let e, let q): "verdict(\(e.rawValue)): \(q.rawValue)"
        }
    }
}

/// One declared output column: its key (CSV header, JSON key) and its role.
public struct Column: Hashable, Sendable {
    public let key: String
    public let role: ColumnRole

    public init(_ key: String, _ role: ColumnRole = .value) {
        self.key = key
        self.role = role
    }
}

/// What a column of one teacher set holds (`ColumnRole.teacherSet`).
public enum TeacherSetQuantity: String, Hashable, Sendable {
    /// CCH's gap I(T_J;S) - I(S;Y), nats.
    case gap
    /// The best KD weight lambda* of the teacher on T_J.
    case bestKDWeight = "lambda_opt"
    /// Its best KD gain G(lambda*), squared label units.
    case bestGain = "kd_gain_opt"
}

/// What a column of the verdict on adding modalities holds (`ColumnRole.addingModality`;
/// docs/multi-teacher.md, "Sweeps and the canonical figure").
public enum AddingQuantity: String, Hashable, Sendable {
    /// The largest CCH gap of a set of two or more modalities (the full set's): its zero is the
    /// CCH boundary of the maps.
    case gap
    /// The best G(lambda*) of a set of two or more modalities minus the best of a single one.
    case gain
    /// CCH predicts that adding helps: its choice (the largest gap) is a set of several modalities, with a positive gap.
    case prediction
    /// Adding helps: `gain` > 0 beyond rounding.
    case truth
}

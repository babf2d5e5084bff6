/// The joint Gaussian of docs/theory.md section 1 fitted to real multi-view data: for an ordered
/// pair (teacher view, student view), V = (T, S, L) with T and S the two views' representations
/// (`MultiViewData`, e.g. principal-component scores) and L the label coded as a number.
///
/// The fit is the Gaussian maximum-likelihood fit on all rows: mean and covariance are the sample
/// moments with divisor N (not N - 1). It is also the moment projection of the data: among all
/// Gaussians, the one closest to the empirical distribution in KL(empirical || Gaussian), which
/// matches its first two moments exactly. The data need not be Gaussian: the fit keeps only their
/// second moments (the linear structure), which is all the theory's linear learners use. The
/// means are removed (the theory's model is centred, as its least-squares learner in `cchsim teachers` is; the
/// softmax learners fit intercepts).
///
/// Label coding (`LabelCoding`): a continuous label as is; a two-class label as -1 for the first
/// class and +1 for the second (classes in `MultiViewLabel` order). The theory's student then
/// predicts L by least squares and `KDAnalysis` gives its expected test MSE. A label with more
/// than two classes has no scalar coding: `GaussianFitError.multiClassLabel`.
/// docs/real-data.md, "The theory on the data".
public struct FittedGaussian: Sendable {
    /// The views the model's T and S blocks come from.
    public let pair: ViewPair
    /// How the label became the model's scalar Y.
    public let labelCoding: LabelCoding
    /// Rows the moments were taken over.
    public let rows: Int
    /// Sample means of (T, S, L), removed before the covariance (for reference; the model is centred).
    public let means: [Double]
    /// The fitted model: dt = the teacher view's width, ds = the student view's, covariance the
    /// sample covariance (divisor N) in the order T, S, L.
    public let model: JointGaussian

    /// How the data set's label (`MultiViewLabel`) is coded as the scalar Y of the model: a
    /// coding of the values, beside the label's kind.
    public enum LabelCoding: Sendable, Equatable {
        /// A continuous label, as is.
        case continuous
        /// A two-class label: `negative` (the first class) is -1, `positive` (the second) +1.
        case binary(negative: String, positive: String)

        /// One line for reports and file headers.
        public var summary: String {
            switch self {
            case .continuous: "continuous label, as is"
            case .binary(let negative, let positive): "class \(negative) = -1, class \(positive) = +1"
            }
        }
    }

    /// Fits the joint Gaussian of (teacher view, student view, label) on all rows of `data`.
    /// - Throws: `GaussianFitError` for a pair that is not two distinct views, a label with more
    ///   than two classes, too few rows, or a covariance that is not positive definite.
    public init(_ data: MultiViewData, pair: ViewPair) throws(GaussianFitError) {
        let views = 0..<data.viewCount
        guard views.contains(pair.teacher), views.contains(pair.student) else {
            throw .viewOutOfRange(pair: pair, views: data.viewCount)
        }
        guard pair.teacher != pair.student else { throw .sameView(data.viewNames[pair.teacher]) }
        let (label, coding) = try data.theoryLabel()
        let t = data.representations[pair.teacher], s = data.representations[pair.student]
        let n = data.rows, dimension = t.cols + s.cols + 1
        guard n > dimension else { throw .tooFewRows(rows: n, dimension: dimension) }
        var columns: [[Double]] = []
        for j in 0..<t.cols { columns.append((0..<n).map { t[$0, j] }) }
        for j in 0..<s.cols { columns.append((0..<n).map { s[$0, j] }) }
        columns.append(label)
        let (means, covariance) = Self.moments(columns)
        let model: JointGaussian
        do { model = try JointGaussian(dt: t.cols, ds: s.cols, covariance: covariance) } catch {
            if case .notPositiveDefinite = error { throw .singular(reason: error.reason) }
            throw .unusableCovariance(reason: error.reason)
        }
        self.pair = pair
        labelCoding = coding
        rows = n
        self.means = means
        self.model = model
    }

    /// Means and covariance (divisor N) of equally long columns, by two passes: the means, then
    /// the centred cross products. Exactly symmetric (each entry computed once).
    static func moments(_ columns: [[Double]]) -> (means: [Double], covariance: Matrix) {
        let d = columns.count, n = columns[0].count
        let means = columns.map { $0.reduce(0, +) / Double(n) }
        let centred = zip(columns, means).map { column, mean in column.map { $0 - mean } }
        var covariance = Matrix(rows: d, cols: d)
        for a in 0..<d {
            for b in 0...a {
                var sum = 0.0
                for i in 0..<n { sum += centred[a][i] * centred[b][i] }
                covariance[a, b] = sum / Double(n)
                covariance[b, a] = covariance[a, b]
            }
        }
        return (means, covariance)
    }

    /// The analytic answer of the theory for the data experiment `settings` on this model:
    /// `KDAnalysis` with the teacher and student of `FittedKDSetting(settings)`.
    /// - Throws: `ParameterError` when no regime of docs/theory.md section 4 applies (e.g. a teacher
    ///   on the student's rows with a view wider than one component: Monte Carlo only).
    public func analysis(_ settings: DistillationExperiment.Settings) throws(ParameterError) -> KDAnalysis {
        let setting = FittedKDSetting(settings)
        return try KDAnalysis(model: model, teacher: setting.teacher, student: setting.student)
    }
}

/// The theory's version of a data experiment (`DistillationExperiment.Settings`), in the types a
/// covariance scenario decodes to.
///
/// - teacher: the prediction target, fitted by OLS on `teacherRows` rows of its own (regime 4(c)),
///   or on the student's rows (`TeacherRows.student`, docs/privileged-information.md); scale 1.
/// - student: n = `studentRows`, the experiment's lambda, ridge gamma = 0. The theory's learner is
///   the OLS student of regimes 4(b)/4(c): its expected risk is exact at finite n, while the
///   experiment's small stabilising ridge (`ridge`, e.g. 1e-3 on unit-scale scores) would move the
///   analysis to the asymptotic deterministic equivalent (4(d)) for a negligible change.
/// The temperature, the lambda grid and the validation part belong to the measured softmax learner
/// and have no counterpart here.
public struct FittedKDSetting: Sendable, Equatable {
    public let teacher: TeacherSpec
    public let student: StudentSpec

    public init(_ settings: DistillationExperiment.Settings) {
        let n = settings.studentRows
        switch settings.teacherRows {
        case .own(let nt): teacher = TeacherSpec(target: .prediction, fit: .ols(samples: nt))
        case .student: teacher = TeacherSpec(target: .prediction, fit: .ols(samples: n), rows: .student)
        }
        student = StudentSpec(samples: .finite(n), ridge: 0, lambda: settings.lambda)
    }
}

/// Why a joint Gaussian could not be fitted to a pair of views.
public enum GaussianFitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A view index outside the data set.
    case viewOutOfRange(pair: ViewPair, views: Int)
    /// Teacher and student are the same view.
    case sameView(String)
    /// The label has more than two classes (their names): no scalar label for the theory.
    case multiClassLabel(classes: [String])
    /// Fewer rows than dt + ds + 2: the sample covariance is singular.
    case tooFewRows(rows: Int, dimension: Int)
    /// The sample covariance is not positive definite (collinear columns).
    case singular(reason: String)
    /// The sample covariance is out of the range cchsim computes with (e.g. huge values).
    case unusableCovariance(reason: String)
    /// The teacher is an ensemble (its name): the mean of several teachers' predictions is no one
    /// linear teacher's, so the single-teacher theory does not apply.
    case ensembleTeacher(String)

    public var description: String {
        switch self {
        case .viewOutOfRange(let pair, let views):
            "views \(pair.teacher) and \(pair.student) are not both among the \(views) views"
        case .sameView(let name):
            "the teacher and the student are the same view (\(name)); choose two different views"
        case .multiClassLabel(let classes):
            "the label has \(classes.count) classes (\(classes.joined(separator: ", "))); the Gaussian theory has a scalar label, "
                + "so it applies to a continuous label or to two classes (coded -1 and +1); use a two-class or continuous label"
        case .tooFewRows(let rows, let dimension):
            "\(rows) rows are too few for the covariance of \(dimension) variables (teacher components + student components + "
                + "label); it needs more than \(dimension) rows: keep fewer components"
        case .singular(let reason):
            "the fitted covariance is not a model: \(reason); some columns are (nearly) collinear: keep fewer components"
        case .unusableCovariance(let reason):
            "the fitted covariance is not a model: \(reason)"
        case .ensembleTeacher(let name):
            "the teacher \(name) is an ensemble, the mean of several teachers' predictions, not one linear teacher; "
                + "the fitted single-teacher theory applies to its set's concatenated teacher"
        }
    }
}

/// How the expected risk (and so `kd_helps`) was obtained: one of the analytic regimes of
/// docs/theory.md section 4, or a Monte Carlo estimate (`[student] truth = "monte-carlo"`). The raw
/// values are the names used in reports, JSON and CSV.
public enum Regime: String, Sendable, CaseIterable {
    /// n = infinity, any ridge gamma >= 0: exact.
    case population
    /// Finite n > ds + 1, gamma = 0, oracle teacher: exact (Gaussian design).
    case exactOLS = "exact-ols"
    /// As exact-ols with an OLS teacher fitted on nt > dt + 1 independent samples: exact.
    case exactOLSFittedTeacher = "exact-ols-fitted-teacher"
    /// Finite n >= 1, gamma > 0, scalar student (ds = 1), oracle or OLS teacher of any dt: exact,
    /// by one-dimensional quadrature over the student's scatter (`ScalarRidgeMoments`).
    case exactScalarRidge = "exact-scalar-ridge"
    /// dt = ds = 1, an OLS student and an OLS teacher fitted on the student's own n >= 4 rows
    /// (teacher.rows = "student"): exact, evaluated by quadrature (docs/privileged-information.md).
    case exactOLSStudentRows = "exact-ols-student-rows"
    /// Finite n with gamma > 0 and ds > 1 (or n <= ds + 1 when approximation is allowed):
    /// the deterministic equivalent, asymptotic in n and ds, not exact.
    case deterministicEquivalent = "deterministic-equivalent"
    /// Not a formula: the risk curve estimated by the Monte Carlo engine to a requested standard
    /// error (`KDAnalysis(monteCarloTruthOf:...)`). Never chosen by `choose`.
    case monteCarlo = "monte-carlo"

    /// Whether the regime's expected risk is an exact formula (false for the asymptotic
    /// approximation and for a Monte Carlo estimate).
    public var isExact: Bool { self != .deterministicEquivalent && self != .monteCarlo }

    /// Which method produced `kd_helps`.
    public var truthMethod: TruthMethod {
        switch self {
        case .deterministicEquivalent: .approximation
        case .monteCarlo: .monteCarlo
        default: .exact
        }
    }

    /// The regime docs/theory.md section 4 assigns to a student and teacher in a model of student dimension `ds`.
    public static func choose(student: StudentSpec, teacherFit: TeacherFit, ds: Int) throws(ParameterError) -> Regime {
        guard student.ridge.isFinite, student.ridge >= 0 else {
            throw .invalid(parameter: .studentRidge, reason: "must be finite and >= 0, got \(student.ridge)")
        }
        switch student.samples {
        case .infinite:
            return .population
        case .finite(let n):
            guard n >= 1 else { throw .invalid(parameter: .studentSamples, reason: "must be at least 1, got \(n)") }
            if student.ridge > 0 { return ds == 1 ? .exactScalarRidge : .deterministicEquivalent }
            if n > ds + 1 { return teacherFit == .oracle ? .exactOLS : .exactOLSFittedTeacher }
            if student.allowApproximation { return .deterministicEquivalent }
            throw .regimeDoesNotApply(
                parameter: .studentSamples,
                reason: "exact OLS needs n > ds + 1 = \(ds + 1), got n = \(n)",
                remedies: [.positive(.studentRidge), .deterministicEquivalent])
        }
    }
}

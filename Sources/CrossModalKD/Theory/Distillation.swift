import Foundation

/// What the teacher hands the student as the KD target u = c * theta'T (docs/theory.md section 3).
public enum TeacherTarget: String, Sendable, CaseIterable {
    /// The teacher's prediction of Y: theta = Stt^-1 Sty (oracle) or fitted by OLS.
    case prediction
    /// The teacher's representation: T itself for scalar T (u = c T, not standardised: its scale
    /// is part of the KD effect); for vector T, or with an explicit projection, a'T (a defaults to
    /// the oracle theta) scaled to unit variance.
    case representation
}

/// How the teacher's weights are obtained.
public enum TeacherFit: Equatable, Sendable {
    /// The population weights theta = Stt^-1 Sty.
    case oracle
    /// OLS on `samples` independent (T, Y) pairs; the analytic risk is exact for samples > dt + 1.
    case ols(samples: Int)
    /// Ridge regression min (1/nt)|Y - T theta|^2 + penalty |theta|^2 on `samples` independent
    /// (T, Y) pairs (penalty > 0). docs/theory.md section 4 has no closed form for it: Monte Carlo only
    /// (`MonteCarloExperiment`); the analytic side reports that no exact formula applies.
    case ridge(samples: Int, penalty: Double)
}

/// Which rows a fitted teacher learns from.
///
/// `own`: nt rows of its own, independent of the student's sample (the classical setting).
/// `student`: the student's own n training rows (T, Y), as in learning using privileged
/// information (Vapnik) and generalized distillation (Lopez-Paz et al.): the teacher's in-sample
/// fit then depends on the student's design. At finite n the expected risk is exact only for
/// dt = ds = 1 with OLS teacher and student (`StudentRowsScalarRisk`; docs/privileged-information.md);
/// at n = infinity the teacher is the oracle.
public enum TeacherRows: String, Sendable, CaseIterable {
    case own
    case student
}

/// The teacher: target kind, how it is fitted (and on which rows), the scale knob c, and an
/// optional projection a for a representation target with vector T.
public struct TeacherSpec: Sendable, Equatable {
    public var target: TeacherTarget
    public var fit: TeacherFit
    /// c in u = c * theta'T. The KD effect depends on the target's scale.
    public var scale: Double
    /// a in a'T for a representation target (length dt), scaled to unit variance; nil means T itself
    /// for scalar T and the oracle theta for vector T.
    public var projection: [Double]?
    /// The rows a fitted teacher learns from; with `.student` the fit's sample count is the
    /// student's n.
    public var rows: TeacherRows
    /// Which teacher modalities teach, and how: one teacher on a set of them (default: all of T)
    /// or an ensemble of the modalities' own teachers (docs/theory.md section 3.6). With an
    /// ensemble, `fit` applies to every member, each on its own rows.
    public var combination: TeacherCombination
    /// The standard deviation a projected representation a'T is scaled to before c multiplies it:
    /// 1 in the model's own units, b for the model binary-scaled by b (`scaled(varianceBy:)`), so
    /// that the scaled model's target is the original's, scaled with every other variable.
    var projectedStandardDeviation = 1.0

    public init(target: TeacherTarget = .prediction, fit: TeacherFit = .oracle, scale: Double = 1, projection: [Double]? = nil,
                rows: TeacherRows = .own, combination: TeacherCombination = .allModalities) {
        self.combination = combination
        self.target = target
        self.fit = fit
        self.scale = scale
        self.projection = projection
        self.rows = rows
    }

    /// The same teacher for the model with its covariance multiplied by `factor`
    /// (`JointGaussian.binaryScaled`): a ridge teacher's penalty, in units of Var(T), scales with it,
    /// and so does the variance of a projected representation target.
    /// - Throws: `ParameterError` when the scaled penalty leaves the range of a Double.
    func scaled(varianceBy factor: Double) throws(ParameterError) -> TeacherSpec {
        var spec = self
        spec.projectedStandardDeviation *= factor.squareRoot()
        if case .ridge(let nt, let penalty) = fit {
            spec.fit = .ridge(samples: nt, penalty: try penalty.scaledPenalty(by: factor, parameter: .teacherRidge))
        }
        return spec
    }

    /// The same teacher with its population weights (fit oracle, no rows of its own).
    public var oracle: TeacherSpec {
        var spec = self
        spec.fit = .oracle
        spec.rows = .own
        return spec
    }
}

/// Number of student training samples: finite, or infinite for the population regime.
public enum SampleSize: Equatable, Sendable, CustomStringConvertible {
    case finite(Int)
    case infinite
    public var description: String {
        switch self { case .finite(let n): "\(n)"; case .infinite: "inf" }
    }
}

/// The student: w fitted on n samples by ridge regression of z = (1 - lambda) Y + lambda u on S,
/// min_w (1/n) sum (z_i - w's_i)^2 + gamma |w|^2.
public struct StudentSpec: Sendable, Equatable {
    public var samples: SampleSize
    /// gamma >= 0, the ridge penalty.
    public var ridge: Double
    /// lambda in [0, 1], the weight of the KD target.
    public var lambda: Double
    /// Use the deterministic equivalent even where no exact formula applies at ridge 0
    /// (n <= ds + 1). Off by default: then such a scenario is an error, not a number.
    public var allowApproximation: Bool

    public init(samples: SampleSize, ridge: Double = 0, lambda: Double = 0.5, allowApproximation: Bool = false) {
        self.samples = samples
        self.ridge = ridge
        self.lambda = lambda
        self.allowApproximation = allowApproximation
    }

    /// The same student for the model with its covariance multiplied by `factor`
    /// (`JointGaussian.binaryScaled`): the ridge penalty, in units of Var(S), scales with it.
    /// - Throws: `ParameterError` when the scaled penalty leaves the range of a Double.
    func scaled(varianceBy factor: Double) throws(ParameterError) -> StudentSpec {
        var spec = self
        spec.ridge = try ridge.scaledPenalty(by: factor, parameter: .studentRidge)
        return spec
    }
}

extension Double {
    /// A ridge penalty (this value) times the power of two `factor`, refused when a positive
    /// penalty would underflow to a subnormal number or 0 (or overflow): it is then too small (or
    /// too large) against the model's variances to be computed with.
    func scaledPenalty(by factor: Double, parameter: Parameter) throws(ParameterError) -> Double {
        let scaled = self * factor
        guard !isFinite || self <= 0 || (scaled.isNormal && scaled.isFinite) else {
            throw .invalid(parameter: parameter,
                           reason: "\(self) is out of scale with the model's variances (relative to the largest it is \(scaled)): "
                               + "no double-precision computation can use it; rescale the variables or the penalty")
        }
        return scaled
    }
}

/// The KD target in closed form: u = theta_eff'T with theta_eff = c * theta, plus, for a fitted
/// teacher, the covariance of theta_eff's estimation error (zero mean, independent of the
/// student's sample).
public struct TeacherSignal: Sendable {
    /// theta_eff = c * theta (c for the representation of a scalar T, c * a / sqrt(a'Stt a) for a
    /// projected representation).
    public let weights: [Double]
    /// E[(theta_hat - theta)(theta_hat - theta)'] scaled by c^2: c^2 Var(Y|T) Stt^-1 / (nt - dt - 1)
    /// for an OLS teacher; nil for the oracle.
    public let errorCovariance: Matrix?

    /// The largest |c| accepted: beyond it c^2 Var(u) leaves the range where risks are meaningful.
    public static let maximumScale = 1e6

    /// Resolves the teacher of `spec` in `model`: for a teacher set T_J the weights and error
    /// covariance are those of the single teacher on T_J, embedded in T (zero outside J); for an
    /// ensemble the sum of its members' (docs/theory.md section 3.6).
    public init(model m: JointGaussian, spec: TeacherSpec) throws(ParameterError) {
        guard spec.scale.isFinite, abs(spec.scale) <= Self.maximumScale else {
            throw .invalid(parameter: .teacherScale, reason: "must be finite with |c| <= \(Self.maximumScale), got \(spec.scale)")
        }
        let components = try spec.combination.components(in: m)
        if case .ensemble = spec.combination {
            guard spec.target == .prediction else {
                throw .invalid(parameter: .teacherSet, reason: TeacherCombination.ensembleIsPredictionOnly)
            }
        }
        switch spec.target {
        case .prediction:
            guard spec.projection == nil else {
                throw .invalid(parameter: .teacherProjection, reason: "applies to the representation target only")
            }
            var sum = [Double](repeating: 0, count: m.dt)
            for k in components {
                let part = k.embedded(Vec.scale(spec.scale * k.weight, k.oracleWeights), dt: m.dt)
                sum = components.count == 1 ? part : Vec.add(sum, part)
            }
            weights = sum
        case .representation where spec.projection == nil && components[0].dimension == 1:
            // The representation itself, u = c T: its scale is part of the KD effect (the paper's
            // setting; `scale` is the knob), so it is not standardised.
            weights = components[0].embedded([spec.scale], dt: m.dt)
        case .representation:
            let k = components[0]
            let a = spec.projection ?? k.oracleWeights
            guard a.count == k.dimension else {
                throw .invalid(parameter: .teacherProjection, reason: "must have dt = \(k.dimension) entries, got \(a.count)")
            }
            let variance = Vec.quadratic(a, m.stt.principal(k.indices))
            guard variance > 0, variance.isFinite else {
                throw .invalid(parameter: .teacherProjection, reason: "a'T has zero variance; choose a non-zero projection")
            }
            weights = k.embedded(Vec.scale(spec.scale * spec.projectedStandardDeviation / variance.squareRoot(), a), dt: m.dt)
        }
        if spec.rows == .student {
            guard spec.fit != .oracle else {
                throw .invalid(parameter: .teacherRows, reason: "\"student\" applies to a fitted teacher (fit = \"ols\" or \"ridge\")")
            }
            throw .regimeDoesNotApply(parameter: .teacherRows, reason: Self.studentRowsHaveNoFormula, remedies: [.monteCarlo])
        }
        switch spec.fit {
        case .oracle:
            errorCovariance = nil
        case .ols(let nt):
            guard spec.target == .prediction else {
                throw .invalid(parameter: .teacherFit, reason: "'ols' applies to the prediction target only")
            }
            // Each member fitted on its own nt rows: independent errors, a block-diagonal covariance.
            var sum = Matrix(rows: m.dt, cols: m.dt)
            for k in components {
                guard nt > k.dimension + 1 else {
                    throw .regimeDoesNotApply(
                        parameter: .teacherSamples,
                        reason: "an OLS teacher needs n > dt + 1 = \(k.dimension + 1) samples for a finite expected risk, got \(nt)")
                }
                let factor = spec.scale * spec.scale * k.weight * k.weight * k.labelVarianceGiven / Double(nt - k.dimension - 1)
                let part = k.embedded(factor * k.cholesky.inverse, dt: m.dt)
                sum = components.count == 1 ? part : sum + part
            }
            errorCovariance = sum
        case .ridge:
            guard spec.target == .prediction else {
                throw .invalid(parameter: .teacherFit, reason: "'ridge' applies to the prediction target only")
            }
            throw .regimeDoesNotApply(
                parameter: .teacherFit,
                reason: "no exact formula applies to a ridge-fitted teacher (docs/theory.md section 4 covers oracle and OLS "
                    + "teachers)",
                remedies: [.monteCarlo])
        }
    }
}

extension TeacherSignal {
    /// Why `teacher.rows = "student"` has no analytic risk at finite n.
    public static let studentRowsHaveNoFormula =
        "no exact expected risk is known for this teacher fitted on the student's own rows (exact only for dt = ds = 1 "
        + "with an OLS teacher and an OLS student, n >= 4: otherwise the risk needs joint moments of (S'S)^-1 and "
        + "(T'T)^-1; docs/privileged-information.md)"
}

extension TeacherCombination {
    /// Why an ensemble refuses the representation target.
    public static let ensembleIsPredictionOnly =
        "an ensemble averages its teachers' predictions of Y; a representation target has no ensemble (whose "
        + "representation, at what scale?): use target = \"prediction\", or a teacher set on the modalities' concatenation"
}

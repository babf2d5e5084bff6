/// Expected test risk E R(w) of the fitted student in one regime of docs/theory.md section 4, as a
/// function of the mixed target's moments (b = b_l, s2 = s2_l). Every regime has the form
///
///     E R = Var(Y|S) + |M b - w*|^2_Sss + b' V b + eta s2
///
/// with M the map from b to the mean fitted weight, V the spread of the fitted weight that the
/// random design causes (Sss-weighted), and eta the variance inflation of the target's noise:
/// - population:         M = (Sss + gamma I)^-1 Sss, V = 0, eta = 0;
/// - exact OLS:          M = I, V = 0, eta = ds / (n - ds - 1);
/// - exact scalar ridge: M = E[h], V = Sss Var(h), eta = E[X / (X + g)^2] (`ScalarRidgeMoments`);
/// - deterministic eq:   M = A Sss with A = (Sss + kappa I)^-1, eta = (df2/n) / (1 - df2/n),
///                       V = eta (I - M)' Sss (I - M).
/// (The last is docs/theory.md section 4(d) rewritten with A Sss - I = -kappa A.) Since the risk is
/// quadratic in b and linear in s2, a fitted teacher's mean-zero error adds
/// tr(P Cov(delta b)) + eta E[delta s2] with P = M'Sss M + V (docs/finite-n-ridge.md).
public struct ExpectedRisk: Sendable {
    public let regime: Regime
    /// Var(Y|S), the Bayes risk.
    public let bayesRisk: Double
    let sss: Matrix
    let bayesWeights: [Double]
    /// M: b -> E[w].
    let shrinkage: Matrix
    /// V (see type doc).
    let weightVariance: Matrix
    /// eta.
    public let varianceInflation: Double
    /// P (see type doc).
    let curvature: Matrix
    /// Deterministic-equivalent quantities (nil in the exact regimes).
    public let deterministicEquivalent: DeterministicEquivalent?
    /// The design moments of the exact scalar ridge regime (nil in the others).
    public let scalarRidgeMoments: ScalarRidgeMoments?

    public init(model m: JointGaussian, student: StudentSpec, regime: Regime) throws(ParameterError) {
        self.regime = regime
        sss = m.sss
        bayesWeights = m.bayesWeights
        bayesRisk = m.labelVarianceGivenStudent
        let ds = m.ds
        var deterministicEquivalent: DeterministicEquivalent?
        var scalarRidgeMoments: ScalarRidgeMoments?
        switch regime {
        case .population:
            var shifted = m.sss
            for i in 0..<ds { shifted[i, i] += student.ridge }
            do { shrinkage = try Cholesky(shifted).solve(m.sss) } catch {
                throw .regimeDoesNotApply(parameter: .studentRidge, reason: "Sss + gamma I is numerically singular")
            }
            varianceInflation = 0
            weightVariance = Matrix(rows: ds, cols: ds)
        case .exactOLS, .exactOLSFittedTeacher:
            guard case .finite(let n) = student.samples, n > ds + 1 else {
                throw .regimeDoesNotApply(parameter: .studentSamples, reason: "exact OLS needs n > ds + 1 = \(ds + 1)")
            }
            shrinkage = .identity(ds)
            varianceInflation = Double(ds) / Double(n - ds - 1)
            weightVariance = Matrix(rows: ds, cols: ds)
        case .exactScalarRidge:
            guard ds == 1, case .finite(let n) = student.samples else {
                throw .regimeDoesNotApply(parameter: .studentSamples, reason: "the exact scalar ridge regime needs ds = 1 and a finite n")
            }
            let moments = try ScalarRidgeMoments.cached(samples: n, ridge: student.ridge, studentVariance: m.sss[0, 0])
            shrinkage = Matrix(rows: 1, cols: 1, elements: [moments.meanShrinkage])
            varianceInflation = moments.noiseFactor
            weightVariance = Matrix(rows: 1, cols: 1, elements: [m.sss[0, 0] * moments.shrinkageVariance])
            scalarRidgeMoments = moments
        case .monteCarlo:
            throw .regimeDoesNotApply(parameter: .truth, reason: "a Monte Carlo estimate has no closed-form expected risk")
        case .exactOLSStudentRows:
            // Not a function of the target's moments: `StudentRowsScalarRisk` computes it.
            throw .regimeDoesNotApply(parameter: .teacherRows, reason: TeacherSignal.studentRowsHaveNoFormula, remedies: [.monteCarlo])
        case .deterministicEquivalent:
            guard case .finite(let n) = student.samples else {
                throw .regimeDoesNotApply(parameter: .studentSamples, reason: "the deterministic equivalent needs a finite n")
            }
            let de = try DeterministicEquivalent(sss: m.sss, ridge: student.ridge, n: n)
            let ratio = de.df2 / Double(n)
            shrinkage = de.resolvent * m.sss
            varianceInflation = ratio / (1 - ratio)
            let residual = Matrix.identity(ds) - shrinkage
            weightVariance = varianceInflation * (residual.transposed * m.sss * residual)
            deterministicEquivalent = de
        }
        self.deterministicEquivalent = deterministicEquivalent
        self.scalarRidgeMoments = scalarRidgeMoments
        curvature = shrinkage.transposed * m.sss * shrinkage + weightVariance
    }

    /// Expected risk for the mixed target `z`.
    public func risk(_ z: MixedTarget) -> Double {
        let b = z.regression
        let mean = Vec.apply(shrinkage, b)
        var r = bayesRisk + Vec.quadratic(Vec.sub(mean, bayesWeights), sss)
        r += varianceInflation * z.residualVariance + Vec.quadratic(b, weightVariance)
        if let noise = z.regressionNoise {
            r += (curvature * noise).trace + varianceInflation * z.residualVarianceNoise
        }
        return r
    }

    /// The mean fitted weight E[w] = M b (exact in the exact regimes, the deterministic
    /// equivalent otherwise).
    public func meanWeights(_ z: MixedTarget) -> [Double] { Vec.apply(shrinkage, z.regression) }
}

/// The constants of one scenario's KD experiment in whitened coordinates, computed once and used by
/// every trial (see `MonteCarloSampler` for why trials can work in this frame).
///
/// Student frame: L is the Cholesky factor of Sigma in the order (S, Y, T), so for standard normal
/// (xi, eps_y, eps_T)
///     S = L_SS xi,   Y = beta'xi + sigma_y eps_y,   T = Lambda xi + tau eps_y + L_TT eps_T.
/// A student w acts through its whitened weights v = L_SS' w: w'S = v'xi, the exact test risk is
/// R = sigma_y^2 + |v - beta|^2 (beta = L_SS' w*) and corr(w'S, Y) = v'beta / (|v| sqrt(Syy)).
/// A teacher signal u = theta'T is mu'xi + kappa eps_y + nu'eps_T with mu = Lambda'theta,
/// kappa = tau'theta, nu = L_TT'theta.
///
/// Teacher frame: T = L_T zeta with L_T the Cholesky factor of Stt, Y = phi0'zeta + sigma_t eps with
/// phi0 = L_T' theta_oracle and sigma_t^2 = Var(Y|T); a fitted teacher has whitened weights phi and
/// hands the student theta_eff = c L_T^-T phi. A teacher on a set T_J, or each member of an
/// ensemble, has the frame of its own T_J (`FittedTeacher`).
struct WhitenedFrame: Sendable {
    let ds: Int, dt: Int
    /// L_SS (ds x ds, row-major, lower).
    let studentFactor: [Double]
    /// beta = L_SS' w*: the whitened Bayes weights.
    let beta: [Double]
    /// sigma_y = sqrt(Var(Y|S)), the label noise beyond S.
    let labelNoise: Double
    /// Syy.
    let labelVariance: Double
    /// Q_S = L_SS^-1 L_SS^-T: the ridge penalty |w|^2 in whitened weights is v'Q_S v.
    let studentRidgeMetric: [Double]

    /// The teacher signal's decomposition for the scenario's fixed (oracle or representation)
    /// teacher weights: mu (ds), kappa, nu (dt).
    let fixedSignal: SignalDecomposition

    /// The fitted teachers of a trial, in the order they draw their samples: one for a teacher
    /// set (on T_J), one per member for an ensemble (docs/theory.md section 3.6).
    let fittedTeachers: [FittedTeacher]

    /// One fitted teacher in its own frame: T_J = L_J zeta, Y = phi0'zeta + sigma_J eps with
    /// phi0 = L_J' theta_J and sigma_J^2 = Var(Y|T_J); its whitened weights phi enter the target as
    /// theta_eff = c w E_J L_J^-T phi (w its ensemble weight, E_J the embedding of T_J in T).
    struct FittedTeacher: Sendable {
        /// d_J.
        let order: Int
        /// phi0 = L_J' theta_oracle (d_J).
        let signal: [Double]
        /// sigma_J = sqrt(Var(Y|T_J)).
        let noise: Double
        /// Q_J = L_J^-1 L_J^-T (d_J x d_J).
        let ridgeMetric: [Double]
        /// Maps from the whitened weights phi to this teacher's part of the signal's
        /// decomposition, with c w folded in: mu = M_mu phi (ds x d_J), kappa = m_kappa'phi (d_J),
        /// nu = M_nu phi (dt x d_J).
        let muMap: [Double], kappaMap: [Double], nuMap: [Double]
    }

    /// The decomposition u = mu'xi + kappa eps_y + nu'eps_T of a teacher signal.
    struct SignalDecomposition: Sendable {
        var mu: [Double]
        var kappa: Double
        var nu: [Double]
    }

    /// - Parameters:
    ///   - fixedWeights: theta_eff of a teacher that is not fitted (`TeacherSignal.weights`).
    ///   - scale: c, applied to a fitted teacher's weights.
    ///   - teachers: the regressions a fitted teacher's target is made of (`TeacherCombination.components`).
    init(model m: JointGaussian, fixedWeights: [Double], scale: Double, teachers: [TeachingComponent]) throws(ParameterError) {
        ds = m.ds
        dt = m.dt
        let order = m.studentIndices + [m.labelIndex] + m.teacherIndices
        let l: Matrix
        do { l = try Cholesky(m.sigma.principal(order)).lower } catch {
            throw .invalid(parameter: .model, reason: "the covariance in the order (S, Y, T) has no Cholesky factor")
        }
        let s = Array(0..<ds), y = ds, t = Array((ds + 1)..<(ds + 1 + dt))
        let lss = l.principal(s)
        studentFactor = lss.elements
        beta = s.map { l[y, $0] }
        labelNoise = l[y, y]
        labelVariance = m.syy
        let lssInverse = Self.lowerInverse(lss)
        studentRidgeMetric = (lssInverse * lssInverse.transposed).elements

        // Teacher signal maps in the student frame: u = theta'T.
        let lambdaT = l.submatrix(rows: t, cols: s).transposed          // Lambda' (ds x dt)
        let tau = t.map { l[$0, y] }                                      // (dt)
        let lttT = l.principal(t).transposed                              // L_TT' (dt x dt)
        fixedSignal = SignalDecomposition(mu: Vec.apply(lambdaT, fixedWeights), kappa: Vec.dot(tau, fixedWeights),
                                          nu: Vec.apply(lttT, fixedWeights))

        fittedTeachers = teachers.map { k in
            let lt = k.cholesky.lower
            let ltInverse = Self.lowerInverse(lt)
            // c w E_J L_J^-T (dt x d_J): T's weights from the whitened ones.
            let local = (scale * k.weight) * ltInverse.transposed
            var thetaOfPhi = local
            if !k.coversAllOfT {
                thetaOfPhi = Matrix(rows: m.dt, cols: k.dimension)
                for (r, i) in k.indices.enumerated() { for c in 0..<k.dimension { thetaOfPhi[i, c] = local[r, c] } }
            }
            return FittedTeacher(order: k.dimension, signal: Vec.apply(ltInverse, k.labelCovariance),
                                 noise: max(0, k.labelVarianceGiven).squareRoot(),
                                 ridgeMetric: (ltInverse * ltInverse.transposed).elements,
                                 muMap: (lambdaT * thetaOfPhi).elements, kappaMap: Vec.apply(thetaOfPhi.transposed, tau),
                                 nuMap: (lttT * thetaOfPhi).elements)
        }
    }

    /// L^-1 of a lower-triangular matrix with a positive diagonal (forward substitution per column).
    static func lowerInverse(_ l: Matrix) -> Matrix {
        let p = l.rows
        var inverse = Matrix(rows: p, cols: p)
        for j in 0..<p {
            for i in j..<p {
                var s = i == j ? 1.0 : 0.0
                for k in j..<i { s -= l[i, k] * inverse[k, j] }
                inverse[i, j] = s / l[i, i]
            }
        }
        return inverse
    }
}

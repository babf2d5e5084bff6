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
/// hands the student theta_eff = c L_T^-T phi.
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

    /// phi0 = L_T' theta_oracle (dt).
    let teacherSignal: [Double]
    /// sigma_t = sqrt(Var(Y|T)).
    let teacherNoise: Double
    /// Q_T = L_T^-1 L_T^-T (dt x dt).
    let teacherRidgeMetric: [Double]
    /// Maps from a fitted teacher's whitened weights phi to its signal's decomposition, with the
    /// scale c folded in: mu = M_mu phi (ds x dt), kappa = m_kappa'phi (dt), nu = M_nu phi (dt x dt).
    let muMap: [Double], kappaMap: [Double], nuMap: [Double]

    /// The decomposition u = mu'xi + kappa eps_y + nu'eps_T of a teacher signal.
    struct SignalDecomposition: Sendable {
        var mu: [Double]
        var kappa: Double
        var nu: [Double]
    }

    /// - Parameters:
    ///   - fixedWeights: theta_eff of a teacher that is not fitted (`TeacherSignal.weights`).
    ///   - scale: c, applied to a fitted teacher's weights.
    init(model m: JointGaussian, fixedWeights: [Double], scale: Double) throws(ParameterError) {
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

        let lt = m.teacherCholesky.lower
        let ltInverse = Self.lowerInverse(lt)
        teacherSignal = Vec.apply(ltInverse, m.sty)
        teacherNoise = max(0, m.labelVarianceGivenTeacher).squareRoot()
        teacherRidgeMetric = (ltInverse * ltInverse.transposed).elements
        let thetaOfPhi = scale * ltInverse.transposed                      // c L_T^-T (dt x dt)
        muMap = (lambdaT * thetaOfPhi).elements
        kappaMap = Vec.apply(thetaOfPhi.transposed, tau)
        nuMap = (lttT * thetaOfPhi).elements
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

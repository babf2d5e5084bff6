/// One paired trial with the teacher fitted on the student's own training rows
/// (`TeacherRows.student`, learning using privileged information): draw n rows (T, S, Y), fit the
/// teacher on their (T, Y) (OLS, or ridge min (1/n)|Y - T theta|^2 + penalty |theta|^2), hand the
/// student u_i = c theta_hat' t_i on the same rows, fit the student on S without KD (target Y) and
/// with KD (target z = (1 - lambda) Y + lambda u), and score both fits exactly
/// (Var(Y|S) + |w - w*|^2_Sss, Sheppard's accuracy) or on a sampled test set.
///
/// The rows are drawn one by one (`GaussianSampler`, dt + ds + 1 standard normals each), then the
/// test rows when a test set is sampled: the moments sampler does not apply, since the teacher's
/// fit and the student's design are functions of the same rows.
struct StudentRowsTrial: Sendable {
    let model: JointGaussian
    let sampler: GaussianSampler
    /// c in u = c theta_hat'T.
    let scale: Double
    /// The teacher's ridge penalty (0: OLS).
    let teacherPenalty: Double
    let samples: Int
    let studentRidge: Double
    let lambda: Double
    let testSamples: Int?
    /// w* = Sss^-1 Ssy and Var(Y|S), for exact scoring.
    let bayesWeights: [Double]
    let labelVarianceGivenStudent: Double

    init(model m: JointGaussian, scale: Double, teacherPenalty: Double, samples: Int, studentRidge: Double, lambda: Double,
         testSamples: Int?) {
        model = m
        sampler = GaussianSampler(model: m)
        self.scale = scale
        self.teacherPenalty = teacherPenalty
        self.samples = samples
        self.studentRidge = studentRidge
        self.lambda = lambda
        self.testSamples = testSamples
        bayesWeights = m.bayesWeights
        labelVarianceGivenStudent = m.labelVarianceGivenStudent
    }

    /// Random numbers one trial draws (sizes the stream chunks).
    var drawsPerTrial: Double {
        Double(samples + (testSamples ?? 0)) * Double(model.dt + model.ds + 1)
    }

    func run(_ stream: RandomStream) throws(TrialFailure) -> TrialOutcome {
        let n = samples, all = Array(0..<n)
        let rows = sampler.draw(n, from: stream)
        let t = rows.submatrix(rows: all, cols: model.teacherIndices)
        let s = rows.submatrix(rows: all, cols: model.studentIndices)
        let y = all.map { rows[$0, model.labelIndex] }

        guard let teacher = Self.ridgeSolver(t, penalty: Double(n) * teacherPenalty) else { throw .teacherSingular }
        let theta = teacher(y)
        let u = Vec.scale(scale, Vec.apply(t, theta))
        guard let student = Self.ridgeSolver(s, penalty: Double(n) * studentRidge) else { throw .studentSingular }
        let plain = student(y), toSignal = student(u)
        let kd = Vec.add(Vec.scale(1 - lambda, plain), Vec.scale(lambda, toSignal))

        let outcome = testSamples.map { scoreOnTestSet($0, plain, kd, toSignal, stream) } ?? scoreExactly(plain, kd, toSignal)
        guard outcome.riskNoKD.isFinite, outcome.riskKD.isFinite,
              outcome.accuracyNoKD.isFinite, outcome.accuracyKD.isFinite else { throw .notFinite }
        return outcome
    }

    /// r -> (X'X + penalty I)^-1 X'r, or nil when X'X + penalty I is numerically singular.
    static func ridgeSolver(_ x: Matrix, penalty: Double) -> (([Double]) -> [Double])? {
        var gram = x.transposed * x
        for i in 0..<x.cols { gram[i, i] += penalty }
        guard let factor = try? Cholesky(gram) else { return nil }
        let xt = x.transposed
        return { factor.solve(Vec.apply(xt, $0)) }
    }

    /// With d = w_u - w_Y, R(l) = R(w_Y + l d) has slope 2 d'Sss(w_Y - w*) and curvature d'Sss d.
    private func scoreExactly(_ plain: [Double], _ kd: [Double], _ toSignal: [Double]) -> TrialOutcome {
        func risk(_ w: [Double]) -> Double {
            labelVarianceGivenStudent + Vec.quadratic(Vec.sub(w, bayesWeights), model.sss)
        }
        let d = Vec.sub(toSignal, plain), sd = Vec.apply(model.sss, d)
        return TrialOutcome(riskNoKD: risk(plain), riskKD: risk(kd),
                            accuracyNoKD: SignAccuracy.of(weights: plain, in: model),
                            accuracyKD: SignAccuracy.of(weights: kd, in: model),
                            riskSlope: 2 * Vec.dot(sd, Vec.sub(plain, bayesWeights)), riskCurvature: Vec.dot(sd, d))
    }

    private func scoreOnTestSet(_ m: Int, _ plain: [Double], _ kd: [Double], _ toSignal: [Double],
                                _ stream: RandomStream) -> TrialOutcome {
        let test = sampler.draw(m, from: stream)
        let cols = model.studentIndices
        var sse0 = 0.0, sseL = 0.0, agree0 = 0, agreeL = 0, cross = 0.0, spread = 0.0
        for r in 0..<m {
            let y = test[r, model.labelIndex]
            var f0 = 0.0, fl = 0.0, fu = 0.0
            for (j, c) in cols.enumerated() {
                f0 += plain[j] * test[r, c]
                fl += kd[j] * test[r, c]
                fu += toSignal[j] * test[r, c]
            }
            sse0 += (y - f0) * (y - f0)
            sseL += (y - fl) * (y - fl)
            cross += (y - f0) * (fu - f0)
            spread += (fu - f0) * (fu - f0)
            if (y > 0) == (f0 > 0) { agree0 += 1 }
            if (y > 0) == (fl > 0) { agreeL += 1 }
        }
        let count = Double(m)
        return TrialOutcome(riskNoKD: sse0 / count, riskKD: sseL / count,
                            accuracyNoKD: Double(agree0) / count, accuracyKD: Double(agreeL) / count,
                            riskSlope: -2 * cross / count, riskCurvature: spread / count)
    }
}

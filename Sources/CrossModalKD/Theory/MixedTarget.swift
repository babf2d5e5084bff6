/// Second moments of the student's mixed target z = (1 - lambda) Y + lambda u against S
/// (docs/theory.md section 3.4), at one lambda:
///   c_l = (1-l) Ssy + l Ssu,  v_l = (1-l)^2 Syy + 2 l (1-l) Syu + l^2 Suu,
///   b_l = Sss^-1 c_l,  s2_l = v_l - c_l' b_l,
/// and, for a fitted teacher, the mean-zero perturbation its estimation error adds:
///   Cov(delta b) = l^2 Sss^-1 Sst C Sts Sss^-1,  E[delta s2] = l^2 tr(Stt|s C).
public struct MixedTarget: Sendable {
    /// b_l: population regression of z on S.
    public let regression: [Double]
    /// s2_l: residual variance of z given S.
    public let residualVariance: Double
    /// Cov(delta b) from the teacher's estimation error (nil for an oracle teacher).
    public let regressionNoise: Matrix?
    /// E[delta s2] from the teacher's estimation error (0 for an oracle teacher).
    public let residualVarianceNoise: Double

    public init(model m: JointGaussian, teacher: TeacherSignal, lambda l: Double) {
        let theta = teacher.weights
        let ssu = Vec.apply(m.sts.transposed, theta)
        let syu = Vec.dot(m.sty, theta)
        let suu = Vec.quadratic(theta, m.stt)
        let c = Vec.add(Vec.scale(1 - l, m.ssy), Vec.scale(l, ssu))
        let v = (1 - l) * (1 - l) * m.syy + 2 * l * (1 - l) * syu + l * l * suu
        let b = m.studentCholesky.solve(c)
        regression = b
        residualVariance = max(0, v - Vec.dot(c, b))
        if let cov = teacher.errorCovariance {
            let gain = m.studentCholesky.solve(m.sts.transposed)  // Sss^-1 Sst, ds x dt
            regressionNoise = (l * l) * (gain * cov * gain.transposed)
            let sttGivenS = m.stt - m.sts * gain
            residualVarianceNoise = l * l * (sttGivenS * cov).trace
        } else {
            regressionNoise = nil
            residualVarianceNoise = 0
        }
    }
}

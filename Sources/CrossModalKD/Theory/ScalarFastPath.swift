import Foundation

/// The analytic answer for the scalar correlations model (dt = ds = 1, unit variances) in plain
/// scalar arithmetic, without matrices: the fast path of large sweeps (a 1,000 x 1,000 grid of
/// correlations is a million analyses).
///
/// It covers the exact regimes there: population (any ridge), exact OLS and exact scalar ridge
/// (finite n, ridge > 0), with an oracle teacher (prediction or representation target, no
/// projection) or an OLS-fitted prediction teacher. Everything else, and every setting the general path would reject, returns nil so the
/// caller takes the general path and gets its answer or its error. Where it applies it follows
/// docs/theory.md sections 2-4 with Sss = Stt = Syy = 1, Sts = rho_ts, Sty = rho_ty, Ssy = rho_sy, and
/// agrees with `KDAnalysis(model:teacher:student:)` to rounding (tested on grids).
extension KDAnalysis {
    public static func scalarFastPath(rhoTS ts: Double, rhoSY sy: Double, rhoTY ty: Double,
                                      teacher: TeacherSpec, student: StudentSpec) -> KDAnalysis? {
        guard [ts, sy, ty].allSatisfy({ $0.isFinite && abs($0) < 1 }),
              JointGaussian.correlationDeterminant(rhoTS: ts, rhoSY: sy, rhoTY: ty) > 0,
              (try? ParameterError.checkLambda(student.lambda)) != nil,
              abs(teacher.scale) <= TeacherSignal.maximumScale, teacher.projection == nil, teacher.rows == .own,
              let regime = try? Regime.choose(student: student, teacherFit: teacher.fit, ds: 1)
        else { return nil }

        // The teacher signal u = theta T and, for an OLS teacher, Var(theta_hat) (scaled by c^2).
        let theta: Double
        var teacherErrorVariance = 0.0
        switch (teacher.target, teacher.fit) {
        case (.prediction, .oracle):
            theta = teacher.scale * ty
        case (.representation, .oracle):
            theta = teacher.scale
        case (.prediction, .ols(let nt)) where nt > 2:
            theta = teacher.scale * ty
            teacherErrorVariance = teacher.scale * teacher.scale * (1 - ty * ty) / Double(nt - 2)
        default:
            return nil
        }

        // E[w] = M b, the design's weight variance V and the variance inflation eta of the regime
        // (ExpectedRisk's notation, with Sss = 1).
        let shrinkage: Double, inflation: Double
        var weightVariance = 0.0
        switch (regime, student.samples) {
        case (.population, _):
            shrinkage = 1 / (1 + student.ridge)
            inflation = 0
        case (.exactOLS, .finite(let n)), (.exactOLSFittedTeacher, .finite(let n)):
            shrinkage = 1
            inflation = 1 / Double(n - 2)
        case (.exactScalarRidge, .finite(let n)):
            guard let moments = try? ScalarRidgeMoments.cached(samples: n, ridge: student.ridge, studentVariance: 1) else { return nil }
            shrinkage = moments.meanShrinkage
            inflation = moments.noiseFactor
            weightVariance = moments.shrinkageVariance
        default:
            return nil
        }
        let curvature = shrinkage * shrinkage + weightVariance
        let bayesRisk = 1 - sy * sy

        // Moments of z = (1 - l) Y + l u against S: b_l = c_l (Sss = 1), s2_l = v_l - c_l^2.
        func regression(_ l: Double) -> Double { (1 - l) * sy + l * ts * theta }
        func risk(_ l: Double) -> Double {
            let b = regression(l)
            let v = (1 - l) * (1 - l) + 2 * l * (1 - l) * ty * theta + l * l * theta * theta
            let mean = shrinkage * b
            var r = bayesRisk + (mean - sy) * (mean - sy)
            r += inflation * max(0, v - b * b) + weightVariance * b * b
            if teacherErrorVariance != 0 {
                r += curvature * l * l * ts * ts * teacherErrorVariance + inflation * l * l * (1 - ts * ts) * teacherErrorVariance
            }
            return r
        }
        // Sheppard: corr(w S, Y) = sign(w) rho_sy for scalar S.
        func accuracy(_ l: Double) -> Double {
            let w = shrinkage * regression(l)
            guard w * w > 0 else { return 0.5 }
            return 0.5 + asin(max(-1, min(1, w * sy / abs(w)))) / Double.pi
        }
        return KDAnalysis(information: InformationSummary(rhoTS: ts, rhoSY: sy, rhoTY: ty), regime: regime,
                          bayesRisk: bayesRisk, lambda: student.lambda, risk: risk, accuracy: accuracy)
    }
}

extension InformationSummary {
    /// The informations of the scalar correlations model: I(A;B) = -1/2 ln(1 - rho_ab^2) and, with
    /// D = det of the correlation matrix, I(A;B|C) = 1/2 ln((1 - rho_ac^2)(1 - rho_bc^2) / D).
    init(rhoTS ts: Double, rhoSY sy: Double, rhoTY ty: Double) {
        let d = JointGaussian.correlationDeterminant(rhoTS: ts, rhoSY: sy, rhoTY: ty)
        let uTS = 1 - ts * ts, uSY = 1 - sy * sy, uTY = 1 - ty * ty
        teacherStudent = max(0, -0.5 * log(uTS))
        studentLabel = max(0, -0.5 * log(uSY))
        teacherLabel = max(0, -0.5 * log(uTY))
        teacherLabelGivenStudent = max(0, 0.5 * log(uTS * uSY / d))
        studentLabelGivenTeacher = max(0, 0.5 * log(uTS * uTY / d))
        teacherStudentGivenLabel = max(0, 0.5 * log(uTY * uSY / d))
    }
}

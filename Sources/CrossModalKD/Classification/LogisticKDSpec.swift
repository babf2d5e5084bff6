import CGSL
import Foundation

/// Where a logistic student's KD targets come from: the teacher's logit u(T).
public enum LogisticTeacherSpec: Sendable, Equatable {
    /// The Bayes posterior logit of C given T, u = ln P(C = 1|T) / P(C = -1|T)
    /// = logit Phi(theta'T / sd(Y|T)) with theta = Stt^-1 Sty (an oracle teacher).
    case posterior
    /// Logistic regression of C on T, fitted on `samples` independent (T, C) pairs with L2 `ridge`
    /// (separable data handled as `LogisticRegression` does).
    case fitted(samples: Int, ridge: Double)
}

/// Classification KD with a logistic student (docs/theory.md section 3.5, soft targets at temperature
/// tau): the student w is fitted on n samples by minimising
/// (1 - lambda) CE(c, sigma(w's)) + lambda tau^2 CE(sigma(u/tau), sigma(w's/tau)) + gamma |w|^2.
public struct LogisticKDSpec: Sendable, Equatable {
    public var teacher: LogisticTeacherSpec
    /// Student training samples n >= 1.
    public var samples: Int
    /// gamma >= 0.
    public var ridge: Double
    /// lambda in [0, 1].
    public var lambda: Double
    /// tau > 0.
    public var temperature: Double
    /// The rows a fitted teacher learns from: its own nt rows, or the student's n training rows
    /// (then the fitted teacher's sample count must be n).
    public var teacherRows: TeacherRows

    public init(teacher: LogisticTeacherSpec, samples: Int, ridge: Double = 0, lambda: Double = 0.5, temperature: Double = 1,
                teacherRows: TeacherRows = .own) {
        self.teacher = teacher
        self.teacherRows = teacherRows
        self.samples = samples
        self.ridge = ridge
        self.lambda = lambda
        self.temperature = temperature
    }
}

/// The teacher's logit as a function of T, once the teacher is known.
enum TeacherLogit {
    /// logit Phi(theta'T / sd(Y|T)).
    case posterior(weights: [Double], residualSD: Double)
    /// v'T.
    case linear([Double])

    init(posteriorOf m: JointGaussian) {
        self = .posterior(weights: m.oracleTeacherWeights, residualSD: m.labelVarianceGivenTeacher.squareRoot())
    }

    /// u for the teacher columns `t` of row `row` of `data`.
    func value(_ data: Matrix, row: Int, columns t: [Int]) -> Double {
        switch self {
        case .linear(let v):
            var s = 0.0
            for (j, c) in t.enumerated() { s += v[j] * data[row, c] }
            return s
        case .posterior(let theta, let sd):
            var s = 0.0
            for (j, c) in t.enumerated() { s += theta[j] * data[row, c] }
            return Self.probitLogit(s / sd)
        }
    }

    /// logit Phi(x) = ln Phi(x) - ln Phi(-x), with Phi(x) = erfc(-x / sqrt 2) / 2 taken in logs
    /// so that it stays finite and accurate for large |x|.
    static func probitLogit(_ x: Double) -> Double {
        let t = x / 2.0.squareRoot()
        return gsl_sf_log_erfc(-t) - gsl_sf_log_erfc(t)
    }
}

extension SignAccuracy {
    /// Accuracy of sign(v'X) for the class C = sign(Y), X the block of `model` on the covariance
    /// indices `block` (Sheppard: 1/2 + asin(corr(v'X, Y)) / pi); 1/2 for a zero predictor.
    public static func of(weights v: [Double], block: [Int], in model: JointGaussian) -> Double {
        let sxx = model.sigma.principal(block)
        let sxy = block.map { model.sigma[$0, model.labelIndex] }
        let variance = Vec.quadratic(v, sxx)
        guard variance > 0 else { return 0.5 }
        return of(correlation: Vec.dot(v, sxy) / (variance * model.syy).squareRoot())
    }
}

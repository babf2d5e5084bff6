import CGSL
import Foundation

/// Mutual information between a Gaussian block X (T or S) and the class label C = sign(Y)
/// (docs/theory.md section 2.2), in nats.
///
/// Given X, Y is Gaussian with mean w'X (w = Sxx^-1 Sxy) and variance Var(Y|X), so
/// P(C = 1 | X) = Phi(w'X / sd(Y|X)) and
///     I(X;C) = H(C) - E[h2(Phi(w'X / sd))] = E[ KL( Bernoulli(Phi(a Z)) || Bernoulli(1/2) ) ],
/// Z ~ N(0, 1), where a = sd(w'X) / sd(Y|X) is the signal-to-noise ratio of the label given X
/// (a^2 = R^2 / (1 - R^2), R^2 = Var(w'X) / Syy). The one-dimensional integral is done by GSL
/// quadrature in a form that keeps its relative precision from a -> 0 (I ~ a^2 / pi) to
/// a -> infinity (I -> ln 2); see `mutualInformation(signalToNoise:)`.
public enum SignLabelInformation {
    /// H(C) = ln 2 nats: Y has mean zero, so C = +1 and C = -1 are equally likely.
    public static let labelEntropy = log(2.0)

    /// I(X;C) in nats for the block X of `model` on the covariance indices `block`
    /// (e.g. `model.studentIndices`).
    public static func mutualInformation(_ model: JointGaussian, block: [Int]) -> Double {
        mutualInformation(signalToNoise: signalToNoise(model, block: block))
    }

    /// Accuracy of the Bayes classifier of C from X, sign(w'X): 1/2 + asin(R)/pi with
    /// R = corr(w'X, Y) (Sheppard). No classifier on X does better.
    public static func bayesAccuracy(_ model: JointGaussian, block: [Int]) -> Double {
        let a = signalToNoise(model, block: block)
        return 0.5 + asin(a / (1 + a * a).squareRoot()) / Double.pi
    }

    /// a = sd(E[Y|X]) / sd(Y|X) for the block X.
    public static func signalToNoise(_ model: JointGaussian, block: [Int]) -> Double {
        let sxx = model.sigma.principal(block)
        let sxy = block.map { model.sigma[$0, model.labelIndex] }
        guard let factor = try? Cholesky(sxx) else { return .infinity }
        let explained = factor.inverseQuadratic(sxy)  // Var(w'X)
        let residual = model.syy - explained          // Var(Y|X) > 0 for a positive-definite model
        guard residual > 0 else { return .infinity }
        return (max(0, explained) / residual).squareRoot()
    }

    /// I(X;C) in nats as a function of the signal-to-noise ratio a >= 0 alone (docs/theory.md section
    /// 2.2), accurate to a relative error of about 1e-10 for every a:
    /// - a <= 1: I = 2 * integral over z >= 0 of phi(z) KL(Phi(a z)), where the divergence is
    ///   evaluated without cancellation (`divergenceFromFair`), so I ~ a^2 / pi keeps its digits
    ///   down to a = 1e-7 and below;
    /// - a > 1: I = ln 2 - E[h2(Phi(a |Z|))], the entropy deficit integrated in v = a z, where
    ///   h2(Phi(v)) decays like exp(-v^2 / 2) (tail probabilities from log erfc), so a nearly
    ///   noiseless label (I -> ln 2) never subtracts two nearly equal integrals.
    /// Both integrals by GSL QAGIU to a relative tolerance only (no absolute floor).
    public static func mutualInformation(signalToNoise a: Double) -> Double {
        guard a > 0 else { return 0 }
        guard a.isFinite else { return labelEntropy }
        if a <= 1 {
            return 2 * Quadrature.halfLine(absoluteTolerance: 0) { z in standardNormalDensity(z) * divergenceFromFair(a * z) }
        }
        let entropy = 2 / a * Quadrature.halfLine(absoluteTolerance: 0) { v in
            standardNormalDensity(v / a) * binaryEntropyOfPhi(v)
        }
        return max(0, labelEntropy - entropy)
    }

    /// The standard normal density phi(z).
    @inline(__always) static func standardNormalDensity(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// KL( Bernoulli(Phi(v)) || Bernoulli(1/2) ) = ln 2 - h2(Phi(v)) in nats, for v >= 0. With
    /// e = erf(v / sqrt 2) = 2 Phi(v) - 1 the divergence is ((1 + e) ln(1 + e) + (1 - e) ln(1 - e)) / 2.
    /// For e < 1/2 it is evaluated as e atanh(e) + ln(1 - e^2) / 2 (about e^2 / 2, its two terms
    /// of the same order, so small v keeps full relative precision); above, ln(1 - e) comes from
    /// log erfc, so large v keeps it too.
    static func divergenceFromFair(_ v: Double) -> Double {
        let t = v / 2.0.squareRoot()
        let e = gsl_sf_erf(t)
        if e < 0.5 { return max(0, e * atanh(e) + 0.5 * log1p(-e * e)) }
        let upperTail = gsl_sf_erfc(t)   // 1 - e
        let upper = upperTail > 0 ? 0.5 * upperTail * gsl_sf_log_erfc(t) : 0
        return max(0, 0.5 * (1 + e) * log1p(e) + upper)
    }

    /// h2(Phi(v)) = -p ln p - q ln q in nats for v >= 0, p = Phi(v), q = 1 - p = erfc(v / sqrt 2) / 2,
    /// with ln q from log erfc (no underflow of q before its term vanishes).
    static func binaryEntropyOfPhi(_ v: Double) -> Double {
        let t = v / 2.0.squareRoot()
        let q = 0.5 * gsl_sf_erfc(t)
        guard q > 0 else { return 0 }
        let logQ = gsl_sf_log_erfc(t) - labelEntropy
        return -(1 - q) * log1p(-q) - q * logQ
    }
}

/// The CCH quantities with the class label C = sign(Y) in place of Y: I(S;C), I(T;C), and the
/// gap I(T;S) - I(S;C) whose sign is CCH's prediction for classification KD.
public struct ClassInformationSummary: Sendable, Equatable {
    /// H(C) = ln 2 nats.
    public let labelEntropy: Double
    /// I(T;S), I(S;C), I(T;C) in nats.
    public let teacherStudent: Double, studentClass: Double, teacherClass: Double
    /// Accuracy of the Bayes classifier of C from S and from T.
    public let bayesAccuracyStudent: Double, bayesAccuracyTeacher: Double

    /// - Parameter teacherIndices: the indices of a teacher set T_J within T (nil: all of T).
    public init(model m: JointGaussian, teacherIndices: [Int]? = nil) {
        let t = teacherIndices ?? m.teacherIndices
        labelEntropy = SignLabelInformation.labelEntropy
        teacherStudent = GaussianInformation.mutualInformation(m.sigma, t, m.studentIndices)
        studentClass = SignLabelInformation.mutualInformation(m, block: m.studentIndices)
        teacherClass = SignLabelInformation.mutualInformation(m, block: t)
        bayesAccuracyStudent = SignLabelInformation.bayesAccuracy(m, block: m.studentIndices)
        bayesAccuracyTeacher = SignLabelInformation.bayesAccuracy(m, block: t)
    }

    /// The informations with the teacher that `combination` names: all of T, or the modalities of
    /// a teacher set or an ensemble (T_J, the members side by side).
    /// - Throws: `ParameterError` when `combination` names modalities the model does not have.
    public init(model m: JointGaussian, combination: TeacherCombination) throws(ParameterError) {
        guard combination != .allModalities else {
            self.init(model: m)
            return
        }
        self.init(model: m, teacherIndices: try combination.teacherIndices(in: m))
    }

    /// CCH gap with the class label, I(T;S) - I(S;C), nats.
    public var cchGap: Double { teacherStudent - studentClass }
    /// CCH's prediction for classification KD: it helps iff I(T;S) > I(S;C).
    public var cchPredictsGain: Bool { cchGap > 0 }
}

/// The analytic answer for one scenario: does CCH predict a KD gain, and does KD really help?
///
/// Risks are expected test risks E R(w) of docs/theory.md section 4 in the regime `regime`; the KD gain
/// is G(lambda) = E R(0) - E R(lambda). E R(lambda) is a quadratic a0 + a1 lambda + a2 lambda^2, so
/// the best weight lambda* on [0, 1] and its gain G(lambda*) are closed form.
public struct KDAnalysis: Sendable {
    /// Mutual informations and the CCH gap.
    public let information: InformationSummary
    public let regime: Regime
    /// Var(Y|S): no student on S can do better.
    public let bayesRisk: Double
    /// The scenario's KD weight lambda.
    public let lambda: Double
    /// E R(0) and E R(lambda).
    public let riskNoKD: Double, riskKD: Double
    /// The risk curve E R(l) = a0 + a1 l + a2 l^2.
    public let riskCurve: (a0: Double, a1: Double, a2: Double)
    /// argmin of E R over [0, 1].
    public let lambdaOpt: Double
    /// Sign-label accuracy (Sheppard) of the mean fitted weight E[w] without KD, at lambda, at lambda*.
    /// For a Monte Carlo truth: the mean accuracy of the fitted w over the trials (NaN at lambda*).
    public let accuracyNoKD: Double, accuracyKD: Double, accuracyOpt: Double
    /// For `regime == .monteCarlo`: the estimate behind the numbers (nil for a formula).
    public internal(set) var monteCarloTruth: MonteCarloTruth?
    /// For the deterministic equivalent: the calibrated bound on its error in the slope a1 =
    /// dE R/dlambda at 0, whose sign decides `kdHelps` (`DeterministicEquivalent.slopeErrorBound`);
    /// nil for exact regimes and Monte Carlo.
    public internal(set) var approximationErrorBound: Double?

    /// Whether the approximation could flip the verdict: the slope a1 lies within the error bound
    /// of zero (always false without an approximation).
    public var verdictUncertain: Bool { approximationErrorBound.map { abs(riskCurve.a1) <= $0 } ?? false }

    /// G(lambda) = E R(0) - E R(lambda).
    public var kdGain: Double { riskNoKD - riskKD }
    /// G(lambda*).
    public var kdGainOpt: Double { riskNoKD - risk(at: lambdaOpt) }
    /// KD helps (the truth CCH is judged against): G(lambda*) > 0, beyond rounding
    /// (a relative tolerance of 1e-12 of E R(0)).
    public var kdHelps: Bool { kdGainOpt > Self.gainTolerance * riskNoKD }

    /// Gains below this fraction of E R(0) are rounding, not gains.
    public static let gainTolerance = 1e-12
    /// Whether CCH's prediction agrees with the truth.
    public var cchAgrees: Bool { information.cchPredictsGain == kdHelps }

    /// E R(l) on the closed-form quadratic.
    public func risk(at l: Double) -> Double { riskCurve.a0 + l * (riskCurve.a1 + l * riskCurve.a2) }

    /// Analyses a model with a teacher and a student, in the regime `Regime.choose` selects, or in
    /// `regime` when one is given (to set an approximation beside the exact answer, e.g. the
    /// deterministic equivalent of a scalar ridge student).
    /// - Throws: `ParameterError` when a parameter is out of range or the regime does not apply.
    ///
    /// The computation runs on the model scaled by a power of two (`JointGaussian.binaryScaled`,
    /// the ridge penalty with it), so that a covariance of any scale a Double holds gives the
    /// informations, accuracies and best weight of the unscaled model and risks in its own units.
    public init(model: JointGaussian, teacher: TeacherSpec, student: StudentSpec, regime: Regime? = nil) throws(ParameterError) {
        let (scaledModel, factor) = try model.binaryScaled()
        if factor != 1 {
            let scaled = try Self(model: scaledModel, teacher: teacher.scaled(varianceBy: factor),
                                  student: student.scaled(varianceBy: factor), regime: regime)
            self.init(scaled, risksTimes: 1 / factor, information: try teacher.combination.information(in: model))
            return
        }
        try ParameterError.checkLambda(student.lambda)
        var teacher = teacher
        // A teacher fitted on the student's infinitely many rows is the oracle.
        if teacher.rows == .student, student.samples == .infinite, teacher.fit != .oracle { teacher = teacher.oracle }
        if let exact = try Self.studentRowsScalar(model: model, teacher: teacher, student: student) {
            self = exact
            return
        }
        let signal = try TeacherSignal(model: model, spec: teacher)
        let chosen: Regime
        if let regime { chosen = regime } else { chosen = try Regime.choose(student: student, teacherFit: teacher.fit, ds: model.ds) }
        let expected = try ExpectedRisk(model: model, student: student, regime: chosen)
        func target(_ l: Double) -> MixedTarget { MixedTarget(model: model, teacher: signal, lambda: l) }
        self.init(information: try teacher.combination.information(in: model), regime: chosen, bayesRisk: expected.bayesRisk,
                  lambda: student.lambda, risk: { expected.risk(target($0)) },
                  accuracy: { SignAccuracy.of(weights: expected.meanWeights(target($0)), in: model) })
        if let de = expected.deterministicEquivalent {
            approximationErrorBound = de.slopeErrorBound(riskNoKD: riskNoKD)
        }
        guard [riskCurve.a0, riskCurve.a1, riskCurve.a2, riskKD].allSatisfy(\.isFinite) else {
            // The scale is at fault only when it enlarges the teacher's signal; otherwise the
            // variances of the model span too many orders of magnitude.
            guard abs(teacher.scale) <= 1 else {
                throw .invalid(parameter: .teacherScale, reason: "the expected risk overflows; use a smaller teacher scale or better-scaled variances")
            }
            throw .invalid(parameter: .model, reason: "the expected risk overflows: the variances span too many orders of magnitude; rescale the variables")
        }
    }

    /// The exact analysis of an OLS teacher fitted on the student's rows for dt = ds = 1, an OLS
    /// student and n >= 4 (`StudentRowsScalarRisk`); nil for every other setting.
    private static func studentRowsScalar(model: JointGaussian, teacher: TeacherSpec,
                                          student: StudentSpec) throws(ParameterError) -> KDAnalysis? {
        guard teacher.rows == .student, case .ols = teacher.fit, teacher.target == .prediction, teacher.projection == nil,
              teacher.combination == .allModalities, model.dt == 1, model.ds == 1, student.ridge == 0, case .finite(let n) = student.samples, n >= 4
        else { return nil }
        _ = try TeacherSignal(model: model, spec: teacher.oracle)  // validates the scale
        guard let exact = StudentRowsScalarRisk(model: model, scale: teacher.scale, samples: n) else { return nil }
        let bayes = model.labelVarianceGivenStudent
        return KDAnalysis(information: InformationSummary(model: model), regime: .exactOLSStudentRows, bayesRisk: bayes,
                          lambda: student.lambda, risk: { bayes + exact.excessRisk($0) },
                          accuracy: { SignAccuracy.of(weights: [exact.meanWeight($0)], in: model) })
    }

    /// The analysis from the expected risk E R(l) and the sign-label accuracy of E[w] at any l
    /// (shared by the general path and the scalar fast path, `KDAnalysis(correlations:...)`).
    init(information: InformationSummary, regime: Regime, bayesRisk: Double, lambda: Double,
         risk: (Double) -> Double, accuracy: (Double) -> Double) {
        let r0 = risk(0), rHalf = risk(0.5), r1 = risk(1)
        // Quadratic through (0, r0), (1/2, rHalf), (1, r1).
        let a2 = 2 * (r1 - 2 * rHalf + r0)
        let a1 = r1 - r0 - a2
        let curve = (a0: r0, a1: a1, a2: a2)
        var best = r1 < r0 ? 1.0 : 0.0
        if a2 > 0 {
            let vertex = -a1 / (2 * a2)
            if vertex > 0 && vertex < 1 { best = vertex }
        }
        // A gain below rounding is no gain: then no KD (lambda* = 0) is the answer.
        if !(r0 - (r0 + best * (a1 + best * a2)) > Self.gainTolerance * r0) { best = 0 }
        self.information = information
        self.regime = regime
        self.bayesRisk = bayesRisk
        self.lambda = lambda
        riskNoKD = r0
        riskKD = risk(lambda)
        riskCurve = curve
        lambdaOpt = best
        accuracyNoKD = accuracy(0)
        accuracyKD = accuracy(lambda)
        accuracyOpt = accuracy(best)
    }

    /// `a` with every risk (and the error bound on the slope) multiplied by the power of two
    /// `factor`: the analysis of a binary-scaled model in the original model's units.
    private init(_ a: KDAnalysis, risksTimes factor: Double, information: InformationSummary) {
        self.information = information
        regime = a.regime
        bayesRisk = a.bayesRisk * factor
        lambda = a.lambda
        riskNoKD = a.riskNoKD * factor
        riskKD = a.riskKD * factor
        riskCurve = (a.riskCurve.a0 * factor, a.riskCurve.a1 * factor, a.riskCurve.a2 * factor)
        lambdaOpt = a.lambdaOpt
        accuracyNoKD = a.accuracyNoKD
        accuracyKD = a.accuracyKD
        accuracyOpt = a.accuracyOpt
        monteCarloTruth = a.monteCarloTruth
        approximationErrorBound = a.approximationErrorBound.map { $0 * factor }
    }
}

/// Running sums that score one trial's fits on a sampled test set: the plain student's
/// prediction f0, the KD student's fl and the prediction fu of the fit to the teacher signal
/// alone, against the label y. Both trial kinds (independent and student-rows teachers) score
/// through it, so the estimators of R(0), R(lambda), the slope and the curvature are the same.
///
/// R(l) on the test set is exactly quadratic in l because the fitted weights are linear in l:
/// f(l) = f0 + l (fu - f0), hence the slope -2 mean((y - f0)(fu - f0)) and curvature mean((fu - f0)^2).
struct TestSetScore {
    private var sse0 = 0.0, sseL = 0.0, cross = 0.0, spread = 0.0
    private var agree0 = 0, agreeL = 0, count = 0

    /// Adds one test row: label y and the three predictions.
    @inline(__always)
    mutating func add(label y: Double, plain f0: Double, kd fl: Double, signal fu: Double) {
        sse0 += (y - f0) * (y - f0)
        sseL += (y - fl) * (y - fl)
        cross += (y - f0) * (fu - f0)
        spread += (fu - f0) * (fu - f0)
        if (y > 0) == (f0 > 0) { agree0 += 1 }
        if (y > 0) == (fl > 0) { agreeL += 1 }
        count += 1
    }

    /// The trial's outcome: mean squared errors, sign agreement and the risk curve's coefficients.
    var outcome: TrialOutcome {
        let n = Double(count)
        return TrialOutcome(riskNoKD: sse0 / n, riskKD: sseL / n,
                            accuracyNoKD: Double(agree0) / n, accuracyKD: Double(agreeL) / n,
                            riskSlope: -2 * cross / n, riskCurvature: spread / n)
    }
}

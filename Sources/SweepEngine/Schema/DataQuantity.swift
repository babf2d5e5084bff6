/// What a column of `cchsim teachers`' pair table holds; the `ColumnRole` around it says whose
/// number it is (measured, the theory's learner, the theory, an estimator, a verdict). Raw values
/// are the words written into `NAME.meta.json`. docs/real-data.md, "Outputs".
public enum DataQuantity: String, Hashable, Sendable, CaseIterable {
    /// Mean test score without KD and with KD at lambda (accuracy, or MSE).
    case scoreWithoutKD = "score without KD", scoreWithKD = "score with KD"
    /// The paired KD gain at lambda (accuracy points, or MSE without minus with), its standard
    /// error and z = gain / SE.
    case gain, gainStandardError = "gain SE", gainZ = "gain z"
    /// KD helps: the gain is significantly positive (the measured truth).
    case helps = "KD helps"
    /// The cross-entropy gain (nats) and its standard error.
    case crossEntropyGain = "cross-entropy gain", crossEntropyGainStandardError = "cross-entropy gain SE"
    /// The gain at the lambda chosen on validation rows, its SE and z; the mean chosen lambda.
    case tunedGain = "tuned gain", tunedGainStandardError = "tuned gain SE", tunedGainZ = "tuned gain z"
    case chosenLambda = "chosen lambda"
    /// The teacher's own mean test score.
    case teacherScore = "teacher score"
    /// How a number was obtained (text, e.g. a regime name or `monte-carlo`), or why it is missing.
    case method
    /// I(T;S), I(S;Y) and the gap in nats, each with its interval's ends.
    case teacherStudentInformation = "I(T;S)", teacherStudentLow = "I(T;S) low", teacherStudentHigh = "I(T;S) high"
    case studentLabelInformation = "I(S;Y)", studentLabelLow = "I(S;Y) low", studentLabelHigh = "I(S;Y) high"
    case gap, gapLow = "gap low", gapHigh = "gap high"
    /// P(the gap's sign is wrong), from the half-samples.
    case signErrorProbability = "P(sign wrong)"
    /// CCH predicts a gain (gap > 0).
    case predictsGain = "predicts gain"
    /// Agreement: CCH's verdict with the measured truth, or the theory with its learner's measurement.
    case agrees
    /// Why an estimator has no estimate (text, `unavailable: reason`; empty when it has one).
    case unavailable
}

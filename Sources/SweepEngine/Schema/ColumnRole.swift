import CrossModalKD

/// What a result column means to the parts that read it back: the run summary (CCH's verdict
/// against the truth, the Monte Carlo z), the merge summary and the plots. A column that no part
/// reads is a `.value`. See docs/output.md, "The column schema".
///
/// The verdict roles carry the label they judge CCH against: `.continuous` for the squared-loss
/// student (I(T;S) > I(S;Y) against "KD lowers the risk"), `.sign` for the class label
/// (I(T;S) > I(S;C) against "KD raises the accuracy").
public enum ColumnRole: Hashable, Sendable {
    /// Reported only.
    case value
    /// The CCH gap in nats (I(T;S) - I(S;Y), or I(T;S) - I(S;C) for the class label).
    case gap(LabelKind)
    /// CCH's prediction that KD helps (a boolean).
    case prediction(LabelKind)
    /// The truth CCH is judged against: KD does help (a boolean).
    case truth(LabelKind)
    /// The KD gain at the scenario's lambda (squared label units, or an accuracy difference).
    case gain(LabelKind)
    /// The standard error of a Monte Carlo `gain`.
    case gainStandardError(LabelKind)
    /// The best KD gain over lambda, G(lambda*).
    case bestGain(LabelKind)
    /// The scenario's KD weight lambda.
    case kdWeight
    /// The minimising KD weight lambda*.
    case bestKDWeight
    /// The expected risk without KD, E R(0).
    case riskWithoutKD
    /// The Monte Carlo mean of the squared-loss KD gain and its standard error.
    case monteCarloGain, monteCarloGainStandardError
    /// (Monte Carlo gain - analytic gain) / standard error.
    case gainZ
    /// How the truth was obtained (text: a regime's `truthMethod`).
    case truthMethod
    /// The verdict is uncertain (a boolean: an approximation's error bound or a Monte Carlo truth
    /// does not settle the sign).
    case verdictUncertain
    /// With `[estimation]`: P(the estimated gap has the other sign) and its standard error.
    case flipProbability(MIEstimatorKind), flipStandardError(MIEstimatorKind)
}

/// One declared output column: its key (CSV header, JSON key) and its role.
public struct Column: Hashable, Sendable {
    public let key: String
    public let role: ColumnRole

    public init(_ key: String, _ role: ColumnRole = .value) {
        self.key = key
        self.role = role
    }
}

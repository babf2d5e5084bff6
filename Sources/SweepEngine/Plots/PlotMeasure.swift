/// What the gain in a sweep's plots is: the squared-loss risk reduction (analytic, Monte Carlo
/// beside it), or a logistic student's accuracy gain (classification KD, Monte Carlo only). The
/// plot kinds draw both; this gives their words.
enum PlotMeasure: Sendable {
    case risk
    case accuracy

    /// The CCH gap, in words.
    var gap: String { self == .risk ? "I(T;S) − I(S;Y)" : "I(T;S) − I(S;C)" }
    /// CCH's prediction of a gain.
    var prediction: String { self == .risk ? "I(T;S) > I(S;Y)" : "I(T;S) > I(S;C)" }
    /// The CCH boundary.
    var boundary: String { self == .risk ? "I(T;S) = I(S;Y)" : "I(T;S) = I(S;C)" }
    /// The truth CCH is judged against.
    var truth: String { self == .risk ? "the truth G(λ*) > 0" : "the Monte Carlo truth: KD raises the accuracy" }
    /// The gain shown in colour (heatmap) and on the scatter's y axis.
    var bestGainLabel: String {
        self == .risk ? "best KD gain G(λ*) = E R(0) − E R(λ*), % of the risk E R(0) without KD"
                      : "KD accuracy gain acc(KD) − acc(no KD), percentage points (Monte Carlo)"
    }
    var bestGainShort: String {
        self == .risk ? "best KD gain G(λ*), % of the risk without KD" : "KD accuracy gain, percentage points (Monte Carlo)"
    }
    var heatmapHeadline: String { self == .risk ? "Where does KD help? Best KD gain G(λ*)" : "Where does KD help? Accuracy gain of soft-target KD" }
    var helpsLegend: String { self == .risk ? "KD helps: G(λ*) > 0 (colour: size of the gain)" : "KD raises the accuracy (colour: size of the gain)" }
    var noGainLegend: String { self == .risk ? "KD does not help: best λ* = 0, G(λ*) = 0" : "KD does not raise the accuracy" }
    /// The y label of the gain curves.
    var curveLabel: String {
        self == .risk ? "KD gain E R(0) − E R(λ) (squared label units)" : "KD accuracy gain acc(KD) − acc(no KD) (fraction of test points)"
    }
}

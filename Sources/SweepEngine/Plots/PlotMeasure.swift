/// What the gain in a sweep's plots is: the squared-loss risk reduction (analytic, Monte Carlo
/// beside it), a logistic student's accuracy gain (classification KD, Monte Carlo only), or,
/// with m >= 2 teacher modalities, what adding modalities to the best single teacher gains
/// (the maps of `PlotQuestion.addingModality`). The plot kinds draw them all; this gives their words.
enum PlotMeasure: Sendable, Equatable {
    case risk
    case accuracy
    /// The gain of a teacher on several modalities over the best single one; `set` is the full
    /// teacher set in enhanced text (`T_{A}, T_{B}`), whose gap draws the CCH boundary.
    case adding(set: String)

    /// The CCH gap, in words.
    var gap: String {
        switch self {
        case .risk: "I(T;S) − I(S;Y)"
        case .accuracy: "I(T;S) − I(S;C)"
        case .adding(let set): "I(\(set); S) − I(S;Y)"
        }
    }
    /// CCH's prediction of a gain.
    var prediction: String {
        switch self {
        case .risk: "I(T;S) > I(S;Y)"
        case .accuracy: "I(T;S) > I(S;C)"
        case .adding(let set): "I(\(set); S) > I(S;Y)"
        }
    }
    /// The CCH boundary.
    var boundary: String {
        switch self {
        case .risk: "I(T;S) = I(S;Y)"
        case .accuracy: "I(T;S) = I(S;C)"
        case .adding(let set): "I(\(set); S) = I(S;Y)"
        }
    }
    /// The truth CCH is judged against.
    var truth: String {
        switch self {
        case .risk: "the truth G(λ*) > 0"
        case .accuracy: "the Monte Carlo truth: KD raises the accuracy"
        case .adding: "the truth: a teacher on several modalities beats the best single one"
        }
    }
    /// The gain shown in colour (heatmap) and on the scatter's y axis.
    var bestGainLabel: String {
        switch self {
        case .risk: "best KD gain G(λ*) = E R(0) − E R(λ*), % of the risk E R(0) without KD"
        case .accuracy: "KD accuracy gain acc(KD) − acc(no KD), percentage points (Monte Carlo)"
        case .adding: "gain of adding: best G(λ*) of a set of ≥ 2 modalities − best G(λ*) of one, % of E R(0)"
        }
    }
    var bestGainShort: String {
        switch self {
        case .risk: "best KD gain G(λ*), % of the risk without KD"
        case .accuracy: "KD accuracy gain, percentage points (Monte Carlo)"
        case .adding: "gain of adding modalities, % of the risk without KD"
        }
    }
    var heatmapHeadline: String {
        switch self {
        case .risk: "Where does KD help? Best KD gain G(λ*)"
        case .accuracy: "Where does KD help? Accuracy gain of soft-target KD"
        case .adding: "Where does adding a teacher modality help? Best set's G(λ*) − best single's"
        }
    }
    /// The headline of the agreement map.
    var agreementHeadline: String {
        switch self {
        case .risk, .accuracy: "Is CCH right? Its prediction \(prediction) against \(truth)"
        case .adding: "Does CCH on the teacher set predict when adding a modality helps?"
        }
    }
    var helpsLegend: String {
        switch self {
        case .risk: "KD helps: G(λ*) > 0 (colour: size of the gain)"
        case .accuracy: "KD raises the accuracy (colour: size of the gain)"
        case .adding: "adding helps: a set beats every single modality (colour: size of the gain)"
        }
    }
    var noGainLegend: String {
        switch self {
        case .risk: "KD does not help: best λ* = 0, G(λ*) = 0"
        case .accuracy: "KD does not raise the accuracy"
        case .adding: "adding does not help: the best single modality teaches as well or better"
        }
    }
    /// What the verdict means, for the notes under a map's title (nil: the headline says it).
    var definition: [String] {
        guard case .adding = self else { return [] }
        return ["adding helps: a teacher on several modalities has a larger best gain G(λ*) than every single one;",
                "CCH predicts it: its choice (the teacher set J of largest gap I(T_J; S) − I(S;Y)) has several modalities and a gap > 0"]
    }
    /// The y label of the gain curves.
    var curveLabel: String {
        switch self {
        case .risk: "KD gain E R(0) − E R(λ) (squared label units)"
        case .accuracy: "KD accuracy gain acc(KD) − acc(no KD) (fraction of test points)"
        case .adding: "gain of adding modalities (squared label units)"
        }
    }
    /// The note of a map whose gap has one sign everywhere (no CCH boundary to draw).
    func everywhere(gapPositive: Bool) -> String {
        switch (self, gapPositive) {
        case (.adding, true): "\(prediction) everywhere: CCH predicts that adding helps at every point"
        case (.adding, false): "\(gap) ≤ 0 everywhere: CCH predicts that adding helps at no point"
        case (_, true): "\(prediction) everywhere: CCH predicts a gain at every point"
        case (_, false): "\(gap) ≤ 0 everywhere: CCH predicts no gain at any point"
        }
    }
    /// The legend of an outcome: CCH's prediction met with the truth.
    func legend(_ outcome: CCHOutcome) -> String {
        guard case .adding = self else { return outcome.legend }
        switch outcome {
        case .rightAboutGain: return "CCH right: predicts that adding helps, it does"
        case .rightAboutNoGain: return "CCH right: predicts no help from adding, none"
        case .falseAlarm: return "false alarm: CCH predicts that adding helps, it does not"
        case .miss: return "miss: CCH predicts no help from adding, it helps"
        }
    }
}

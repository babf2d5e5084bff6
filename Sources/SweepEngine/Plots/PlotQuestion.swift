import CCHScenario

/// Which verdict a figure draws. Every sweep has the first: CCH's prediction for the scenario's
/// teacher against the truth that KD helps. A model with m >= 2 teacher modalities also has the
/// second (the `TeacherSetFields` columns): CCH on the teacher sets, which predicts that adding
/// modalities helps when its choice (the set of largest positive gap) has several of them,
/// against the truth that the best set by G(λ*) has several
/// (docs/multi-teacher.md, "Sweeps and the canonical figure").
enum PlotQuestion: Sendable, Hashable {
    case kdGain
    case addingModality

    /// The part of its grid data file's name after the stem (`NAME-grid.dat`, `NAME-adding-grid.dat`).
    var gridName: String { self == .kdGain ? "grid" : "adding-grid" }
    /// The names of the grid data's columns 7 to 11 (valid, the truth, the gap, the gain, the outcome).
    var gridColumns: String {
        self == .kdGain ? "valid kd_helps cch_gap best_gain_percent outcome" : "valid adding_helps full_set_gap adding_gain_percent outcome"
    }
}

extension PlotKind {
    /// The verdict the figure draws.
    var question: PlotQuestion {
        switch self {
        case .addingHeatmap, .addingAgreement: .addingModality
        case .heatmap, .agreement, .curves, .scatter, .reliability, .gapVsGain, .gainMatrix, .theoryVsMeasured, .gainVsStudentRidge: .kdGain
        }
    }

    /// A map drawn with the gain in colour (otherwise an agreement map, the four outcomes), nil for other kinds.
    var mapShowsGain: Bool? {
        switch self {
        case .heatmap, .addingHeatmap: true
        case .agreement, .addingAgreement: false
        case .curves, .scatter, .reliability, .gapVsGain, .gainMatrix, .theoryVsMeasured, .gainVsStudentRidge: nil
        }
    }
}

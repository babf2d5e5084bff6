/// The kinds of figure `cchsim run` draws from a sweep (README.md, "Plots"; keys: docs/scenarios.md).
public enum PlotKind: String, Sendable, CaseIterable {
    /// KD gain over two swept parameters, the CCH boundary (gap = 0) as a contour.
    case heatmap
    /// CCH's prediction against the truth over two swept parameters, four outcomes in four colours.
    case agreement
    /// KD gain (and the CCH gap) along one swept parameter: analytic lines, Monte Carlo points.
    case curves
    /// KD gain against the CCH gap, one point per grid point, with the count in each quadrant.
    case scatter
    /// Decision reliability along one swept parameter: P(sign of the estimated CCH gap != sign of
    /// the true gap) per estimator (needs `[estimation]`).
    case reliability
}

/// The scenario's `[output]` table: which plots to draw and an optional title.
///
///     [output]
///     plots = ["heatmap", "agreement"]   # default: chosen from the sweep's shape
///     title = "The paper's regime"       # default: the scenario's name
public struct OutputSpec: Sendable, Equatable {
    /// The plots named in the file, nil when the sweep's shape decides.
    public var plots: [PlotKind]?
    /// Title of every figure (the plot kind and the fixed settings are added below it).
    public var title: String?

    public init(plots: [PlotKind]? = nil, title: String? = nil) {
        self.plots = plots
        self.title = title
    }

    /// Decodes `document`'s `[output]` table (empty when absent).
    /// - Throws: `ScenarioError` at `output.<key>`.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        let r = try TableReader(document, section: "output")
        let names = PlotKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        switch r.value("plots") {
        case .none:
            plots = nil
        case .array(let items)?:
            var kinds: [PlotKind] = []
            for item in items {
                guard case .string(let s) = item, let kind = PlotKind(rawValue: s) else {
                    throw r.error("plots", "unknown plot kind \(item); expected some of \(names)")
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            plots = kinds
        case let other?:
            throw r.error("plots", "expected a list of plot kinds (\(names)), got \(other)")
        }
        title = r.has("title") ? try r.string("title") : nil
        try r.finish()
    }
}

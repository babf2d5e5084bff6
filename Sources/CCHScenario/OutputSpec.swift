import Foundation
import OrderedCollections

/// The kinds of figure cchsim draws: from a sweep (`cchsim run`, docs/sweeps.md, "Plots"; named in
/// `[output] plots`, docs/scenarios.md) or from a `cchsim teachers` run on real data
/// (docs/real-data.md, "Outputs"). The raw value is the part of the figure's file names after the
/// scenario name for a teachers kind (`NAME-gain-matrix.png`), the spelling in `[output] plots`
/// for a sweep kind.
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
    /// With m >= 2 teacher modalities: what adding modalities to the best single teacher gains,
    /// over two swept parameters, the CCH boundary of the full teacher set as a contour.
    case addingHeatmap = "adding-heatmap"
    /// With m >= 2 teacher modalities: CCH on the teacher sets (its choice has several modalities)
    /// against the truth (the best set has several), over two swept parameters.
    case addingAgreement = "adding-agreement"
    /// `teachers`: the measured KD gain (95% interval) against each estimator's CCH gap, one
    /// panel per estimator, coloured by whether CCH's verdict matches the measured truth.
    case gapVsGain = "gap-vs-gain"
    /// `teachers`: the teacher x student matrix of measured gains with CCH's verdicts marked.
    case gainMatrix = "gain-matrix"
    /// `teachers`, binary or continuous label: the fitted Gaussian theory's expected gain
    /// against the gain measured on the data.
    case theoryVsMeasured = "theory-vs-measured"
    /// `teachers` sweeping the students' ridge: the measured gain against the student's ridge,
    /// one panel per student view.
    case gainVsStudentRidge = "gain-vs-student-ridge"

    /// What a kind is drawn from: a sweep's grid or a teachers run on data.
    public enum Source: Sendable {
        case sweep, teachers
    }

    public var source: Source {
        switch self {
        case .heatmap, .agreement, .curves, .scatter, .reliability, .addingHeatmap, .addingAgreement: .sweep
        case .gapVsGain, .gainMatrix, .theoryVsMeasured, .gainVsStudentRidge: .teachers
        }
    }

    /// The kinds drawn from `source`, in declaration order.
    public static func drawn(from source: Source) -> [PlotKind] { allCases.filter { $0.source == source } }
}

/// The file formats a figure can be written in (docs/figures.md, "Formats").
public enum FigureFormat: String, Sendable, CaseIterable {
    /// Raster (gnuplot pngcairo): the default and the committed canonical set.
    case png
    /// Vector, fonts embedded (gnuplot pdfcairo).
    case pdf
    /// Vector, fonts referred to by name (gnuplot svg).
    case svg

    /// The formats of a comma-separated list such as `png,pdf` (each once, in the order given).
    /// - Throws: a reason naming the unknown format.
    public static func list(_ text: String) throws(FigureFormatError) -> [FigureFormat] {
        var formats: OrderedSet<FigureFormat> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = FigureFormat(rawValue: name) else { throw FigureFormatError(name: name) }
            formats.append(format)
        }
        return formats.elements
    }

    /// "png", "pdf", "svg", for error messages.
    public static var names: String { allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
}

/// An unknown figure format.
public struct FigureFormatError: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "unknown figure format '\(name)'; expected some of \(FigureFormat.names)" }
}

/// The size preset of the figures (docs/figures.md, "Sizes"): `screen` is the PNG size cchsim
/// has always drawn (about 1000 pixels wide, 11-point text); `column` fits one column of a
/// two-column paper (3.5 inches wide), `page` the full text width (7 inches), with text sized to
/// be read at print size.
public enum FigureSize: String, Sendable, CaseIterable {
    case screen, column, page
}

/// The scenario's `[output]` table: which plots to draw, an optional title, the file formats, the
/// size preset and the axis scales.
///
///     [output]
///     plots = ["heatmap", "agreement"]   # default: chosen from the sweep's shape
///     title = "The paper's regime"       # default: the scenario's name
///     formats = ["png", "pdf", "svg"]    # default: ["png"]
///     size = "column"                    # "screen" (default), "column" or "page"
///     log_x = true                       # default: log when the first swept axis spans > a decade
///     log_y = false                      # the same for the second swept axis of a map
///     log_y = "symlog"                   # curves: a symmetric-log gain axis (zero crossings stay visible)
public struct OutputSpec: Sendable, Equatable {
    /// The plots named in the file, nil when the sweep's shape decides.
    public var plots: [PlotKind]?
    /// Title of every figure (the plot kind and the fixed settings are added below it).
    public var title: String?
    /// The formats every figure is written in.
    public var formats: [FigureFormat]
    public var size: FigureSize
    /// A log (true) or linear (false) scale for the first swept axis (x) and the second swept
    /// axis of a map (y); nil: chosen from the values (log when positive and spanning more than a
    /// factor of 10, or when the sweep is log-spaced).
    public var logX: Bool?, logY: Bool?
    /// `log_y = "symlog"`: the gain axis of the curves drawn on a symmetric-log scale, linear near
    /// zero and logarithmic beyond, so that a curve dominated by its first point still shows
    /// where it crosses zero.
    public var symlogGain = false

    public init(plots: [PlotKind]? = nil, title: String? = nil, formats: [FigureFormat] = [.png], size: FigureSize = .screen,
                logX: Bool? = nil, logY: Bool? = nil) {
        self.plots = plots
        self.title = title
        self.formats = formats
        self.size = size
        self.logX = logX
        self.logY = logY
    }

    /// Decodes `document`'s `[output]` table (empty when absent).
    /// - Throws: `ScenarioError` at `output.<key>`.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        let r = try TableReader(document, section: .output)
        let names = PlotKind.drawn(from: .sweep).map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        switch r.value(OutputKey.plots) {
        case .none:
            plots = nil
        case .array(let items)?:
            var kinds: OrderedSet<PlotKind> = []
            for item in items {
                guard case .string(let s) = item, let kind = PlotKind(rawValue: s) else {
                    throw r.error(OutputKey.plots, "unknown plot kind \(item); expected some of \(names)")
                }
                guard kind.source == .sweep else {
                    throw r.error(OutputKey.plots, "\(item) is a figure of `cchsim teachers` (a [data] scenario), not of a sweep; "
                        + "expected some of \(names)")
                }
                kinds.append(kind)
            }
            plots = kinds.elements
        case let other?:
            throw r.error(OutputKey.plots, "expected a list of plot kinds (\(names)), got \(other)")
        }
        title = r.has(OutputKey.title) ? try r.string(OutputKey.title) : nil
        if let title, let problem = ScenarioText.titleProblem(title) { throw r.error(OutputKey.title, problem) }
        switch r.value(OutputKey.formats) {
        case .none:
            formats = [.png]
        case .array(let items)? where !items.isEmpty:
            var list: OrderedSet<FigureFormat> = []
            for item in items {
                guard case .string(let s) = item, let format = FigureFormat(rawValue: s) else {
                    throw r.error(OutputKey.formats, "unknown figure format \(item); expected some of \(FigureFormat.names)")
                }
                list.append(format)
            }
            formats = list.elements
        case let other?:
            throw r.error(OutputKey.formats, "expected a non-empty list of figure formats (\(FigureFormat.names)), got \(other)")
        }
        size = try r.choice(OutputKey.size, default: FigureSize.screen)
        logX = r.has(OutputKey.logX) ? try r.bool(OutputKey.logX, default: false) : nil
        switch r.value(OutputKey.logY) {
        case .none: logY = nil
        case .bool(let b)?: logY = b
        case .string("symlog")?: logY = nil; symlogGain = true
        case let other?: throw r.error(OutputKey.logY, "expected true, false or \"symlog\" (the gain axis of curves), got \(other)")
        }
        try r.finish()
    }
}

/// The keys of `[output]`, spelled by `ScenarioKey`.
private typealias OutputKey = ScenarioKey.Output

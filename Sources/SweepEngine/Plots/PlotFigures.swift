import CCHScenario
import Foundation

/// One figure: its gnuplot script, the data file the script reads, and the images it draws.
struct FigureFile {
    let scriptName: String, script: String
    let dataName: String, data: String
    /// The image's file name without its extension.
    let name: String

    /// The file name of the image in `format`.
    func image(_ format: FigureFormat) -> String { "\(name).\(format.rawValue)" }
}

/// The gnuplot scripts and data files of each plot kind, from the rows of a finished sweep.
///
/// Data files are whitespace-separated columns with a `#` header line; `nan` marks a value an
/// invalid point does not have. Grid data come in blocks of constant first-axis value (gnuplot's
/// grid format, needed for the CCH-boundary contour); curve data in one block per line (`index`).
struct PlotFigures {
    let sweep: Sweep
    let rows: [PlotRow]
    let stem: String
    /// What the gain measures (risk or accuracy), for the words of the figures.
    var measure: PlotMeasure = .risk

    var axes: [SweepAxis] { sweep.grid.axes }
    var swept: Set<ScenarioKey> { Set(axes.map(\.key)) }

    /// The figures of `kind`; none for a kind of `cchsim teachers`.
    func files(for kind: PlotKind) -> [FigureFile] {
        switch kind {
        case .heatmap, .agreement, .addingHeatmap, .addingAgreement: mapGroups().enumerated().map { map(kind, group: $0.element, number: $0.offset) }
        case .curves: [curves()]
        case .scatter: [scatter()]
        case .reliability: [reliability()]
        case .gapVsGain, .gainMatrix, .theoryVsMeasured, .gainVsStudentRidge: []
        }
    }

    // MARK: Shared pieces

    func header(name: String, data: String, size: (Int, Int)) -> [String] {
        [
            GnuplotText.comment("# \(name).gp: written by cchsim \(ToolVersion.cchsim) from \(sweep.file) (scenario \(sweep.name))."),
            "# Reads \(data); draws \(name).png. Render again with: gnuplot \(name).gp",
            "# PDF or SVG (format 'pdf' or 'svg'): gnuplot -e \"format='pdf'\" \(name).gp",
        ]
        + FigureTerminal(size: sweep.output.size, pixels: size).lines(name: name)
        + ["set encoding utf8", "set output outfile"]
    }

    func title(_ headline: String, notes: [String]) -> [String] {
        ["set title \(GnuplotText.string(titleText(headline, notes: notes)))"]
    }

    /// The headline, the user's title, the fixed settings and any notes, one per line. A figure
    /// sized for print (`size = "column"` or `"page"`) has the user's title only: a paper's caption
    /// states the rest, and the plot needs the room.
    func titleText(_ headline: String, notes: [String]) -> String {
        if sweep.output.size != .screen { return sweep.output.title.map(GnuplotText.literal) ?? "" }
        var parts = [headline]
        if let user = sweep.output.title { parts.append(GnuplotText.literal(user)) }
        let caption = PlotLabels.caption(sweep.first, swept: swept)
        parts += caption.components(separatedBy: "; ").map { "{/*0.85 \($0)}" }
        parts += notes.map { "{/*0.85 \($0)}" }
        return parts.joined(separator: "\n")
    }

    /// Whether swept axis `index` (0: the x axis of every kind but the scatter, 1: the y axis of a
    /// map) is drawn on a log scale: `[output] log_x` / `log_y` when given, else `autoLogarithmic`.
    func logarithmic(_ index: Int) -> Bool {
        (index == 0 ? sweep.output.logX : sweep.output.logY) ?? Self.autoLogarithmic(axes[index])
    }

    /// A log scale suits `axis` when its values are positive and either log-spaced or spanning
    /// more than a factor of 10 (sample sizes, noise levels, penalties).
    static func autoLogarithmic(_ axis: SweepAxis) -> Bool {
        guard let xs = axis.numbers, let low = xs.min(), let high = xs.max(), low > 0 else { return false }
        return axis.spacing == .log || high > 10 * low
    }

    /// The label, scale and range of a swept axis: the range of the cells (`edges`) of a map, else
    /// the values padded by 2% (linear) or a factor 1.3 (log, with a tic at each value when there
    /// are at most 12).
    func axisSettings(_ axis: SweepAxis, axis name: String, label: String, log: Bool, edges: [(low: Double, high: Double)]?) -> [String] {
        var out = ["set \(name)label \(GnuplotText.string(label))"]
        if log { out.append("set logscale \(name)") }
        if let edges, let low = edges.map(\.low).min(), let high = edges.map(\.high).max() {
            out.append("set \(name)range [\(Self.number(low)):\(Self.number(high))]")
        } else if let xs = axis.numbers, let low = xs.min(), let high = xs.max(), high > low {
            if log {
                out.append("set \(name)range [\(Self.number(low / 1.3)):\(Self.number(high * 1.3))]")
                if xs.count <= 12 { out.append("set \(name)tics (\(xs.map(PlotLabels.number).joined(separator: ", ")))") }
            } else {
                let pad = 0.02 * (high - low)
                out.append("set \(name)range [\(Self.number(low - pad)):\(Self.number(high + pad))]")
            }
        }
        return out
    }

    /// The legend of the invalid points among `rows`: "covariance not positive definite" when the
    /// model of every one of them has none (`ParameterError.notPositiveDefinite` from building it),
    /// else a pointer to the CSV's reasons. The kind comes from the typed error, never from the
    /// reason's text in the CSV.
    func invalidLegend(_ rows: [PlotRow]) -> String {
        let invalid = rows.filter { !$0.valid }
        if !invalid.isEmpty, invalid.allSatisfy({ modelIsNotPositiveDefinite(at: $0.point) }) {
            return "invalid: covariance not positive definite"
        }
        return "invalid: no analytic answer (see \(GnuplotText.literal("invalid_reason")) in the CSV)"
    }

    /// Whether the model of grid point `point` has no positive definite covariance: values valid
    /// one by one that together are not realisable (the sweep decodes such a point and leaves it
    /// to the point, so building its model here gives the same typed error the run met).
    private func modelIsNotPositiveDefinite(at point: Int) -> Bool {
        guard let scenario = try? sweep.scenario(at: point) else { return false }
        do {
            _ = try scenario.model.build(teacherBlocks: scenario.teacherBlocks)
            return false
        } catch {
            if case .notPositiveDefinite = error { return true }
            return false
        }
    }

    /// The cell of each value of a numeric axis: halfway to its neighbours (geometrically on a log
    /// axis), the ends mirrored, widened by 3% on each side so that neighbouring boxes leave no antialiasing seam.
    static func cellEdges(_ axis: SweepAxis, log logarithmic: Bool) -> [(low: Double, high: Double)] {
        guard let xs = axis.numbers, !xs.isEmpty else { return [] }
        let log = logarithmic && xs.allSatisfy { $0 > 0 }
        let t = xs.map { log ? Foundation.log($0) : $0 }
        let sorted = Array(Set(t)).sorted()
        func neighbours(_ v: Double) -> (Double, Double) {
            guard sorted.count > 1, let k = sorted.firstIndex(of: v) else { return (v - 0.5, v + 0.5) }
            let left = k > 0 ? (sorted[k - 1] + v) / 2 : v - (sorted[1] - sorted[0]) / 2
            let right = k + 1 < sorted.count ? (v + sorted[k + 1]) / 2 : v + (sorted[k] - sorted[k - 1]) / 2
            return (left, right)
        }
        return t.map { v in
            let (a, b) = neighbours(v)
            let widen = 0.03 * (b - a)
            let low = a - widen, high = b + widen
            return log ? (exp(low), exp(high)) : (low, high)
        }
    }

    /// Row-major index of coordinates within `sizes`.
    func flatIndex(_ coordinates: ArraySlice<Int>, _ sizes: [Int]) -> Int {
        zip(coordinates, sizes).reduce(0) { $0 * $1.1 + $1.0 }
    }

    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "nan" }

    /// Line colours of curves (distinct, printable).
    static let palette = ["#1f78b4", "#e31a1c", "#33a02c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#fb9a99", "#b2df8a", "#cab2d6"]
}

import CCHScenario
import Foundation

/// One figure: its gnuplot script, the data file the script reads, and the PNG it draws.
struct FigureFile {
    let scriptName: String, script: String
    let dataName: String, data: String
    let pngName: String
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
    var swept: Set<String> { Set(axes.map(\.key)) }

    func files(for kind: PlotKind) -> [FigureFile] {
        switch kind {
        case .heatmap, .agreement: mapGroups().enumerated().map { map(kind, group: $0.element, number: $0.offset) }
        case .curves: [curves()]
        case .scatter: [scatter()]
        case .reliability: [reliability()]
        }
    }

    // MARK: Shared pieces

    func header(name: String, data: String, size: (Int, Int)) -> [String] {
        [
            "# \(name).gp: written by cchsim \(ToolVersion.cchsim) from \(sweep.file) (scenario \(sweep.name)).",
            "# Reads \(data); draws \(name).png. Render again with: gnuplot \(name).gp",
            "if (!exists(\"outfile\")) outfile = \(quoted("\(name).png"))",
            "set terminal pngcairo size \(size.0),\(size.1) enhanced font \"DejaVu Sans,11\"",
            "set encoding utf8",
            "set output outfile",
        ]
    }

    func title(_ headline: String, notes: [String]) -> [String] {
        ["set title \(quoted(titleText(headline, notes: notes)))"]
    }

    /// The headline, the user's title, the fixed settings and any notes, one per line.
    func titleText(_ headline: String, notes: [String]) -> String {
        var parts = [headline]
        if let user = sweep.output.title { parts.append(PlotLabels.escaped(user)) }
        let caption = PlotLabels.caption(sweep.first, swept: swept)
        parts += caption.components(separatedBy: "; ").map { "{/*0.85 \($0)}" }
        parts += notes.map { "{/*0.85 \($0)}" }
        return parts.joined(separator: "\n")
    }

    func axisSettings(_ axis: SweepAxis, axis name: String, label: String, edges: [(low: Double, high: Double)]?) -> [String] {
        var out = ["set \(name)label \(quoted(label))"]
        if axis.spacing == .log { out.append("set logscale \(name)") }
        if let edges, let low = edges.map(\.low).min(), let high = edges.map(\.high).max() {
            out.append("set \(name)range [\(Self.number(low)):\(Self.number(high))]")
        } else if let xs = axis.numbers, let low = xs.min(), let high = xs.max(), high > low {
            let pad = axis.spacing == .log ? 0 : 0.02 * (high - low)
            out.append("set \(name)range [\(Self.number(low - pad)):\(Self.number(high + pad))]")
        }
        return out
    }

    func invalidLegend(_ rows: [PlotRow]) -> String {
        let reasons = rows.filter { !$0.valid }.map(\.invalidReason)
        if !reasons.isEmpty, reasons.allSatisfy({ $0.contains("positive definite") || $0.contains("violate") }) {
            return "invalid: covariance not positive definite"
        }
        return "invalid: no analytic answer (see \(PlotLabels.escaped("invalid_reason")) in the CSV)"
    }

    /// The cell of each value of a numeric axis: halfway to its neighbours (geometrically on a log
    /// axis), the ends mirrored, widened by 3% on each side so that neighbouring boxes leave no antialiasing seam.
    static func cellEdges(_ axis: SweepAxis) -> [(low: Double, high: Double)] {
        guard let xs = axis.numbers, !xs.isEmpty else { return [] }
        let log = axis.spacing == .log && xs.allSatisfy { $0 > 0 }
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

    /// A gnuplot double-quoted string.
    func quoted(_ text: String) -> String { Gnuplot.quoted(text) }

    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "nan" }

    /// Line colours of curves (distinct, printable).
    static let palette = ["#1f78b4", "#e31a1c", "#33a02c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#fb9a99", "#b2df8a", "#cab2d6"]
}

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

    private var axes: [SweepAxis] { sweep.grid.axes }
    private var swept: Set<String> { Set(axes.map(\.key)) }

    func files(for kind: PlotKind) -> [FigureFile] {
        switch kind {
        case .heatmap, .agreement: mapGroups().enumerated().map { map(kind, group: $0.element, number: $0.offset) }
        case .curves: [curves()]
        case .scatter: [scatter()]
        }
    }

    // MARK: Maps (heatmap and agreement)

    /// The rows of each combination of the axes after the first two.
    private func mapGroups() -> [[PlotRow]] {
        let sizes = axes.dropFirst(2).map(\.values.count)
        var groups = [[PlotRow]](repeating: [], count: sizes.reduce(1, *))
        for row in rows { groups[flatIndex(row.coordinates.dropFirst(2), sizes)].append(row) }
        return groups
    }

    private func map(_ kind: PlotKind, group: [PlotRow], number: Int) -> FigureFile {
        let multiple = axes.count > 2
        let suffix = multiple ? "-\(number + 1)" : ""
        let dataName = "\(stem)-grid\(suffix).dat"
        let name = "\(stem)-\(kind.rawValue)\(suffix)"
        let x = axes[0], y = axes[1]
        let xEdges = Self.cellEdges(x), yEdges = Self.cellEdges(y)

        var data = "# \(stem): grid of \(x.key) (blocks) by \(y.key); written by cchsim \(CCHSimCommand.version)\n"
        data += "# x y xlow xhigh ylow yhigh valid kd_helps cch_gap best_gain_percent outcome\n"
        data += "# outcome: 0 CCH right about a gain, 1 right about no gain, 2 false alarm, 3 miss, -1 invalid\n"
        var previous: Int? = nil
        for row in group {
            let i = row.coordinates[0], j = row.coordinates[1]
            if let previous, previous != i { data += "\n" }
            previous = i
            let v = row.valid
            let cell: [Double] = [x.numbers?[i] ?? .nan, y.numbers?[j] ?? .nan, xEdges[i].low, xEdges[i].high, yEdges[j].low, yEdges[j].high]
            let flags = "\(v ? 1 : 0) \(v && row.helps ? 1 : 0)"
            let values = [v ? row.gap : .nan, v ? row.bestGainPercent : .nan].map(Self.number).joined(separator: " ")
            data += cell.map(Self.number).joined(separator: " ") + " \(flags) \(values) \(v ? row.outcome.rawValue : -1)\n"
        }

        let valid = group.filter(\.valid)
        let gapSigns = Set(valid.map { $0.gap > 0 })
        let hasBoundary = gapSigns.count == 2
        var lines = header(name: name, data: dataName, size: (1000, 940))
        let groupTitle = multiple ? " (" + zip(axes.dropFirst(2), group.first?.coordinates.dropFirst(2) ?? [])
            .map { PlotLabels.setting($0.key, $0.values[$1]) }.joined(separator: ", ") + ")" : ""
        let xs = PlotLabels.symbol(x.key), ys = PlotLabels.symbol(y.key)
        let headline: String
        switch kind {
        case .heatmap: headline = "Where does KD help? Best KD gain G(λ*) over (\(xs), \(ys))\(groupTitle)"
        default: headline = "Is CCH right? Its prediction I(T;S) > I(S;Y) against the truth G(λ*) > 0\(groupTitle)"
        }
        var notes: [String] = []
        if kind == .agreement, !valid.isEmpty {
            let right = valid.filter { $0.predictsGain == $0.helps }.count
            notes.append(String(format: "CCH is right at %d of %d valid points (%.1f%%)", right, valid.count, 100 * Double(right) / Double(valid.count)))
        }
        if !hasBoundary, let sign = gapSigns.first {
            notes.append(sign ? "I(T;S) > I(S;Y) everywhere: CCH predicts a gain at every point" : "I(T;S) ≤ I(S;Y) everywhere: CCH predicts no gain at any point")
        }
        lines += title(headline, notes: notes)
        lines += axisSettings(x, axis: "x", label: PlotLabels.axis(x.key), edges: xEdges)
        lines += axisSettings(y, axis: "y", label: PlotLabels.axis(y.key), edges: yEdges)
        if x.key.hasPrefix("model.rho_") && y.key.hasPrefix("model.rho_") { lines.append("set size ratio -1") }
        lines.append("set key outside below center vertical Left reverse samplen 2.5")
        if hasBoundary {
            lines += [
                "# The CCH boundary: the contour gap = I(T;S) - I(S;Y) = 0 of the grid.",
                "set contour base", "set cntrparam levels discrete 0", "unset surface",
                "set table $boundary", "splot \(quoted(dataName)) using 1:2:9 with lines notitle", "unset table",
                "unset contour", "set surface",
            ]
        }
        let invalidCount = group.count - valid.count
        var plots: [String] = []
        switch kind {
        case .heatmap:
            let best = valid.filter(\.helps).map(\.bestGainPercent).filter(\.isFinite).max() ?? 0
            lines += [
                "set palette defined (0 \"#fff5eb\", 0.35 \"#fdae6b\", 0.7 \"#e6550d\", 1 \"#7f2704\")",
                "set cbrange [0:\(Self.number(best > 0 ? best : 1))]",
                "set cblabel \(quoted("best KD gain G(λ*) = E R(0) − E R(λ*), % of the risk E R(0) without KD"))",
                "set colorbox user origin graph 1.04, graph 0 size character 2, graph 1",
            ]
            plots.append("\(quoted(dataName)) using 1:($8 == 1 ? $2 : NaN):3:4:5:6:10 with boxxyerror fs solid 1.0 noborder fc palette notitle")
            plots.append("NaN with boxes fs solid 1.0 noborder fc rgb \"#fdae6b\" title \(quoted("KD helps: G(λ*) > 0 (colour: size of the gain)"))")
            let noGain = valid.filter { !$0.helps }.count
            if noGain > 0 {
                plots.append("\(quoted(dataName)) using 1:($7 == 1 && $8 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder "
                    + "fc rgb \"#c6dbef\" title \(quoted("KD does not help: best λ* = 0, G(λ*) = 0"))")
            }
        default:
            lines.append("unset colorbox")
            for outcome in CCHOutcome.allCases {
                let count = valid.filter { $0.outcome == outcome }.count
                plots.append("\(quoted(dataName)) using 1:($11 == \(outcome.rawValue) ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 "
                    + "noborder fc rgb \"\(outcome.colour)\" title \(quoted("\(outcome.legend) (\(count) points)"))")
            }
        }
        if invalidCount > 0 {
            plots.append("\(quoted(dataName)) using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder "
                + "fc rgb \"#8c8c8c\" title \(quoted(invalidLegend(group) + " (\(invalidCount) points)"))")
        }
        if hasBoundary {
            plots.append("$boundary using 1:2 with lines lw 2.5 lc rgb \"black\" "
                + "title \(quoted("CCH boundary I(T;S) = I(S;Y); CCH predicts a gain where I(T;S) > I(S;Y)"))")
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, pngName: "\(name).png")
    }

    // MARK: Curves

    private func curves() -> FigureFile {
        let x = axes[0]
        let sizes = axes.dropFirst().map(\.values.count)
        let count = sizes.reduce(1, *)
        var series = [[PlotRow]](repeating: [], count: count)
        for row in rows { series[flatIndex(row.coordinates.dropFirst(), sizes)].append(row) }
        let hasMC = rows.contains { $0.mcGain != nil }
        let lambdaIsX = x.key == "student.lambda"
        let gaps = rows.filter(\.valid).map(\.gap)
        let gapVaries = (gaps.max() ?? 0) - (gaps.min() ?? 0) > 1e-12 * max(1, abs(gaps.first ?? 0))
        let name = "\(stem)-curves", dataName = "\(stem)-curves.dat"

        var data = "# \(stem): \(x.key) against the gains; one block per line (gnuplot index); written by cchsim \(CCHSimCommand.version)\n"
        data += "# x gain best_gain mc_gain mc_gain_ci95 cch_gap valid lambda_opt\n"
        for (s, block) in series.enumerated() {
            if s > 0 { data += "\n\n" }
            data += "# line \(s + 1): \(seriesLabel(block.first, plain: true))\n"
            for row in block {
                let v = row.valid
                let mc = v ? (row.mcGain ?? .nan) : .nan
                let ci = v ? (row.mcGainSE.map { 1.96 * $0 } ?? .nan) : .nan
                let fields: [Double] = [x.numbers?[row.coordinates[0]] ?? .nan, v ? row.gain : .nan, v ? row.bestGain : .nan,
                                        mc, ci, v ? row.gap : .nan]
                data += fields.map(Self.number).joined(separator: " ") + " \(v ? 1 : 0) \(Self.number(v ? row.lambdaOpt : .nan))\n"
            }
        }

        // One gap line when the gap is the same on every line (it depends on the model only).
        let gapShared = series.count == 1 || series.allSatisfy { block in
            zip(block, series[0]).allSatisfy { $0.valid == $1.valid && (!$0.valid || abs($0.gap - $1.gap) <= 1e-12 * max(1, abs($1.gap))) }
        }
        var lines = header(name: name, data: dataName, size: (1000, (gapVaries ? 1000 : 720) + 20 * count))
        var notes: [String] = []
        if !gapVaries, let gap = gaps.first {
            notes.append("CCH gap I(T;S) − I(S;Y) = \(PlotLabels.number(gap)) nats: CCH predicts \(gap > 0 ? "a gain" : "no gain")")
        }
        let invalid = rows.filter { !$0.valid }.count
        if invalid > 0 { notes.append("\(invalid) invalid points left out (\(invalidLegend(rows)))") }
        let source = hasMC ? "analytic and Monte Carlo" : "analytic"
        if gapVaries {
            let headline = "KD gain (\(source)) and the CCH gap along \(PlotLabels.symbol(x.key))"
            lines.append("set multiplot layout 2,1 title \(quoted(titleText(headline, notes: notes)))")
        } else {
            lines.append("set title \(quoted(titleText("KD gain along \(PlotLabels.symbol(x.key)) (\(source))", notes: notes)))")
        }
        lines += axisSettings(x, axis: "x", label: PlotLabels.axis(x.key), edges: nil)
        lines += ["set lmargin 12", "set rmargin 4"]  // both panels share the x axis position
        lines.append("set xzeroaxis lt 1 lc rgb \"#808080\"")
        lines.append("set ylabel \(quoted("KD gain E R(0) − E R(λ) (squared label units)"))")
        if lambdaIsX, count == 1, let lambdaStar = series[0].first(where: \.valid)?.lambdaOpt {
            lines.append("set arrow 1 from \(Self.number(lambdaStar)), graph 0 to \(Self.number(lambdaStar)), graph 1 nohead dt 3 lc rgb \"#404040\"")
            lines.append("set label 1 \(quoted("best weight λ* = \(PlotLabels.number(lambdaStar))")) at \(Self.number(lambdaStar)), graph 0.05 offset 0.5, 0")
        }
        // The key explains colours (one per line) and line styles (what is analytic, what is Monte Carlo).
        var key: [String] = []
        let styleColour = count == 1 ? Self.palette[0] : "black"
        if count > 1 {
            for (s, block) in series.enumerated() {
                key.append("keyentry with lines lw 2 lc rgb \"\(Self.palette[s % Self.palette.count])\" title \(quoted(seriesLabel(block.first, plain: false)))")
            }
        }
        key.append("keyentry with lines lw 2 lc rgb \"\(styleColour)\" title \(quoted("analytic gain G(λ)" + (lambdaIsX ? "" : " at the scenario's λ = \(PlotLabels.number(sweep.first.student.lambda))")))")
        if !lambdaIsX { key.append("keyentry with lines lw 1.5 dt 2 lc rgb \"\(styleColour)\" title \(quoted("analytic best gain G(λ*) (λ* chosen per point)"))") }
        if hasMC {
            let trials = swept.contains("monte_carlo.trials") ? "" : " (\(sweep.first.monteCarlo.trials) paired trials per point)"
            key.append("keyentry with yerrorbars pt 7 ps 0.7 lc rgb \"\(styleColour)\" title \(quoted("Monte Carlo mean gain ± 95% interval" + trials))")
        }
        let keySetting = "set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows \(key.count)"

        var plots: [String] = []
        for (s, _) in series.enumerated() {
            let colour = Self.palette[s % Self.palette.count]
            plots.append("\(quoted(dataName)) index \(s) using 1:2 with lines lw 2 lc rgb \"\(colour)\" notitle")
            if !lambdaIsX { plots.append("\(quoted(dataName)) index \(s) using 1:3 with lines lw 1.5 dt 2 lc rgb \"\(colour)\" notitle") }
            if hasMC { plots.append("\(quoted(dataName)) index \(s) using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb \"\(colour)\" notitle") }
        }
        if gapVaries {
            lines.append("unset key")
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
            lines += ["unset arrow", "unset label", keySetting,
                      "set ylabel \(quoted("CCH gap I(T;S) − I(S;Y) (nats)"))",
                      "set label 2 \(quoted("CCH predicts a gain above 0, no gain below")) at graph 0.98, graph 0.92 right tc rgb \"#404040\""]
            var gapPlots: [String] = []
            for (s, _) in series.enumerated() where !gapShared || s == 0 {
                let colour = gapShared ? "black" : Self.palette[s % Self.palette.count]
                gapPlots.append("\(quoted(dataName)) index \(s) using 1:6 with lines lw 2 lc rgb \"\(colour)\" notitle")
            }
            lines.append("plot " + (gapPlots + key).joined(separator: ", \\\n     "))
            lines.append("unset multiplot")
        } else {
            lines.append(keySetting)
            lines.append("plot " + (plots + key).joined(separator: ", \\\n     "))
        }
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, pngName: "\(name).png")
    }

    private func seriesLabel(_ row: PlotRow?, plain: Bool) -> String {
        guard let row, axes.count > 1 else { return "" }
        return zip(axes.dropFirst(), row.coordinates.dropFirst()).map {
            plain ? "\($0.key) = \($0.values[$1])" : PlotLabels.setting($0.key, $0.values[$1])
        }.joined(separator: ", ")
    }

    // MARK: Scatter

    private func scatter() -> FigureFile {
        let name = "\(stem)-scatter", dataName = "\(stem)-scatter.dat"
        let valid = rows.filter(\.valid)
        // Gains often span decades: then the y axis is logarithmic and the points without a gain
        // sit on a strip below it, labelled "no gain".
        let positive = valid.filter(\.helps).map(\.bestGainPercent).filter { $0 > 0 && $0.isFinite }
        let low = positive.min() ?? 1, high = positive.max() ?? 1
        let logarithmic = positive.count >= 2 && high / low > 100
        let floor = logarithmic ? low / 10 : 0
        var data = "# \(stem): one valid grid point per line; written by cchsim \(CCHSimCommand.version)\n"
        data += "# cch_gap best_gain_percent outcome point plotted_gain\n"
        data += "# outcome: 0 CCH right about a gain, 1 right about no gain, 2 false alarm, 3 miss\n"
        for row in valid {
            let plotted = row.helps ? row.bestGainPercent : floor
            data += [row.gap, row.bestGainPercent].map(Self.number).joined(separator: " ")
                + " \(row.outcome.rawValue) \(row.point) \(Self.number(plotted))\n"
        }
        func count(_ o: CCHOutcome) -> Int { valid.filter { $0.outcome == o }.count }
        let gaps = valid.map(\.gap)
        let reach = max(abs(gaps.min() ?? 1), abs(gaps.max() ?? 1), 1e-9) * 1.08
        var lines = header(name: name, data: dataName, size: (1000, 860))
        var notes = ["\(valid.count) scenarios (grid points)" + (valid.count < rows.count ? "; \(rows.count - valid.count) invalid ones left out" : "")]
        if !valid.isEmpty {
            let right = count(.rightAboutGain) + count(.rightAboutNoGain)
            notes.append(String(format: "CCH is right for %d of them (%.1f%%)", right, 100 * Double(right) / Double(valid.count)))
        }
        lines += title("KD gain against the CCH gap", notes: notes)
        lines += [
            "set xlabel \(quoted("CCH gap I(T;S) − I(S;Y) (nats); CCH predicts a gain right of 0"))",
            "set ylabel \(quoted("best KD gain G(λ*), % of the risk without KD" + (logarithmic ? " (log scale)" : "")))",
            "set xrange [\(Self.number(-reach)):\(Self.number(reach))]",
            "set yzeroaxis lt 1 lc rgb \"#808080\"",
            "set key outside below center vertical Left reverse maxrows 2 height 1",
        ]
        if logarithmic {
            // Decade tics above the strip only, and the strip's own label.
            let decades = Int((Foundation.log10(floor * 3)).rounded(.up))...Int((Foundation.log10(high * 6)).rounded(.down))
            let tics = decades.map { "\"10^{\($0)}\" 1e\($0)" } + ["\"no gain\" \(Self.number(floor))"]
            lines += [
                "set logscale y",
                "set yrange [\(Self.number(floor / 2)):\(Self.number(high * 6))]",
                "set ytics (\(tics.joined(separator: ", ")))",
                "set arrow 10 from graph 0, first \(Self.number(floor * 3)) to graph 1, first \(Self.number(floor * 3)) nohead dt 3 lc rgb \"#808080\"",
            ]
        } else {
            let top = max(high, 1e-9)
            lines += ["set yrange [\(Self.number(-0.12 * top)):\(Self.number(1.15 * top))]", "set xzeroaxis lt 1 lc rgb \"#808080\""]
        }
        lines += [
            "set label 1 \(quoted("KD helps, CCH misses: \(count(.miss))")) at graph 0.02, graph 0.96 left front",
            "set label 2 \(quoted("KD helps, CCH right: \(count(.rightAboutGain))")) at graph 0.98, graph 0.96 right front",
            "set label 3 \(quoted("no gain, CCH right: \(count(.rightAboutNoGain))")) at graph 0.02, graph 0.12 left front",
            "set label 4 \(quoted("no gain, CCH false alarm: \(count(.falseAlarm))")) at graph 0.98, graph 0.12 right front",
        ]
        let plots = CCHOutcome.allCases.map {
            "\(quoted(dataName)) using 1:($3 == \($0.rawValue) ? $5 : NaN) with points pt 7 ps 0.8 lc rgb \"\($0.colour)\" title \(quoted($0.legend))"
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, pngName: "\(name).png")
    }

    // MARK: Shared pieces

    private func header(name: String, data: String, size: (Int, Int)) -> [String] {
        [
            "# \(name).gp: written by cchsim \(CCHSimCommand.version) from \(sweep.file) (scenario \(sweep.name)).",
            "# Reads \(data); draws \(name).png. Render again with: gnuplot \(name).gp",
            "if (!exists(\"outfile\")) outfile = \(quoted("\(name).png"))",
            "set terminal pngcairo size \(size.0),\(size.1) enhanced font \"DejaVu Sans,11\"",
            "set encoding utf8",
            "set output outfile",
        ]
    }

    private func title(_ headline: String, notes: [String]) -> [String] {
        ["set title \(quoted(titleText(headline, notes: notes)))"]
    }

    /// The headline, the user's title, the fixed settings and any notes, one per line.
    private func titleText(_ headline: String, notes: [String]) -> String {
        var parts = [headline]
        if let user = sweep.output.title { parts.append(PlotLabels.escaped(user)) }
        let caption = PlotLabels.caption(sweep.first, swept: swept)
        parts += caption.components(separatedBy: "; ").map { "{/*0.85 \($0)}" }
        parts += notes.map { "{/*0.85 \($0)}" }
        return parts.joined(separator: "\n")
    }

    private func axisSettings(_ axis: SweepAxis, axis name: String, label: String, edges: [(low: Double, high: Double)]?) -> [String] {
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

    private func invalidLegend(_ rows: [PlotRow]) -> String {
        let reasons = rows.filter { !$0.valid }.map(\.invalidReason)
        if !reasons.isEmpty, reasons.allSatisfy({ $0.contains("positive definite") || $0.contains("violate") }) {
            return "invalid: covariance not positive definite"
        }
        return "invalid: no analytic answer (see invalid_reason in the CSV)"
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
    private func flatIndex(_ coordinates: ArraySlice<Int>, _ sizes: [Int]) -> Int {
        zip(coordinates, sizes).reduce(0) { $0 * $1.1 + $1.0 }
    }

    /// A gnuplot double-quoted string.
    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "nan" }

    /// Line colours of curves (distinct, printable).
    static let palette = ["#1f78b4", "#e31a1c", "#33a02c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#fb9a99", "#b2df8a", "#cab2d6"]
}

import CCHScenario
import Foundation

/// The heatmap and the agreement map: one figure per combination of the axes after the first two.
extension PlotFigures {
    /// The rows of each combination of the axes after the first two.
    func mapGroups() -> [[PlotRow]] {
        let sizes = axes.dropFirst(2).map(\.values.count)
        var groups = [[PlotRow]](repeating: [], count: sizes.reduce(1, *))
        for row in rows { groups[flatIndex(row.coordinates.dropFirst(2), sizes)].append(row) }
        return groups
    }

    func map(_ kind: PlotKind, group: [PlotRow], number: Int) -> FigureFile {
        let multiple = axes.count > 2
        let suffix = multiple ? "-\(number + 1)" : ""
        let dataName = "\(stem)-\(kind.question.gridName)\(suffix).dat"
        let name = "\(stem)-\(kind.rawValue)\(suffix)"
        let x = axes[0], y = axes[1]
        let xEdges = Self.cellEdges(x, log: logarithmic(0)), yEdges = Self.cellEdges(y, log: logarithmic(1))

        var data = GnuplotText.comment("# \(stem): grid of \(x.key) (blocks) by \(y.key); written by cchsim \(ToolVersion.cchsim)") + "\n"
        data += "# x y xlow xhigh ylow yhigh \(kind.question.gridColumns)\n"
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
        switch kind.mapShowsGain {
        case true?: headline = "\(measure.heatmapHeadline) over (\(xs), \(ys))\(groupTitle)"
        default: headline = "\(measure.agreementHeadline)\(groupTitle)"
        }
        var notes = measure.definition
        if kind.mapShowsGain == false, !valid.isEmpty {
            let right = valid.filter { $0.predictsGain == $0.helps }.count
            notes.append(String(format: "CCH is right at %d of %d valid points (%.1f%%)", right, valid.count, 100 * Double(right) / Double(valid.count)))
        }
        if !hasBoundary, let sign = gapSigns.first {
            notes.append(measure.everywhere(gapPositive: sign))
        }
        lines += title(headline, notes: notes)
        lines += axisSettings(x, axis: "x", label: PlotLabels.axis(x.key), log: logarithmic(0), edges: xEdges)
        lines += axisSettings(y, axis: "y", label: PlotLabels.axis(y.key), log: logarithmic(1), edges: yEdges)
        let square = PlotLabels.isCorrelation(x.key) && PlotLabels.isCorrelation(y.key)
        if square { lines.append("set size ratio -1") }
        if kind.mapShowsGain == true && (!square || sweep.output.size != .screen) {
            lines.append("set rmargin 18")  // room for the colour box right of a full-width map
        }
        lines.append("set key outside below center vertical Left reverse samplen 2.5")
        if hasBoundary {
            lines += [
                "# The CCH boundary: the contour gap = I(T;S) - I(S;Y) = 0 of the grid.",
                "set contour base", "set cntrparam levels discrete 0", "unset surface",
                "set table $boundary", "splot \(GnuplotText.string(dataName)) using 1:2:9 with lines notitle", "unset table",
                "unset contour", "set surface",
            ]
        }
        let invalidCount = group.count - valid.count
        var plots: [String] = []
        switch kind.mapShowsGain {
        case true?:
            let best = valid.filter(\.helps).map(\.bestGainPercent).filter(\.isFinite).max() ?? 0
            lines += [
                "set palette defined (0 \"#fff5eb\", 0.35 \"#fdae6b\", 0.7 \"#e6550d\", 1 \"#7f2704\")",
                "set cbrange [0:\(Self.number(best > 0 ? best : 1))]",
                "set cblabel \(GnuplotText.string(measure.bestGainLabel))",
                "set colorbox user origin graph 1.04, graph 0 size character 2, graph 1",
            ]
            plots.append("\(GnuplotText.string(dataName)) using 1:($8 == 1 ? $2 : NaN):3:4:5:6:10 with boxxyerror fs solid 1.0 noborder fc palette notitle")
            plots.append("NaN with boxes fs solid 1.0 noborder fc rgb \"#fdae6b\" title \(GnuplotText.string(measure.helpsLegend))")
            let noGain = valid.filter { !$0.helps }.count
            if noGain > 0 {
                plots.append("\(GnuplotText.string(dataName)) using 1:($7 == 1 && $8 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder "
                    + "fc rgb \"#c6dbef\" title \(GnuplotText.string(measure.noGainLegend))")
            }
        default:
            lines.append("unset colorbox")
            for outcome in CCHOutcome.allCases {
                let count = valid.filter { $0.outcome == outcome }.count
                plots.append("\(GnuplotText.string(dataName)) using 1:($11 == \(outcome.rawValue) ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 "
                    + "noborder fc rgb \"\(outcome.colour)\" title \(GnuplotText.string("\(measure.legend(outcome)) (\(count) points)"))")
            }
        }
        if invalidCount > 0 {
            plots.append("\(GnuplotText.string(dataName)) using 1:($7 == 0 ? $2 : NaN):3:4:5:6 with boxxyerror fs solid 1.0 noborder "
                + "fc rgb \"#8c8c8c\" title \(GnuplotText.string(invalidLegend(group) + " (\(invalidCount) points)"))")
        }
        if hasBoundary {
            plots.append("$boundary using 1:2 with lines lw 2.5 lc rgb \"black\" "
                + "title \(GnuplotText.string("CCH boundary \(measure.boundary); CCH predicts a gain where \(measure.prediction)"))")
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, name: name)
    }
}

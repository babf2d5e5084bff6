import CCHScenario
import Foundation

/// The scatter of the best gain against the CCH gap, with the count in each quadrant.
extension PlotFigures {
    func scatter() -> FigureFile {
        let name = "\(stem)-scatter", dataName = "\(stem)-scatter.dat"
        let valid = rows.filter(\.valid)
        // Gains often span decades: then the y axis is logarithmic and the points without a gain
        // sit on a strip below it, labelled "no gain".
        let positive = valid.filter(\.helps).map(\.bestGainPercent).filter { $0 > 0 && $0.isFinite }
        let low = positive.min() ?? 1, high = positive.max() ?? 1
        let logarithmic = positive.count >= 2 && high / low > 100
        let floor = logarithmic ? low / 10 : 0
        var data = "# \(stem): one valid grid point per line; written by cchsim \(ToolVersion.cchsim)\n"
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
            "set xlabel \(GnuplotText.string("CCH gap \(measure.gap) (nats); CCH predicts a gain right of 0"))",
            "set ylabel \(GnuplotText.string(measure.bestGainShort + (logarithmic ? " (log scale)" : "")))",
            "set xrange [\(Self.number(-reach)):\(Self.number(reach))]",
            "set yzeroaxis lt 1 lc rgb \"#808080\"",
            "set key outside below center vertical Left reverse maxrows 2 height 1",
        ]
        if logarithmic {
            // Decade tics above the strip only, and the strip's own label.
            let decades = Int((Foundation.log10(floor * 3)).rounded(.up))...Int((Foundation.log10(high * 6)).rounded(.down))
            let tics = decades.map { "\(GnuplotText.string("10^{\($0)}")) 1e\($0)" } + ["\(GnuplotText.string("no gain")) \(Self.number(floor))"]
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
            "set label 1 \(GnuplotText.string("KD helps, CCH misses: \(count(.miss))")) at graph 0.02, graph 0.96 left front",
            "set label 2 \(GnuplotText.string("KD helps, CCH right: \(count(.rightAboutGain))")) at graph 0.98, graph 0.96 right front",
            "set label 3 \(GnuplotText.string("no gain, CCH right: \(count(.rightAboutNoGain))")) at graph 0.02, graph 0.12 left front",
            "set label 4 \(GnuplotText.string("no gain, CCH false alarm: \(count(.falseAlarm))")) at graph 0.98, graph 0.12 right front",
        ]
        let plots = CCHOutcome.allCases.map {
            "\(GnuplotText.string(dataName)) using 1:($3 == \($0.rawValue) ? $5 : NaN) with points pt 7 ps 0.8 lc rgb \"\($0.colour)\" title \(GnuplotText.string($0.legend))"
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, name: name)
    }
}

import CCHScenario
import CrossModalKD
import Foundation
import RealModule

/// Curves along the first axis: analytic gains, Monte Carlo points, and the CCH gap when it varies.
extension PlotFigures {
    func curves() -> FigureFile {
        let x = axes[0]
        let sizes = axes.dropFirst().map(\.values.count)
        let count = sizes.reduce(1, *)
        var series = [[PlotRow]](repeating: [], count: count)
        for row in rows { series[flatIndex(row.coordinates.dropFirst(), sizes)].append(row) }
        // Lines join the points in increasing x, whatever order a list gives them.
        if let xs = x.numbers { series = series.map { $0.sorted { xs[$0.coordinates[0]] < xs[$1.coordinates[0]] } } }
        let hasMC = rows.contains { $0.mcGain != nil }
        let lambdaIsX = x.key == .student(.lambda)
        let gaps = rows.filter(\.valid).map(\.gap)
        let gapVaries = !(gaps.max() ?? 0).isApproximatelyEqual(to: gaps.min() ?? 0, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)
        let name = "\(stem)-curves", dataName = "\(stem)-curves.dat"

        var data = GnuplotText.comment("# \(stem): \(x.key) against the gains; one block per line (gnuplot index); written by cchsim \(ToolVersion.cchsim)") + "\n"
        data += "# x gain best_gain mc_gain mc_gain_ci95 cch_gap valid lambda_opt\n"
        for (s, block) in series.enumerated() {
            if s > 0 { data += "\n\n" }
            data += GnuplotText.comment("# line \(s + 1): \(seriesLabel(block.first, plain: true))") + "\n"
            for row in block {
                let v = row.valid
                let mc = v ? (row.mcGain ?? .nan) : .nan
                let ci = v ? (row.mcGainSE.map { MonteCarloEstimate.normalQuantile975 * $0 } ?? .nan) : .nan
                let fields: [Double] = [x.numbers?[row.coordinates[0]] ?? .nan, v ? row.gain : .nan, v ? row.bestGain : .nan,
                                        mc, ci, v ? row.gap : .nan]
                data += fields.map(Self.number).joined(separator: " ") + " \(v ? 1 : 0) \(Self.number(v ? row.lambdaOpt : .nan))\n"
            }
        }

        // One gap line when the gap is the same on every line (it depends on the model only).
        let gapShared = series.count == 1 || series.allSatisfy { block in
            zip(block, series[0]).allSatisfy { $0.valid == $1.valid && (!$0.valid || $0.gap.isApproximatelyEqual(to: $1.gap, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)) }
        }
        var lines = header(name: name, data: dataName, size: (1000, (gapVaries ? 1000 : 720) + 20 * count))
        var notes: [String] = []
        if !gapVaries, let gap = gaps.first {
            notes.append("CCH gap \(measure.gap) = \(PlotLabels.number(gap)) nats: CCH predicts \(gap > 0 ? "a gain" : "no gain")")
        }
        let invalid = rows.filter { !$0.valid }.count
        if invalid > 0 { notes.append("\(invalid) invalid points left out (\(invalidLegend(rows)))") }
        let analytic = measure == .risk  // a logistic student's gain is Monte Carlo only
        let source = !analytic ? "Monte Carlo" : hasMC ? "analytic and Monte Carlo" : "analytic"
        if gapVaries {
            let headline = "KD gain (\(source)) and the CCH gap along \(PlotLabels.symbol(x.key))"
            lines.append("set multiplot layout 2,1 title \(GnuplotText.string(titleText(headline, notes: notes)))")
        } else {
            lines.append("set title \(GnuplotText.string(titleText("KD gain along \(PlotLabels.symbol(x.key)) (\(source))", notes: notes)))")
        }
        lines += axisSettings(x, axis: "x", label: PlotLabels.axis(x.key), log: logarithmic(0), edges: nil)
        lines += ["set lmargin 12", "set rmargin 4"]  // both panels share the x axis position
        lines.append("set xzeroaxis lt 1 lc rgb \"#808080\"")
        lines.append("set ylabel \(GnuplotText.string(measure.curveLabel + (sweep.output.symlogGain ? ", symmetric-log scale" : "")))")
        if sweep.output.symlogGain { lines += symlogAxis(rows.filter(\.valid).flatMap { [$0.gain, $0.bestGain, $0.mcGain ?? 0] }) }
        lines += signChangeMarks(GainSignChanges(sweep: sweep, rows: rows, measure: measure, logarithmic: logarithmic(0)))
        if lambdaIsX, count == 1, let lambdaStar = series[0].first(where: \.valid)?.lambdaOpt, lambdaStar.isFinite {
            lines.append("set arrow 1 from \(Self.number(lambdaStar)), graph 0 to \(Self.number(lambdaStar)), graph 1 nohead dt 3 lc rgb \"#404040\"")
            lines.append("set label 1 \(GnuplotText.string("best weight λ* = \(PlotLabels.number(lambdaStar))")) at \(Self.number(lambdaStar)), graph 0.05 offset 0.5, 0")
        }
        // The key explains colours (one per line) and line styles (what is analytic, what is Monte Carlo).
        var key: [String] = []
        let styleColour = count == 1 ? Self.palette[0] : "black"
        if count > 1 {
            for (s, block) in series.enumerated() {
                key.append("keyentry with lines lw 2 lc rgb \"\(Self.palette[s % Self.palette.count])\" title \(GnuplotText.string(seriesLabel(block.first, plain: false)))")
            }
        }
        // The weight the gain is taken at: the x axis, each line's own (a further swept axis: its
        // colour's entry names it), or the one of the scenario.
        let scenarioLambda = lambdaIsX ? "" : swept.contains(.student(.lambda)) && count > 1 ? " at the λ of its line"
            : " at the scenario's λ = \(PlotLabels.number(sweep.first.student.lambda))"
        key.append("keyentry with lines lw 2 lc rgb \"\(styleColour)\" title \(GnuplotText.string((analytic ? "analytic gain G(λ)" : "Monte Carlo mean gain") + scenarioLambda))")
        if !lambdaIsX && analytic { key.append("keyentry with lines lw 1.5 dt 2 lc rgb \"\(styleColour)\" title \(GnuplotText.string("analytic best gain G(λ*) (λ* chosen per point)"))") }
        if hasMC {
            let trials = swept.contains(.monteCarlo(.trials)) ? "" : " (\(sweep.first.monteCarlo.trials) paired trials per point)"
            key.append("keyentry with yerrorbars pt 7 ps 0.7 lc rgb \"\(styleColour)\" title \(GnuplotText.string("Monte Carlo mean gain ± 95% interval" + trials))")
        }
        let keySetting = "set key outside below center vertical Left reverse samplen 2.5 height 1 maxrows \(key.count)"

        var plots: [String] = []
        for (s, _) in series.enumerated() {
            let colour = Self.palette[s % Self.palette.count]
            plots.append("\(GnuplotText.string(dataName)) index \(s) using 1:2 with lines lw 2 lc rgb \"\(colour)\" notitle")
            if !lambdaIsX && analytic { plots.append("\(GnuplotText.string(dataName)) index \(s) using 1:3 with lines lw 1.5 dt 2 lc rgb \"\(colour)\" notitle") }
            if hasMC { plots.append("\(GnuplotText.string(dataName)) index \(s) using 1:4:5 with yerrorbars pt 7 ps 0.7 lc rgb \"\(colour)\" notitle") }
        }
        if gapVaries {
            lines.append("unset key")
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
            if sweep.output.symlogGain { lines += ["unset nonlinear y", "set ytics autofreq", "set yrange [*:*]"] }
            lines += ["unset arrow", "unset label", "unset object", keySetting,
                      "set ylabel \(GnuplotText.string("CCH gap \(measure.gap) (nats)"))",
                      "set label 2 \(GnuplotText.string("CCH predicts a gain above 0, no gain below")) at graph 0.98, graph 0.92 right tc rgb \"#404040\""]
            var gapPlots: [String] = []
            for (s, _) in series.enumerated() where !gapShared || s == 0 {
                let colour = gapShared ? "black" : Self.palette[s % Self.palette.count]
                gapPlots.append("\(GnuplotText.string(dataName)) index \(s) using 1:6 with lines lw 2 lc rgb \"\(colour)\" notitle")
            }
            lines.append("plot " + (gapPlots + key).joined(separator: ", \\\n     "))
            lines.append("unset multiplot")
        } else {
            lines.append(keySetting)
            lines.append("plot " + (plots + key).joined(separator: ", \\\n     "))
        }
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, name: name)
    }

    /// The marks of where the gain changes sign: a dotted line and a label at each interpolated
    /// zero of G(λ), a shaded band between the two points where G(λ*) falls to or rises from 0.
    private func signChangeMarks(_ found: GainSignChanges?) -> [String] {
        guard let found else { return [] }
        var out: [String] = []
        let symbol = PlotLabels.symbol(found.key)
        for (i, c) in found.changes.enumerated() {
            let tag = 10 + i, y = 0.9 - 0.07 * Double(i % 4)
            if let x = c.crossing {
                out.append("set arrow \(tag) from \(Self.number(x)), graph 0 to \(Self.number(x)), graph 1 nohead dt 3 lw 1.5 lc rgb \"#b2182b\"")
                let what = measure == .risk ? "G(λ) = 0" : "gain = 0"
                out.append("set label \(tag) \(GnuplotText.string("\(what) at \(symbol) ≈ \(PlotLabels.number(x))")) at \(Self.number(x)), graph \(y) "
                           + "offset 0.5, 0 tc rgb \"#b2182b\" front")
            } else {
                out.append("set object \(tag) rect from \(Self.number(c.low.x)), graph 0 to \(Self.number(c.high.x)), graph 1 "
                           + "fc rgb \"#fddbc7\" fs solid 0.5 noborder behind")
                let words = c.high.gain > 0 ? "KD starts helping" : "KD stops helping (λ* = 0)"
                out.append("set label \(tag) \(GnuplotText.string("\(words) between \(symbol) = \(PlotLabels.number(c.low.x)) and \(PlotLabels.number(c.high.x))")) "
                           + "at \(Self.number(c.high.x)), graph \(y) offset 0.5, 0 tc rgb \"#67001f\" front")
            }
        }
        return out
    }

    /// A symmetric-log gain axis: sign(y) log10(1 + |y|/c), linear within c of zero, with tics at
    /// 0 and at ±c, ±10c, ... up to the largest |gain|; c is the smallest non-zero |gain| rounded
    /// down to a power of 10 (at most 8 decades below the largest), so every point stays apart from 0.
    private func symlogAxis(_ values: [Double]) -> [String] {
        let sizes = values.filter { $0.isFinite && $0 != 0 }.map(abs)
        guard let largest = sizes.max(), let smallest = sizes.min() else { return [] }
        let c = pow(10, floor(log10(max(smallest, largest / 1e8))))
        let decades = Int(ceil(log10(largest / c)))
        let tics = (1...max(decades, 1)).map { c * pow(10, Double($0)) }  // not ±c: its labels would touch 0's
        let labels = ([0] + tics + tics.map { -$0 }).map { "\"\(PlotLabels.number($0))\" \(Self.number($0))" }
        // The zero line as an arrow in data coordinates (gnuplot misplaces the zero axis of a
        // nonlinear axis).
        return ["unset xzeroaxis", "set arrow 9 from graph 0, first 0 to graph 1, first 0 nohead lc rgb \"#808080\"",
                "c_symlog = \(Self.number(c))",
                "set nonlinear y via sgn(y)*log10(1 + abs(y)/c_symlog) inverse sgn(y)*c_symlog*(10**abs(y) - 1)",
                "set ytics (" + labels.joined(separator: ", ") + ")"]
    }

    func seriesLabel(_ row: PlotRow?, plain: Bool) -> String {
        guard let row, axes.count > 1 else { return "" }
        return zip(axes.dropFirst(), row.coordinates.dropFirst()).map {
            plain ? "\($0.key) = \($0.values[$1])" : PlotLabels.setting($0.key, $0.values[$1])
        }.joined(separator: ", ")
    }
}

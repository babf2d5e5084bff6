import CCHScenario
import CrossModalKD
import Foundation
import RealModule

/// Decision reliability along the first axis: P(sign of the estimated CCH gap != sign of the true
/// gap) per estimator, with 95% binomial error bars; one line per estimator and combination of the
/// further axes.
extension PlotFigures {
    func reliability() -> FigureFile {
        let x = axes[0]
        let sizes = axes.dropFirst().map(\.values.count)
        var series = [[PlotRow]](repeating: [], count: sizes.reduce(1, *))
        for row in rows { series[flatIndex(row.coordinates.dropFirst(), sizes)].append(row) }
        if let xs = x.numbers { series = series.map { $0.sorted { xs[$0.coordinates[0]] < xs[$1.coordinates[0]] } } }
        let estimators = rows.first(where: \.valid)?.signErrors.map(\.estimator) ?? []
        let name = "\(stem)-reliability", dataName = "\(stem)-reliability.dat"

        var data = GnuplotText.comment("# \(stem): \(x.key) against P(flip) = P(sign of the estimated CCH gap differs from the true one);"
            + " one block per line (gnuplot index); written by cchsim \(ToolVersion.cchsim)") + "\n"
        data += "# x flip_probability flip_ci95 valid\n"
        let gaps = rows.filter(\.valid).map(\.gap)
        let gapShared = gaps.allSatisfy { $0.isApproximatelyEqual(to: gaps[0], absoluteTolerance: 1e-12, relativeTolerance: 1e-12) }
        var labels: [String] = []
        var block = 0
        for rowsOfLine in series {
            for (e, estimator) in estimators.enumerated() {
                if block > 0 { data += "\n\n" }
                var setting = seriesLabel(rowsOfLine.first, plain: false)
                if !gapShared, let gap = rowsOfLine.first(where: \.valid)?.gap {
                    setting += (setting.isEmpty ? "" : ", ") + "true gap \(PlotLabels.number(gap)) nats"
                }
                labels.append(Self.estimatorName(estimator, k: sweep.first.estimation.k) + (setting.isEmpty ? "" : ", \(setting)"))
                data += GnuplotText.comment("# line \(block + 1): \(estimator.rawValue) \(seriesLabel(rowsOfLine.first, plain: true))") + "\n"
                for row in rowsOfLine {
                    let v = row.valid && e < row.signErrors.count
                    let rate = v ? row.signErrors[e] : nil
                    let fields = [x.numbers?[row.coordinates[0]] ?? .nan, rate?.probability ?? .nan, rate.map { MonteCarloEstimate.normalQuantile975 * $0.standardError } ?? .nan]
                    data += fields.map(Self.number).joined(separator: " ") + " \(v ? 1 : 0)\n"
                }
                block += 1
            }
        }

        var notes: [String] = []
        if gapShared, let gap = gaps.first {
            notes.append("true CCH gap \(measure.gap) = \(PlotLabels.number(gap)) nats: CCH predicts \(gap > 0 ? "a gain" : "no gain")")
        }
        if !swept.contains(.estimation(.repeats)) { notes.append("\(sweep.first.estimation.repeats) samples per point") }
        let invalid = rows.filter { !$0.valid }.count
        if invalid > 0 { notes.append("\(invalid) invalid points left out (see \(GnuplotText.literal("invalid_reason")) in the CSV)") }
        var lines = header(name: name, data: dataName, size: (1000, 760 + 20 * labels.count))
        lines += title("How often does the estimated CCH gap get the decision wrong?", notes: notes)
        lines += axisSettings(x, axis: "x", label: PlotLabels.axis(x.key), log: logarithmic(0), edges: nil)
        lines.append("set ylabel \(GnuplotText.string("P(flip): share of samples whose estimated gap has the wrong sign"))")
        lines.append("set yrange [0:*]")
        lines.append("set key outside below center vertical Left reverse samplen 2.5 height 1")
        var plots: [String] = []
        for (b, label) in labels.enumerated() {
            let colour = Self.palette[b % Self.palette.count]
            plots.append("\(GnuplotText.string(dataName)) index \(b) using 1:2 with lines lw 2 lc rgb \"\(colour)\" notitle")
            plots.append("\(GnuplotText.string(dataName)) index \(b) using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb \"\(colour)\" "
                + "title \(GnuplotText.string(label + " (± 1.96 binomial standard errors)"))")
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n",
                          dataName: dataName, data: data, name: name)
    }

    static func estimatorName(_ e: MIEstimatorKind, k: Int) -> String {
        switch e {
        case .gaussian: "Gaussian plug-in (bias-corrected)"
        case .ksg: "KSG (k = \(k))"
        case .probe: "probe (held-out softmax bound)"
        }
    }
}

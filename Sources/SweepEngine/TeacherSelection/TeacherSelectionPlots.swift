import CCHScenario
import CrossModalKD
import Foundation

/// The figures of `cchsim teachers`: the measured KD gain (with its 95% interval) against each
/// estimator's CCH gap, one panel per estimator, coloured by whether CCH's verdict matches the
/// measured truth; and the teacher x student matrix of measured gains with CCH's verdicts marked.
/// View names reach gnuplot only inside quoted strings, with enhanced-text characters made literal.
struct TeacherSelectionPlots: FigureDrawing {
    let report: TeacherSelectionReport

    /// The file-name stem of the run's outputs (the scenario name made safe, as a sweep's).
    var stem: String { RunFiles.safeName(report.scenario.name) }
    var warnings: [String] { [] }
    var estimators: [MIEstimatorKind] { report.information.estimators }
    /// Gains in percentage points of accuracy (class label) or in MSE units (continuous).
    var gainScale: Double { report.continuous ? 1 : 100 }
    var gainLabel: String {
        report.continuous ? "measured KD gain: reduction of the test MSE (\(labelUnitsSquared))" : "measured KD gain in test accuracy (percentage points)"
    }

    /// The unit of an MSE: the label's unit squared, named by the label's header when the scenario
    /// names the column (enhanced-text characters made literal).
    private var labelUnitsSquared: String {
        if case .name(let column) = report.scenario.label.column { return GnuplotText.literal(column) + "²" }
        return "label units²"
    }

    /// The unit of the theory figure's MSE gains: the label's squared for a continuous label, the
    /// coded label's (-1/+1) for a binary one.
    private var theoryUnits: String { report.continuous ? labelUnitsSquared : "label units^2" }

    /// How each view is represented: all its columns (the components are then only a rotation),
    /// k components per view, or up to k when a view is narrower than the scenario's `components`.
    private var componentsText: String {
        let views = report.loaded.views, k = report.scenario.components
        if report.scenario.views.contains(where: { $0.components != nil }) {
            return "principal components " + views.map { "\(GnuplotText.literal($0.name)) \($0.components)" }.joined(separator: ", ")
        }
        if views.allSatisfy({ $0.components == $0.columns }) { return "every column of each view (as principal components)" }
        return views.allSatisfy({ $0.components == k }) ? "\(k) principal components per view" : "up to \(k) principal components per view"
    }

    /// Whether the run has teacher sets (then teachers are views, concatenated sets and ensembles).
    private var hasTeacherSets: Bool { report.loaded.data.teachers.count > report.loaded.data.viewCount }

    /// What the figures' pairs are, in words.
    private var pairsText: String {
        hasTeacherSets ? "every teacher (a view, a set of views concatenated, a set's ensemble) and student view" : "every ordered pair of views"
    }

    /// The figure of `kind` (`PlotPlan(teachers:)` plans which the run has); none for a kind of a sweep.
    func files(for kind: PlotKind) -> [FigureFile] {
        switch kind {
        case .gapVsGain: [scatter()]
        case .gainMatrix: [matrix()]
        case .theoryVsMeasured: [theoryFigure()]
        case .gainVsStudentRidge: studentRidgeFigure().map { [$0] } ?? []
        case .heatmap, .agreement, .curves, .scatter, .reliability, .addingHeatmap, .addingAgreement: []
        }
    }

    /// The name of the figure of `kind`: the stem and the kind (`NAME-gain-matrix`).
    func name(_ kind: PlotKind) -> String { "\(stem)-\(kind.rawValue)" }

    /// A column's value for a pair, found by role in the report's table (NaN when absent).
    private func number(_ role: ColumnRole, _ row: TeacherPairRow) -> Double { report.number(role, row) }
    private func flag(_ role: ColumnRole, _ row: TeacherPairRow) -> Bool? { report.fields.flag(role, row) }
    /// The measured gain and the half-width of its 95% interval, in plot units.
    func measuredGain(_ row: TeacherPairRow) -> (gain: Double, halfWidth: Double) {
        (gainScale * number(.measured(.gain), row), gainScale * MonteCarloEstimate.normalQuantile975 * number(.measured(.gainStandardError), row))
    }
    /// An estimator's gap with its interval (the gap itself at both ends when there is none); nil when the estimator has no gap for the pair.
    private func gap(_ e: MIEstimatorKind, _ row: TeacherPairRow) -> [Double]? {
        guard let gap = report.fields.number(.estimate(e, .gap), row) else { return nil }
        return [gap, report.fields.number(.estimate(e, .gapLow), row) ?? gap, report.fields.number(.estimate(e, .gapHigh), row) ?? gap]
    }

    func header(_ name: String, data: String, size: (Int, Int)) -> [String] {
        [
            GnuplotText.comment("# \(name).gp: written by cchsim \(ToolVersion.cchsim) (cchsim teachers) from \(report.scenario.file)."),
            "# Reads \(data); draws \(name).png. Render again with: gnuplot \(name).gp",
        ]
        + FigureTerminal(size: .screen, pixels: size).lines(name: name)
        + ["set encoding utf8", "set output outfile"]
    }

    var caption: String {
        let s = report.experiment.settings
        let teacher: String
        switch s.teacherRows {
        case .own(let n): teacher = "teacher n = \(n)"
        case .student: teacher = "teacher on the student's rows"
        }
        return "{/*0.85 \(GnuplotText.literal(report.scenario.name)): \(report.loaded.data.rows) rows, "
            + "\(componentsText); student n = \(s.studentRows), \(teacher), "
            + "λ = \(PlotLabels.number(s.lambda))" + (report.continuous ? "" : ", τ = \(PlotLabels.number(s.temperature))")
            + ", \(s.splits) splits}"
    }

    /// Gain against gap, one panel per estimator.
    func scatter() -> FigureFile {
        let name = self.name(.gapVsGain), dataName = "\(name).dat"
        let z = MonteCarloEstimate.normalQuantile975
        var data = "# \(name): one block per estimator (\(estimators.map(\.rawValue).joined(separator: ", "))), one line per ordered pair\n"
        data += "# gap gap_low gap_high gain gain_half_width agrees teacher student" + (hasTeacherSets ? " kind (0 view, 1 concatenated, 2 ensemble)" : "")
            + " (gains x \(PlotFigures.number(gainScale)))\n"
        for e in estimators {
            data += "# estimator \(e.rawValue)\n"
            for r in report.rows {
                guard let g = gap(e, r) else { continue }
                let m = measuredGain(r)
                data += (g + [m.gain, m.halfWidth]).map(PlotFigures.number).joined(separator: " ")
                    + " \(flag(.verdict(e, .agrees), r) == true ? 1 : 0) \(r.pair.teacher) \(r.pair.student)"
                    + (hasTeacherSets ? " \(TeacherCandidate.Kind.allCases.firstIndex(of: r.teacherKind) ?? 0)\n" : "\n")
            }
            data += "\n\n"
        }
        let panelWidth = 560
        // With teacher sets the key has two more entries: a taller figure with a deeper bottom margin.
        var lines = header(name, data: dataName, size: (panelWidth * estimators.count + 40, hasTeacherSets ? 780 : 640))
        lines.append("set multiplot layout 1,\(estimators.count) title \(GnuplotText.string("Measured KD gain against the estimated CCH gap, \(pairsText)\n\(caption)")) font \",13\"")
        lines += [
            "set ylabel \(GnuplotText.string(gainLabel))",
            "set grid lc rgb \"#e0e0e0\"",
            "set key outside below center horizontal",
            "set xzeroaxis lt 1 lc rgb \"#808080\"",
            "set bmargin \(hasTeacherSets ? 12 : 7)",
        ]
        let gains = report.rows.flatMap { r in
            let gain = number(.measured(.gain), r), se = number(.measured(.gainStandardError), r)
            return [gainScale * (gain - z * se), gainScale * (gain + z * se)]
        }
        let low = min(0, gains.min() ?? 0), high = max(0, gains.max() ?? 0), pad = 0.08 * Self.extent(high - low)
        lines.append("set yrange [\(PlotFigures.number(low - pad)):\(PlotFigures.number(high + pad))]")
        for (i, e) in estimators.enumerated() {
            let all = report.rows.compactMap { gap(e, $0) }.flatMap { $0 }
            let reach = Self.extent(max(abs(all.min() ?? 1), abs(all.max() ?? 1))) * 1.1
            let m = report.confusion(e)
            let right = m[0][0] + m[1][1], total = m.flatMap { $0 }.reduce(0, +)
            lines += [
                "set title \(GnuplotText.string("\(e.rawValue): CCH right for \(right) of \(total) pairs"))",
                "set xlabel \(GnuplotText.string("estimated CCH gap I(T;S) - I(S;Y) (nats)"))",
                "set xrange [\(PlotFigures.number(-reach)):\(PlotFigures.number(reach))]",
                "set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead dt 2 lw 2 lc rgb \"#404040\"",
                "plot \(GnuplotText.string(dataName)) index \(i) using 1:($6 == 1 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb \"#1a9850\" title \"CCH's verdict matches the measured truth\", \\",
                "     \(GnuplotText.string(dataName)) index \(i) using 1:($6 == 0 ? $4 : NaN):2:3:($4 - $5):($4 + $5) with xyerrorbars pt 7 ps 0.9 lc rgb \"#d73027\" title \"CCH's verdict is wrong\", \\",
            ] + (hasTeacherSets ? [
                "     \(GnuplotText.string(dataName)) index \(i) using 1:($9 == 1 ? $4 : NaN) with points pt 6 ps 1.8 lc rgb \"#202020\" title \"teacher: a set of views, concatenated\", \\",
                "     \(GnuplotText.string(dataName)) index \(i) using 1:($9 == 2 ? $4 : NaN) with points pt 4 ps 1.8 lc rgb \"#202020\" title \"teacher: a set's ensemble (mean soft targets)\", \\",
            ] : []) + [
                "     NaN with lines dt 2 lw 2 lc rgb \"#404040\" title \"CCH boundary (gap = 0)\"",
            ]
        }
        lines.append("unset multiplot")
        let note = GnuplotText.comment("# Error bars: gain +- 1.96 SE over the splits; gap: half-sample interval. Truth: \(report.truthRule)")
        return FigureFile(scriptName: "\(name).gp", script: ([note] + lines).joined(separator: "\n") + "\n", dataName: dataName, data: data, name: name)
    }

    /// The theory on the data: the fitted Gaussian theory's expected MSE gain against the gain of
    /// its own learner measured on the data (like with like, the y = x line), and for a class label
    /// a second panel against the softmax student's accuracy gain (the looser comparison: signs).
    /// Only for a binary or continuous label.
    func theoryFigure() -> FigureFile {
        let name = self.name(.theoryVsMeasured), dataName = "\(name).dat"
        let z = MonteCarloEstimate.normalQuantile975
        let coding: String
        switch report.theory.coding {
        case .binary(let negative, let positive)?: coding = "label coded \(GnuplotText.literal(negative)) = -1, \(GnuplotText.literal(positive)) = +1; "
        default: coding = ""
        }
        var data = "# \(name): one line per ordered pair\n"
        data += "# theory_gain theory_half_width linear_gain linear_half_width softmax_gain_pp softmax_half_width_pp agrees\n"
        var points: [(x: Double, y: Double, label: String)] = []
        var reach = [0.0]
        for r in report.rows {
            let theory = number(.theory(.gain), r), theoryHalf = z * number(.theory(.gainStandardError), r)
            let linear = number(.theoryLearner(.gain), r), linearHalf = z * number(.theoryLearner(.gainStandardError), r)
            let softmax = 100 * number(.measured(.gain), r), softmaxHalf = 100 * z * number(.measured(.gainStandardError), r)
            let fields = [theory, theoryHalf, linear, linearHalf, softmax, softmaxHalf]
            data += fields.map(PlotFigures.number).joined(separator: " ") + " \(flag(.theory(.agrees), r) == true ? 1 : 0)\n"
            reach += [theory - theoryHalf, theory + theoryHalf, linear - linearHalf, linear + linearHalf].filter(\.isFinite)
            points.append((theory, linear, "\(r.teacher) → \(r.student)"))
        }
        let low = reach.min() ?? 0, high = reach.max() ?? 0, pad = 0.1 * Self.extent(high - low)
        let range = "[\(PlotFigures.number(low - pad)):\(PlotFigures.number(high + pad))]"
        let panels = report.continuous ? 1 : 2
        // One panel (continuous label) is drawn as wide as two: the title and caption lines need it.
        var lines = header(name, data: dataName, size: (680 * max(panels, 2) + 40, 720))
        let method = Set(report.rows.compactMap { report.fields.text(.theory(.method), $0) }.filter { !$0.isEmpty }).sorted().joined(separator: ", ")
        lines += [
            "set multiplot layout 1,\(panels) title \(GnuplotText.string("The Gaussian theory fitted to the data against the measured KD gain, \(pairsText)\n\(caption)\n{/*0.85 theory: \(GnuplotText.literal(method)); \(coding)MSE gains in squared label units; error bars: 95% intervals (1.96 SE)}")) font \",13\"",
            "set grid lc rgb \"#e0e0e0\"",
            "set key outside below center horizontal",
            "set xzeroaxis lt 1 lc rgb \"#808080\"",
            "set yzeroaxis lt 1 lc rgb \"#808080\"",
            "set bmargin 7",
            "set xrange \(range)",
            "set xlabel \(GnuplotText.string("theory: expected test-MSE gain (\(theoryUnits))"))",
            "set title \(GnuplotText.string("Like with like: the theory's own learner (OLS, quadratic KD penalty) on the data"))",
            "set ylabel \(GnuplotText.string("measured test-MSE gain, linear learner (\(theoryUnits))"))",
            "set yrange \(range)",
        ]
        var label = 1
        if points.count <= 12 {
            for p in points where p.x.isFinite && p.y.isFinite {
                lines.append("set label \(label) \(GnuplotText.string(GnuplotText.literal(p.label))) at first \(PlotFigures.number(p.x)), first \(PlotFigures.number(p.y)) offset 1,1 font \",10\"")
                label += 1
            }
        }
        lines += [
            "plot x with lines dt 2 lw 2 lc rgb \"#404040\" title \"y = x (theory = measurement)\", \\",
            "     \(GnuplotText.string(dataName)) using 1:($7 == 1 ? $3 : NaN):($1 - $2):($1 + $2):($3 - $4):($3 + $4) with xyerrorbars pt 7 ps 1.1 lc rgb \"#1a9850\" title \"agree (difference within 1.96 joint SE)\", \\",
            "     \(GnuplotText.string(dataName)) using 1:($7 == 0 ? $3 : NaN):($1 - $2):($1 + $2):($3 - $4):($3 + $4) with xyerrorbars pt 7 ps 1.1 lc rgb \"#d73027\" title \"disagree (beyond 1.96 joint SE)\"",
        ]
        if !report.continuous {
            lines += (1..<label).map { "unset label \($0)" }
            let softmax = report.rows.flatMap { r -> [Double] in
                let g = 100 * number(.measured(.gain), r), h = 100 * z * number(.measured(.gainStandardError), r)
                return [g - h, g + h]
            }.filter(\.isFinite)
            let sLow = min(0, softmax.min() ?? 0), sHigh = max(0, softmax.max() ?? 0), sPad = 0.1 * max(sHigh - sLow, 1)
            lines += [
                "set title \(GnuplotText.string("Looser: the softmax student's accuracy gain (compare signs)"))",
                "set ylabel \(GnuplotText.string("measured accuracy gain, softmax student (percentage points)"))",
                "set yrange [\(PlotFigures.number(sLow - sPad)):\(PlotFigures.number(sHigh + sPad))]",
            ]
            if points.count <= 12 {
                for (i, r) in report.rows.enumerated() where points[i].x.isFinite {
                    lines.append("set label \(label) \(GnuplotText.string(GnuplotText.literal(points[i].label))) at first \(PlotFigures.number(points[i].x)), first \(PlotFigures.number(100 * number(.measured(.gain), r))) offset 1,1 font \",10\"")
                    label += 1
                }
            }
            lines.append("plot \(GnuplotText.string(dataName)) using 1:5:($1 - $2):($1 + $2):($5 - $6):($5 + $6) with xyerrorbars pt 7 ps 1.1 lc rgb \"#2166ac\" title \"ordered pair of views\"")
        }
        lines.append("unset multiplot")
        let note = GnuplotText.comment("# Theory: \(report.theory.methodText). Linear learner: \(TeacherSelectionTheory.agreementRule).")
        return FigureFile(scriptName: "\(name).gp", script: ([note] + lines).joined(separator: "\n") + "\n", dataName: dataName, data: data, name: name)
    }

    /// Teacher (rows) x student (columns) matrix of measured gains, with CCH's verdicts. With
    /// teacher sets the rows are every teacher (views, then each set concatenated and its
    /// ensemble), in cells lower than wide; a set's cell under a view it holds stays empty.
    func matrix() -> FigureFile {
        let name = self.name(.gainMatrix), dataName = "\(name).dat"
        let multiView = report.loaded.data
        let names = multiView.viewNames, v = names.count
        let teacherNames = multiView.teachers.indices.map(multiView.teacherName), teachers = teacherNames.count
        var data = "# \(name): student_index teacher_index gain (x \(PlotFigures.number(gainScale))); nan on the diagonal"
            + (hasTeacherSets ? " and where the teacher holds the student's view\n" : "\n")
        var values = [[Double]](repeating: [Double](repeating: .nan, count: v), count: teachers)
        // With the students' ridge swept: the first value's rows (the CSV has every value's).
        let shown = report.rows.filter { $0.studentRidge == report.scenario.studentRidges?.first }
        for r in shown { values[r.pair.teacher][r.pair.student] = gainScale * number(.measured(.gain), r) }
        for t in 0..<teachers {
            for s in 0..<v { data += "\(s) \(t) \(PlotFigures.number(values[t][s]))\n" }
            data += "\n"
        }
        let reach = Self.extent(values.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 1)
        let cell = 150, rowHeight = hasTeacherSets ? 56 : cell
        var lines = header(name, data: dataName, size: (max(1200, 170 + cell * v + 220), max(640, 200 + rowHeight * teachers)))
        let letters = estimators.map { String($0.rawValue.prefix(1)) }
        let legend = zip(estimators, letters).map { "\($1) = \($0.rawValue)" }.joined(separator: ", ")
        let ridge = report.scenario.studentRidges.map { ", student ridge \(PlotLabels.number($0[0]))" } ?? ""
        let what = hasTeacherSets ? "teacher (rows: a view, a+b: a teacher on both views, avg(a,b): the mean of their teachers' soft targets)"
                                  : "teacher view (rows)"
        lines += [
            "set title \(GnuplotText.string("Measured KD gain, \(what) to student view (columns)\(ridge)\n\(caption)\n{/*0.85 * significant gain (z > 1.96); CCH's verdicts: + predicts a gain, - predicts none (\(legend)); ✓/✗ against the measured truth}"))",
            "set xlabel \"student view\"",
            "set ylabel \(hasTeacherSets ? "\"teacher\"" : "\"teacher view\"")",
            "set cblabel \(GnuplotText.string(gainLabel))",
            "set xrange [-0.5:\(v) - 0.5]",
            "set yrange [\(teachers) - 0.5:-0.5]",
            "set xtics (" + names.enumerated().map { "\(GnuplotText.string(GnuplotText.literal($0.element))) \($0.offset)" }.joined(separator: ", ") + ")",
            "set ytics (" + teacherNames.enumerated().map { "\(GnuplotText.string(GnuplotText.literal($0.element))) \($0.offset)" }.joined(separator: ", ") + ")",
            "set cbrange [\(PlotFigures.number(-reach)):\(PlotFigures.number(reach))]",
            "set palette defined (0 \"#2166ac\", 0.5 \"#f7f7f7\", 1 \"#b2182b\")",
        ] + (hasTeacherSets ? [] : ["set size ratio -1"]) + [
            "unset key",
        ]
        var label = 1
        for r in shown {
            let t = r.pair.teacher, s = r.pair.student
            let verdicts = zip(estimators, letters).compactMap { e, l in
                flag(.verdict(e, .predictsGain), r).map { "\(l)\($0 ? "+" : "-")\(flag(.verdict(e, .agrees), r) == true ? "✓" : "✗")" }
            }.joined(separator: " ")
            let text = String(format: "%+.2f", gainScale * number(.measured(.gain), r)) + (flag(.measured(.helps), r) == true ? "*" : "") + "\n{/*0.8 \(verdicts)}"
            lines.append("set label \(label) \(GnuplotText.string(text)) at \(s), \(t) center front")
            label += 1
        }
        lines.append("plot \(GnuplotText.string(dataName)) using 1:2:3 with image")
        return FigureFile(scriptName: "\(name).gp", script: lines.joined(separator: "\n") + "\n", dataName: dataName, data: data, name: name)
    }

    /// The extent an axis or colour box gives to values spanning `width` (>= 0): the width, or one
    /// unit of the axis when there is none (every gain exactly 0: KD changed no prediction), so
    /// that the tics do not read 1e-9 of noise.
    static func extent(_ width: Double) -> Double { width > 0 ? width : 1 }
}

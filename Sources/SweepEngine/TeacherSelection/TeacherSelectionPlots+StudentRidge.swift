import CrossModalKD

extension TeacherSelectionPlots {
    /// The capacity figure of a run sweeping the students' ridge (`[experiment] student_ridge`,
    /// two or more values): per student view a panel of the measured gain (95% interval) against
    /// the student's ridge, log scale, one line per teacher (its colour the same in every panel);
    /// nil without such a sweep.
    func studentRidgeFigure() -> FigureFile? {
        guard let ridges = report.scenario.studentRidges, ridges.count >= 2 else { return nil }
        let name = self.name(.gainVsStudentRidge), dataName = "\(name).dat"
        let multiView = report.loaded.data
        var data = "# \(name): one block per (student view, teacher), one line per student ridge\n"
        data += "# student_ridge gain gain_half_width (gains x \(PlotFigures.number(gainScale)))\n"
        var panels: [(student: String, lines: [(teacher: Int, block: Int)])] = []
        var block = 0
        for s in 0..<multiView.viewCount {
            var lines: [(teacher: Int, block: Int)] = []
            for t in multiView.teachers(of: s) {
                let rows = report.rows.filter { $0.pair == ViewPair(teacher: t, student: s) }
                data += "# \(GnuplotText.comment(multiView.teacherName(t))) -> \(GnuplotText.comment(multiView.viewNames[s]))\n"
                for r in rows {
                    let m = measuredGain(r)
                    data += [r.studentRidge ?? .nan, m.gain, m.halfWidth].map(PlotFigures.number).joined(separator: " ") + "\n"
                }
                data += "\n\n"
                lines.append((t, block))
                block += 1
            }
            panels.append((multiView.viewNames[s], lines))
        }
        let columns = min(3, panels.count), panelRows = (panels.count + columns - 1) / columns
        var script = header(name, data: dataName, size: (520 * columns + 40, 460 * panelRows + 120))
        script.append("set multiplot layout \(panelRows),\(columns) title \(GnuplotText.string("Measured KD gain against the student's ridge (a larger ridge, a weaker student), per student view\n\(caption)")) font \",13\"")
        script += [
            "set logscale x",
            "set xlabel \"student's softmax ridge (L2 penalty; teachers keep theirs)\"",
            "set ylabel \(GnuplotText.string(gainLabel))",
            "set grid lc rgb \"#e0e0e0\"",
            "set xzeroaxis lt 1 lc rgb \"#808080\"",
            "set key outside right top vertical font \",8\"",
            "set xrange [\(PlotFigures.number(ridges.min() ?? 1) ) / 2:\(PlotFigures.number(ridges.max() ?? 1)) * 2]",
        ]
        for panel in panels {
            script.append("set title \(GnuplotText.string("student \(GnuplotText.literal(panel.student))"))")
            script.append("plot " + panel.lines.map { line in
                "\(GnuplotText.string(dataName)) index \(line.block) using 1:2:3 with yerrorlines lt \(line.teacher + 1) pt 7 ps 0.6 title \(GnuplotText.string(GnuplotText.literal(multiView.teacherName(line.teacher))))"
            }.joined(separator: ", \\\n     "))
        }
        script.append("unset multiplot")
        return FigureFile(scriptName: "\(name).gp", script: script.joined(separator: "\n") + "\n", dataName: dataName, data: data, name: name)
    }
}

import CCHScenario
import Foundation
import OrderedCollections

/// The figures of a run: which plot kinds it draws, written by one code path (`write`) whatever
/// the run: a sweep (kinds named in `[output] plots`, or chosen from the sweep's shape) or a
/// `cchsim teachers` run (kinds chosen from its data). Each figure is its data file and gnuplot
/// script, written atomically, and, when gnuplot is installed, its images.
///
/// A sweep's shape rules: a sweep over `model.draw` (random scenarios) gets a scatter of gain against gap; a
/// numeric first axis alone, or followed by a short second one (fewer than 5 values, at most 10
/// lines), gets curves (one line per combination of the further axes); two numeric leading axes
/// get a heatmap and an agreement map (one per combination of any further axes), and with m >= 2
/// teacher modalities also the two maps of adding modalities (`PlotQuestion.addingModality`);
/// anything else a scatter. With an `[estimation]` table, curves come with a reliability plot, and a sweep whose
/// first axis is `estimation.n` gets the reliability plot only.
struct PlotPlan {
    /// Largest number of maps (combinations of the axes after the first two) and of curves.
    static let maximumMaps = 24, maximumCurves = 10

    let kinds: [PlotKind]

    /// The figures of a `cchsim teachers` run: gain against gap and the gain matrix always, the
    /// theory on the data for a binary or continuous label (the theory has a label coding), gain
    /// against the students' ridge when two or more ridges are swept.
    init(teachers report: TeacherSelectionReport) {
        kinds = [.gapVsGain, .gainMatrix] + (report.theory.coding == nil ? [] : [.theoryVsMeasured])
            + ((report.scenario.studentRidges?.count ?? 0) >= 2 ? [.gainVsStudentRidge] : [])
    }

    /// Chooses and checks the plot kinds before anything is computed.
    /// - Throws: `PlotPlanError` naming `output.plots` when a named kind does not fit the sweep.
    init(sweep: Sweep) throws(PlotPlanError) {
        let axes = sweep.grid.axes
        func numeric(_ i: Int) -> Bool { i < axes.count && axes[i].numbers != nil && axes[i].values.count >= 2 }
        let maps = axes.dropFirst(2).reduce(1) { $0 * $1.values.count }
        let curves = axes.dropFirst(1).reduce(1) { $0 * $1.values.count }
        let estimation = sweep.hasEstimationSettings
        let teacherSets = TeacherSetFields.compares(sweep.first)
        for (index, key, log) in [(0, ScenarioKey.Output.logX, sweep.output.logX), (1, .logY, sweep.output.logY)] where log == true {
            guard index < axes.count, let xs = axes[index].numbers else {
                throw .logScaleNeedsNumericAxis(file: sweep.file, key: key, axis: index)
            }
            if let bad = xs.first(where: { !($0 > 0) }) {
                throw .logScaleNeedsPositiveValues(file: sweep.file, key: key, axis: axes[index].key, value: bad)
            }
        }
        guard let named = sweep.output.plots else {
            if axes.isEmpty {
                kinds = []
            } else if axes.contains(where: { $0.key == .model(.draw) }) {
                kinds = [.scatter]
            } else if axes[0].key == .estimation(.n) && numeric(0) && estimation && curves <= Self.maximumCurves {
                kinds = [.reliability]  // the gain does not depend on the estimation sample size
            } else if numeric(0) && (axes.count == 1 || (axes[1].values.count < 5 && curves <= Self.maximumCurves)) {
                kinds = [.curves] + (estimation ? [.reliability] : [])
            } else if numeric(0) && numeric(1) && maps <= Self.maximumMaps {
                kinds = [.heatmap, .agreement] + (teacherSets ? [.addingHeatmap, .addingAgreement] : [])
            } else {
                kinds = [.scatter]
            }
            return
        }
        for kind in named {
            func reject(_ misfit: PlotPlanError.Misfit) -> PlotPlanError { .doesNotFit(file: sweep.file, kind, misfit) }
            switch kind {
            case .heatmap, .agreement, .addingHeatmap, .addingAgreement:
                if kind.question == .addingModality, !teacherSets { throw reject(.needsTeacherSets) }
                guard numeric(0) && numeric(1) else { throw reject(.needsNumericAxes) }
                guard maps <= Self.maximumMaps else { throw reject(.tooMany(maps)) }
            case .curves:
                guard numeric(0) else { throw reject(.needsNumericAxes) }
                guard curves <= Self.maximumCurves else { throw reject(.tooMany(curves)) }
            case .scatter:
                break
            case .gapVsGain, .gainMatrix, .theoryVsMeasured, .gainVsStudentRidge:
                throw reject(.drawnByTeachers)
            case .reliability:
                guard estimation else { throw reject(.needsEstimation) }
                guard numeric(0) else { throw reject(.needsNumericAxes) }
                guard curves <= Self.maximumCurves else { throw reject(.tooMany(curves)) }
            }
        }
        kinds = named
    }

    /// Writes the data file and script of every figure `drawing` has for the planned kinds, each
    /// atomically, and renders them in each of `formats` when gnuplot is installed; `check` runs
    /// before each file (a run stops there when interrupted).
    /// - Returns: the names of the files written (in the output directory) and gnuplot's warnings.
    func write(_ drawing: some FigureDrawing, formats: [FigureFormat], into directory: OutputDirectory,
               check: () throws -> Void = {}) throws -> (files: [String], warnings: [String]) {
        guard !kinds.isEmpty else { return ([], []) }
        var drawn: [FigureFile] = []
        var written: OrderedSet<String> = []
        for kind in kinds {
            for figure in drawing.files(for: kind) {
                for (name, text) in [(figure.dataName, figure.data), (figure.scriptName, figure.script)] where !text.isEmpty {
                    try check()
                    try AtomicFile.write(text, to: directory.file(name))
                    written.append(name)
                }
                drawn.append(figure)
            }
        }
        guard let gnuplot = Gnuplot.executable else {
            return (written.elements, drawing.warnings
                + ["gnuplot is not installed: wrote the plot scripts but no images (make deps installs gnuplot-nox)"])
        }
        var warnings = drawing.warnings
        for figure in drawn {
            for format in formats {
                try check()
                let messages = try Gnuplot.render(script: figure.scriptName, image: figure.image(format), format: format,
                                                  in: directory, gnuplot: gnuplot)
                if !messages.isEmpty { warnings.append("gnuplot on \(figure.scriptName) (\(format.rawValue)): \(messages)") }
                written.append(figure.image(format))
            }
        }
        return (written.elements, warnings)
    }
}

/// What draws the figures of a finished run: the files of each plot kind, and what it could not draw.
protocol FigureDrawing {
    /// The figures of `kind` (none when the run has nothing to draw for it).
    func files(for kind: PlotKind) -> [FigureFile]
    /// Why some planned figures are not drawn, for the user.
    var warnings: [String] { get }
}

/// The figures of a finished sweep, drawn from its CSV: the rows of each question the planned
/// kinds draw, read once.
struct SweepFigures: FigureDrawing {
    private var figuresOf: [PlotQuestion: PlotFigures] = [:]
    private(set) var warnings: [String] = []

    /// Reads the rows of the finished CSV at `csv` (result columns `schema`) for the questions of
    /// `kinds`; nil when no grid point is valid (nothing to draw).
    init?(csv: String, sweep: Sweep, schema: ColumnSchema, stem: String, kinds: [PlotKind]) throws {
        for question in kinds.map(\.question) where figuresOf[question] == nil {
            let (rows, measure) = try PlotTable.read(csv: csv, grid: sweep.grid, schema: schema, question: question,
                                                     modalityNames: sweep.first.teacherModalities.map(\.name))
            guard rows.contains(where: \.valid) else {
                guard question == .kdGain else {
                    warnings.append("no grid point has a verdict on adding teacher modalities (no formula for a single or a larger set): "
                        + "no adding maps drawn")
                    continue
                }
                return nil
            }
            figuresOf[question] = PlotFigures(sweep: sweep, rows: rows, stem: stem, measure: measure)
        }
    }

    func files(for kind: PlotKind) -> [FigureFile] { figuresOf[kind.question]?.files(for: kind) ?? [] }
}

import CCHScenario
import CrossModalKD
import Foundation

/// One `cchsim teachers` run: load, estimate, measure, write.
public enum TeacherSelectionRun {
    public struct Outcome {
        public let report: TeacherSelectionReport
        /// The files written into the output directory.
        public let files: [String]
    }

    /// Loads the data of `scenario`, estimates the gaps, runs the KD experiment on `threads`
    /// workers and writes NAME.csv, the figures (when `plots`) and NAME.meta.json into `out`.
    /// - Throws: `DataFileError`, `ScenarioError` (a parameter at its key) or `RunError`, naming the
    ///   file and the reason; nothing half-written.
    public static func run(_ scenario: DataScenario, out: String, threads: Int, plots: Bool) throws -> Outcome {
        let directory = try OutputDirectory(out)
        let gnuplot = plots ? Gnuplot.executable : nil
        if plots && gnuplot == nil { throw RunError("gnuplot is not installed; install gnuplot-nox (make deps) or pass --no-plots") }
        let started = Date()
        let loaded: LoadedData
        loaded = try scenario.load()
        let loadingSeconds = Date().timeIntervalSince(started)
        for warning in loaded.warnings { FileHandle.standardError.write(Data("Warning: \(warning)\n".utf8)) }
        let information: ViewInformation
        do { information = try ViewInformation(loaded.data, settings: scenario.information) } catch {
            throw ScenarioError(file: scenario.file, computing: error)
        }
        let informationSeconds = Date().timeIntervalSince(started)
        let experimentStarted = Date()
        let learnerItems = TeacherSelectionTheory.learnerItems(loaded.data, settings: scenario.experiment)
        let experimentItems = 2 * scenario.experiment.splits * loaded.data.viewCount
        let bar = ProgressBox(ProgressBar(total: experimentItems + learnerItems))
        let experiment: DistillationExperiment
        do {
            experiment = try DistillationExperiment(loaded.data, settings: scenario.experiment, threads: threads) { done, _ in bar.bar.update(done: done) }
        } catch {
            bar.bar.finish()
            throw ScenarioError(file: scenario.file, computing: error)
        }
        let theory = TeacherSelectionTheory(loaded.data, settings: scenario.experiment, experiment: experiment, threads: threads) { done, _ in
            bar.bar.update(done: experimentItems + done)
        }
        bar.bar.finish()
        let experimentSeconds = Date().timeIntervalSince(experimentStarted)
        let continuous = loaded.data.label.classCount == nil
        let names = loaded.data.viewNames
        let rows = experiment.results.map { result in
            TeacherPairRow(pair: result.pair, teacher: names[result.pair.teacher], student: names[result.pair.student],
                           measured: DistillationGain(result, continuous: continuous),
                           teacherScore: continuous ? experiment.teacherScores[result.pair.teacher].crossEntropy
                                                    : experiment.teacherScores[result.pair.teacher].accuracy,
                           gaps: information.estimators.compactMap { e in information.gap(e, result.pair).map { (e, $0) } },
                           theory: theory.prediction(result.pair), linear: theory.learner[result.pair])
        }
        let report = TeacherSelectionReport(scenario: scenario, loaded: loaded, rows: rows,
                                            fields: TeacherSelectionFields(estimators: information.estimators),
                                            information: information, experiment: experiment, theory: theory,
                                            seconds: Date().timeIntervalSince(started), threads: threads,
                                            phaseSeconds: (loading: loadingSeconds, information: informationSeconds, experiment: experimentSeconds))
        var files: [String] = []
        let csvName = "\(scenario.name).csv"
        try AtomicFile.write(report.fields.csv(rows), to: directory.file(csvName))
        files.append(csvName)
        if let gnuplot {
            for figure in TeacherSelectionPlots(report: report).figures() {
                try AtomicFile.write(figure.data, to: directory.file(figure.dataName))
                try AtomicFile.write(figure.script, to: directory.file(figure.scriptName))
                let warnings = try Gnuplot.render(script: figure.scriptName, image: figure.image(.png), format: .png, in: directory, gnuplot: gnuplot)
                if !warnings.isEmpty { FileHandle.standardError.write(Data("gnuplot (\(figure.scriptName)): \(warnings)\n".utf8)) }
                files += [figure.dataName, figure.scriptName, figure.image(.png)]
            }
        }
        let metaName = "\(scenario.name).meta.json"
        try AtomicFile.write(report.meta(files: files + [metaName]).text, to: directory.file(metaName))
        return Outcome(report: report, files: files + [metaName])
    }

    /// The progress bar, handed to the experiment's in-order progress calls (never concurrent).
    final class ProgressBox: @unchecked Sendable {
        let bar: ProgressBar
        init(_ bar: ProgressBar) { self.bar = bar }
    }
}

import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation

extension CCHSimCommand {
    /// `cchsim teachers`: which teacher view helps which student view on real multi-view data,
    /// predicted by CCH (estimated gaps) and measured (a KD experiment).
    struct Teachers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Real multi-view data: CCH's estimated gaps against the measured KD gain, for every ordered pair of views.",
            discussion: """
                The scenario has a [data] table (views: one CSV file per modality; the label column). \
                Each view is standardised and reduced to its first k principal components (label-free, \
                on all rows). Writes NAME.csv (one row per ordered pair), NAME.meta.json, gnuplot \
                scripts and PNGs into --out, and prints the summary (docs/real-data.md).
                Example:
                  make data && cchsim teachers Scenarios/fig9-uci-multifeature.toml --out Plots
                """)

        @Argument(help: "Data scenario file (TOML with a [data] table).")
        var scenario: String

        @Option(help: "Output directory.")
        var out: String = "out"

        @Option(help: "Worker threads (default: all cores). The numbers do not depend on it.")
        var threads: Int?

        @Flag(help: "Print the summary as one JSON object.")
        var json = false

        @Flag(help: "Write no gnuplot scripts or PNGs.")
        var noPlots = false

        func validate() throws {
            if let threads { guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") } }
        }

        mutating func run() throws {
            let outcome = try TeacherSelectionRun.run(scenarioPath: scenario, out: out,
                                                      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                                      plots: !noPlots)
            print(json ? outcome.report.json : outcome.report.text)
        }
    }
}

/// One `cchsim teachers` run: load, estimate, measure, write.
enum TeacherSelectionRun {
    struct Outcome {
        let report: TeacherSelectionReport
        let files: [String]
    }

    static func loadScenario(_ path: String) throws -> DataScenario {
        let text = try ScenarioLoading.readText(path)
        do { return try DataScenario(file: path, text: text) } catch { throw CLIError(error.description) }
    }

    static func run(scenarioPath: String, out: String, threads: Int, plots: Bool) throws -> Outcome {
        let scenario = try loadScenario(scenarioPath)
        let directory = try OutputDirectory(out)
        let gnuplot = plots ? Gnuplot.executable : nil
        if plots && gnuplot == nil { throw CLIError("gnuplot is not installed; install gnuplot-nox (make deps) or pass --no-plots") }
        let started = Date()
        let loaded: LoadedData
        do { loaded = try scenario.load() } catch { throw CLIError(error.description) }
        for warning in loaded.warnings { FileHandle.standardError.write(Data("Warning: \(warning)\n".utf8)) }
        let information: ViewInformation
        do { information = try ViewInformation(loaded.data, settings: scenario.information) } catch {
            throw CLIError("\(scenario.file): \(error.description)")
        }
        let bar = ProgressBox(ProgressBar(total: 2 * scenario.experiment.splits * loaded.data.viewCount))
        let experiment: DistillationExperiment
        do {
            experiment = try DistillationExperiment(loaded.data, settings: scenario.experiment, threads: threads) { done, _ in bar.bar.update(done: done) }
        } catch {
            bar.bar.finish()
            throw CLIError("\(scenario.file): \(error.description)")
        }
        bar.bar.finish()
        let continuous = loaded.data.label.classCount == nil
        let names = loaded.data.viewNames
        let rows = experiment.results.map { result in
            TeacherPairRow(teacher: names[result.pair.teacher], student: names[result.pair.student],
                           measured: DistillationGain(result, continuous: continuous),
                           teacherScore: continuous ? experiment.teacherScores[result.pair.teacher].crossEntropy
                                                    : experiment.teacherScores[result.pair.teacher].accuracy,
                           gaps: information.estimators.compactMap { e in information.gap(e, result.pair).map { (e, $0) } })
        }
        let report = TeacherSelectionReport(scenario: scenario, loaded: loaded, rows: rows,
                                            columns: TeacherSelectionColumns(estimators: information.estimators),
                                            information: information, experiment: experiment,
                                            seconds: Date().timeIntervalSince(started))
        var files: [String] = []
        let csvName = "\(scenario.name).csv"
        try AtomicFile.write(report.columns.csv(rows), to: directory.file(csvName))
        files.append(csvName)
        if let gnuplot {
            for figure in TeacherSelectionPlots(report: report).figures() {
                try AtomicFile.write(figure.data, to: directory.file(figure.dataName))
                try AtomicFile.write(figure.script, to: directory.file(figure.scriptName))
                let warnings = try Gnuplot.render(script: figure.scriptName, png: figure.pngName, in: directory, gnuplot: gnuplot)
                if !warnings.isEmpty { FileHandle.standardError.write(Data("gnuplot (\(figure.scriptName)): \(warnings)\n".utf8)) }
                files += [figure.dataName, figure.scriptName, figure.pngName]
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

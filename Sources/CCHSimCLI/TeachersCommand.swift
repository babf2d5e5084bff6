import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

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
                scripts and PNGs into --out, and prints the summary (docs/real-data.md). Ctrl-C stops \
                at the next work item; --resume continues an interrupted or killed run from its checkpoint.
                Example:
                  make data && cchsim teachers Scenarios/fig9-uci-multifeature.toml --out Plots
                """)

        @OptionGroup var file: ScenarioFileArgument

        @OptionGroup var output: OutputDirectoryOption

        @OptionGroup var threadsOption: ThreadsOption<Self>

        @OptionGroup var set: OverrideOption

        @OptionGroup var jsonOption: JSONOption

        @Flag(help: "Write no gnuplot scripts or PNGs.")
        var noPlots = false

        @Flag(help: "Continue an interrupted or killed run from its checkpoint instead of starting afresh.")
        var resume = false

        mutating func run() throws {
            let text = try ScenarioLoading.readText(file.scenario)
            let loaded = try ScenarioLoading.loadData(file.scenario, text: text, overrides: set.overrides)
            // The checkpoint belongs to the file's text with the overrides written into it.
            let identity = ([text] + set.overrides.map { "--set \($0)" }).joined(separator: "\n")
            let outcome = try Self.run(loaded, text: identity, out: output.directory,
                                       threads: threadsOption.threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                       plots: !noPlots, resume: resume)
            try StandardOutput.line(jsonOption.json ? outcome.report.json : set.annotated(outcome.report.text, over: file.scenario))
        }

        /// `TeacherSelectionRun.run`, with an interruption ending the process as `run`'s does: the
        /// message on stderr and exit code 130.
        static func run(_ scenario: DataScenario, text: String, out: String, threads: Int, plots: Bool,
                        resume: Bool) throws -> TeacherSelectionRun.Outcome {
            do { return try TeacherSelectionRun.run(scenario, text: text, out: out, threads: threads, plots: plots, resume: resume) } catch let stop as RunInterrupted {
                FileHandle.standardError.write(Data("\(stop.description)\n".utf8))
                throw ExitCode(130)
            }
        }
    }
}


extension CCHSimCommand.Teachers: ThreadsUse {
    static let work = "Worker threads of every phase: the information estimates (over quantities and half-samples), the KD experiment (over splits and views) and the theory"
    static let fallback = "all cores"
}

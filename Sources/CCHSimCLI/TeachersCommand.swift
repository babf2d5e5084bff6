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
                scripts and PNGs into --out, and prints the summary (docs/real-data.md).
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

        mutating func run() throws {
            let loaded = try ScenarioLoading.loadData(file.scenario, overrides: set.overrides)
            let outcome = try TeacherSelectionRun.run(loaded, out: output.directory,
                                                      threads: threadsOption.threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                                      plots: !noPlots)
            try StandardOutput.line(jsonOption.json ? outcome.report.json : set.annotated(outcome.report.text, over: file.scenario))
        }
    }
}


extension CCHSimCommand.Teachers: ThreadsUse {
    static let work = "Worker threads of the KD experiment (over splits and views)"
    static let fallback = "all cores"
}

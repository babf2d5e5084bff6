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
            let text = try ScenarioLoading.readText(scenario)
            let loaded: DataScenario
            do { loaded = try DataScenario(file: scenario, text: text) } catch { throw CLIError(error.description) }
            let outcome = try TeacherSelectionRun.run(loaded, out: out,
                                                      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                                      plots: !noPlots)
            print(json ? outcome.report.json : outcome.report.text)
        }
    }
}


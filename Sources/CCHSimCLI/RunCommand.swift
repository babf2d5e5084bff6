import ArgumentParser
import CCHScenario
import Foundation
import SweepEngine

extension CCHSimCommand {
    /// `cchsim run`: a sweep into CSV, metadata and plots.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute every point of a scenario's [sweep] into NAME.csv, NAME.meta.json and plots.",
            discussion: """
                Writes DIR/NAME.csv (one row per grid point: point, the swept parameters, valid, the analyze \
                keys, the Monte Carlo keys when the scenario has [monte_carlo], invalid_reason), DIR/NAME.meta.json \
                and gnuplot scripts DIR/NAME-*.gp with their data (PNGs when gnuplot is installed), then prints a \
                summary. Outputs are written atomically. Ctrl-C stops at the next checkpoint without writing \
                output; --resume finishes the run. --shard i/N computes the points p with p mod N = i-1 into \
                DIR/NAME.shard-i-of-N.csv; `cchsim merge` joins the shards.
                """)

        @OptionGroup var file: ScenarioFileArgument

        @OptionGroup var output: OutputDirectoryOption

        @OptionGroup var threadsOption: ThreadsOption<Self>

        @Option(parsing: .unconditional, help: "Compute shard i of N (points p with p mod N = i - 1), e.g. 2/8.",
                transform: { text in
                    do { return try Shard(parsing: text) } catch { throw ValidationError("\(error)") }
                })
        var shard: Shard?

        @Flag(help: "Finish an interrupted run from its checkpoint instead of starting afresh.")
        var resume = false

        @Flag(name: .customLong("no-plots"), help: "Write no gnuplot scripts or PNGs.")
        var noPlots = false

        @OptionGroup var formatsOption: FormatsOption

        @OptionGroup var set: OverrideOption

        mutating func run() throws {
            var options = RunOptions()
            options.outDirectory = output.directory
            if let threads = threadsOption.threads { options.threads = threads }
            if let shard { options.shard = shard }
            options.resume = resume
            options.plots = !noPlots
            options.formats = try formatsOption.list
            let outcome = try SweepCommandSupport.run(scenarioPath: file.scenario, options: options, overrides: set.overrides)
            try StandardOutput.line(set.annotated(SweepCommandSupport.report(outcome), over: file.scenario))
        }
    }
}

/// The parts of `run`, `merge` and `figures` that are not argument parsing.
enum SweepCommandSupport {
    /// Loads the scenario file and runs its sweep. - Throws: `ScenarioError`, the engine's errors (`CheckpointError`, `OutputError`, ...), or `ExitCode(130)` after
    /// printing the resume hint when interrupted.
    ///
    /// With `overrides` (`--set`), the scenario run and recorded (meta.json, the checkpoint that
    /// `--resume` checks, the text `merge` decodes) is the file with them written in: its TOML text
    /// (`ScenarioDocument.tomlText`) after a comment naming the file and the overrides.
    static func run(scenarioPath: String, options: RunOptions, overrides: [ScenarioOverride] = []) throws -> RunOutcome {
        var text = try ScenarioLoading.readText(scenarioPath)
        let sweep: Sweep
        if overrides.isEmpty {
            sweep = try Sweep(file: scenarioPath, text: text)
        } else {
            let document = try ScenarioDocument(file: scenarioPath, text: text).applying(overrides)
            do { sweep = try Sweep(document: document) } catch { throw ScenarioOverride.relabel(error, overrides) }
            text = "# \(EchoedInput.escaped(scenarioPath)) with " + overrides.map { "--set \($0)" }.joined(separator: ", ") + " (written by cchsim)\n"
                + document.tomlText
        }
        let runner = try SweepRunner(sweep: sweep, text: text, options: options, evaluators: SweepEvaluators.for(sweep))
        do { return try runner.run() } catch let stop as RunInterrupted {
            FileHandle.standardError.write(Data("\(stop.description)\n".utf8))
            throw ExitCode(130)
        }
    }

    /// The lines printed after a run or a merge (plot warnings go to stderr).
    static func report(_ outcome: RunOutcome) -> String {
        for warning in outcome.plotWarnings {
            FileHandle.standardError.write(Data("\(EchoedInput.escaped(warning, keepingNewlines: true))\n".utf8))
        }
        var lines = [outcome.summary.text()] + (outcome.signChanges.map { [$0.text()] } ?? [])
            + ["Wrote \(outcome.csvPath)", "Wrote \(outcome.metaPath)"]
        lines += outcome.plotFiles.map { "Wrote \($0)" }
        return ReportText.join(lines)
    }
}

extension CCHSimCommand.Run: ThreadsUse {
    static let work = "Worker threads over the grid points (one point's Monte Carlo per thread; [monte_carlo] threads is not used)"
    static let fallback = "all cores"
}

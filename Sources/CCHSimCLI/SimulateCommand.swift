import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

extension CCHSimCommand {
    /// `cchsim simulate`: the Monte Carlo KD experiment for one scenario, beside the analytic answer.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Monte Carlo KD experiment for one scenario (GSL), checked against the analytic risk.",
            discussion: """
                Runs paired trials (the student fitted without and with KD on the same sample) as set by \
                the scenario's [monte_carlo] section, and prints mean, standard error and 95% interval of \
                the risks, the KD gain and the sign-label accuracies beside the analytic values, with the \
                z-score of the gain. Same scenario and seed give the same numbers for any --threads.
                Example: cchsim simulate Scenarios/example.toml --trials 20000 --json
                """)

        @OptionGroup var file: ScenarioFileArgument
        @OptionGroup var trialsOption: TrialsOption
        @OptionGroup var threadsOption: ThreadsOption<Self>

        @Option(help: "Sampler (default: the scenario's [monte_carlo] sampler).")
        var sampler: MonteCarloSampler?

        @OptionGroup var set: OverrideOption
        @OptionGroup var output: JSONOption

        mutating func run() throws {
            let loaded = try ScenarioLoading.load(file.scenario, overrides: set.overrides)
            var settings = loaded.monteCarlo
            if let trials = trialsOption.trials { settings.trials = trials }
            if let sampler { settings.sampler = sampler }
            let threadCount = threadsOption.threads ?? settings.threads ?? ProcessInfo.processInfo.activeProcessorCount
            let start = DispatchTime.now().uptimeNanoseconds
            let experiment = try MonteCarloExperiment(of: loaded, settings: settings)
            let summary = try experiment.run(of: loaded, threads: threadCount)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            try StandardOutput.line(output.json ? JSONText.object(ScenarioFields.identity(loaded) + set.fields + SimulationFields.analysis(of: experiment)
                                             + SimulationFields.of(summary))
                       : set.annotated(SimulationReport.text(scenario: loaded, experiment: experiment, summary: summary,
                                                             threads: threadCount, seconds: seconds), over: loaded.file))
        }
    }
}

extension CCHSimCommand.Simulate: ThreadsUse {
    static let work = "Worker threads over the trials"
    static let fallback = "the scenario's [monte_carlo] threads, else all cores"
}

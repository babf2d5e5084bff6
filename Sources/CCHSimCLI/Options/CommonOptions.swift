import ArgumentParser
import CrossModalKD

// Options shared by several commands, pulled in with `@OptionGroup`: each option is declared,
// documented and checked once, so the same option gets the same check (and the same exit code 64
// with a usage message) in every command.

/// The scenario file argument.
struct ScenarioFileArgument: ParsableArguments {
    @Argument(help: "Scenario file (TOML); every key is listed in docs/scenarios.md.")
    var scenario: String
}

/// `--threads`: worker threads. Results never depend on it.
struct ThreadsOption: ParsableArguments {
    @Option(help: "Worker threads, at least 1 (default: the scenario's setting, else all cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }
}

/// `--json`: one JSON object instead of the report.
struct JSONOption: ParsableArguments {
    @Flag(help: "Print one JSON object instead of the report (keys: docs/output.md).")
    var json = false
}

/// `--seed`: a 64-bit unsigned seed.
struct SeedOption: ParsableArguments {
    @Option(help: "Seed, 0 to 18446744073709551615 (default: the scenario's seed).")
    var seed: UInt64?
}

/// `--trials`: paired Monte Carlo trials.
struct TrialsOption: ParsableArguments {
    @Option(help: "Paired trials, 2 to 1000000000 (default: the scenario's [monte_carlo] trials).")
    var trials: Int?

    func validate() throws {
        if let trials, !(2...MonteCarloSettings.maximumTrials).contains(trials) {
            throw ValidationError("--trials must lie between 2 and \(MonteCarloSettings.maximumTrials), got \(trials)")
        }
    }
}

extension MonteCarloSampler: ExpressibleByArgument {}

import ArgumentParser
import CrossModalKD

// Options shared by several commands (with `ThreadsOption` and `FormatsOption`), pulled in with `@OptionGroup`: each option is declared,
// documented and checked once, so the same option gets the same check (and the same exit code 64
// with a usage message) in every command.

/// The scenario file argument.
struct ScenarioFileArgument: ParsableArguments {
    @Argument(help: "Scenario file (TOML); every key is listed in docs/scenarios.md.")
    var scenario: String
}

/// `--json`: one JSON object instead of the report.
struct JSONOption: ParsableArguments {
    @Flag(help: "Print one JSON object instead of the report (keys: docs/output.md).")
    var json = false
}

/// `--seed`: a 64-bit unsigned seed.
struct SeedOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seed, 0 to 18446744073709551615 (default: the scenario's seed).")
    var seed: UInt64?
}

/// `--trials`: paired Monte Carlo trials.
struct TrialsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Paired trials, 2 to \(SizeLimits.maximumTrials) (default: the scenario's [monte_carlo] trials).")
    var trials: Int?

    func validate() throws {
        try OptionLimits.check(trials, "--trials", minimum: 2, maximum: SizeLimits.maximumTrials)
    }
}

extension MonteCarloSampler: ExpressibleByArgument {}

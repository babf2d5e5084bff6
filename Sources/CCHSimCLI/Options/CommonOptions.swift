import ArgumentParser
import CrossModalKD

// Options shared by several commands (with `ThreadsOption` and `FormatsOption`), pulled in with `@OptionGroup`: each option is declared,
// documented and checked once, so the same option gets the same check (and the same exit code 64
// with a usage message) in every command.

/// The scenario file argument (the shells complete `.toml` files and directories).
struct ScenarioFileArgument: ParsableArguments {
    @Argument(help: "Scenario file (TOML); every key is listed in docs/scenarios.md.", completion: .scenarioFile)
    var scenario: String
}

/// `--out DIR` of every command that writes files into a directory: the current directory unless
/// given, the same for all of them (`make figures` passes `--out Plots`).
struct OutputDirectoryOption: ParsableArguments {
    @Option(help: "Output directory, created when missing (default: the current directory).", completion: .directory)
    var out: String?

    /// The directory given, else the current one.
    var directory: String { out ?? "." }
}

extension CompletionKind {
    /// Scenario files: `.toml` files (and directories, to descend into).
    static var scenarioFile: CompletionKind { .file(extensions: ["toml"]) }
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
extension TeacherTarget: ExpressibleByArgument {}

import ArgumentParser
import CCHScenario
import CrossModalKD
import SweepEngine

// Options shared by several commands (with `ThreadsOption` and `FormatsOption`), pulled in with `@OptionGroup`: each option is declared,
// documented and checked once, so the same option gets the same check (and the same exit code 64
// with a usage message) in every command.

/// The scenario file argument (the shells complete `.toml` files and directories).
struct ScenarioFileArgument: ParsableArguments {
    @Argument(help: "Scenario file (TOML); every key is listed in docs/scenarios.md.", completion: .scenarioFile)
    var scenario: String
}

/// `--set KEY=VALUE`, repeatable: scenario keys overridden without editing the file, written into
/// the parsed document before decoding (`ScenarioOverride`), so typed and checked as in the file.
struct OverrideOption: ParsableArguments {
    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Override a scenario key, typed and checked as in the file (repeatable), e.g. --set \(ScenarioKey.student(.lambda))=0.3.",
                               valueName: "key=value"),
            transform: { text in
                do { return try ScenarioOverride(parsing: text) } catch { throw ValidationError("\(error)") }
            })
    var overrides: [ScenarioOverride] = []

    /// "With --set A=1, --set B=2 over FILE" before a report, nil without overrides.
    func note(over file: String) -> String? {
        overrides.isEmpty ? nil : "With " + overrides.map { "--set \($0)" }.joined(separator: ", ") + " over \(file)"
    }

    /// The report with the note on its first line.
    func annotated(_ report: String, over file: String) -> String {
        note(over: file).map { $0 + "\n" + report } ?? report
    }

    /// The JSON field naming the overrides (none without them).
    var fields: ReportFields {
        overrides.isEmpty ? [] : [("overrides", .text(overrides.map(\.description).joined(separator: ", ")))]
    }
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

import ArgumentParser
import CCHScenario
import Foundation
import SweepEngine

/// The `cchsim` command: a theory simulator for cross-modal knowledge distillation in the joint
/// Gaussian model.
public struct CCHSimCommand: ParsableCommand {
    public static let version = ToolVersion.cchsim

    public static let configuration = CommandConfiguration(
        commandName: "cchsim",
        abstract: "Test the Cross-modal Complementarity Hypothesis (CCH) of knowledge distillation in the joint Gaussian model.",
        discussion: """
            CCH (arXiv 2510.13182): KD from a teacher modality T helps a student modality S when \
            I(T;S) > I(S;Y). cchsim computes the mutual informations in closed form, the exact or \
            asymptotic expected risk of a linear student trained with a KD penalty, and says whether \
            KD really helps. Scenario files (TOML): docs/scenarios.md; outputs: docs/output.md; theory: docs/theory.md.
            """,
        version: version,
        subcommands: [Analyze.self, Simulate.self, Run.self, Merge.self, Figures.self, EstimateMI.self, Reliability.self, Classify.self, Teachers.self, Fit.self]
    )

    public init() {}

    /// Runs the command line as `main` does (every error with its control characters escaped:
    /// `printEscaped`), after refusing a mistyped subcommand with the nearest
    /// one (`cchsim analyse`: "did you mean analyze?"), a usage error (exit 64) like the parser's
    /// own "Did you mean '--trials'?" for a mistyped option.
    public static func start(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        if let typed = arguments.first, !typed.hasPrefix("-"), !names.contains(typed),
           let near = NearestName.suggestion(for: typed, among: names) {
            exit(withError: ValidationError("unknown subcommand \(EchoedInput.quoted(typed)) (did you mean \(near)?)"))
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            printEscaped(error)
        }
    }

    /// Prints `error` as `exit(withError:)` does (its message, the usage line, exit 64 for a usage
    /// error) with every control character the input put there escaped (`EchoedInput.escaped`,
    /// newlines kept as the message's own line breaks), whatever error type carries it and whether
    /// the parser wrote it (quoting an option's value) or cchsim did, so that a file name, a TOML
    /// key, a CSV cell or an argument cannot drive the terminal. Help and version pass unchanged.
    private static func printEscaped(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        if code.isSuccess { exit(withError: error) }  // --help, --version: to standard output
        let message = EchoedInput.escaped(fullMessage(for: error), keepingNewlines: true)
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        Foundation.exit(code.rawValue)
    }
}

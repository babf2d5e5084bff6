import ArgumentParser
@testable import CCHSimCLI
import CCHTestSupport
import Testing

/// The full `--help` text of every command, compared with its snapshot file (as
/// swift-argument-parser's own MathExampleTests compare literal help texts), so that a stale
/// option, default or document reference in a help text fails a test. Rendered in-process at a
/// fixed width so the text does not depend on the terminal. The snapshots are
/// `Snapshots/help-NAME.txt` (`help-cchsim.txt` for the root command), one per command that
/// `cchsim --help` lists, so a new subcommand needs its snapshot recorded (`make snapshots`,
/// docs/testing.md); `RepositoryReferenceTests` checks that the docs pages they cite exist.
struct HelpTextTests {
    /// The column width the help is rendered at.
    static let columns = 100

    /// The root command and every subcommand `cchsim --help` lists.
    static let commands: [ParsableCommand.Type] = [CCHSimCommand.self] + CCHSimCommand.configuration.subcommands

    /// Their names (the snapshot of `cchsim NAME --help` is `help-NAME.txt`).
    static let names = commands.map { $0._commandName }

    @Test(arguments: names) func helpIsItsSnapshot(_ name: String) throws {
        let command = try #require(Self.commands.first { $0._commandName == name })
        assertSnapshot(CCHSimCommand.helpMessage(for: command, columns: Self.columns), named: "help-\(name).txt")
    }

    /// No help snapshot outlives its command: every `help-NAME.txt` is a command's.
    @Test func everyHelpSnapshotIsACommand() {
        let recorded = snapshotNames().filter { $0.hasPrefix("help-") }
        #expect(Set(recorded) == Set(Self.names.map { "help-\($0).txt" }), "\(recorded) against \(Self.names)")
    }
}

import ArgumentParser
import CCHScenario

/// An error as cchsim prints it: its message with every control character the input put there
/// escaped (`EchoedInput.escaped`, newlines kept as the message's own line breaks), whatever
/// error type carries it, so that a file name, a TOML key or a CSV cell cannot drive the terminal.
/// Errors that only steer the parser (help, version, exit codes) and the parser's own errors (which
/// quote arguments the shell already showed the user) pass through.
struct EscapedError: Error, CustomStringConvertible {
    let description: String

    /// `error` with an escaped message, the same kind of exit (a usage error stays exit 64).
    static func of(_ error: any Error) -> any Error {
        switch error {
        case let usage as ValidationError:
            return ValidationError(EchoedInput.escaped(usage.message, keepingNewlines: true))
        case is ExitCode, is CleanExit:
            return error
        case let described as CustomStringConvertible:  // the parser's own errors are not: they pass
            return EscapedError(description: EchoedInput.escaped(described.description, keepingNewlines: true))
        default:
            return error
        }
    }
}

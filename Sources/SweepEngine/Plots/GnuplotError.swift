/// Why gnuplot drew no figure: it is not installed, or it failed on a script (its own messages
/// kept as it printed them).
public enum GnuplotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No gnuplot on PATH; `plotsOptional`: the command can run without its plots (`--no-plots`).
    case notInstalled(plotsOptional: Bool)
    /// gnuplot exited with an error on the script at `script`, printing `messages`.
    case failed(script: String, messages: String)

    public var description: String {
        switch self {
        case .notInstalled(plotsOptional: true): "gnuplot is not installed; install gnuplot-nox (make deps) or pass --no-plots"
        case .notInstalled(plotsOptional: false): "gnuplot is not installed; the figures need it (make deps installs gnuplot-nox)"
        case .failed(let script, let messages): "gnuplot failed on \(script):\n\(messages)"
        }
    }
}

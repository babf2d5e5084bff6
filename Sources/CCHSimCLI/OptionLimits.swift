import ArgumentParser
import CrossModalKD

/// Command-line counts checked against `SizeLimits` before any work: a value out of range is a
/// usage error (exit 64) naming the option, the bound and the value. Counts whose ceiling depends
/// on the scenario (rows held in memory) are checked by `Scenario.checkHeldRows` once it is loaded.
enum OptionLimits {
    /// Throws unless `value` (when given) lies in minimum...maximum.
    static func check(_ value: Int?, _ option: String, minimum: Int, maximum: Int) throws(ValidationError) {
        guard let value else { return }
        guard value >= minimum else { throw ValidationError("\(option) must be at least \(minimum), got \(value)") }
        if let reason = SizeLimits.excess(value, limit: maximum) { throw ValidationError("\(option) \(reason)") }
    }
}

/// What `--threads` means to one command: what the threads work on and the default, for its help.
protocol ThreadsUse {
    /// E.g. "Worker threads over the grid points" (the range and the reproducibility note follow).
    static var work: String { get }
    /// E.g. "all cores".
    static var fallback: String { get }
}

/// `--threads`, shared by `simulate`, `run`, `figures` and `teachers`, each with a help text true
/// for it (`Use`). Parsed unconditionally, so that `--threads -1` reaches the range check instead
/// of being taken for an option.
struct ThreadsOption<Use: ThreadsUse>: ParsableArguments {
    @Option(parsing: .unconditional,
            help: "\(Use.work), 1 to \(SizeLimits.maximumThreads) (default: \(Use.fallback)). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        try OptionLimits.check(threads, "--threads", minimum: 1, maximum: SizeLimits.maximumThreads)
    }
}

import ArgumentParser
import CrossModalKD

/// Command-line counts checked against `SizeLimits` before any work: a value out of range is a
/// usage error (exit 64) naming the option, the bound and the value. Counts whose ceiling depends
/// on the scenario (rows held in memory) are checked by `Scenario.checkHeldRows` once it is loaded.
enum OptionLimits {
    /// Throws unless `value` (when given) lies in minimum...maximum.
    static func check(_ value: Int?, _ option: String, minimum: Int, maximum: Int) throws {
        guard let value else { return }
        guard value >= minimum else { throw ValidationError("\(option) must be at least \(minimum), got \(value)") }
        if let reason = SizeLimits.excess(value, limit: maximum) { throw ValidationError("\(option) \(reason)") }
    }
}

/// `--threads`, shared by `simulate`, `run` and `figures`. Parsed unconditionally, so that
/// `--threads -1` reaches the range check instead of being taken for an option.
struct ThreadsOption: ParsableArguments {
    @Option(parsing: .unconditional,
            help: "Worker threads, 1 to \(SizeLimits.maximumThreads) (default: all cores; for simulate the scenario's [monte_carlo] threads first). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        try OptionLimits.check(threads, "--threads", minimum: 1, maximum: SizeLimits.maximumThreads)
    }
}

import CCHScenario
import CrossModalKD
import SweepEngine

/// Reading scenario files from disk for the commands.
enum ScenarioLoading {
    /// The scenario at `path`. - Throws: `FileError` or `ScenarioError`, naming the file and the reason.
    static func load(_ path: String) throws -> Scenario {
        try Scenario(file: path, text: try readText(path))
    }

    /// The scenario at `path` with `overrides` written in before decoding; an error at an
    /// overridden key names it as set by `--set`.
    static func load(_ path: String, overrides: [ScenarioOverride]) throws -> Scenario {
        let document = try ScenarioDocument(file: path, text: try readText(path)).applying(overrides)
        do { return try Scenario(document: document) } catch { throw ScenarioOverride.relabel(error, overrides) }
    }

    /// The data scenario of `path`, whose file holds `text`, with `overrides` written in, as `load`
    /// does for a model scenario.
    static func loadData(_ path: String, text: String, overrides: [ScenarioOverride]) throws -> DataScenario {
        let document = try ScenarioDocument(file: path, text: text).applying(overrides)
        do { return try DataScenario(document: document) } catch { throw ScenarioOverride.relabel(error, overrides) }
    }

    /// The UTF-8 text of a regular file. - Throws: `FileError` saying why it cannot be read, in
    /// words (a symlink loop, a file name followed by a slash, permission denied), and refusing what
    /// is not a regular file (a directory, /dev/null, a FIFO, which would block) before opening it.
    static func readText(_ path: String) throws(FileError) -> String { try InputFile.text(path) }
}

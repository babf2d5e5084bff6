import CCHScenario
import CrossModalKD
import SweepEngine

/// Reading scenario files from disk for the commands.
enum ScenarioLoading {
    /// The scenario at `path`. - Throws: `FileError` or `ScenarioError`, naming the file and the reason.
    static func load(_ path: String) throws -> Scenario {
        try Scenario(file: path, text: try readText(path))
    }

    /// The UTF-8 text of a regular file. - Throws: `FileError` saying why it cannot be read, in
    /// words (a symlink loop, a file name followed by a slash, permission denied), and refusing what
    /// is not a regular file (a directory, /dev/null, a FIFO, which would block) before opening it.
    static func readText(_ path: String) throws(FileError) -> String { try InputFile.text(path) }
}

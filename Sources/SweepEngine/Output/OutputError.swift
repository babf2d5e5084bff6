import SystemPackage

/// Why cchsim cannot write an output where it was asked to: another process is writing the same
/// outputs, a file path (`--out`) that names an input, a directory or a place that cannot take a
/// file, or a standard output that refuses the report. The system's reasons are worded by
/// `Errno.words(expecting:)`, the messages here once.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The outputs named `stem` (at `outputs`, the directory's path of the stem) are claimed by
    /// another cchsim process, `holder` (its pid, host and start, as it recorded them).
    case claimed(outputs: String, stem: String, holder: String)
    /// The file `path` cannot be written, for `obstacle`.
    case cannotWrite(path: String, Obstacle)
    /// Standard output refused a write with `code`; nil when the system gave no reason.
    case standardOutput(Errno?)

    /// What stands in the way of writing a file.
    public enum Obstacle: Equatable, Sendable {
        /// The path names the input file `input` (the same file, by device and inode).
        case isInput(String)
        /// The path names a directory.
        case isDirectory
        /// The parent directory `directory` does not exist.
        case noDirectory(String)
        /// The parent directory `directory` cannot be looked at (`code`).
        case directoryUnusable(String, Errno)
        /// The parent `directory` is not a directory.
        case notADirectory(String)
        /// The parent directory `directory` refuses new files (`code`).
        case directoryNotWritable(String, Errno)
    }

    public var description: String {
        switch self {
        case .claimed(let outputs, let stem, let holder):
            "\(outputs): the outputs of \(stem) are being written by another cchsim process (\(holder)); wait for it to finish, "
                + "or write elsewhere with --out. The claim ends when that process ends."
        case .cannotWrite(let path, let obstacle):
            "cannot write \(path): " + obstacle.words
        case .standardOutput(let code):
            "cannot write to standard output: " + (code?.words() ?? "write failed")
        }
    }
}

extension OutputError.Obstacle {
    /// The obstacle in words, with what to do where the command line can change it.
    var words: String {
        switch self {
        case .isInput(let input): "it is the input file \(input); give another --out"
        case .isDirectory: "it is a directory; give a file name (--out DIR/NAME.toml)"
        case .noDirectory(let directory): "the directory \(directory) does not exist"
        case .directoryUnusable(let directory, let code): "\(directory): \(code.words(expecting: .directory))"
        case .notADirectory(let directory): "\(directory) is not a directory"
        case .directoryNotWritable(let directory, let code): "the directory \(directory) is not writable (\(code.words()))"
        }
    }
}

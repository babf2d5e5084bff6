import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

/// Reading scenario files from disk for the commands.
enum ScenarioLoading {
    /// The scenario at `path`. - Throws: `RunError` or `ScenarioError`, naming the file and the reason.
    static func load(_ path: String) throws -> Scenario {
        try Scenario(file: path, text: try readText(path))
    }

    /// The UTF-8 text of a regular file. - Throws: `RunError` saying why it cannot be read, in
    /// the words of the system where they are precise (a symlink loop, a file name followed by a
    /// slash), and refusing what is not a regular file (a directory, /dev/null, a FIFO, which
    /// would block) before opening it.
    static func readText(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT: throw RunError("\(path): no such file")
            case ELOOP: throw RunError("\(path): too many levels of symbolic links (a symlink loop?)")
            case ENOTDIR: throw RunError("\(path): a part of the path is not a directory (a file name followed by '/'?)")
            default: throw RunError("\(path): cannot read the file: \(String(cString: strerror(code)))")
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw RunError("\(path): is a directory, expected a file")
        case S_IFIFO: throw RunError("\(path): is a FIFO (named pipe), expected a regular file")
        case S_IFCHR, S_IFBLK: throw RunError("\(path): is a device, expected a regular file")
        default: throw RunError("\(path): is not a regular file")
        }
        guard Int(info.st_size) <= SizeLimits.maximumInputFileBytes else {
            throw RunError("\(path): \(SizeLimits.formatBytes(Double(info.st_size))) is more than cchsim reads "
                           + "(at most \(SizeLimits.formatBytes(Double(SizeLimits.maximumInputFileBytes))) per input file)")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = access(path, R_OK) != 0 ? String(cString: strerror(errno)) : "\(error.localizedDescription)"
            throw RunError("\(path): cannot read the file: \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw RunError("\(path): not UTF-8 text") }
        return text
    }
}

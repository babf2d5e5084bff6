#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCHScenario
import SweepEngine
import SystemPackage

/// The one path by which cchsim writes to standard output, so that a failed write (a full disk,
/// `> /dev/full`, a closed stdout) is an error with a non-zero exit instead of output silently
/// lost. Reports go through `line`, which writes to descriptor 1 and checks at once; whatever else
/// reaches the C streams (ArgumentParser's help) is checked when the process exits (`prepare`).
public enum StandardOutput {
    /// Set when the process started with descriptor 1 closed (`cchsim ... >&-`).
    nonisolated(unsafe) private static var startedClosed = false

    /// Run first thing in `main`. Whatever reaches the C streams (ArgumentParser prints help
    /// through them, then may call `exit` itself) is flushed by an `atexit` handler that turns a
    /// failure into exit 1. A standard descriptor (0, 1, 2) the process started without is
    /// occupied by /dev/null, so that no file cchsim opens later takes its number (a report
    /// printed to a closed stdout would otherwise land in, say, the sweep's CSV); a closed stdout
    /// is remembered, and writing to it is an error.
    public static func prepare() {
        atexit {
            guard fflush(nil) != 0 else { return }
            let message = "Error: \(OutputError.standardOutput(errno == 0 ? nil : Errno(rawValue: errno)))\n"
            _ = try? FileDescriptor.standardError.writeAll(message.utf8)
            _exit(1)
        }
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            if descriptor == 1 { startedClosed = true }
            guard let opened = try? FileDescriptor.open("/dev/null", .readWrite) else { continue }
            if opened.rawValue != descriptor {
                _ = try? opened.duplicate(as: FileDescriptor(rawValue: descriptor))
                try? opened.close()
            }
        }
    }

    /// Writes `text` and a newline to descriptor 1, whole (partial writes are continued).
    /// - Throws: `OutputError.standardOutput` with the reason (e.g. "no space left on the device")
    ///   when it cannot; a closed stdout is `Errno.badFileDescriptor` ("it is closed").
    static func line(_ text: String) throws(OutputError) {
        guard !startedClosed else { throw .standardOutput(.badFileDescriptor) }
        do { _ = try FileDescriptor.standardOutput.writeAll((text + "\n").utf8) } catch {
            throw .standardOutput(error as? Errno)  // swift-system throws only Errno
        }
    }
}

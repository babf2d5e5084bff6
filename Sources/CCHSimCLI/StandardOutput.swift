#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SweepEngine

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
            let message = "Error: cannot write to standard output: \(StandardOutput.reason(errno))\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(1)
        }
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            if descriptor == 1 { startedClosed = true }
            let opened = open("/dev/null", O_RDWR)
            if opened >= 0, opened != descriptor {
                _ = dup2(opened, descriptor)
                _ = close(opened)
            }
        }
    }

    /// Writes `text` and a newline to descriptor 1, whole (partial writes are continued).
    /// - Throws: `RunError` with the reason (e.g. "No space left on device") when it cannot.
    static func line(_ text: String) throws(RunError) {
        guard !startedClosed else { throw RunError("cannot write to standard output: it is closed") }
        let bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw RunError("cannot write to standard output: \(reason(errno))") }
            offset += n
        }
    }

    fileprivate static func reason(_ code: Int32) -> String {
        guard code != 0, let text = strerror(code) else { return "write failed" }
        return String(cString: text)
    }
}

import Foundation

/// The directory a run writes into, checked before anything is computed: created when missing,
/// and probed by creating and removing a file, so an unwritable `--out` fails at once with a
/// clear error rather than after the computation.
struct OutputDirectory: Sendable {
    let path: String

    init(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RunError("cannot write to \(path): it is a file, not a directory") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw RunError("cannot create the output directory \(path): \(POSIXText.reason(of: error))")
            }
        }
        self.path = path
        let probe = file(".cchsim-write-probe-\(getpid())")
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw RunError("cannot write to the output directory \(path): \(POSIXText.lastError)") }
        close(fd)
        unlink(probe)
    }

    /// The path of file `name` in the directory.
    func file(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }
}

/// Whole-file writes that a reader never sees half done: the bytes go to a temporary file in the
/// same directory, which is then renamed over the target (rename is atomic within a file system).
enum AtomicFile {
    static func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = temporaryPath(for: path)
        let file = try AppendFile(creating: temporary)
        do {
            try file.append(bytes)
            try file.close()
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Renames `source` over `target`. - Throws: `RunError` naming both and the reason.
    static func rename(_ source: String, to target: String) throws {
        guard Foundation.rename(source, target) == 0 else {
            throw RunError("cannot rename \(source) to \(target): \(POSIXText.lastError)")
        }
    }

    /// A hidden temporary name next to `path`, unique to this process.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(temporaryTag)\(getpid())").path
    }

    private static let temporaryTag = ".tmp-"

    /// Removes the temporary files that killed processes left behind for the outputs named `stem`
    /// (`.STEM.…` or `.STEM-…` ending in the tag of `temporaryPath`, or a merge's `.merging-`, with
    /// the id of a process that no longer runs on this host). Called by the holder of the stem's
    /// `OutputLock`.
    static func removeLeftovers(of stem: String, in directory: OutputDirectory) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".\(stem).") || name.hasPrefix(".\(stem)-") {
            guard let tag = [temporaryTag, ".merging-"].first(where: name.contains),
                  let range = name.range(of: tag, options: .backwards),
                  let pid = Int32(name[range.upperBound...]), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory.file(name))
        }
    }
}

/// A file written by appending, for the streamed CSV of a run (POSIX calls, so errors carry the
/// system's reason and nothing is buffered out of sight). Used by one thread at a time (a run hands
/// it to its `BackgroundWriter`).
final class AppendFile: @unchecked Sendable {
    let path: String
    private var descriptor: Int32

    /// Creates (or truncates) the file.
    init(creating path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw RunError("cannot create \(path): \(POSIXText.lastError)") }
    }

    /// Opens an existing file, cut to its first `length` bytes, for appending.
    init(resuming path: String, length: Int) throws {
        self.path = path
        descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw RunError("cannot reopen \(path): \(POSIXText.lastError)") }
        guard ftruncate(descriptor, off_t(length)) == 0, lseek(descriptor, 0, SEEK_END) == off_t(length) else {
            let reason = POSIXText.lastError
            Foundation.close(descriptor)
            throw RunError("cannot cut \(path) to \(length) bytes: \(reason)")
        }
    }

    deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw RunError("cannot write \(path): \(POSIXText.lastError)")
                }
                offset += written
            }
        }
    }

    func close() throws {
        let status = Foundation.close(descriptor)
        descriptor = -1
        guard status == 0 else { throw RunError("cannot write \(path): \(POSIXText.lastError)") }
    }
}

/// System error texts.
public enum POSIXText {
    static var lastError: String { String(cString: strerror(errno)) }

    public static func reason(of error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}

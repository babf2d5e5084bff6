#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCHScenario
import SystemPackage

/// The directory a run writes into, checked before anything is computed: created when missing,
/// and probed by creating and removing a file, so an unwritable `--out` fails at once with a
/// clear error rather than after the computation.
struct OutputDirectory: Sendable {
    let path: String
    let directory: FilePath

    /// - Throws: `FileError` naming the directory and the reason (a file in its place, a part of
    ///   the path that is a file, no permission, a read-only file system, ...).
    init(_ path: String) throws(FileError) {
        self.path = path
        directory = FilePath(path)
        guard !directory.isEmpty else { throw FileError(path: "''", reason: "an empty path names no output directory") }
        do {
            guard try directory.stat().type == .directory else {
                throw FileError(path: path, reason: "is a file, not a directory (the output directory)")
            }
        } catch let error as FileError {
            throw error
        } catch let error as Errno where error == .noSuchFileOrDirectory {
            do { try directory.makeDirectories() } catch {
                throw FileError(path: path, action: "cannot create the output directory", error, expecting: .directory)
            }
        } catch {
            throw FileError(path: path, action: "cannot use the output directory", error, expecting: .directory)
        }
        let probe = directory.appending(".cchsim-write-probe-\(getpid())")
        do {
            try FileDescriptor.open(probe, .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: .init(rawValue: 0o644)).close()
            try probe.remove()
        } catch {
            throw FileError(path: path, action: "cannot write into the output directory", error, expecting: .directory)
        }
    }

    /// The path of file `name` in the directory.
    func file(_ name: String) -> String { directory.appending(name).string }
}

/// Whole-file writes that a reader never sees half done, even after a crash of the machine: the
/// bytes go to a temporary file in the same directory, are forced to the disk (`fsync`), and the
/// file is then renamed over the target (rename is atomic within a file system), docs/files.md.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(FileError) { try write(Array(text.utf8), to: path) }

    /// - Throws: `FileError` naming `path` (not the temporary file) and the reason.
    static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
        let temporary = temporaryPath(for: path)
        do {
            let file = try AppendFile(creating: temporary)
            try file.append(bytes)
            try file.close()
            try rename(temporary, to: path)
        } catch {
            try? FilePath(temporary).remove()
            throw FileError(path: path, action: "cannot write", reason: error.reason, code: error.code)
        }
    }

    /// Forces the finished file `temporary` (written by another program, e.g. gnuplot) to the disk
    /// and renames it over `target`. - Throws: `FileError` naming the file and the reason.
    static func commit(_ temporary: String, to target: String) throws(FileError) {
        do {
            let file = try FileDescriptor.open(FilePath(temporary), .readOnly, options: [.closeOnExec])
            try file.closeAfter { try file.synchronize() }
        } catch {
            try? FilePath(temporary).remove()
            throw FileError(path: temporary, action: "cannot write", error)
        }
        do { try rename(temporary, to: target) } catch {
            try? FilePath(temporary).remove()
            throw error
        }
    }

    /// Renames `source` over `target`. - Throws: `FileError` naming both and the reason.
    static func rename(_ source: String, to target: String) throws(FileError) {
        do { try FilePath(source).rename(to: FilePath(target)) } catch {
            throw FileError(path: source, action: "cannot rename to \(target)", error)
        }
    }

    /// A hidden temporary name next to `path`, unique to this process.
    static func temporaryPath(for path: String) -> String {
        let file = FilePath(path)
        let name = file.lastComponent?.string ?? "output"
        return file.removingLastComponent().appending(".\(name)\(temporaryTag)\(getpid())").string
    }

    private static let temporaryTag = ".tmp-"

    /// Removes the temporary files that killed processes left behind for the outputs named `stem`
    /// (`.STEM.…` or `.STEM-…` ending in the tag of `temporaryPath`, or a merge's `.merging-`, with
    /// the id of a process that no longer runs on this host). Called by the holder of the stem's
    /// `OutputLock`.
    static func removeLeftovers(of stem: String, in directory: OutputDirectory) {
        guard let names = try? InputFile.names(inDirectory: directory.path) else { return }
        for name in names where name.hasPrefix(".\(stem).") || name.hasPrefix(".\(stem)-") {
            guard let tag = [temporaryTag, ".merging-"].first(where: name.contains),
                  let range = name.ranges(of: tag).last,
                  let pid = Int32(name[range.upperBound...]), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? directory.directory.appending(name).remove()
        }
    }
}

/// A file written by appending, for the streamed CSV of a run (system calls, so errors carry the
/// system's reason and nothing is buffered out of sight). Used by one thread at a time (a run hands
/// it to its `BackgroundWriter`).
final class AppendFile: @unchecked Sendable {
    let path: String
    private var descriptor: FileDescriptor?

    /// Creates (or truncates) the file.
    init(creating path: String) throws(FileError) {
        self.path = path
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                                                 permissions: .init(rawValue: 0o644))
        } catch Errno.noSuchFileOrDirectory {
            // Creating fails so only when a directory on the way is missing.
            let parent = FilePath(path).removingLastComponent()
            throw FileError(path: path, action: "cannot create", reason: "no such directory \(parent.isEmpty ? "." : parent.string)",
                            code: .noSuchFileOrDirectory)
        } catch {
            throw FileError(path: path, action: "cannot create", error)
        }
    }

    /// Opens an existing file, cut to its first `length` bytes, for appending.
    init(resuming path: String, length: Int) throws(FileError) {
        self.path = path
        let file: FileDescriptor
        do { file = try FileDescriptor.open(FilePath(path), .writeOnly, options: [.closeOnExec]) } catch {
            throw FileError(path: path, action: "cannot reopen", error)
        }
        do {
            try file.resize(to: Int64(length))
            guard try file.seek(offset: 0, from: .end) == Int64(length) else { throw Errno.ioError }
        } catch {
            try? file.close()
            throw FileError(path: path, action: "cannot cut to \(length) bytes", error)
        }
        descriptor = file
    }

    deinit { try? descriptor?.close() }

    /// Appends `bytes` whole (partial writes are continued).
    func append(_ bytes: [UInt8]) throws(FileError) {
        guard let descriptor else { throw FileError(path: path, action: "cannot write", reason: Errno.badFileDescriptor.words()) }
        do { _ = try descriptor.writeAll(bytes) } catch {
            throw FileError(path: path, action: "cannot write", error)
        }
    }

    /// Forces the bytes to the disk and closes the file (a rename that follows then never exposes
    /// a file whose bytes a crash could lose).
    func close() throws(FileError) {
        guard let descriptor else { return }
        self.descriptor = nil
        do {
            try descriptor.synchronize()
            try descriptor.close()
        } catch {
            try? descriptor.close()
            throw FileError(path: path, action: "cannot write", error)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCHScenario
import SystemPackage

/// A file cchsim writes (system calls, so errors carry the system's reason and nothing is
/// buffered out of sight), with the SHA-256 of every byte in it. Used by one thread at a time (a
/// run hands its streamed CSV to its `BackgroundWriter`).
///
/// Every file cchsim creates is created here, with `O_CREAT|O_EXCL|O_NOFOLLOW` under a hidden
/// name next to its target that no other account can predict (`.NAME.tmp-PID.RANDOM`, 64 random
/// bits), and reaches its own name only by `rename`, which replaces whatever stood there (a
/// symbolic link, another user's file) without opening it. So nothing planted in a shared output
/// directory is ever written through, and a rename within the directory stays atomic
/// (docs/files.md, "Shared directories").
final class AppendFile: @unchecked Sendable {
    /// Where the file is now: its temporary name until `commit` renames it.
    private(set) var path: String
    private var descriptor: FileDescriptor?
    /// SHA-256 of the file's bytes so far (the part a resume kept, then everything appended).
    private(set) var digest: SHA256

    /// Creates a new, empty file under a temporary name beside `target` (in its directory).
    /// - Throws: `FileError` naming `target` and the reason.
    init(temporaryFor target: String) throws(FileError) {
        let file = FilePath(target)
        let directory = file.removingLastComponent()
        let name = file.lastComponent?.string ?? "output"
        digest = SHA256()
        path = target
        for _ in 0..<100 {
            let candidate = directory.appending(".\(name)\(Self.temporaryTag)\(getpid()).\(Self.randomTag())")
            do {
                descriptor = try FileDescriptor.open(candidate, .readWrite, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec],
                                                     permissions: .init(rawValue: 0o644))
                path = candidate.string
                return
            } catch Errno.fileExists {
                continue  // a name taken (by chance, or planted): never reused, another is drawn
            } catch Errno.noSuchFileOrDirectory {
                // Creating fails so only when a directory on the way is missing.
                throw FileError(path: target, action: "cannot create", reason: "no such directory \(directory.isEmpty ? "." : directory.string)",
                                code: .noSuchFileOrDirectory)
            } catch {
                throw FileError(path: target, action: "cannot create", error)
            }
        }
        throw FileError(path: target, action: "cannot create", reason: "every temporary name tried already exists", code: .fileExists)
    }

    /// Creates a new, empty file at `path`: under a temporary name, then renamed to `path`, so
    /// what stood at `path` is replaced, never opened. - Throws: `FileError` naming `path`.
    convenience init(creating path: String) throws(FileError) {
        try self.init(temporaryFor: path)
        do { try commitName(to: path) } catch {
            discard()
            throw error
        }
    }

    /// Opens the file cchsim wrote at `path` (a regular file of the user, not a symbolic link),
    /// cut to its first `length` bytes, whose SHA-256 is `digest`, for appending.
    /// - Throws: `FileError` naming `path` and the reason.
    init(resuming path: String, length: Int, digest: SHA256) throws(FileError) {
        self.path = path
        self.digest = digest
        let file: FileDescriptor
        do { file = try FileDescriptor.open(FilePath(path), .readWrite, options: [.noFollow, .closeOnExec]) } catch {
            if error as? Errno == .tooManySymbolicLinkLevels { throw FileError(path: path, reason: InputFile.symbolicLinkReason) }
            throw FileError(path: path, action: "cannot reopen", error)
        }
        do throws(FileError) {
            let status: Stat
            do { status = try file.stat() } catch { throw FileError(path: path, action: "cannot reopen", error) }
            try InputFile.checkOwn(status, path: path, forWriting: true)
            do {
                try file.resize(to: Int64(length))
                guard try file.seek(offset: 0, from: .end) == Int64(length) else { throw Errno.ioError }
            } catch {
                throw FileError(path: path, action: "cannot cut to \(length) bytes", error)
            }
        } catch {
            try? file.close()
            throw error
        }
        descriptor = file
    }

    deinit { try? descriptor?.close() }

    /// Appends `bytes` whole (partial writes are continued).
    func append(_ bytes: [UInt8]) throws(FileError) {
        let descriptor = try open()
        do { _ = try descriptor.writeAll(bytes) } catch {
            throw FileError(path: path, action: "cannot write", error)
        }
        digest.update(bytes)
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

    /// Forces the file to the disk, closes it and renames it over `target`; on failure the file
    /// is removed. - Throws: `FileError` naming the file and the reason.
    func commit(to target: String) throws(FileError) {
        do {
            try close()
            try commitName(to: target)
        } catch {
            discard()
            throw error
        }
    }

    /// Closes and removes the file (a write that failed or was given up).
    func discard() {
        try? descriptor?.close()
        descriptor = nil
        try? FilePath(path).remove()
    }

    /// The file's bytes, read through its descriptor (so the file cchsim created, whatever its
    /// name names now). - Throws: `FileError` when it cannot be read.
    func contents() throws(FileError) -> [UInt8] {
        let descriptor = try open()
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count: Int
            do { count = try block.withUnsafeMutableBytes { try descriptor.read(fromAbsoluteOffset: Int64(bytes.count), into: $0) } } catch {
                throw FileError(path: path, action: "cannot read", error)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: block[..<count])
        }
    }

    /// Overwrites the file's first `bytes.count` bytes (the same bytes with a few changed in place,
    /// as `PDFDate` does). - Throws: `FileError` when the write fails.
    func overwrite(_ bytes: [UInt8]) throws(FileError) {
        let descriptor = try open()
        do { _ = try descriptor.writeAll(toAbsoluteOffset: 0, bytes) } catch {
            throw FileError(path: path, action: "cannot write", error)
        }
    }

    /// The open descriptor, for a child process to write into as its standard output.
    func openDescriptor() throws(FileError) -> FileDescriptor { try open() }

    private func open() throws(FileError) -> FileDescriptor {
        guard let descriptor else { throw FileError(path: path, action: "cannot write", reason: Errno.badFileDescriptor.words()) }
        return descriptor
    }

    private func commitName(to target: String) throws(FileError) {
        try AtomicFile.rename(path, to: target)
        path = target
    }

    /// The tag that marks a temporary name, followed by the creator's pid (`AtomicFile.removeLeftovers`).
    static let temporaryTag = ".tmp-"

    /// 64 bits from the system's random source, as 16 hex digits.
    private static func randomTag() -> String {
        let bits = UInt64.random(in: .min ... .max)
        let hex = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CrossModalKD
import SystemPackage

/// Who wrote a file cchsim reads, which decides what it must be.
public enum FileOrigin: Sendable {
    /// A file the user names (a scenario, a data CSV): any regular file, also through a symbolic link.
    case input
    /// A file cchsim wrote into an output directory and reads back (a checkpoint, a partial CSV, a
    /// shard and its metadata, a finished run's metadata): only a regular file of the user running
    /// cchsim, never a symbolic link, so that nothing another account plants in a shared directory
    /// feeds numbers into a run.
    case ownOutput
}

/// Reading an input file whole (a scenario, a data CSV, a shard's metadata, a checkpoint): only a
/// regular file, at most `SizeLimits.maximumInputFileBytes`, with errors that name the path and the
/// reason in words (docs/files.md). What is not a regular file (a directory, /dev/null, a FIFO,
/// which would block) is refused before it is opened; it is checked again on the opened descriptor,
/// so a file replaced in between is refused too. A file cchsim wrote and reads back
/// (`FileOrigin.ownOutput`) must in addition be the user's own and not a symbolic link.
public enum InputFile {
    /// The bytes of the regular file at `path`. - Throws: `FileError` saying why it cannot be read.
    public static func bytes(_ path: String, origin: FileOrigin = .input) throws(FileError) -> [UInt8] {
        let (descriptor, status) = try openRegular(path, origin: origin)
        defer { try? descriptor.close() }
        guard status.size <= Int64(SizeLimits.maximumInputFileBytes) else { throw tooLarge(path, bytes: status.size) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.size))
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count: Int
            do { count = try block.withUnsafeMutableBytes { try descriptor.read(into: $0) } } catch {
                throw FileError(path: path, action: "cannot read", error)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: block[..<count])
            guard bytes.count <= SizeLimits.maximumInputFileBytes else { throw tooLarge(path, bytes: Int64(bytes.count)) }
        }
    }

    /// The regular file at `path` opened for reading, and its status. It is refused when it is not
    /// a regular file, both before it is opened (opening a FIFO blocks, opening a device may act)
    /// and on the opened descriptor; an `.ownOutput` file also when it is a symbolic link (it is
    /// opened with `O_NOFOLLOW`) or belongs to another user. - Throws: `FileError` naming the path
    /// and the reason.
    public static func openRegular(_ path: String, origin: FileOrigin = .input) throws(FileError) -> (FileDescriptor, Stat) {
        let file = FilePath(path)
        let own = origin == .ownOutput
        do {
            let status = try file.stat(followTargetSymlink: !own)
            // FilePath drops a trailing slash, with which POSIX requires a directory: "file.toml/".
            if path.hasSuffix("/"), status.type != .directory { throw Errno.notDirectory }
            if own { try checkOwn(status, path: path) } else { try checkRegular(status, path: path) }
        } catch let error as Errno {
            throw FileError(path: path, error)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(path: path, error)
        }
        let descriptor: FileDescriptor
        do {
            let options: FileDescriptor.OpenOptions = [.nonBlocking, .closeOnExec]
            descriptor = try FileDescriptor.open(file, .readOnly, options: own ? options.union(.noFollow) : options)
        } catch {
            // O_NOFOLLOW fails so when a link was put in the file's place after the check.
            if own, error as? Errno == .tooManySymbolicLinkLevels { throw FileError(path: path, reason: symbolicLinkReason) }
            throw FileError(path: path, error)
        }
        do {
            let status = try descriptor.stat()
            if own { try checkOwn(status, path: path) } else { try checkRegular(status, path: path) }
            return (descriptor, status)
        } catch {
            try? descriptor.close()
            throw error as? FileError ?? FileError(path: path, error)
        }
    }

    /// The bytes of the file at `path`, nil when there is no such file.
    /// - Throws: `FileError` when it exists but cannot be read.
    public static func bytesIfPresent(_ path: String, origin: FileOrigin = .input) throws(FileError) -> [UInt8]? {
        do { return try bytes(path, origin: origin) } catch {
            if error.code == .noSuchFileOrDirectory { return nil }
            throw error
        }
    }

    /// The UTF-8 text of the regular file at `path`. - Throws: `FileError` saying why it cannot be
    /// read, or that it is not UTF-8 text.
    public static func text(_ path: String) throws(FileError) -> String {
        let bytes = try bytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FileError(path: path, reason: "not UTF-8 text") }
        return text
    }

    /// The names in the directory at `path` (without `.` and `..`), sorted.
    /// - Throws: `FileError`: no such directory, not a directory, cannot be listed.
    public static func names(inDirectory path: String) throws(FileError) -> [String] {
        let directory = FilePath(path)
        let status: Stat
        do { status = try directory.stat() } catch { throw FileError(path: path, error, expecting: .directory) }
        guard status.type == .directory else { throw FileError(path: path, reason: "is a file, not a directory") }
        guard let stream = directory.withPlatformString({ opendir($0) }) else {
            throw FileError(path: path, action: "cannot list the directory", Errno(rawValue: errno), expecting: .directory)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                guard errno == 0 else {
                    throw FileError(path: path, action: "cannot list the directory", Errno(rawValue: errno), expecting: .directory)
                }
                return names.sorted()
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Refuses what is not a regular file, naming what it is.
    private static func checkRegular(_ status: Stat, path: String) throws(FileError) {
        switch status.type {
        case .regular: return
        case .directory: throw FileError(path: path, reason: "is a directory, expected a file")
        case .fifo: throw FileError(path: path, reason: "is a FIFO (named pipe), expected a regular file")
        case .characterSpecial, .blockSpecial: throw FileError(path: path, reason: "is a device, expected a regular file")
        default: throw FileError(path: path, reason: "is not a regular file")
        }
    }

    /// Refuses what is not a regular file of the user running cchsim (a symbolic link, another
    /// user's file), naming what it is: the check on every file cchsim reads back or keeps writing
    /// in an output directory, which another account may share (docs/files.md, "Shared directories").
    /// A file about to be written (`forWriting`) must also have no other name: a hard link planted
    /// in the directory would make a write change the file it is a link of.
    public static func checkOwn(_ status: Stat, path: String, forWriting: Bool = false) throws(FileError) {
        guard status.type != .symbolicLink else { throw FileError(path: path, reason: symbolicLinkReason) }
        try checkRegular(status, path: path)
        let user = geteuid()
        guard status.userID.rawValue == user else {
            throw FileError(path: path, reason: "belongs to another user (uid \(status.userID.rawValue), you are uid \(user)); "
                            + "cchsim uses only files it created itself here: remove it, or write elsewhere with --out")
        }
        guard !forWriting || status.linkCount == 1 else {
            throw FileError(path: path, reason: "has \(status.linkCount) names (hard links); cchsim writes only into a file it created "
                            + "itself here: remove it, or write elsewhere with --out")
        }
    }

    /// Why a symbolic link is refused where cchsim expects a file of its own.
    public static let symbolicLinkReason = "is a symbolic link; cchsim never follows a link in place of a file it wrote "
        + "(another account may have planted it): remove it, or write elsewhere with --out"

    private static func tooLarge(_ path: String, bytes: Int64) -> FileError {
        FileError(path: path, reason: "\(SizeLimits.formatBytes(Double(bytes))) is more than cchsim reads "
                  + "(at most \(SizeLimits.formatBytes(Double(SizeLimits.maximumInputFileBytes))) per input file)")
    }
}

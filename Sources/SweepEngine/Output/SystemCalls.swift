#if canImport(Glibc)
import Glibc
private let systemRename = Glibc.rename
#elseif canImport(Darwin)
import Darwin
private let systemRename = Darwin.rename
#endif
import SystemPackage

/// The few file-system calls swift-system 1.8 does not wrap (rename, unlink, mkdir, fsync, flock),
/// with its conventions: paths as `FilePath`, failures as `Errno`, retried on EINTR.
enum SystemCall {
    /// Runs `call` until it is not interrupted. - Throws: its `Errno` when it returns -1.
    static func run(_ call: () -> Int32) throws(Errno) {
        while call() == -1 {
            let code = Errno(rawValue: errno)
            guard code == .interrupted else { throw code }
        }
    }
}

extension FilePath {
    /// Renames the file over `target` (atomic within one file system).
    func rename(to target: FilePath) throws(Errno) {
        try SystemCall.run { withPlatformString { source in target.withPlatformString { systemRename(source, $0) } } }
    }

    /// Removes the file (`unlink`).
    func remove() throws(Errno) {
        try SystemCall.run { withPlatformString { unlink($0) } }
    }

    /// Creates the directory, and its missing parents (`mkdir -p`), with mode 0777 less the umask.
    func makeDirectories() throws(Errno) {
        var prefix = root.map { FilePath(root: $0) } ?? FilePath()
        for component in components {
            prefix.append(component)
            do throws(Errno) {
                try SystemCall.run { prefix.withPlatformString { mkdir($0, 0o777) } }
            } catch {
                guard error == .fileExists, (try? prefix.stat())?.type == .directory else { throw error }
            }
        }
    }
}

extension FileDescriptor {
    /// Waits until the file's bytes are on the storage device (`fsync`).
    func synchronize() throws(Errno) {
        try SystemCall.run { fsync(rawValue) }
    }
}

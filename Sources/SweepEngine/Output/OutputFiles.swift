#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCHScenario
import SystemPackage

/// The directory a run writes into, checked before anything is computed: created when missing,
/// and probed by creating and removing a file (as every file is created, `AppendFile`), so an
/// unwritable `--out` fails at once with a clear error rather than after the computation.
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
                if error == .fileExists, let link = Self.danglingLink(on: directory) {
                    throw FileError(path: link.path, reason: "is a symbolic link to \(link.target), which does not exist "
                                    + "(create that directory, or give another --out)")
                }
                throw FileError(path: path, action: "cannot create the output directory", error, expecting: .directory)
            }
        } catch {
            throw FileError(path: path, action: "cannot use the output directory", error, expecting: .directory)
        }
        do { try AppendFile(temporaryFor: directory.appending("cchsim-write-probe").string).discard() } catch {
            throw FileError(path: path, action: "cannot write into the output directory", reason: error.reason, code: error.code)
        }
    }

    /// The first part of `path` that is a symbolic link to nothing, and what it points to: where
    /// `mkdir -p` fails with "already exists" although no directory is there.
    private static func danglingLink(on path: FilePath) -> (path: String, target: String)? {
        var prefix = path.root.map { FilePath(root: $0) } ?? FilePath()
        for component in path.components {
            prefix.append(component)
            guard (try? prefix.stat(followTargetSymlink: false))?.type == .symbolicLink else { continue }
            guard (try? prefix.stat()) == nil else { continue }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = prefix.withPlatformString { readlink($0, &buffer, buffer.count - 1) }
            let target = count >= 0 ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            return (prefix.string, "'\(target)'")
        }
        return nil
    }

    /// The path of file `name` in the directory.
    func file(_ name: String) -> String { directory.appending(name).string }
}

/// Whole-file writes that a reader never sees half done, even after a crash of the machine: the
/// bytes go to a new temporary file in the same directory (created as `AppendFile` creates every
/// file: exclusively, under a name nobody can predict), are forced to the disk (`fsync`), and the
/// file is then renamed over the target (rename is atomic within a file system and replaces a
/// link without following it), docs/files.md.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(FileError) { try write(Array(text.utf8), to: path) }

    /// - Throws: `FileError` naming `path` (not the temporary file) and the reason.
    static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
        do throws(FileError) {
            let file = try AppendFile(temporaryFor: path)
            do throws(FileError) {
                try file.append(bytes)
                try file.commit(to: path)
            } catch {
                file.discard()
                throw error
            }
        } catch {
            throw FileError(path: path, action: "cannot write", reason: error.reason, code: error.code)
        }
    }

    /// Renames `source` over `target`. - Throws: `FileError` naming both and the reason.
    static func rename(_ source: String, to target: String) throws(FileError) {
        do { try FilePath(source).rename(to: FilePath(target)) } catch {
            throw FileError(path: source, action: "cannot rename to \(target)", error)
        }
    }

    /// Removes the temporary files that killed processes left behind for the outputs named `stem`
    /// (`.STEM.…` or `.STEM-…` with `AppendFile`'s temporary tag and the pid of a process that no
    /// longer runs on this host). Only the user's own regular files are removed. Called by the
    /// holder of the stem's `OutputLock`.
    static func removeLeftovers(of stem: String, in directory: OutputDirectory) {
        guard let names = try? InputFile.names(inDirectory: directory.path) else { return }
        let user = geteuid()
        for name in names where name.hasPrefix(".\(stem).") || name.hasPrefix(".\(stem)-") {
            guard let range = name.ranges(of: AppendFile.temporaryTag).last,
                  let pid = Int32(name[range.upperBound...].prefix { $0 != "." }), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            let file = directory.directory.appending(name)
            guard let status = try? file.stat(followTargetSymlink: false), status.type == .regular, status.userID.rawValue == user else { continue }
            try? file.remove()
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCHScenario
import Foundation
import SystemPackage

/// An exclusive claim on the outputs of one name in one directory (`NAME.csv`, its partial file
/// and checkpoint, `NAME.meta.json` and the plots), held by a run, a merge or `figures` from
/// before its first write until it has finished, so that two processes never write the same
/// files (docs/files.md, "Locks").
///
/// The claim is `flock(2)` on the hidden file `.NAME.lock` in the output directory (swift-system
/// has no `flock`: it is called on the descriptor's raw value). The file is opened with
/// `O_NOFOLLOW` and used only when it is a regular file of the user with no other name: a link,
/// another account's file or a hard link planted under that name is refused with a clear error,
/// never written through. The kernel releases the claim when the holder's descriptor closes,
/// including when the holder is killed, so a stale lock never blocks: a dead process holds
/// nothing (its lock file stays, unlocked, until the next holder removes it).
/// Linux emulates `flock` on NFS with POSIX byte-range locks through the NFS lock manager, so the
/// claim also holds across the nodes of a cluster sharing the directory. The holder writes its
/// pid, host and start time into the file for the message a refused process prints, and removes
/// the file when it releases the claim; a process that locked a file just removed (its path now
/// names another file, or none) tries again, so two processes never both hold a claim.
final class OutputLock {
    let path: String
    private var descriptor: FileDescriptor?

    /// Claims the outputs named `stem` in `directory`. - Throws: `OutputError` naming the holder when
    /// another process holds them; `FileError` when the lock file cannot be created or locked.
    init(stem: String, in directory: OutputDirectory) throws {
        path = directory.file(".\(stem).lock")
        let file = FilePath(path)
        for _ in 0..<100 {
            let fd: FileDescriptor
            do {
                fd = try FileDescriptor.open(file, .readWrite, options: [.create, .noFollow, .closeOnExec],
                                             permissions: .init(rawValue: 0o644))
            } catch {
                // O_NOFOLLOW refuses a link with ELOOP; a protected directory refuses another user's file with EACCES.
                if let status = try? file.stat(followTargetSymlink: false) { try InputFile.checkOwn(status, path: path) }
                throw FileError(path: path, action: "cannot create the lock file", error)
            }
            do throws(FileError) {
                let status: Stat
                do { status = try fd.stat() } catch { throw FileError(path: path, action: "cannot use the lock file", error) }
                try InputFile.checkOwn(status, path: path, forWriting: true)
            } catch {
                try? fd.close()
                throw error
            }
            do {
                try SystemCall.run { flock(fd.rawValue, LOCK_EX | LOCK_NB) }
            } catch {
                let holder = Self.holder(of: fd)
                try? fd.close()
                guard error == .wouldBlock else { throw FileError(path: path, action: "cannot lock", error) }
                throw OutputError.claimed(outputs: directory.file(stem), stem: stem, holder: holder)
            }
            guard let opened = try? fd.stat(), let named = try? file.stat(followTargetSymlink: false),
                  opened.inode == named.inode, opened.deviceID == named.deviceID else {
                try? fd.close()  // the previous holder removed this file while we opened it: claim the new one
                continue
            }
            descriptor = fd
            let record = "pid \(getpid()) on host \(ProcessInfo.processInfo.hostName), since \(ISO8601DateFormatter().string(from: Date()))\n"
            if (try? fd.resize(to: 0)) != nil { _ = try? fd.writeAll(toAbsoluteOffset: 0, record.utf8) }
            return
        }
        throw FileError(path: path, action: "cannot lock", reason: "it keeps being replaced by other processes")
    }

    deinit { release() }

    /// Gives the claim up and removes the lock file (also done when the object goes away; the
    /// kernel releases the claim when the process ends).
    func release() {
        guard let descriptor else { return }
        try? FilePath(path).remove()
        try? descriptor.close()
        self.descriptor = nil
    }

    /// What the holder wrote into the lock file, for the refusal message.
    private static func holder(of descriptor: FileDescriptor) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = (try? buffer.withUnsafeMutableBytes { try descriptor.read(fromAbsoluteOffset: 0, into: $0) }) ?? 0
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "holder unknown" : text
    }
}

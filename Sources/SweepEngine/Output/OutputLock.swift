import Foundation

/// An exclusive claim on the outputs of one name in one directory (`NAME.csv`, its partial file
/// and checkpoint, `NAME.meta.json` and the plots), held by a run, a merge or `figures` from
/// before its first write until it has finished, so that two processes never write the same
/// files (docs/figures.md, "Locking").
///
/// The claim is `flock(2)` on the hidden file `.NAME.lock` in the output directory. The kernel
/// releases it when the holder's descriptor closes, including when the holder is killed, so a
/// stale lock never blocks: a dead process holds nothing (its lock file stays, unlocked, until the
/// next holder removes it). Linux emulates `flock` on NFS with POSIX byte-range locks through the
/// NFS lock manager, so the claim also holds across the nodes of a cluster sharing the directory.
/// The holder writes its pid, host and start time into the file for the message a refused process
/// prints, and removes the file when it releases the claim; a process that locked a file just
/// removed (its path now names another file, or none) tries again, so two processes never both
/// hold a claim.
final class OutputLock {
    let path: String
    private var descriptor: Int32 = -1

    /// Claims the outputs named `stem` in `directory`. - Throws: `RunError` naming the holder when
    /// another process holds them, or when the lock file cannot be created.
    init(stem: String, in directory: OutputDirectory) throws {
        path = directory.file(".\(stem).lock")
        for _ in 0..<100 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw RunError("cannot create the lock file \(path): \(POSIXText.lastError)") }
            var status: Int32
            repeat { status = flock(fd, LOCK_EX | LOCK_NB) } while status != 0 && errno == EINTR
            if status != 0 {
                let reason = errno == EWOULDBLOCK ? nil : POSIXText.lastError
                let holder = Self.holder(of: fd)
                close(fd)
                if let reason { throw RunError("cannot lock \(path): \(reason)") }
                throw RunError("\(directory.file(stem)): the outputs of \(stem) are being written by another cchsim process "
                    + "(\(holder)); wait for it to finish, or write elsewhere with --out. The claim ends when that process ends.")
            }
            var opened = stat(), named = stat()
            guard fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev else {
                close(fd)  // the previous holder removed this file while we opened it: claim the new one
                continue
            }
            descriptor = fd
            let record = "pid \(getpid()) on host \(ProcessInfo.processInfo.hostName), since \(ISO8601DateFormatter().string(from: Date()))\n"
            if ftruncate(fd, 0) == 0 { _ = record.withCString { write(fd, $0, strlen($0)) } }
            return
        }
        throw RunError("cannot lock \(path): it keeps being replaced by other processes")
    }

    deinit { release() }

    /// Gives the claim up and removes the lock file (also done when the object goes away; the
    /// kernel releases the claim when the process ends).
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// What the holder wrote into the lock file, for the refusal message.
    private static func holder(of descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return text.isEmpty ? "holder unknown" : text
    }
}

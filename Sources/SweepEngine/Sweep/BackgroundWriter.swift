import Dispatch
import Synchronization

/// Appends the CSV of each finished batch to the run's partial file and then replaces the
/// checkpoint, on a thread of its own, so that writing batch k overlaps computing batch k + 1.
/// At most one batch waits to be written (memory stays bounded); the checkpoint is replaced only
/// after its bytes are in the file, so a kill at any moment leaves a consistent state.
final class BackgroundWriter: Sendable {
    private let file: AppendFile
    private let checkpointPath: String
    private let queue = DispatchQueue(label: "cchsim.csv-writer")
    private let slot = DispatchSemaphore(value: 1)
    private let failure = Mutex<Error?>(nil)

    init(file: AppendFile, checkpointPath: String) {
        self.file = file
        self.checkpointPath = checkpointPath
    }

    /// Queues the batch's bytes and the checkpoint that describes the file after them (its
    /// `csvSHA256` is filled in from the file once the bytes are in); waits while the previous
    /// batch is still being written. - Throws: the first write error seen so far.
    func submit(_ chunks: [[UInt8]], then checkpoint: Checkpoint) throws {
        slot.wait()
        if let error = failure.withLock({ $0 }) {
            slot.signal()
            throw error
        }
        queue.async { [self] in
            defer { slot.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                for bytes in chunks { try file.append(bytes) }
                var checkpoint = checkpoint
                checkpoint.csvSHA256 = file.digest.hex
                try checkpoint.write(to: checkpointPath)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits until everything queued is written and closes the file. - Throws: any write error.
    func finish() throws {
        slot.wait()
        slot.signal()
        try rethrowFailure()
        try file.close()
    }

    /// Waits until everything queued is written (the checkpoint is then current). - Throws: any write error.
    func drain() throws {
        slot.wait()
        slot.signal()
        try rethrowFailure()
    }

    private func rethrowFailure() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

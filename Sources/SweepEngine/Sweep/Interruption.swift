import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during a run: the first signal asks the run to stop at the next
/// batch boundary, where its checkpoint is consistent; a second one kills at once (the default
/// action). Either way the output files are never half-written.
enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Whether a stop was asked for since `watch()`.
    static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Starts watching SIGINT and SIGTERM.
    static func watch() {
        requested.store(false, ordering: .relaxed)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { number in
                Interruption.requested.store(true, ordering: .relaxed)
                signal(number, SIG_DFL)
            }
        }
    }

    /// Restores the default signal actions.
    static func stopWatching() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

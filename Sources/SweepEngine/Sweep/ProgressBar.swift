import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal (never into logs or
/// pipes), at most ten times a second.
final class ProgressBar {
    private let total: Int
    private let enabled: Bool
    /// What is counted ("points"), and the phase shown before the bar (none when empty).
    private let unit: String, phase: String
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1, unit: String = "points", phase: String = "") {
        self.total = total
        self.unit = unit
        self.phase = phase
        self.enabled = enabled && total > 0
    }

    /// Shows `done` of the total points (`resumedFrom` of them were done before this process).
    func update(done: Int, resumedFrom: Int = 0) {
        guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.1 || done == total else { return }
        lastDrawn = Date()
        let fraction = Double(done) / Double(total)
        let width = 30
        let filled = min(width, Int(fraction * Double(width)))
        let elapsed = Date().timeIntervalSince(start)
        let rate = Double(done - resumedFrom) / max(elapsed, 1e-9)
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let line = "\r" + (phase.isEmpty ? "" : "\(phase) ") + "[\(bar)] "
            + String(format: "%5.1f%%  %d/%d ", 100 * fraction, done, total) + unit + String(format: "  %.1f s  ETA %.1f s ", elapsed, eta)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Ends the bar's line.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        drawn = false
    }
}

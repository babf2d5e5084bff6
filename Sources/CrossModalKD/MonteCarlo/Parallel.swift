import Foundation

/// Deterministic data parallelism for the estimators and the classification Monte Carlo, on the
/// engine's `ParallelChunks`: every index is computed once and the results come back in index
/// order, so numbers never depend on the thread count or on scheduling.
enum Parallel {
    /// [body(0), ..., body(count - 1)], computed on all cores when `parallel` (else in order on
    /// the calling thread). `body` must be safe to call concurrently.
    static func map<T>(_ count: Int, parallel: Bool = true, _ body: @Sendable (Int) -> T) -> [T] {
        ParallelChunks.map(count: count, threads: parallel ? ProcessInfo.processInfo.activeProcessorCount : 1,
                           makeState: {}, body: { i, _ in body(i) })
    }

    /// `body(range)` for consecutive chunks of 0..<count (about `chunkSize` each), in parallel
    /// when `parallel`; returns the chunk results in order.
    static func chunks<T>(_ count: Int, chunkSize: Int, parallel: Bool = true, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let size = max(1, chunkSize)
        let n = (count + size - 1) / size
        return map(n, parallel: parallel) { c in body((c * size)..<min(count, (c + 1) * size)) }
    }
}

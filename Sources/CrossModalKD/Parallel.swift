import Dispatch

/// Deterministic data parallelism: work is split by index, every index writes its own result
/// slot, and results come back in index order, so numbers never depend on the thread count or
/// on scheduling.
enum Parallel {
    /// [body(0), ..., body(count - 1)], computed on all cores when `parallel` (else in order on
    /// the calling thread). `body` must be safe to call concurrently.
    static func map<T>(_ count: Int, parallel: Bool = true, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            if parallel && count > 1 {
                let slots = Slots(base: base)
                DispatchQueue.concurrentPerform(iterations: count) { i in (slots.base + i).initialize(to: body(i)) }
            } else {
                for i in 0..<count { (base + i).initialize(to: body(i)) }
            }
            initialized = count
        }
    }

    /// `body(range)` for consecutive chunks of 0..<count (about `chunkSize` each), in parallel
    /// when `parallel`; returns the chunk results in order.
    static func chunks<T>(_ count: Int, chunkSize: Int, parallel: Bool = true, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let size = max(1, chunkSize)
        let n = (count + size - 1) / size
        return map(n, parallel: parallel) { c in body((c * size)..<min(count, (c + 1) * size)) }
    }

    /// The result buffer, shared by the workers: each index is written by exactly one of them.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}

import Dispatch
import Synchronization

/// Runs independent pieces of work on a fixed number of threads and returns their results in
/// piece order, so the output never depends on which thread finished first.
enum ParallelChunks {
    /// `body(i)` for i in 0..<count on up to `threads` threads; results in index order.
    static func map<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(body) }
        let next = Atomic<Int>(0)
        let slots = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                let result = body(i)
                slots.withLock { $0[i] = result }
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}

import Dispatch
import Foundation

/// Runs numbered work items on a fixed number of worker threads (Dispatch), each worker taking the
/// next unclaimed item. Which worker runs which item varies from run to run, so work items must
/// not depend on it: in the Monte Carlo engine an item is a chunk of trials with its own random
/// stream, and results are reduced afterwards in item order.
enum ParallelChunks {
    /// Calls `body(item, state)` once for every item in 0..<count, over min(threads, count) workers;
    /// each worker makes its own `state` (buffers, random stream) once. Returns the results in
    /// item order.
    static func map<State, Result>(count: Int, threads: Int, makeState: @Sendable () -> State,
                                   body: @Sendable (Int, State) -> Result) -> [Result] {
        let results = ResultSlots<Result>(count: count)
        let next = ItemCounter()
        let workers = max(1, min(threads, count))
        if workers == 1 {
            let state = makeState()
            for item in 0..<count { results.store(body(item, state), at: item) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let state = makeState()
                while let item = next.claim(below: count) { results.store(body(item, state), at: item) }
            }
        }
        return results.collect()
    }
}

/// Hands out 0, 1, 2, ... to concurrent workers.
private final class ItemCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func claim(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// One slot per work item, each written by exactly one worker and read after all have finished
/// (`concurrentPerform` returns only then), so no two threads touch a slot at the same time.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    func store(_ r: Result, at item: Int) { slots[item] = r }

    func collect() -> [Result] { (0..<count).compactMap { slots[$0] } }
}

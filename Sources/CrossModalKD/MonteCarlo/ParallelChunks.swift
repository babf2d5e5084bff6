import Dispatch
import Foundation

/// Runs numbered work items on a fixed number of worker threads (Dispatch), each worker taking the
/// next unclaimed item, and hands the results on in item order. Which worker runs which item varies
/// from run to run, so items must not depend on it: in the Monte Carlo engine an item is a chunk of
/// trials with its own random stream, and chunk results are merged in item order, so the merged
/// result is the same bit for bit for any number of threads. (Public: sweeps run grid points the
/// same way.)
public enum ParallelChunks {
    /// Calls `body(item, state)` once for every item in 0..<count over min(threads, count) workers
    /// (each makes its own `state`, e.g. buffers and a random stream, once), and
    /// `consume(item, result)` once per item in increasing item order, never concurrently. Results
    /// that finish early wait for their predecessors; since items are claimed in order, few wait.
    public static func run<State, Result>(count: Int, threads: Int, makeState: @Sendable () -> State,
                                   body: @Sendable (Int, State) -> Result,
                                   consume: @escaping @Sendable (Int, Result) -> Void) {
        let workers = max(1, min(threads, count))
        if workers == 1 {
            let state = makeState()
            for item in 0..<count { consume(item, body(item, state)) }
            return
        }
        let queue = OrderedQueue<Result>(consume: consume)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let state = makeState()
            while let item = queue.claim(below: count) { queue.finish(item, body(item, state)) }
        }
    }

    /// [body(0, state), ..., body(count - 1, state)] computed as `run` computes them: the one
    /// collector of results in item order.
    public static func map<State, Result>(count: Int, threads: Int, makeState: @Sendable () -> State,
                                          body: @Sendable (Int, State) -> Result) -> [Result] {
        let collected = Collected<Result>()
        run(count: count, threads: threads, makeState: makeState, body: body, consume: { _, result in collected.values.append(result) })
        return collected.values
    }

    /// The results in item order: `run` calls `consume` in item order and never concurrently, so
    /// appending needs no lock.
    private final class Collected<Result>: @unchecked Sendable {
        var values: [Result] = []
    }
}

/// Hands out items 0, 1, 2, ... and passes finished results on in item order (all under one lock).
private final class OrderedQueue<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = 0, consumed = 0
    private var pending: [Int: Result] = [:]
    private let consume: @Sendable (Int, Result) -> Void

    init(consume: @escaping @Sendable (Int, Result) -> Void) { self.consume = consume }

    func claim(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < limit else { return nil }
        claimed += 1
        return claimed - 1
    }

    func finish(_ item: Int, _ result: Result) {
        lock.lock()
        defer { lock.unlock() }
        pending[item] = result
        while let next = pending.removeValue(forKey: consumed) {
            consume(consumed, next)
            consumed += 1
        }
    }
}

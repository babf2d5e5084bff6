/// The hooks of one phase of a long computation on real data (the information estimates, the KD
/// experiment): numbered work items, some of them perhaps finished by an earlier process (read
/// back from a checkpoint), run on a fixed number of threads (`ParallelChunks`).
///
/// Reproducibility: an item's outcome depends on its number only (its random streams are seeded
/// by it), never on the thread that computes it or on which items were finished before, so a
/// phase resumed from any set of finished items gives the same outcomes, bit for bit, as one run
/// from the start with any number of threads.
public struct ResumableWork<Outcome: Sendable>: Sendable {
    /// Outcomes known before this process started, by item number (not computed again).
    public var finished: [Int: Outcome]
    /// Called once for every item computed here, in increasing item order and never concurrently:
    /// where a checkpoint is written and a progress bar advanced.
    public var record: @Sendable (Int, Outcome) -> Void
    /// Asked before each item is started; once it answers true no further item starts, the items
    /// under way finish (and are recorded) and `run` throws `WorkStopped`.
    public var shouldStop: @Sendable () -> Bool

    public init(finished: [Int: Outcome] = [:], record: @escaping @Sendable (Int, Outcome) -> Void = { _, _ in },
                shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.finished = finished
        self.record = record
        self.shouldStop = shouldStop
    }

    /// The outcomes of items 0..<count, in item order: the finished ones as given, the others
    /// computed by `body` on `threads` workers. - Throws: `WorkStopped` when `shouldStop` stopped it.
    public func run(count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Outcome) throws(WorkStopped) -> [Outcome] {
        let missing = (0..<count).filter { finished[$0] == nil }
        let collected = Collected(finished)
        let stop = shouldStop, record = record
        ParallelChunks.run(count: missing.count, threads: threads, makeState: {},
                           body: { i, _ -> Outcome? in stop() ? nil : body(missing[i]) },
                           consume: { i, outcome in
                               guard let outcome else { return }
                               collected.outcomes[missing[i]] = outcome
                               record(missing[i], outcome)
                           })
        let outcomes = (0..<count).compactMap { collected.outcomes[$0] }
        guard outcomes.count == count else { throw WorkStopped(finished: collected.outcomes.count, of: count) }
        return outcomes
    }

    /// Items start..<(start + count) of this work as the items 0..<count of a part of it (one of
    /// several computations journalled as one phase, e.g. one experiment per student ridge).
    public func part(from start: Int, count: Int) -> ResumableWork<Outcome> {
        let record = record
        return ResumableWork(finished: Dictionary(uniqueKeysWithValues: finished.compactMap { item, outcome in
            (start..<(start + count)).contains(item) ? (item - start, outcome) : nil
        }), record: { record($0 + start, $1) }, shouldStop: shouldStop)
    }

    /// The same work for a body that can fail: finished items are successes, and only successes
    /// are recorded (a failure ends the phase with its error, which the caller throws).
    public func failable<Failure: Error>() -> ResumableWork<Result<Outcome, Failure>> {
        let record = record
        return ResumableWork<Result<Outcome, Failure>>(finished: finished.mapValues { .success($0) }, record: { item, outcome in
            if case .success(let value) = outcome { record(item, value) }
        }, shouldStop: shouldStop)
    }

    /// Outcomes by item; written only by `consume`, which never runs concurrently.
    private final class Collected: @unchecked Sendable {
        var outcomes: [Int: Outcome]
        init(_ outcomes: [Int: Outcome]) { self.outcomes = outcomes }
    }
}

/// A phase stopped on request (Ctrl-C or SIGTERM) before all its items were computed; the finished
/// ones have been recorded.
public struct WorkStopped: Error, Sendable, Equatable {
    /// Items finished (before this process or in it) out of the phase's total.
    public let finished: Int, of: Int
}

import CrossModalKD
import Foundation
import Testing

/// The one ordered parallel collector: `ParallelChunks.map` gives the results in item order
/// whatever the thread count and however the items' finishing order is scrambled.
struct ParallelChunksTests {
    @Test(arguments: [1, 2, 7])
    func mapReturnsResultsInItemOrder(threads: Int) {
        let count = 300
        let results = ParallelChunks.map(count: count, threads: threads, makeState: {}) { item, _ -> Int in
            // Later-claimed items often finish first: every third item waits a little.
            if item % 3 == 0 { usleep(UInt32(50 + (item * 37) % 200)) }
            return item * item
        }
        #expect(results == (0..<count).map { $0 * $0 })
        #expect(ParallelChunks.map(count: 0, threads: threads, makeState: {}) { item, _ in item }.isEmpty)
    }
}

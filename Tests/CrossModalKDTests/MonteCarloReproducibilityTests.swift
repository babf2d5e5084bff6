import CCHTestSupport
import CrossModalKD
import XCTest

/// Same scenario and seed, same numbers: whatever the thread count, the order of grid points or the
/// number of trials asked for.
final class MonteCarloReproducibilityTests: XCTestCase {
    private func experiment(n: Int, sampler: MonteCarloSampler = .moments, trials: Int = 3000,
                            testSamples: Int? = nil) throws -> MonteCarloExperiment {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 4, seed: 5)
        return try MonteCarloExperiment(model: model, teacher: TeacherSpec(fit: .ols(samples: 12)),
                                        student: StudentSpec(samples: .finite(n), lambda: 0.5),
                                        settings: MonteCarloSettings(trials: trials, sampler: sampler, testSamples: testSamples))
    }

    private func assertIdentical(_ a: MonteCarloSummary, _ b: MonteCarloSummary, _ what: String, line: UInt = #line) {
        XCTAssertEqual(a.trials, b.trials, what, line: line)
        XCTAssertEqual(a.riskNoKD, b.riskNoKD, what, line: line)
        XCTAssertEqual(a.riskKD, b.riskKD, what, line: line)
        XCTAssertEqual(a.gain, b.gain, what, line: line)
        XCTAssertEqual(a.accuracyNoKD, b.accuracyNoKD, what, line: line)
        XCTAssertEqual(a.accuracyKD, b.accuracyKD, what, line: line)
    }

    func testOneAndTwoThreadsGiveIdenticalSummaries() throws {
        for e in [try experiment(n: 9), try experiment(n: 9, sampler: .triples, testSamples: 5)] {
            XCTAssertGreaterThan(e.chunkCount, 2, "several chunks, so that threads really share the work")
            let one = try e.run(seed: 77, pointIndex: 4, threads: 1)
            let two = try e.run(seed: 77, pointIndex: 4, threads: 2)
            let five = try e.run(seed: 77, pointIndex: 4, threads: 5)
            assertIdentical(one, two, "1 vs 2 threads")
            assertIdentical(one, five, "1 vs 5 threads")
            XCTAssertEqual(one.trials, 3000)
        }
    }

    func testOrderOfGridPointsDoesNotMatter() throws {
        let points = [(try experiment(n: 7), 0), (try experiment(n: 20), 1), (try experiment(n: 60, sampler: .triples), 2)]
        let forward = MonteCarloExperiment.run(points.map { (experiment: $0.0, pointIndex: $0.1) }, seed: 9, threads: 2)
        let backward = MonteCarloExperiment.run(points.reversed().map { (experiment: $0.0, pointIndex: $0.1) }, seed: 9, threads: 2)
        for k in 0..<3 {
            let alone = try points[k].0.run(seed: 9, pointIndex: k, threads: 1)
            assertIdentical(try forward[k].get(), alone, "point \(k) in order vs alone")
            assertIdentical(try backward[2 - k].get(), alone, "point \(k) reversed vs alone")
        }
        // Grid points draw different numbers: the same experiment at another index differs.
        let elsewhere = try points[0].0.run(seed: 9, pointIndex: 5, threads: 1)
        XCTAssertNotEqual(elsewhere.riskNoKD.mean, try forward[0].get().riskNoKD.mean)
        // And another seed gives other numbers.
        XCTAssertNotEqual(try points[0].0.run(seed: 10, pointIndex: 0, threads: 1).riskNoKD.mean, try forward[0].get().riskNoKD.mean)
    }

    /// Trial i is the same trial whatever the total, and the summary is the mean of the outcomes.
    func testTrialsArePrefixStableAndSummaryMatchesOutcomes() throws {
        let short = try experiment(n: 9, trials: 100), long = try experiment(n: 9, trials: 5000)
        XCTAssertEqual(try short.outcomes(seed: 3, pointIndex: 1, trials: 0..<100),
                       try long.outcomes(seed: 3, pointIndex: 1, trials: 0..<100))
        let middle = try long.outcomes(seed: 3, pointIndex: 1, trials: 1000..<1010)
        XCTAssertEqual(middle, Array(try long.outcomes(seed: 3, pointIndex: 1, trials: 0..<1010)[1000...]))

        let all = try long.outcomes(seed: 3, pointIndex: 1, trials: 0..<5000)
        let summary = try long.run(seed: 3, pointIndex: 1, threads: 2)
        let gains = all.map(\.gain), n = Double(all.count)
        let mean = gains.reduce(0, +) / n
        let sd = (gains.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        assertClose(summary.gain.mean, mean, absolute: 1e-12, relative: 1e-12, "\(summary.gain.mean) vs \(mean)")
        assertClose(summary.gain.standardDeviation, sd, absolute: 1e-10 * sd)
        assertClose(summary.gain.standardError, sd / n.squareRoot(), absolute: 1e-10 * sd)
        assertClose(summary.gain.upper95 - summary.gain.lower95, 2 * 1.959963984540054 * sd / n.squareRoot(), absolute: 1e-9 * sd)
        assertClose(summary.riskNoKD.mean, all.map(\.riskNoKD).reduce(0, +) / n, absolute: 1e-12 * summary.riskNoKD.mean)
    }
}

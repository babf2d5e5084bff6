import CrossModalKD

/// The `[monte_carlo]` section of a scenario: the settings of its Monte Carlo experiment.
///
///     [monte_carlo]
///     trials = 4000          # paired trials (>= 2; default 2000)
///     sampler = "moments"    # "moments" (Wishart/Bartlett sufficient statistics) or "triples"
///     test_n = 200           # optional: score on a sampled test set of this size (default: exact)
///     threads = 2            # optional: worker threads (default: all cores); results do not depend on it
extension Scenario {
    static func decodeMonteCarlo(_ r: TableReader) throws(ScenarioError) -> MonteCarloSettings {
        let defaults = MonteCarloSettings()
        let trials = try r.integer(MonteCarloKey.trials, minimum: 2, maximum: SizeLimits.maximumTrials, default: defaults.trials)
        let sampler = try r.choice(MonteCarloKey.sampler, default: defaults.sampler)
        let testSamples = r.has(MonteCarloKey.testN) ? try r.integer(MonteCarloKey.testN, minimum: 1, maximum: SizeLimits.maximumSampleSize) : nil
        let threads = r.has(MonteCarloKey.threads) ? try r.integer(MonteCarloKey.threads, minimum: 1, maximum: SizeLimits.maximumThreads) : nil
        try r.finish()
        return MonteCarloSettings(trials: trials, sampler: sampler,
                                  testSamples: testSamples, threads: threads)
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias MonteCarloKey = ScenarioKey.MonteCarlo

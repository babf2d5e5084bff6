import CrossModalKD

/// The `[monte_carlo]` section of a scenario and the Monte Carlo experiment it describes.
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

    /// The scenario's Monte Carlo experiment, with `settings` in place of `[monte_carlo]` if given.
    /// - Throws: `ScenarioError` at the key at fault (e.g. `student.n` for a singular student system).
    public func monteCarloExperiment(settings: MonteCarloSettings? = nil) throws(ScenarioError) -> MonteCarloExperiment {
        guard classification == nil else {
            throw ScenarioError(file: file, key: .student(.loss),
                                reason: "the squared-loss Monte Carlo does not apply to a logistic student; use cchsim classify")
        }
        let m = try buildModel()
        do {
            return try MonteCarloExperiment(model: m, teacher: teacher, student: student, settings: settings ?? monteCarlo)
        } catch {
            throw ScenarioError(file: file, error)
        }
    }

    /// Runs `experiment` (made by `monteCarloExperiment`) as grid point `pointIndex` of this
    /// scenario's seed. - Throws: `ScenarioError` when a trial fails (numerically singular system).
    public func simulate(_ experiment: MonteCarloExperiment, pointIndex: Int = 0, threads: Int) throws(ScenarioError) -> MonteCarloSummary {
        do { return try experiment.run(seed: seed, pointIndex: pointIndex, threads: threads) } catch {
            throw ScenarioError(file: file, error)
        }
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias MonteCarloKey = ScenarioKey.MonteCarlo

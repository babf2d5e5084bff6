import CrossModalKD

/// `[model] kind = "random-latent"`: a latent-factor model drawn by `RandomLatentFactors` from the
/// scenario's seed and the draw number, so `"model.draw" = { from = 0, to = 299, steps = 300 }`
/// in `[sweep]` studies 300 random scenarios.
///
///     [model]
///     kind = "random-latent"
///     factors = 4        # latent factors k (default 4)
///     dt = 1             # teacher dimension (default 1)
///     ds = 1             # student dimension (default 1)
///     draw = 0           # which scenario of the seed's sequence (default 0)
enum RandomLatentModel {
    static func decode(_ r: TableReader, seed: UInt64) throws(ScenarioError) -> ModelSpec {
        let k = try r.integer(ModelKey.factors, minimum: 1, default: 4)
        let dt = try r.integer(ModelKey.dt, minimum: 1, default: 1), ds = try r.integer(ModelKey.ds, minimum: 1, default: 1)
        for (key, value) in [(ModelKey.factors, k), (.dt, dt), (.ds, ds)] where value > 200 {
            throw r.error(key, "at most 200 for a random model, got \(value)")
        }
        let draw = try r.integer(ModelKey.draw, minimum: 0, default: 0)
        return .latent(RandomLatentFactors.draw(seed: seed, draw: draw, factors: k, dt: dt, ds: ds))
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias ModelKey = ScenarioKey.Model

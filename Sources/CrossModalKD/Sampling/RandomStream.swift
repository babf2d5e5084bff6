import CGSL

/// A reproducible stream of random numbers: GSL's Mersenne Twister (`gsl_rng_mt19937`) seeded
/// from a scenario seed and a path of stream identifiers (grid point, trial or chunk index, ...).
///
/// The seed of a stream is a SplitMix64 hash of (seed, ids...), so every (seed, ids) names the same
/// numbers whatever the thread, order or shard that draws them. MT19937 takes 32-bit seeds: within
/// one grid point of N streams, the chance that two share a seed is about N^2 / 2^33.
///
/// Not thread-safe: each task owns its stream. `reseed` re-points a stream without reallocating.
public final class RandomStream {
    private let rng: OpaquePointer

    /// A stream for `seed` and the identifiers `ids`.
    public init(seed: UInt64, ids: [UInt64] = []) {
        GSL.prepare()
        guard let r = gsl_rng_alloc(cgsl_rng_mt19937()) else { fatalError("GSL could not allocate a random generator") }
        rng = OpaquePointer(r)
        reseed(seed: seed, ids: ids)
    }

    deinit { gsl_rng_free(UnsafeMutablePointer(rng)) }

    /// Restarts the stream at (seed, ids).
    public func reseed(seed: UInt64, ids: [UInt64]) {
        gsl_rng_set(pointer, UInt(Self.derivedSeed(seed: seed, ids: ids)))
    }

    /// The 32-bit MT19937 seed of (seed, ids): SplitMix64 mixing of each word in turn.
    public static func derivedSeed(seed: UInt64, ids: [UInt64]) -> UInt32 {
        var h = splitMix(seed ^ 0x6363_6873_696D_0001)  // "cchsim" tag
        for id in ids { h = splitMix(h ^ splitMix(id &+ 0x9E37_79B9_7F4A_7C15)) }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    private static func splitMix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The underlying GSL generator, for GSL samplers (e.g. `gsl_ran_wishart`).
    public var pointer: UnsafeMutablePointer<gsl_rng> { UnsafeMutablePointer(rng) }

    /// A standard normal draw (GSL's ziggurat method).
    @inline(__always) public func gaussian() -> Double { gsl_ran_gaussian_ziggurat(pointer, 1) }

    /// A uniform draw on [0, 1).
    @inline(__always) public func uniform() -> Double { gsl_rng_uniform(pointer) }

    /// A uniform integer in 0..<n (n >= 1).
    @inline(__always) public func index(below n: Int) -> Int { Int(gsl_rng_uniform_int(pointer, UInt(n))) }
}

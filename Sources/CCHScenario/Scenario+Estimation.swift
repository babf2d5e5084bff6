import CrossModalKD
import OrderedCollections

/// The `[estimation]` section of a scenario: decision reliability of the estimated CCH gap.
///
///     [estimation]
///     n = [100, 300, 1000]          # sample sizes (a list, or one integer; default [100, 300, 1000, 3000])
///     repeats = 200                 # samples per size (>= 2; default 200)
///     k = 3                         # KSG neighbours (default 3)
///     estimators = ["gaussian", "ksg"]  # default both
extension Scenario {
    static func decodeEstimation(_ r: TableReader) throws(ScenarioError) -> EstimationSettings {
        let defaults = EstimationSettings()
        var sizes = defaults.sampleSizes
        switch r.value(EstimationKey.n) {
        case .none: break
        case .integer(let n)?: sizes = [n]
        case .array(let items)?:
            sizes = []
            for item in items {
                guard case .integer(let n) = item else { throw r.error(EstimationKey.n, "expected integers, got \(item)") }
                sizes.append(n)
            }
        case let other?:
            throw r.error(EstimationKey.n, "expected an integer or a list of integers, got a \(other.typeName) (\(other))")
        }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 2 }) else {
            throw r.error(EstimationKey.n, "sample sizes must be at least 2, got \(sizes)")
        }
        if let reason = SizeLimits.excess(sizes.max() ?? 0, limit: SizeLimits.maximumSampleSize) { throw r.error(EstimationKey.n, reason) }
        let repeats = try r.integer(EstimationKey.repeats, minimum: 2, maximum: SizeLimits.maximumStoredTrials, default: defaults.repeats)
        let k = try r.integer(EstimationKey.k, minimum: 1, maximum: SizeLimits.maximumSampleSize, default: defaults.k)
        var kinds = defaults.estimators
        if let value = r.value(EstimationKey.estimators) {
            let offered = MIEstimatorKind.onModelSamples
            let names = offered.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            guard case .array(let items) = value, !items.isEmpty else {
                throw r.error(EstimationKey.estimators, "expected a non-empty list of \(names)")
            }
            /// The estimator `item` names: one of `offered`, else why not.
            func kind(_ item: ScenarioValue) throws(ScenarioError) -> MIEstimatorKind {
                guard case .string(let s) = item else { throw r.error(EstimationKey.estimators, "unknown estimator \(item); expected some of \(names)") }
                if let kind = MIEstimatorKind(rawValue: s), offered.contains(kind) { return kind }
                if let now = MIEstimatorKind.formerNames[s] {
                    throw r.error(EstimationKey.estimators, "the estimator \(item) is now spelled \"\(now.rawValue)\"")
                }
                if let kind = MIEstimatorKind(rawValue: s) {
                    throw r.error(EstimationKey.estimators, "the \(kind.rawValue) estimator needs a coded class label (a data scenario's "
                                  + "kind = \"class\" label, `cchsim teachers`); expected some of \(names)")
                }
                throw r.error(EstimationKey.estimators, "unknown estimator \(item); expected some of \(names)")
            }
            var listed: OrderedSet<MIEstimatorKind> = []
            for item in items { listed.append(try kind(item)) }
            kinds = listed.elements
        }
        try r.finish()
        return EstimationSettings(sampleSizes: sizes, repeats: repeats, k: k, estimators: kinds)
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias EstimationKey = ScenarioKey.Estimation

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
        switch r.value("n") {
        case .none: break
        case .integer(let n)?: sizes = [n]
        case .array(let items)?:
            sizes = []
            for item in items {
                guard case .integer(let n) = item else { throw r.error("n", "expected integers, got \(item)") }
                sizes.append(n)
            }
        case let other?:
            throw r.error("n", "expected an integer or a list of integers, got a \(other.typeName) (\(other))")
        }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 2 }) else {
            throw r.error("n", "sample sizes must be at least 2, got \(sizes)")
        }
        if let reason = SizeLimits.excess(sizes.max() ?? 0, limit: SizeLimits.maximumSampleSize) { throw r.error("n", reason) }
        let repeats = try r.integer("repeats", minimum: 2, maximum: SizeLimits.maximumStoredTrials, default: defaults.repeats)
        let k = try r.integer("k", minimum: 1, maximum: SizeLimits.maximumSampleSize, default: defaults.k)
        var kinds = defaults.estimators
        if let value = r.value("estimators") {
            let offered = MIEstimatorKind.onModelSamples
            let names = offered.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            guard case .array(let items) = value, !items.isEmpty else {
                throw r.error("estimators", "expected a non-empty list of \(names)")
            }
            /// The estimator `item` names: one of `offered`, else why not.
            func kind(_ item: ScenarioValue) throws(ScenarioError) -> MIEstimatorKind {
                guard case .string(let s) = item else { throw r.error("estimators", "unknown estimator \(item); expected some of \(names)") }
                if let kind = MIEstimatorKind(rawValue: s), offered.contains(kind) { return kind }
                if let now = MIEstimatorKind.formerNames[s] {
                    throw r.error("estimators", "the estimator \(item) is now spelled \"\(now.rawValue)\"")
                }
                if let kind = MIEstimatorKind(rawValue: s) {
                    throw r.error("estimators", "the \(kind.rawValue) estimator needs a coded class label (a data scenario's "
                                  + "kind = \"class\" label, `cchsim teachers`); expected some of \(names)")
                }
                throw r.error("estimators", "unknown estimator \(item); expected some of \(names)")
            }
            var listed: OrderedSet<MIEstimatorKind> = []
            for item in items { listed.append(try kind(item)) }
            kinds = listed.elements
        }
        try r.finish()
        return EstimationSettings(sampleSizes: sizes, repeats: repeats, k: k, estimators: kinds)
    }

    /// The decision reliability of `[estimation]` (or `settings`) with the scenario's seed (or
    /// `seed`), for grid point `point`. `options` names the command-line options that set
    /// parameters of `settings`, so that an error names the option rather than the file's key.
    /// - Throws: `ScenarioError` at `estimation.<key>` (or the option) when a sample size is too
    ///   small for an estimator.
    public func decisionReliability(settings: EstimationSettings? = nil, seed: UInt64? = nil, point: Int = 0,
                                    parallel: Bool = true, options: [Parameter: String] = [:]) throws(ScenarioError) -> DecisionReliability {
        let m = try buildModel()
        do {
            return try DecisionReliability(model: m, label: label, settings: settings ?? estimation, seed: seed ?? self.seed,
                                           point: point, parallel: parallel)
        } catch {
            throw ScenarioError(file: file, error, options: options)
        }
    }
}

/// How a regime's `kd_helps` was obtained, the coarse class of `Regime` that reports and the
/// `kd_helps_method` / `truth_method` columns show: the result of a `TruthSetting` (which asks for
/// the formula, giving `exact` or `approximation` as the regime is, or for `monteCarlo`). The raw
/// values are the names written there.
public enum TruthMethod: String, Sendable, CaseIterable {
    /// An exact formula (population, exact-ols, ... regimes).
    case exact
    /// The deterministic equivalent: asymptotic in n and ds, not exact.
    case approximation
    /// A Monte Carlo estimate to a requested standard error.
    case monteCarlo = "monte-carlo"
}

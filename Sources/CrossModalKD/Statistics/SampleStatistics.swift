/// The sample mean, standard deviation and standard error of the mean, the one definition every
/// result uses (docs/theory.md section 7): the standard deviation with the unbiased m - 1
/// divisor, SE = sd / sqrt(m). Needs m >= 2 values for a finite standard deviation.
public enum SampleStatistics {
    /// The mean of `values` (non-empty).
    public static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (divisor m - 1) of `values` about `mean`.
    public static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }

    /// The mean, standard deviation and standard error of the mean of `values`: the one place
    /// the standard error is computed from a list of values.
    public static func estimate(_ values: [Double]) -> MonteCarloEstimate {
        let m = mean(values), sd = standardDeviation(values, mean: m)
        return MonteCarloEstimate(mean: m, standardDeviation: sd, standardError: sd / Double(values.count).squareRoot())
    }
}

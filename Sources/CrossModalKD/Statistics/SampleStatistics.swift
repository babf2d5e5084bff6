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

    /// The mean and the standard error of the mean of `values`.
    public static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
        let m = mean(values)
        return (m, standardDeviation(values, mean: m) / Double(values.count).squareRoot())
    }
}

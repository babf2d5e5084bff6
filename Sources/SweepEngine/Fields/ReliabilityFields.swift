import CrossModalKD

/// The decision-reliability keys of `cchsim reliability --json` rows and of a sweep's CSV.
public enum ReliabilityFields {
    /// The keys of one sample size: `estimation_n`, `true_gap`, then per estimator
    /// `<est>_flip_probability`, `<est>_flip_se`, `<est>_gap_mean`, `<est>_gap_sd`.
    public static func of(_ r: DecisionReliability, samples n: Int) -> ReportFields {
        var out: ReportFields = [("estimation_n", .integer(n)), ("true_gap", .number(r.trueGap))]
        for row in r.rows where row.samples == n {
            let p = row.estimator.rawValue
            out += [("\(p)_flip_probability", .number(row.flipProbability)), ("\(p)_flip_se", .number(row.flipStandardError)),
                    ("\(p)_gap_mean", .number(row.gapMean)), ("\(p)_gap_sd", .number(row.gapSD))]
        }
        return out
    }
}

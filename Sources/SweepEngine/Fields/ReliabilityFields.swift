import CrossModalKD

/// The decision-reliability keys of `cchsim reliability --json` rows and of a sweep's CSV, for
/// one sample size: `estimation_n`, `true_gap`, then per estimator `<est>_flip_probability`,
/// `<est>_flip_se`, `<est>_gap_mean`, `<est>_gap_sd`.
public enum ReliabilityFields {
    /// A reliability result at one sample size.
    public typealias Source = (result: DecisionReliability, samples: Int)

    /// The columns for `estimators` (in that order); an estimator without a row at the sample size
    /// reads as NaN.
    public static func table(estimators: [MIEstimatorKind]) -> FieldTable<Source> {
        FieldTable<Source>([
            .init("estimation_n") { .integer($0.samples) },
            .init("true_gap") { .number($0.result.trueGap) },
        ] + estimators.flatMap { e -> [FieldTable<Source>.Entry] in
            @Sendable func row(_ s: Source) -> DecisionReliability.Row? { s.result.rows.first { $0.estimator == e && $0.samples == s.samples } }
            let p = e.rawValue
            return [
                .init("\(p)_flip_probability", .signErrorProbability(e)) { .number(row($0)?.signErrorProbability ?? .nan) },
                .init("\(p)_flip_se", .signErrorStandardError(e)) { .number(row($0)?.signErrorStandardError ?? .nan) },
                .init("\(p)_gap_mean") { .number(row($0)?.gapMean ?? .nan) },
                .init("\(p)_gap_sd") { .number(row($0)?.gapSD ?? .nan) },
            ]
        })
    }

    /// The keys of sample size `n`, for the estimators `r` has rows for.
    public static func of(_ r: DecisionReliability, samples n: Int) -> ReportFields {
        table(estimators: r.rows.filter { $0.samples == n }.map(\.estimator)).fields((r, n))
    }
}

/// The sign of an estimated CCH gap is wrong when it falls on the other side of 0 than a
/// reference: the true gap (`DecisionReliability`, over repeated samples) or the full-sample
/// estimate (`GapResampling`, `ViewInformation`, over half-sample replicates). "Positive" means
/// > 0 on both sides, as CCH's prediction does (KD helps iff the gap is > 0), so 0 counts as
/// negative. The fraction of wrong signs is the sign-error probability: for replicates, how
/// unsettled CCH's verdict is; for repeated samples, how often the decision from data is wrong.
public enum SignError {
    /// How many of `gaps` have the other sign than `reference`.
    public static func count(_ gaps: [Double], against reference: Double) -> Int {
        gaps.filter { ($0 > 0) != (reference > 0) }.count
    }

    /// The sign-error probability estimated by the fraction of `gaps` (non-empty) whose sign is
    /// wrong against `reference`.
    public static func probability(_ gaps: [Double], against reference: Double) -> Double {
        Double(count(gaps, against: reference)) / Double(gaps.count)
    }
}

/// What CCH says, and what is true, for every way the teacher modalities of a model could teach one
/// student (docs/theory.md section 3.6, docs/multi-teacher.md): every non-empty teacher set J
/// (2^m - 1 of them) as one teacher on T_J, and every set of two or more modalities as an ensemble
/// of its members' own teachers. Each choice has CCH's gap I(T_J;S) - I(S;Y) and the exact KD
/// analysis (best lambda and best gain) of the teacher it describes; the comparison names the best
/// choice by the truth (largest best gain) and by CCH (largest gap).
///
/// Every choice keeps the scenario teacher's target, fit (each ensemble member on its own nt
/// rows), scale and rows; a projection is kept by the scenario's own teacher set only. The
/// ensemble of the scenario's own members has the scenario's weights, every other ensemble equal
/// weights. A representation target has no ensemble: then the choices are the sets only.
public struct TeacherSetComparison: Sendable {
    /// One way to teach: a teacher set or an ensemble, with its CCH gap and its KD analysis.
    public struct Choice: Sendable {
        /// `.set(J)` or `.ensemble(weights:)` with explicit members.
        public let combination: TeacherCombination
        /// J: the modalities that teach (indices of `JointGaussian.teacherBlocks`, ascending).
        public let modalities: [Int]
        /// The informations of T_J with S and Y; `information.cchGap` is CCH's gap for the choice
        /// (an ensemble's is its members' set's: CCH sees the modalities, not how they are combined).
        public let information: InformationSummary
        /// The KD analysis of this teacher, or why no formula applies to it (an OLS teacher set
        /// with nt <= d_J + 1, a ridge teacher, ...).
        public let analysis: Result<KDAnalysis, ParameterError>

        /// CCH's gap I(T_J;S) - I(S;Y), nats.
        public var cchGap: Double { information.cchGap }
        /// The best KD gain G(lambda*), nil when no formula applies.
        public var kdGainOpt: Double? { try? analysis.get().kdGainOpt }
        /// The best KD weight lambda*, nil when no formula applies.
        public var lambdaOpt: Double? { try? analysis.get().lambdaOpt }
    }

    /// Teacher sets by size, then in lexicographic order of their members; then the ensembles in
    /// the same order.
    public let choices: [Choice]
    /// Index in `choices` of the largest best gain (the first on ties; nil when no choice has an
    /// analysis).
    public let bestByTruth: Int?
    /// Index in `choices` of the largest CCH gap (the first on ties: a teacher set before its
    /// ensemble).
    public let bestByCCH: Int?

    /// The largest number of teacher modalities compared (2^8 - 1 = 255 teacher sets).
    public static let maximumModalities = 8

    /// Whether CCH's choice is as good as the truth's (its best gain equals the best, to the
    /// analyses' rounding tolerance); nil when either is missing.
    public var cchPicksBest: Bool? {
        guard let t = bestByTruth, let c = bestByCCH, let best = choices[t].kdGainOpt else { return nil }
        guard let picked = choices[c].kdGainOpt, let r0 = try? choices[t].analysis.get().riskNoKD else { return false }
        return best - picked <= KDAnalysis.gainTolerance * r0
    }

    /// Compares every teacher set and ensemble of `model`'s modalities for `teacher` (whose
    /// target, fit, scale and rows every choice keeps) and `student`.
    /// - Throws: `ParameterError` at `.teacherModalities` when the model has more than
    ///   `maximumModalities` modalities, or for settings invalid whatever the teacher (a lambda
    ///   outside [0, 1]).
    public init(model: JointGaussian, teacher: TeacherSpec, student: StudentSpec) throws(ParameterError) {
        let m = model.teacherModalityCount
        guard m <= Self.maximumModalities else {
            throw .invalid(parameter: .teacherModalities,
                           reason: "comparing teacher sets needs at most \(Self.maximumModalities) teacher modalities "
                               + "(2^m - 1 sets), got \(m)")
        }
        try ParameterError.checkLambda(student.lambda)
        let own = try teacher.combination.members(modalityCount: m)
        let sets = Self.nonEmptySubsets(of: m)
        var combinations: [TeacherCombination] = sets.map { .set($0) }
        if teacher.target == .prediction {
            for set in sets where set.count >= 2 {
                if case .ensemble = teacher.combination, set == own {
                    combinations.append(teacher.combination)
                } else {
                    combinations.append(.equalEnsemble(of: set, count: m))
                }
            }
        }
        var out: [Choice] = []
        for combination in combinations {
            var spec = teacher
            spec.combination = combination
            let members = try combination.members(modalityCount: m)
            if !(teacher.combination.isSet && combination.isSet && members == own) { spec.projection = nil }
            let analysis: Result<KDAnalysis, ParameterError>
            do { analysis = .success(try KDAnalysis(model: model, teacher: spec, student: student)) } catch { analysis = .failure(error) }
            out.append(Choice(combination: combination, modalities: members, information: try combination.information(in: model),
                              analysis: analysis))
        }
        choices = out
        bestByTruth = Self.argmax(out.map(\.kdGainOpt))
        bestByCCH = Self.argmax(out.map { Optional($0.cchGap) })
    }

    /// Every non-empty subset of 0..<m, by size and then lexicographically.
    static func nonEmptySubsets(of m: Int) -> [[Int]] {
        let all = (1..<(1 << m)).map { mask in (0..<m).filter { mask & (1 << $0) != 0 } }
        return all.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// The index of the largest non-nil value (the first on ties).
    private static func argmax(_ values: [Double?]) -> Int? {
        var best: Int?
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            if let b = best, let current = values[b], current >= v { continue }
            best = i
        }
        return best
    }
}

import CCHScenario
import CrossModalKD

/// The columns of the teacher-set comparison (`TeacherSetComparison`) that a sweep's CSV gains
/// when its model has m >= 2 teacher modalities
/// (docs/multi-teacher.md, "Sweeps and the canonical figure"). Gaps in nats, gains in squared
/// label units.
///
/// So that the row stays readable for m = 2..4 (and bounded up to the comparison's 8
/// modalities), columns of their own go to a fixed choice of teacher sets, `reportedSets`: every
/// single modality, every pair and the set of all m (for m = 2, 3 that is every set), each with
/// `teacher_set.J.cch_gap`, `teacher_set.J.lambda_opt` and `teacher_set.J.kd_gain_opt`, J spelt as
/// `Scenario.teacherSetName` spells it (`teacher_set.A+B.cch_gap`, the keys of `cchsim analyze
/// --json`); then the ensemble of all m (`teacher_set.ensemble:J.lambda_opt` and `.kd_gain_opt`;
/// nan for a representation target, which has no ensemble). The summary columns range over every
/// choice the comparison holds:
///
/// - `teacher_set_best_by_truth`, `teacher_set_best_by_cch`, `teacher_set_cch_picks_best`: the
///   comparison's best choice by the largest G(λ*) and by the largest gap (`A+B`, `ensemble:A+B`,
///   the values of `cchsim analyze --json`), and whether CCH's is as good;
/// - `adding_cch_gap`: the largest gap of a set of two or more modalities (I(T_J;S) grows with J,
///   so the full set's): its zero is the CCH boundary of the adding maps;
/// - `adding_gain`: the best G(λ*) of a teacher set of two or more modalities minus the best of a
///   single modality (ensembles are reported, not compared here: CCH sees modalities, not how
///   they are combined);
/// - `adding_helps`: `adding_gain` > 0 beyond rounding (`KDAnalysis.gainTolerance` of E R(0));
/// - `cch_predicts_adding_helps`: CCH's choice (the largest gap, singles first on ties) is a set
///   of several modalities with a positive gap;
/// - `cch_adding_agrees`: the two agree.
///
/// A value a teacher without formula lacks (an OLS teacher set with n_t <= d_J + 1) is nan; the
/// adding verdict is nan when no single or no larger set has a formula.
public enum TeacherSetFields {
    /// Whether a sweep whose first point is `s` gets the columns: a squared-loss student and 2 to
    /// `TeacherSetComparison.maximumModalities` teacher modalities (more would be 2^m - 1 sets).
    public static func compares(_ s: Scenario) -> Bool {
        s.classification == nil && (2...TeacherSetComparison.maximumModalities).contains(s.teacherModalities.count)
    }

    /// The teacher sets with columns of their own among the non-empty subsets of m modalities:
    /// the singles, the pairs and all m, in the comparison's order (by size, then lexicographic).
    public static func reportedSets(modalityCount m: Int) -> [[Int]] {
        let singles = (0..<m).map { [$0] }
        let pairs = (0..<m).flatMap { i in (i + 1..<m).map { [i, $0] } }
        return singles + pairs + (m > 2 ? [Array(0..<m)] : [])
    }

    /// The columns of a sweep whose first point is `s` (`compares(s)`), named by its modalities.
    public static func table(for s: Scenario) -> FieldTable<TeacherSetResult> {
        typealias Entry = FieldTable<TeacherSetResult>.Entry
        let m = s.teacherModalities.count
        var entries: [Entry] = []
        for set in reportedSets(modalityCount: m) {
            let key = "teacher_set.\(s.teacherChoiceKey(set, ensemble: false))"
            @Sendable func choice(_ r: TeacherSetResult) -> TeacherSetComparison.Choice? {
                r.comparison.choices.first { $0.combination.isSet && $0.modalities == set }
            }
            entries += [
                .init("\(key).cch_gap", .teacherSet(set, .gap)) { .number(choice($0)?.cchGap ?? .nan) },
                .init("\(key).lambda_opt", .teacherSet(set, .bestKDWeight)) { .number(choice($0)?.lambdaOpt ?? .nan) },
                .init("\(key).kd_gain_opt", .teacherSet(set, .bestGain)) { .number(choice($0)?.kdGainOpt ?? .nan) },
            ]
        }
        let all = Array(0..<m), ensembleKey = "teacher_set.\(s.teacherChoiceKey(all, ensemble: true))"
        @Sendable func ensemble(_ r: TeacherSetResult) -> TeacherSetComparison.Choice? {
            r.comparison.choices.first { !$0.combination.isSet && $0.modalities == all }
        }
        @Sendable func best(_ index: Int?, _ r: TeacherSetResult) -> ReportValue {
            .text(index.map { s.teacherChoiceKey(r.comparison.choices[$0]) } ?? "")
        }
        entries += [
            .init("\(ensembleKey).lambda_opt") { .number(ensemble($0)?.lambdaOpt ?? .nan) },
            .init("\(ensembleKey).kd_gain_opt") { .number(ensemble($0)?.kdGainOpt ?? .nan) },
            .init("teacher_set_best_by_truth") { best($0.comparison.bestByTruth, $0) },
            .init("teacher_set_best_by_cch") { best($0.comparison.bestByCCH, $0) },
            .init("teacher_set_cch_picks_best") { flag($0.comparison.cchPicksBest) },
            .init("adding_cch_gap", .addingModality(.gap)) { .number($0.adding.gap) },
            .init("adding_gain", .addingModality(.gain)) { .number($0.adding.gain ?? .nan) },
            .init("adding_helps", .addingModality(.truth)) { flag($0.adding.helps) },
            .init("cch_predicts_adding_helps", .addingModality(.prediction)) { .bool($0.adding.cchPredictsHelp) },
            .init("cch_adding_agrees") { r in flag(r.adding.helps.map { $0 == r.adding.cchPredictsHelp }) },
        ]
        return FieldTable(entries)
    }

    private static func flag(_ b: Bool?) -> ReportValue { b.map(ReportValue.bool) ?? .number(.nan) }
}

/// A teacher-set comparison with its verdict on adding modalities: what the columns read.
public struct TeacherSetResult: Sendable {
    public let comparison: TeacherSetComparison
    let adding: AddingVerdict

    public init(_ comparison: TeacherSetComparison) {
        self.comparison = comparison
        adding = AddingVerdict(comparison)
    }
}

/// The verdict of a teacher-set comparison on adding modalities to the best single teacher (the
/// `adding_*` columns of `TeacherSetFields`).
struct AddingVerdict: Sendable {
    /// The largest gap of a set of two or more modalities, nats.
    let gap: Double
    /// Best G(λ*) of a set of two or more modalities minus the best of one, nil when either side has no formula.
    let gain: Double?
    /// `gain` > 0 beyond rounding; nil without a gain.
    let helps: Bool?
    /// CCH's choice is a set of two or more modalities with a positive gap.
    let cchPredictsHelp: Bool

    init(_ c: TeacherSetComparison) {
        let sets = c.choices.filter(\.combination.isSet)
        gap = sets.filter { $0.modalities.count >= 2 }.map(\.cchGap).max() ?? .nan
        let single = sets.filter { $0.modalities.count == 1 }.compactMap(\.kdGainOpt).max()
        let several = sets.filter { $0.modalities.count >= 2 }.compactMap(\.kdGainOpt).max()
        // E R(0) has no KD in it: the same for every teacher.
        let riskNoKD = sets.lazy.compactMap { try? $0.analysis.get().riskNoKD }.first
        if let single, let several, let riskNoKD {
            gain = several - single
            helps = several - single > KDAnalysis.gainTolerance * riskNoKD
        } else {
            gain = nil
            helps = nil
        }
        cchPredictsHelp = c.bestByCCH.map { c.choices[$0].cchGap > 0 && c.choices[$0].modalities.count >= 2 } ?? false
    }
}

import Foundation

/// The end-of-run summary of a sweep: how many points, how many invalid, how often CCH's
/// prediction (`cch_predicts_gain`) matched the truth (`kd_helps`), with several teacher
/// modalities how often CCH on the teacher sets was right about adding modalities, and the
/// largest |z| between the Monte Carlo and the analytic gain.
///
/// Summaries of disjoint sets of points add up (`merge`), so chunks, shards and resumed runs
/// combine to the summary of the whole grid whatever the order.
public struct RunSummary: Equatable, Sendable {
    /// Points computed, and how many of them were invalid.
    var points = 0, invalid = 0
    /// The confusion matrix of CCH's prediction against the truth, over valid points.
    var rightAboutGain = 0, rightAboutNoGain = 0, falseAlarms = 0, misses = 0
    /// Points with a Monte Carlo z-score, and the largest |z| with its grid point (the lowest
    /// point number among ties, so the result does not depend on the order of merging).
    var zPoints = 0
    var largestZ: Double? = nil, largestZPoint: Int? = nil
    /// Valid points whose `kd_helps` comes from the approximation (the deterministic equivalent),
    /// and those of them flagged `verdict_uncertain` (the approximation could flip the verdict).
    var approximatePoints = 0, uncertainPoints = 0
    /// With several teacher modalities: CCH on the teacher sets against the truth about adding
    /// modalities (`cch_predicts_adding_helps`, `adding_helps`), one count per `CCHOutcome`
    /// (by its raw value), over the valid points that have both.
    var adding = [0, 0, 0, 0]

    /// Valid points.
    var valid: Int { points - invalid }

    /// Valid points with both CCH's prediction and the truth (the confusion matrix's total).
    var judged: Int { rightAboutGain + rightAboutNoGain + falseAlarms + misses }

    /// Fraction of the judged points where CCH is right; nil when no point has both a prediction
    /// and a truth ("no prediction", never 0).
    var accuracy: Double? {
        judged > 0 ? Double(rightAboutGain + rightAboutNoGain) / Double(judged) : nil
    }

    /// Records one point.
    mutating func record(point: Int, valid isValid: Bool, predictsGain: Bool?, helps: Bool?, z: Double?,
                         approximate: Bool = false, uncertain: Bool = false, addingPredicted: Bool? = nil, addingHelps: Bool? = nil) {
        points += 1
        guard isValid else {
            invalid += 1
            return
        }
        if approximate { approximatePoints += 1 }
        if uncertain { uncertainPoints += 1 }
        if let predictsGain, let helps {
            switch (predictsGain, helps) {
            case (true, true): rightAboutGain += 1
            case (false, false): rightAboutNoGain += 1
            case (true, false): falseAlarms += 1
            case (false, true): misses += 1
            }
        }
        if let z, !z.isNaN { noteZ(abs(z), at: point, count: 1) }
        if let addingPredicted, let addingHelps { adding[CCHOutcome(predictsGain: addingPredicted, helps: addingHelps).rawValue] += 1 }
    }

    /// Adds the summary of a disjoint set of points.
    mutating func merge(_ other: RunSummary) {
        points += other.points
        invalid += other.invalid
        rightAboutGain += other.rightAboutGain
        rightAboutNoGain += other.rightAboutNoGain
        falseAlarms += other.falseAlarms
        misses += other.misses
        approximatePoints += other.approximatePoints
        uncertainPoints += other.uncertainPoints
        adding = zip(adding, other.adding).map(+)
        if let z = other.largestZ, let p = other.largestZPoint {
            noteZ(z, at: p, count: other.zPoints)
        } else {
            zPoints += other.zPoints
        }
    }

    private mutating func noteZ(_ z: Double, at point: Int, count: Int) {
        zPoints += count
        if let best = largestZ, let bestPoint = largestZPoint, best > z || (best == z && bestPoint < point) { return }
        largestZ = z
        largestZPoint = point
    }

    /// The summary printed at the end of `cchsim run` and `cchsim merge`.
    public func text() -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var lines = ["\(count(points, "point")), \(invalid) invalid (covariance not positive definite or no regime applies), \(valid) valid."]
        if valid > 0 {
            let w = max(4, String(valid).count)
            func cell(_ n: Int) -> String { String(repeating: " ", count: max(0, w - String(n).count)) + String(n) }
            lines.append("CCH agreement over the valid points (rows: CCH's prediction, columns: the truth kd_helps, or cls_kd_helps for a logistic student):")
            lines.append("                          " + "KD helps".padding(toLength: w + 10, withPad: " ", startingAt: 0) + "KD does not help")
            lines.append("  CCH predicts a gain     \(cell(rightAboutGain)) right     \(cell(falseAlarms)) false alarm")
            lines.append("  CCH predicts no gain    \(cell(misses)) miss      \(cell(rightAboutNoGain)) right")
            if let accuracy {
                lines.append(String(format: "  accuracy %.4f (%d of ", accuracy, rightAboutGain + rightAboutNoGain) + count(judged, "point") + ")")
            } else {
                lines.append("  accuracy: no prediction (no valid point has both CCH's prediction and the truth)")
            }
        }
        if approximatePoints > 0 {
            lines.append("kd_helps from the deterministic-equivalent approximation at \(count(approximatePoints, "point")); "
                + "\(uncertainPoints) flagged verdict_uncertain (the gain's slope at lambda = 0 within the calibrated error bound of zero, docs/finite-n-ridge.md).")
        }
        let addingJudged = adding.reduce(0, +)
        if addingJudged > 0 {
            func n(_ o: CCHOutcome) -> Int { adding[o.rawValue] }
            let right = n(.rightAboutGain) + n(.rightAboutNoGain)
            lines.append("CCH on the teacher sets about adding modalities (cch_predicts_adding_helps against adding_helps): "
                + "right \(n(.rightAboutGain)) (adding helps) + \(n(.rightAboutNoGain)) (it does not), \(count(n(.falseAlarm), "false alarm")), "
                + "\(n(.miss)) miss\(n(.miss) == 1 ? "" : "es")"
                + String(format: "; accuracy %.4f (%d of ", Double(right) / Double(addingJudged), right) + count(addingJudged, "point") + ")")
        }
        if let z = largestZ, let p = largestZPoint {
            lines.append(String(format: "Largest |z| between Monte Carlo and analytic gain: %.3g at point %d (", z, p)
                + count(zPoints, "point") + " with Monte Carlo).")
        }
        return lines.joined(separator: "\n")
    }

    /// The summary as JSON fields (meta file and checkpoint).
    var fields: ReportFields {
        var out: ReportFields = [
            ("points", .integer(points)), ("invalid", .integer(invalid)),
            ("cch_right_about_gain", .integer(rightAboutGain)), ("cch_right_about_no_gain", .integer(rightAboutNoGain)),
            ("cch_false_alarms", .integer(falseAlarms)), ("cch_misses", .integer(misses)),
            ("mc_points", .integer(zPoints)),
            ("approximation_points", .integer(approximatePoints)), ("verdict_uncertain_points", .integer(uncertainPoints)),
        ]
        if let accuracy { out.append(("cch_accuracy", .number(accuracy))) }
        if adding.reduce(0, +) > 0 {
            out += zip(AddingKey.allCases, adding).map { ($0.0.rawValue, .integer($0.1)) }
        }
        if let z = largestZ, let p = largestZPoint {
            out.append(("largest_abs_z", .number(z)))
            out.append(("largest_abs_z_point", .integer(p)))
        }
        return out
    }

    init() {}
}

/// Read back from the `summary` object of a checkpoint or a `meta.json` (written by `fields`;
/// `cch_accuracy` is derived and not read).
extension RunSummary: Decodable {
    enum CodingKeys: String, CodingKey {
        case points, invalid
        case rightAboutGain = "cch_right_about_gain", rightAboutNoGain = "cch_right_about_no_gain"
        case falseAlarms = "cch_false_alarms", misses = "cch_misses"
        case zPoints = "mc_points", largestZ = "largest_abs_z", largestZPoint = "largest_abs_z_point"
        case approximatePoints = "approximation_points", uncertainPoints = "verdict_uncertain_points"
    }

    /// The keys of the adding counts, in `CCHOutcome` order.
    enum AddingKey: String, CodingKey, CaseIterable {
        case rightAboutHelp = "adding_cch_right_about_help", rightAboutNoHelp = "adding_cch_right_about_no_help"
        case falseAlarms = "adding_cch_false_alarms", misses = "adding_cch_misses"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        points = try c.decode(Int.self, forKey: .points)
        invalid = try c.decode(Int.self, forKey: .invalid)
        rightAboutGain = try c.decode(Int.self, forKey: .rightAboutGain)
        rightAboutNoGain = try c.decode(Int.self, forKey: .rightAboutNoGain)
        falseAlarms = try c.decode(Int.self, forKey: .falseAlarms)
        misses = try c.decode(Int.self, forKey: .misses)
        zPoints = try c.decode(Int.self, forKey: .zPoints)
        // Absent from summaries written before the counts existed: none then.
        approximatePoints = try c.decodeIfPresent(Int.self, forKey: .approximatePoints) ?? 0
        uncertainPoints = try c.decodeIfPresent(Int.self, forKey: .uncertainPoints) ?? 0
        largestZ = try c.decodeIfPresent(Double.self, forKey: .largestZ)
        largestZPoint = try c.decodeIfPresent(Int.self, forKey: .largestZPoint)
        // Absent without teacher sets.
        let a = try decoder.container(keyedBy: AddingKey.self)
        adding = try AddingKey.allCases.map { try a.decodeIfPresent(Int.self, forKey: $0) ?? 0 }
    }
}

import CCHScenario
import CrossModalKD
import Foundation

/// The summary of a `cchsim teachers` run: text, JSON and the metadata file.
public struct TeacherSelectionReport {
    let scenario: DataScenario
    let loaded: LoadedData
    let rows: [TeacherPairRow]
    /// The pair table's columns: every reader below finds its values through them, by role.
    let fields: TeacherSelectionFields
    let information: ViewInformation
    let experiment: DistillationExperiment
    /// The fitted Gaussian theory and its learner on the data.
    let theory: TeacherSelectionTheory
    let seconds: Double
    /// Worker threads of the experiment.
    let threads: Int
    /// Wall-clock seconds of loading (files read, representations computed), of loading plus the
    /// information estimates, and of the KD experiment.
    let phaseSeconds: (loading: Double, information: Double, experiment: Double)

    var continuous: Bool { loaded.data.label.classCount == nil }

    /// The rule that makes the measured truth.
    var truthRule: String {
        let gain = continuous ? "the reduction of the test MSE" : "the gain in test accuracy"
        return "KD helps (measured) when \(gain) at lambda is significantly positive: z = gain / SE > 1.96 (paired over the splits; two-sided 5% level)"
    }

    var representationText: String {
        "each view standardised (constant columns dropped) and reduced to its first \(scenario.components) principal components, "
            + "label-free, fitted on all \(loaded.data.rows) rows"
    }

    /// The experiment's protocol in words, from the settings the fits use (the ridge of the
    /// linear fits of a continuous label is `DistillationExperiment.ridge`'s 0, not the softmax's).
    var protocolText: String {
        let s = experiment.settings, n = loaded.data.rows
        let teacher: String, test: Int
        switch s.teacherRows {
        case .own(let nt): teacher = "\(nt) rows of its own"; test = n - s.studentRows - nt
        case .student: teacher = "the student's rows (privileged information)"; test = n - s.studentRows
        }
        let ridge = DistillationExperiment.ridge(s, label: loaded.data.label)
        let learner = continuous ? "linear teacher and students (least squares), the students with the quadratic KD penalty"
                                 : "softmax teacher and students, KD loss (1 - lambda) CE + lambda tau^2 KL"
        return "\(s.splits) random splits (seed \(s.seed)): student \(s.studentRows) rows, teacher \(teacher), test the other \(test); "
            + "\(learner); lambda = \(fmt(s.lambda))" + (continuous ? "" : ", tau = \(fmt(s.temperature))")
            + "; best lambda of {\(s.lambdaGrid.map(fmt).joined(separator: ", "))} chosen on \(fmt(100 * s.validationFraction))% of the student's rows; "
            + "ridge \(fmt(ridge))" + (ridge == 0 ? " (OLS)" : "")
            + (scenario.studentRidges.map { "; the students' ridge swept over {\($0.map(fmt).joined(separator: ", "))} (the teachers' stays \(fmt(ridge))), each value its own rows" } ?? "")
    }

    /// (CCH predicts a gain, KD helps) counts of one estimator: [[yes/yes, yes/no], [no/yes, no/no]].
    /// With `kind`, over that kind of teacher's pairs only.
    func confusion(_ e: MIEstimatorKind, kind: TeacherCandidate.Kind? = nil) -> [[Int]] {
        var m = [[0, 0], [0, 0]]
        for r in rows where kind == nil || r.teacherKind == kind {
            guard let predicts = fields.flag(.verdict(e, .predictsGain), r), let helps = fields.flag(.measured(.helps), r) else { continue }
            m[predicts ? 0 : 1][helps ? 0 : 1] += 1
        }
        return m
    }

    /// Per student view: teachers by measured gain and by each estimator's gap, with Spearman's rho
    /// (over the teachers with a gap; an estimator unavailable for a pair ranks only the others).
    /// With the students' ridge swept, per student view and ridge (`student` then names both).
    func rankings() -> [(student: String, byGain: [String], byGap: [(MIEstimatorKind, [String], Double?)])] {
        let ridges: [Double?] = scenario.studentRidges ?? [nil]
        return loaded.data.viewNames.flatMap { view in ridges.map { ridge in
            let student = ridge.map { "\(view) (student ridge \(fmt($0)))" } ?? view
            let mine = rows.filter { $0.student == view && $0.studentRidge == ridge }
            let gains = mine.map { number(.measured(.gain), $0) }
            let byGain = mine.indices.sorted { gains[$0] > gains[$1] }.map { mine[$0].teacher }
            let byGap = information.estimators.map { e -> (MIEstimatorKind, [String], Double?) in
                let ranked = mine.indices.compactMap { i in fields.number(.estimate(e, .gap), mine[i]).map { (i, $0) } }
                let order = ranked.sorted { $0.1 > $1.1 }.map { mine[$0.0].teacher }
                return (e, order, RankCorrelation.spearman(ranked.map(\.1), ranked.map { gains[$0.0] }))
            }
            return (student, byGain, byGap)
        } }
    }

    /// Every (estimator, pair) without a gap, with the reason.
    var unavailableEstimates: [(estimator: MIEstimatorKind, row: TeacherPairRow, reason: ViewInformation.Unavailable)] {
        information.estimators.flatMap { e in rows.compactMap { r in r.unavailable(e).map { (e, r, $0) } } }
    }

    /// The noise of the nearest-neighbour estimators, in words (docs/real-data.md, "Tied data").
    var noiseText: String {
        "KSG runs on its columns plus noise \(NearestNeighbourNoise.scale) x max(1, mean|x| / sd) x sd x N(0, 1) per column "
            + "(scikit-learn's mutual_info convention), seeded, only for a quantity whose sample has a row occurring more than k = "
            + "\(information.settings.neighbours) times"
    }

    public var text: String {
        var lines: [String] = []
        let d = loaded.data
        var labelText = "continuous label"
        if case .classes(_, let names) = d.label {
            labelText = "class label, \(names.count) classes (" + loaded.classCounts.map { "\($0.name): \($0.count)" }.joined(separator: ", ") + ")"
        }
        lines.append("Data: \(scenario.name) (\(scenario.file)): \(d.rows) rows, \(d.viewCount) views, \(labelText)")
        lines.append("Representations: \(representationText)")
        for v in loaded.views {
            let dropped = v.droppedConstant.isEmpty ? "" : ", \(v.droppedConstant.count) constant dropped"
            lines.append("  \(v.name): \(v.columns) columns\(dropped) -> \(v.components) components (\(fmt(100 * v.explainedFraction))% of the variance)")
        }
        lines.append("Experiment: \(protocolText)")
        if hasTeacherSets {
            let sets = loaded.data.teachers.indices.filter { loaded.data.teachers[$0].kind == .concatenated }
            lines.append("Teachers: every view, and for each of \(sets.count) teacher set(s) (\(sets.map(loaded.data.teacherName).joined(separator: ", "))) "
                + "a teacher on the concatenated views (a+b) and the ensemble avg(a,b) (the mean of the single-view teachers' soft targets"
                + (continuous ? ", their predictions" : " at tau") + "); a set never teaches a view it holds; its gap is I(T_set;S) - I(S;Y) "
                + "on the concatenation, shared by its ensemble")
        }
        lines.append("Truth: \(truthRule)")
        let level = fmt(100 * information.settings.level)
        lines.append("Information (nats): " + information.estimators.map { Self.estimatorText($0, continuous: continuous) }.joined(separator: "; "))
        if information.settings.replicates > 0 {
            lines.append("  \(level)% intervals and P(sign wrong) from \(information.settings.replicates) half-samples")
        }
        lines.append("")
        var table = [["teacher -> student", "no KD", "KD", "gain (SE)", "z", "helps"] + information.estimators.map { "gap \($0.rawValue)" }]
        for r in rows {
            var cells = ["\(r.teacher) -> \(r.student)", fmt(number(.measured(.scoreWithoutKD), r)), fmt(number(.measured(.scoreWithKD), r)),
                         signed(number(.measured(.gain), r)) + " (" + fmt(number(.measured(.gainStandardError), r)) + ")",
                         fmt(number(.measured(.gainZ), r)), fields.flag(.measured(.helps), r) == true ? "yes" : "no"]
            for e in information.estimators {
                let mark = fields.flag(.verdict(e, .agrees), r).map { $0 ? " ok" : " x" } ?? ""
                cells.append((fields.number(.estimate(e, .gap), r).map(signed) ?? "unavailable") + mark)
            }
            table.append(cells)
        }
        lines += ReportText.table(table)
        lines.append("  (ok: CCH's verdict matches the measured truth; x: it does not)")
        for u in unavailableEstimates {
            lines.append("  \(u.estimator.rawValue) unavailable for \(u.row.teacher) -> \(u.row.student): \(u.reason)")
        }
        if !information.jittered.isEmpty {
            lines.append("  tied rows: \(noiseText); here: " + information.jittered.joined(separator: ", "))
        }
        lines.append("")
        lines.append("CCH against the measured truth, per estimator (rows: CCH's verdict, gap > 0; columns: measured):")
        for e in information.estimators {
            let m = confusion(e)
            let total = m.flatMap { $0 }.reduce(0, +), right = m[0][0] + m[1][1]
            lines.append("  \(e.rawValue): right for \(right) of \(total) pairs (\(fmt(100 * Double(right) / Double(max(1, total))))%)")
            lines += ReportText.table([["", "KD helps", "no gain"], ["CCH predicts gain", "\(m[0][0])", "\(m[0][1])"],
                                       ["CCH predicts none", "\(m[1][0])", "\(m[1][1])"]], gap: 3).map { "    " + $0 }
            if hasTeacherSets {
                lines.append("    by teacher: " + TeacherCandidate.Kind.allCases.map { kind in
                    let k = confusion(e, kind: kind)
                    return "\(kind.rawValue) \(k[0][0] + k[1][1]) of \(k.flatMap { $0 }.reduce(0, +))"
                }.joined(separator: ", "))
            }
        }
        lines.append("")
        lines += theoryLines
        lines.append("")
        lines.append("Teachers for each student view, best first (Spearman's rho between the gap and the measured gain):")
        for r in rankings() {
            lines.append("  student \(r.student):")
            lines.append("    by measured gain: " + r.byGain.joined(separator: ", "))
            for (e, order, rho) in r.byGap {
                lines.append("    by gap \(e.rawValue): ".padding(toLength: 22, withPad: " ", startingAt: 0) + order.joined(separator: ", ")
                             + "   rho = " + (rho.map(fmt) ?? "n/a"))
            }
        }
        lines.append("")
        lines.append(String(format: "Time: %.1f s", seconds))
        return ReportText.join(lines)
    }

    /// The summary's section on the theory on the data: per pair the theory's expected MSE gain
    /// against its learner's measured gain (like with like), and the softmax accuracy gain beside.
    var theoryLines: [String] {
        guard let coding = theory.coding else { return ["The theory on the data: not computed: \(theory.unavailable ?? "")."] }
        let s = experiment.settings
        var lines = [
            "The theory on the data (label coded as \(coding.summary); docs/real-data.md, \"The theory beside the measurement\"):",
            "  the joint Gaussian of (teacher, student, label) fitted to all \(loaded.data.rows) rows; its expected test-MSE gain for n = \(s.studentRows), lambda = \(fmt(s.lambda)); method: \(theory.methodText)",
            "  like with like: the theory against its own learner (OLS teacher, OLS students with the quadratic KD penalty) measured on the same splits"
                + (continuous ? " (the measured experiment above)" : "; the softmax accuracy gain (percentage points) is the looser comparison"),
        ]
        if let reason = theory.learnerUnavailable { lines.append("  \(reason)") }
        var table = [["teacher -> student", "theory gain (SE)", "linear gain (SE)", "agree"] + (continuous ? [] : ["softmax gain (pp)"])]
        for r in rows {
            func gain(_ g: Double?, _ se: Double?) -> String { g.map { signed($0) + " (" + fmt(se ?? .nan) + ")" } ?? "n/a" }
            var cells = ["\(r.teacher) -> \(r.student)",
                         gain(fields.number(.theory(.gain), r), fields.number(.theory(.gainStandardError), r)),
                         gain(fields.number(.theoryLearner(.gain), r), fields.number(.theoryLearner(.gainStandardError), r)),
                         fields.flag(.theory(.agrees), r).map { $0 ? "yes" : "no" } ?? "n/a"]
            if !continuous { cells.append(gain(100 * number(.measured(.gain), r), 100 * number(.measured(.gainStandardError), r))) }
            table.append(cells)
        }
        lines += ReportText.table(table)
        let reasons = rows.compactMap { r in r.theory == nil ? theory.reason(r.pair).map { "  \(r.teacher) -> \(r.student): no theory: \($0)" } : nil }
        lines += reasons
        lines.append("  (gains in squared \(continuous ? "" : "coded-")label units; agree: \(TeacherSelectionTheory.agreementRule))")
        return lines
    }

    /// The theory's settings and rule, for the JSON summary and the metadata.
    var theoryTree: JSONTree {
        var pairs: [(String, JSONTree)] = [
            ("label_coding", .string(theory.coding?.summary ?? "none")),
            ("method", .string(theory.methodText)),
            ("learner", .string("OLS teacher and OLS students with the quadratic KD penalty, no intercept, views and coded label centred over all rows, on the splits of the measured experiment")),
            ("monte_carlo_trials", .integer(TheoryOnData.monteCarloTrials)),
            ("agreement_rule", .string(TeacherSelectionTheory.agreementRule)),
        ]
        if let reason = theory.unavailable { pairs.append(("unavailable", .string(reason))) }
        if let reason = theory.learnerUnavailable { pairs.append(("learner_unavailable", .string(reason))) }
        let missing = rows.compactMap { r in (theory.unavailable == nil && r.theory == nil ? theory.reason(r.pair) : nil)
            .map { JSONTree.object([("teacher", .string(r.teacher)), ("student", .string(r.student)), ("reason", .string($0))]) } }
        if !missing.isEmpty { pairs.append(("pairs_without_theory", .array(missing))) }
        return .object(pairs)
    }

    static func estimatorText(_ e: MIEstimatorKind, continuous: Bool) -> String {
        switch e {
        case .gaussian: continuous ? "gaussian = bias-corrected Gaussian plug-in for I(T;S) and I(S;Y)"
                                   : "gaussian = plug-in I(T;S), class-conditional Gaussian posterior I(S;Y)"
        case .ksg: continuous ? "ksg = KSG (algorithm 1) for both" : "ksg = KSG I(T;S), Ross's KSG for a discrete label I(S;Y) (strict-inequality neighbour counts)"
        case .probe: "probe = plug-in I(T;S), held-out cross-entropy bound of a cross-validated softmax I(S;Y)"
        }
    }

    /// Whether the run has teacher sets besides the single views.
    var hasTeacherSets: Bool { loaded.data.teachers.count > loaded.data.viewCount }

    /// The teachers (with teacher sets): name, kind and views, in the experiment's order.
    var teachersTree: JSONTree {
        let d = loaded.data
        return .array(d.teachers.indices.map { t in
            .object([("name", .string(d.teacherName(t))), ("kind", .string(d.teachers[t].kind.rawValue)),
                     ("views", .array(d.teachers[t].views.map { .string(d.viewNames[$0]) }))])
        })
    }

    /// The summary as JSON: settings, the pairs (the CSV's columns) and the confusion matrices.
    public var json: String { summaryTree.text }

    var summaryTree: JSONTree {
        .object([
            ("name", .string(scenario.name)),
            ("scenario", .string(scenario.file)),
            ("rows", .integer(loaded.data.rows)),
            ("views", .array(loaded.data.viewNames.map(JSONTree.string))),
        ] + (hasTeacherSets ? [("teachers", teachersTree)] : []) + [
            ("representation", .string(representationText)),
            ("protocol", .string(protocolText)),
            ("truth_rule", .string(truthRule)),
            ("pairs", .array(rows.map { .fields(fields.fields($0)) })),
            ("theory", theoryTree),
            ("confusion", .object(information.estimators.map { e in
                let m = confusion(e)
                return (e.rawValue, .object([("predicts_gain_helps", .integer(m[0][0])), ("predicts_gain_no_gain", .integer(m[0][1])),
                                             ("predicts_none_helps", .integer(m[1][0])), ("predicts_none_no_gain", .integer(m[1][1]))]))
            })),
            ("rank_correlation", .object(rankings().map { r in
                (r.student, .object(r.byGap.map { ($0.0.rawValue, .number($0.2 ?? .nan)) }))
            })),
        ])
    }

    /// NAME.meta.json.
    func meta(files: [String]) -> JSONTree {
        var pairs: [(String, JSONTree)] = [
            ("cchsim_version", .string(ToolVersion.cchsim)),
            ("command", .string("teachers")),
            ("name", .string(scenario.name)),
            ("scenario", .string(scenario.file)),
            ("seed", .integer(Int(truncatingIfNeeded: scenario.seed))),
            ("rows", .integer(loaded.data.rows)),
            ("representation", .string(representationText)),
            ("views", .array(loaded.views.map { v in
                .object([("name", .string(v.name)), ("file", .string(v.file)), ("columns", .integer(v.columns)),
                         ("dropped_constant_columns", .array(v.droppedConstant.map(JSONTree.string))),
                         ("components", .integer(v.components)), ("explained_fraction", .number(v.explainedFraction)),
                         ("decomposition", .string(v.method.rawValue))])
            })),
            ("label", .string(continuous ? "continuous" : "class")),
            ("protocol", .string(protocolText)),
            ("truth_rule", .string(truthRule)),
            ("theory", theoryTree),
            ("estimators", .array(information.estimators.map { .string(Self.estimatorText($0, continuous: continuous)) })),
            ("nearest_neighbour_noise", .object([("scale", .number(NearestNeighbourNoise.scale)), ("rule", .string(noiseText)),
                                                 ("quantities", .array(information.jittered.map(JSONTree.string)))])),
            ("unavailable_estimates", .array(unavailableEstimates.map { u in
                .object([("estimator", .string(u.estimator.rawValue)), ("teacher", .string(u.row.teacher)), ("student", .string(u.row.student)),
                         ("reason", .string("unavailable: \(u.reason)"))])
            })),
            ("replicates", .integer(information.settings.replicates)),
            ("level", .number(information.settings.level)),
            ("columns", .array(fields.schema.columns.map { .object([("key", .string($0.key)), ("role", .string($0.role.description))]) })),
            ("warnings", .array(loaded.warnings.map(JSONTree.string))),
            ("rows_dropped_for_missing_values", .integer(loaded.droppedForMissingValues)),
            ("seconds", .number(seconds)),
            ("seconds_loading", .number(phaseSeconds.loading)),
            ("seconds_information", .number(phaseSeconds.information)),
            ("seconds_experiment", .number(phaseSeconds.experiment)),
            ("threads", .integer(threads)),
            ("files", .array(files.map(JSONTree.string))),
        ]
        if hasTeacherSets { pairs.append(("teachers", teachersTree)) }
        if !loaded.leftOutByID.isEmpty {
            pairs.append(("rows_left_out_by_id", .object(loaded.leftOutByID.map { ($0.file, .integer($0.count)) })))
        }
        if !continuous { pairs.insert(("classes", .array(loaded.classCounts.map { .string("\($0.name): \($0.count)") })), at: 7) }
        return .object(pairs)
    }

    /// A number column's value by role (NaN when absent).
    func number(_ role: ColumnRole, _ row: TeacherPairRow) -> Double { fields.number(role, row) ?? .nan }

    /// Four significant digits (the table's width).
    private func fmt(_ x: Double) -> String { String(format: "%.4g", x) }
    private func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + fmt(x) }
}

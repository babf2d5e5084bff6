import ArgumentParser
import CCHScenario
import CrossModalKD
import SweepEngine

extension CCHSimCommand {
    /// `cchsim classify`: Monte Carlo of classification KD with a logistic student.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Monte Carlo of classification KD: a logistic student's accuracy with and without soft-target KD.",
            discussion: """
                For a scenario with [model] label = "sign" and [student] loss = "logistic": paired \
                trials fit the student on the same sample without KD (hard labels) and with KD (the \
                teacher's logit softened at the temperature), and score both for C = sign(Y), exactly \
                (Sheppard) or on --test-n fresh rows. The gain is set against CCH's prediction with the \
                class label, I(T;S) > I(S;C). Deterministic for a given seed. \
                Trials and test_n default to the scenario's [monte_carlo] table.
                Example: cchsim classify Scenarios/cls-noisy-labels.toml --trials 4000
                """)

        @OptionGroup var file: ScenarioFileArgument
        @OptionGroup var trialsOption: TrialsOption
        @Option(name: .customLong("test-n"), parsing: .unconditional, help: "Score on this many fresh test rows per trial (default: [monte_carlo] test_n, else exactly by Sheppard's formula).")
        var testN: Int?
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var set: OverrideOption
        @OptionGroup var jsonOption: JSONOption

        mutating func run() throws { try StandardOutput.line(try output()) }

        func validate() throws {
            try OptionLimits.check(trialsOption.trials, "--trials", minimum: 2, maximum: SizeLimits.maximumStoredTrials)
            try OptionLimits.check(testN, "--test-n", minimum: 1, maximum: SizeLimits.maximumSampleSize)
        }

        func output() throws -> String {
            let loaded = try ScenarioLoading.load(file.scenario, overrides: set.overrides)
            let used = seedOption.seed ?? loaded.seed
            let settings = loaded.monteCarlo
            if let testN { try loaded.checkHeldRows(testN, key: "--test-n", what: "the test rows") }
            guard let experiment = try LogisticKDExperiment(of: loaded, trials: trialsOption.trials ?? settings.trials,
                                                                       testSamples: testN ?? settings.testSamples) else {
                throw ScenarioError(file: loaded.file, key: .student(.loss), reason: "classify needs a logistic student "
                    + "([model] label = \"sign\" and [student] loss = \"logistic\"); use analyze for the squared loss")
            }
            let information = ClassInformationSummary(model: experiment.model)
            let summary = experiment.run(seed: used)
            let fields = ScenarioFields.identity(loaded).filter { $0.key != "seed" } + [("seed", .unsigned(used))] + set.fields
                + ClassificationFields.of(experiment, summary, information)
            return jsonOption.json ? JSONText.object(fields)
                : set.annotated(ClassifyReport.text(loaded, seed: used, experiment, summary, information), over: loaded.file)
        }
    }
}

/// The report and JSON keys of `cchsim classify` (accuracies as fractions, informations in nats).
enum ClassifyReport {
    static func describe(_ t: LogisticTeacherSpec, rows: TeacherRows) -> String {
        switch t {
        case .posterior: "the Bayes posterior logit of C given T (oracle)"
        case .fitted(let nt, let ridge):
            "logistic regression of C on T, \(AnalysisReport.rows(rows, nt)), ridge \(AnalysisReport.fmt(ridge))"
        }
    }

    static func text(_ s: Scenario, seed: UInt64, _ e: LogisticKDExperiment, _ r: LogisticKDSummary,
                     _ c: ClassInformationSummary) -> String {
        let f = AnalysisReport.fmt, spec = e.spec
        func fixed(_ x: Double) -> String { String(format: "%.4f", x) }
        func signed(_ x: Double) -> String { String(format: "%+.4f", x) }
        var lines = [
            "Classification KD, scenario \(s.name) (\(s.file)), seed \(seed), \(r.trials) paired trials",
            "  model:   \(AnalysisReport.describe(s.model)), label C = sign(Y)",
            "  teacher: \(describe(spec.teacher, rows: spec.teacherRows))",
            "  student: logistic, n = \(spec.samples), ridge = \(f(spec.ridge)), lambda = \(f(spec.lambda)), temperature = \(f(spec.temperature))",
            "  scored:  " + (r.testSamples.map { "on \($0) fresh test rows per trial" } ?? "exactly (Sheppard: 1/2 + asin(corr(w'S, Y))/pi)"),
            "",
            "Information (closed form): I(T;S) = \(f(c.teacherStudent)), I(S;C) = \(f(c.studentClass)) nats; "
                + "CCH gap with the class label = \(f(c.cchGap)): CCH predicts KD \(c.cchPredictsGain ? "helps" : "does not help")",
            "",
            "Accuracy for C                mean      +- se",
            "  Bayes classifier on S     \(fixed(r.bayesAccuracyStudent))",
            "  teacher sign(u)           \(fixed(r.teacherAccuracy))",
            "  student without KD        \(fixed(r.accuracyNoKD))    \(fixed(r.accuracyNoKDSE))",
            "  student with KD           \(fixed(r.accuracyKD))    \(fixed(r.accuracyKDSE))",
            "  KD gain (paired)         \(signed(r.gain))    \(fixed(r.gainSE))   z = \(r.gainZ.isFinite ? String(format: "%.2f", r.gainZ) : "- (SE 0)"), "
                + "KD better in \(String(format: "%.1f", 100 * r.fractionKDBetter))% of trials",
        ]
        let floor = f(LogisticRegression.separationRidge)
        var fits: [String] = []
        if r.separableNoKD > 0 { fits.append("\(r.separableNoKD) students without KD") }
        if r.separableKD > 0 { fits.append("\(r.separableKD) students with KD") }
        if r.separableTeacher > 0 { fits.append("\(r.separableTeacher) teachers") }
        lines.append("")
        lines.append(fits.isEmpty ? "Fits: no separable training data."
            : "Fits: separable training data for \(fits.joined(separator: ", ")) of \(r.trials): refitted with the L2 floor \(floor).")
        if r.notConverged > 0 {
            lines.append("      \(r.notConverged) fits did not converge in \(LogisticRegression.iterationCap) Newton steps: refitted with the L2 floor \(floor) where the penalty was lower.")
        }
        let settled = abs(r.gainZ) >= 2 ? "" : " (not settled: |z| < 2)"
        lines.append("")
        lines.append("Verdict: KD \(r.kdHelps ? "raises" : "does not raise") the accuracy\(settled); "
                     + "CCH with the class label \(c.cchPredictsGain == r.kdHelps ? "agrees" : "is wrong here").")
        return ReportText.join(lines)
    }
}

import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

extension CCHSimCommand {
    /// `cchsim analyze`: the analytic answer for one scenario.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Closed-form mutual information, CCH verdict and analytic KD risk for one scenario.",
            discussion: """
                Give a scenario file, or the scalar shortcut (--rho-ts, --rho-sy, --rho-ty with the \
                student options) for a correlations model with unit variances.

                Example: cchsim analyze --rho-ts 0.6 --rho-sy 0.4 --rho-ty 0.3 --n inf --ridge 0.05 --lambda 0.2 --target representation
                """)

        @Argument(help: "Scenario file (TOML).", completion: .scenarioFile)
        var scenario: String?

        @Option(name: .customLong("rho-ts"), parsing: .unconditional, help: "Correlation of teacher and student (shortcut).")
        var rhoTS: Double?
        @Option(name: .customLong("rho-sy"), parsing: .unconditional, help: "Correlation of student and label (shortcut).")
        var rhoSY: Double?
        @Option(name: .customLong("rho-ty"), parsing: .unconditional, help: "Correlation of teacher and label (shortcut).")
        var rhoTY: Double?
        @Option(parsing: .unconditional, help: "Student training samples: an integer or 'inf' (shortcut; default inf).")
        var n: Checked<TrainingSamples>?
        @Option(parsing: .unconditional, help: "Ridge penalty gamma >= 0 (shortcut; default 0).")
        var ridge: Double?
        @Option(parsing: .unconditional, help: "KD weight lambda in [0, 1] (shortcut; default 0.5).")
        var lambda: Double?
        @Option(help: "KD target (shortcut; default prediction).")
        var target: TeacherTarget?
        @Option(parsing: .unconditional, help: "Teacher scale c (shortcut; default 1).")
        var scale: Double?

        @OptionGroup var set: OverrideOption

        @Flag(help: "Print one JSON object instead of the report.")
        var json = false

        mutating func run() throws { try StandardOutput.line(try output()) }

        func validate() throws { _ = try samples }

        /// `--n`: the student's training samples, `inf` without the option.
        private var samples: TrainingSamples {
            get throws(ValidationError) { try n?.value("--n") ?? .infinite }
        }

        /// The report (or JSON object) `run` prints.
        func output() throws -> String {
            let loaded = try resolveScenario()
            if loaded.classification != nil {
                let report = try LogisticAnalysisReport.output(loaded, json: json)
                return json ? report : set.annotated(report, over: loaded.file)
            }
            let analysis: KDAnalysis
            let classInformation: ClassInformationSummary?
            analysis = try KDAnalysis(of: loaded, threads: loaded.monteCarlo.threads ?? ProcessInfo.processInfo.activeProcessorCount)
            classInformation = try ClassInformationSummary(of: loaded)
            let classFields = classInformation.map(ClassInformationFields.of) ?? []
            let classText = classInformation.map { "\n\n" + ClassInformationReport.text($0) } ?? ""
            // Several teacher modalities: every teacher set and ensemble beside the scenario's own.
            let comparison = loaded.teacherModalities.count > 1 ? try TeacherSetComparison(of: loaded) : nil
            let setFields = comparison.map { TeacherSetReport.fields(scenario: loaded, comparison: $0) } ?? []
            let setText = comparison.map { "\n\n" + TeacherSetReport.text(scenario: loaded, comparison: $0) } ?? ""
            return json ? JSONText.object(ScenarioFields.identity(loaded) + set.fields + AnalysisFields.of(analysis) + classFields + setFields)
                        : set.annotated(AnalysisReport.text(scenario: loaded, analysis: analysis) + classText + setText, over: loaded.file)
        }

        private var shortcutGiven: Bool {
            rhoTS != nil || rhoSY != nil || rhoTY != nil || n != nil || ridge != nil || lambda != nil || target != nil || scale != nil
        }

        private func resolveScenario() throws -> Scenario {
            if let scenario {
                guard !shortcutGiven else {
                    throw ValidationError("give either a scenario file or the shortcut options (--rho-ts ...), not both")
                }
                return try ScenarioLoading.load(scenario, overrides: set.overrides)
            }
            guard let rhoTS, let rhoSY, let rhoTY else {
                throw ValidationError("give a scenario file, or all of --rho-ts, --rho-sy and --rho-ty")
            }
            typealias Key = ScenarioKey
            var student: [String: ScenarioValue] = [Key.Student.n.name: try samples.scenarioValue]
            if let ridge { student[Key.Student.ridge.name] = .number(ridge) }
            if let lambda { student[Key.Student.lambda.name] = .number(lambda) }
            var teacher: [String: ScenarioValue] = [:]
            if let target { teacher[Key.Teacher.target.name] = .string(target.rawValue) }
            if let scale { teacher[Key.Teacher.scale.name] = .number(scale) }
            let root: [String: ScenarioValue] = [
                Key.Header.name.name: .string("shortcut"),
                Key.Table.model.name: .table([Key.Model.kind.name: .string("correlations"), Key.Model.rhoTS.name: .number(rhoTS),
                                              Key.Model.rhoSY.name: .number(rhoSY), Key.Model.rhoTY.name: .number(rhoTY)]),
                Key.Table.teacher.name: .table(teacher),
                Key.Table.student.name: .table(student),
            ]
            let document = try ScenarioDocument(file: "command line", root: root).applying(set.overrides)
            do { return try Scenario(document: document) } catch { throw ScenarioOverride.relabel(error, set.overrides) }
        }
    }
}

/// Fields that identify a scenario in JSON output.
enum ScenarioFields {
    static func identity(_ s: Scenario) -> ReportFields {
        [("name", .text(s.name)), ("file", .text(s.file)), ("seed", .unsigned(s.seed))]
    }
}

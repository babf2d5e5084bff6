import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

extension CCHSimCommand {
    /// `cchsim fit`: the joint Gaussian of a data scenario's (teacher view, student view, label),
    /// written as a covariance scenario file the other commands read.
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the joint Gaussian of two views and the label of real data; write it as a covariance scenario.",
            discussion: """
                The scenario has a [data] table (docs/real-data.md). The fit is the sample covariance \
                (divisor N, the Gaussian maximum-likelihood fit) of the teacher view's and the student \
                view's principal-component representations and the label: a continuous label as is, \
                two classes coded -1 and +1 (more classes have no scalar label: an error). The written \
                scenario (model.kind = "covariance") carries the data experiment's teacher and student \
                (OLS, student_n, lambda); run `cchsim analyze` on it for the theory's prediction, or \
                `cchsim simulate` where analyze has no closed form.
                Example:
                  make data && cchsim fit Scenarios/fig10-nutrimouse-genotype.toml --teacher gene --student lipid
                """)

        @OptionGroup var file: ScenarioFileArgument

        @Option(help: "The teacher's view (a name in [[data.views]]).")
        var teacher: String

        @Option(help: "The student's view (a name in [[data.views]]).")
        var student: String

        @Option(help: "Output file, '-' for standard output (default: NAME-TEACHER-STUDENT-fit.toml in the current directory).",
                completion: .file(extensions: ["toml"]))
        var out: String?

        mutating func run() throws {
            let text = try ScenarioLoading.readText(file.scenario)
            let document = try ScenarioDocument(file: file.scenario, text: text)
            guard document.modelOrigin == .data else { throw FittedScenarioError.modelScenario(file: file.scenario) }
            let source = try DataScenario(document: document)
            let loaded = try source.load()
            for warning in loaded.warnings { FileHandle.standardError.write(Data("Warning: \(EchoedInput.escaped(warning, keepingNewlines: true))\n".utf8)) }
            let fitted = try FittedScenarioFile(source: source, loaded: loaded, teacher: teacher, student: student)
            if out == "-" {
                try StandardOutput.line(String(fitted.text.dropLast()))
                return
            }
            let path = out ?? fitted.defaultPath
            try fitted.write(to: path)
            try StandardOutput.line(Self.summary(fitted, path: path))
        }

        /// What was written and what to run next.
        static func summary(_ fitted: FittedScenarioFile, path: String) -> String {
            let m = fitted.fit.model
            var lines = ["Wrote \(path): the joint Gaussian of (teacher \(fitted.teacherView), student \(fitted.studentView), label) fitted on "
                         + "\(fitted.fit.rows) rows; dt = \(m.dt), ds = \(m.ds); label: \(fitted.fit.labelCoding.summary)."]
            switch fitted.analysis {
            case .success(let a):
                lines.append("Next: cchsim analyze \(path)   (the theory's prediction, regime \(a.regime.rawValue))")
            case .failure(let e):
                lines.append("Next: cchsim simulate \(path)   (`cchsim analyze` has no closed form here: "
                             + FittedScenarioFile.noFormulaReason(e) + ")")
            }
            return lines.joined(separator: "\n")
        }
    }
}

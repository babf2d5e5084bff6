import CCHScenario
import CrossModalKD
import Foundation
import TOMLKit

/// The text of a fitted covariance scenario: the provenance header, then the model and the KD
/// setting written by TOMLKit's encoder, which quotes user text (view, file and class names) so
/// that it stays inside its string.
extension FittedScenarioFile {
    /// The scenario file: the comment header, then `name`, `description`, `seed`, `[model]`,
    /// `[student]` and `[teacher]` (`Tables`). User text in the header goes through `quoted`.
    /// - Throws: `FittedScenarioError.unencodable` if the encoder fails (a defect: every value is encodable).
    static func render(name: String, fit: FittedGaussian, setting: FittedKDSetting, source: DataScenario, loaded: LoadedData,
                       analysis: Result<KDAnalysis, ParameterError>) throws -> String {
        let teacher = loaded.views[fit.pair.teacher], student = loaded.views[fit.pair.student]
        let m = fit.model
        func view(_ v: LoadedData.View) -> String {
            "view \(quoted(v.name)), \(v.components) principal component(s) of \(v.columns) column(s) "
                + "(\(percent(v.explainedFraction)) of the variance)"
        }
        let column: String
        switch source.label.column {
        case .name(let s): column = "column \(quoted(s))"
        case .number(let i): column = "column \(i)"
        }
        let labelKind: String
        switch fit.labelCoding {
        case .continuous: labelKind = "continuous, as is"
        case .binary(let negative, let positive): labelKind = "two classes, coded \(quoted(negative)) = -1, \(quoted(positive)) = +1"
        }
        let teacherLine: String, teacherTable: Tables.Teacher
        switch (setting.teacher.fit, setting.teacher.rows) {
        case (.ols(let nt), .own):
            teacherLine = "OLS teacher on \(nt) rows of its own"
            teacherTable = Tables.Teacher(target: "prediction", fit: "ols", n: nt, rows: nil)
        default:
            teacherLine = "OLS teacher on the student's rows (privileged information)"
            teacherTable = Tables.Teacher(target: "prediction", fit: "ols", n: nil, rows: "student")
        }
        var lines = [
            "# A covariance scenario fitted to real data by `cchsim fit` (cchsim \(ToolVersion.cchsim)): the joint Gaussian of",
            "# (teacher representation T, student representation S, label Y). Analyse or simulate it like any",
            "# scenario, or add a [sweep] (e.g. over \(ScenarioKey.student(.n))). docs/real-data.md, \"The theory on the data\".",
            "#",
            "# data scenario: \(quoted(source.file)) (name \(quoted(source.name)))",
            "# teacher T:     \(view(teacher))",
            "# student S:     \(view(student))",
            "# label Y:       \(column) of \(quoted(source.label.path)), \(labelKind)",
            "# rows:          \(fit.rows), all of them; each view standardised and reduced to its principal components",
            "#                (label-free, on all rows)",
            "# fit:           Gaussian maximum likelihood = moment projection: the sample covariance (divisor N) of",
            "#                (T, S, Y), means removed; a moment fit of data that need not be Gaussian",
            "# experiment:    \(teacherLine);",
            "#                OLS student (ridge 0) on n = \(source.experiment.studentRows) rows, lambda = \(number(source.experiment.lambda)): the theory's",
            "#                linear least-squares learner, not the measured experiment's softmax learners",
            "#                (their temperature, ridge and lambda grid have no counterpart here)",
        ]
        switch analysis {
        case .success(let a):
            lines.append("# analyze:       exact regime \(a.regime.rawValue): `cchsim analyze` gives the theory's prediction")
        case .failure(let e):
            lines.append("# analyze:       no closed form: \(noFormulaReason(e)).")
            lines.append("#                Use `cchsim simulate` (Monte Carlo); in a [sweep], add truth = \"monte-carlo\" under")
            lines.append("#                [student] (docs/scenarios.md).")
        }
        lines += [
            "# \(ScenarioKey.model(.matrix)): rows and columns in the order T = \(quoted(teacher.name)) PC1..PC\(m.dt), "
                + "S = \(quoted(student.name)) PC1..PC\(m.ds), Y = the label",
            "",
        ]
        let tables = Tables(
            name: name, description: "fitted Gaussian: teacher \(teacher.name), student \(student.name), data scenario \(source.name)",
            seed: Int(source.seed),
            model: Tables.Model(kind: "covariance", dt: m.dt, ds: m.ds,
                                matrix: (0..<m.sigma.rows).map { i in (0..<m.sigma.cols).map { m.sigma[i, $0] } }),
            student: Tables.Student(n: source.experiment.studentRows, ridge: 0, lambda: source.experiment.lambda),
            teacher: teacherTable)
        do { return lines.joined(separator: "\n") + "\n" + (try toml(tables)) } catch {
            throw FittedScenarioError.unencodable(reason: "\(error)")
        }
    }

    /// The file's keys and tables as the scenario reader decodes them (docs/scenarios.md), each
    /// key spelled by `ScenarioKey`.
    struct Tables: LeafTable {
        struct Model: LeafTable {
            let kind: String, dt: Int, ds: Int
            /// The (dt + ds + 1) square covariance, row by row.
            let matrix: [[Double]]

            var entries: [LeafEntry] {
                [(ScenarioKey.Model.kind, kind), (ScenarioKey.Model.dt, dt), (ScenarioKey.Model.ds, ds), (ScenarioKey.Model.matrix, matrix)]
            }
        }
        /// An OLS prediction teacher on `n` rows of its own, or on the student's rows (`rows = "student"`).
        struct Teacher: LeafTable {
            let target: String, fit: String, n: Int?, rows: String?

            var entries: [LeafEntry] {
                [(ScenarioKey.Teacher.target, target), (ScenarioKey.Teacher.fit, fit), (ScenarioKey.Teacher.n, n), (ScenarioKey.Teacher.rows, rows)]
            }
        }
        struct Student: LeafTable {
            let n: Int, ridge: Double, lambda: Double

            var entries: [LeafEntry] { [(ScenarioKey.Student.n, n), (ScenarioKey.Student.ridge, ridge), (ScenarioKey.Student.lambda, lambda)] }
        }
        let name: String, description: String, seed: Int
        let model: Model, student: Student, teacher: Teacher

        var entries: [LeafEntry] {
            [(ScenarioKey.Header.name, name), (ScenarioKey.Header.description, description), (ScenarioKey.Header.seed, seed),
             (ScenarioKey.Table.model, model), (ScenarioKey.Table.student, student), (ScenarioKey.Table.teacher, teacher)]
        }
    }

    /// `value` as TOML by TOMLKit's encoder (toml++'s formatter): keys sorted within each table,
    /// strings in double quotes with TOML's escapes (non-ASCII text as is), doubles with 17
    /// significant digits (so they read back to the same bits), arrays indented and wrapped one
    /// item per line past toml++'s line width (about 120 characters), ending with a line break.
    static func toml(_ value: some Encodable) throws -> String {
        let text: String = try TOMLEncoder(options: [.allowUnicodeStrings, .indentations]).encode(value)
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Why `analyze` gives no number, in one line: a teacher on the student's rows with vector
    /// views has no closed form (docs/privileged-information.md); otherwise the analysis's reason.
    public static func noFormulaReason(_ e: ParameterError) -> String {
        e.parameter == .teacherRows
            ? "a teacher fitted on the student's rows has an exact risk only for dt = ds = 1 (docs/privileged-information.md)"
            : e.scenarioDescription
    }

    /// A double in Swift's shortest form that reads back to the same value, for the header's prose.
    static func number(_ x: Double) -> String { "\(x)" }

    private static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    /// `text` as a TOML basic string, so user text (view and file names) can never break out of
    /// its string or comment line: a JSON string literal is one (the same escapes, and every
    /// control character as \uXXXX; `JSONText.quote`).
    static func quoted(_ text: String) -> String { JSONText.quote(text) }

    /// `stem` made a valid scenario name and file stem (`ScenarioText.nameProblem`): path
    /// separators and control characters become `_`, leading `.`, `-`, `<`, `|`, `~` are dropped,
    /// and the result is cut to the longest name allowed.
    static func fileStem(_ stem: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in stem.unicodeScalars {
            scalars.append(s == "/" || s == "\\" || ScenarioText.isControl(s) ? "_" : s)
        }
        var text = String(scalars)
        while let first = text.first, ".-<|~".contains(first) { text.removeFirst() }
        let cut = String(String.UnicodeScalarView(text.unicodeScalars.prefix(ScenarioText.maximumNameLength)))
        return cut.isEmpty ? "fit" : cut
    }
}

/// One key of a `LeafTable` and its value (nil: the key is left out).
typealias LeafEntry = (key: any TableLeaf, value: (any Encodable)?)

/// A table of a scenario file that `cchsim fit` writes: its entries, each key spelled by
/// `ScenarioKey`, encoded in order, the absent ones left out.
protocol LeafTable: Encodable {
    var entries: [LeafEntry] { get }
}

extension LeafTable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LeafCodingKey.self)
        for (key, value) in entries {
            if let value { try container.encode(value, forKey: LeafCodingKey(stringValue: key.name)) }
        }
    }
}

/// A coding key that is the key of a scenario table.
private struct LeafCodingKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

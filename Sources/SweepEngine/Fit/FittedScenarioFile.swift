import CCHScenario
import CrossModalKD
import Foundation

/// The joint Gaussian fitted to a data scenario's pair of views (`FittedGaussian`), written as a
/// covariance scenario file (docs/scenarios.md, `model.kind = "covariance"`) that `analyze`,
/// `simulate` and `run` read unchanged: the model, the data experiment's teacher and student
/// (`FittedKDSetting`), and a comment header saying where it came from (docs/real-data.md,
/// "The theory on the data").
///
/// Numbers are written in Swift's shortest round-trip form, so the file decodes to exactly the
/// fitted doubles; the text is decoded back before it is handed out, so a file that would not
/// load is never written.
public struct FittedScenarioFile {
    public let fit: FittedGaussian
    /// The names of the teacher's and the student's views.
    public let teacherView: String, studentView: String
    /// The scenario's name: `<data scenario>-<teacher>-<student>-fit`, made a valid file stem.
    public let name: String
    /// The TOML text.
    public let text: String
    /// The text decoded as a scenario.
    public let scenario: Scenario
    /// The theory's answer for the file's setting, or why `analyze` has none (then `simulate` applies).
    public let analysis: Result<KDAnalysis, AnalysisError>
    /// The files the fit was read from (the data scenario, its views and label), never overwritten.
    let inputs: [String]

    /// Fits the joint Gaussian of the views named `teacher` and `student` of `source`'s data
    /// (already loaded as `loaded`) and renders the scenario file.
    /// - Throws: `RunError` for an unknown view name (listing the views) or a pair the fit refuses
    ///   (`GaussianFitError`: a label with more than two classes, a singular covariance), naming the file.
    public init(source: DataScenario, loaded: LoadedData, teacher: String, student: String) throws {
        let names = loaded.data.viewNames
        func index(_ view: String, _ option: String) throws -> Int {
            guard let i = names.firstIndex(of: view) else {
                throw RunError("\(option): \(source.file) has no view \(Self.quoted(view)); its views are "
                               + names.map(Self.quoted).joined(separator: ", "))
            }
            return i
        }
        let pair = ViewPair(teacher: try index(teacher, "--teacher"), student: try index(student, "--student"))
        teacherView = teacher
        studentView = student
        let fit: FittedGaussian
        do { fit = try FittedGaussian(loaded.data, pair: pair) } catch {
            let key: String
            switch error {
            case .multiClassLabel: key = "data.label"
            case .sameView: key = "--teacher/--student"
            default: key = "data.components"
            }
            throw RunError("\(source.file): \(key): \(error.description)")
        }
        name = Self.fileStem("\(source.name)-\(teacher)-\(student)-fit")
        let setting = FittedKDSetting(source.experiment)
        let analysis = Result { () throws(AnalysisError) in try fit.analysis(source.experiment) }
        let text = Self.render(name: name, fit: fit, setting: setting, source: source, loaded: loaded, analysis: analysis)
        do { scenario = try Scenario(file: name + ".toml", text: text) } catch {
            throw RunError("cchsim fit wrote a scenario it cannot read back (a defect; please report it): \(error.description)")
        }
        self.fit = fit
        self.analysis = analysis
        self.text = text
        inputs = [source.file, source.label.path] + source.views.map(\.path)
    }

    /// The default output path: `<name>.toml` in the directory of the data scenario file `sourceFile`.
    public func defaultPath(besides sourceFile: String) -> String {
        guard let slash = sourceFile.lastIndex(of: "/") else { return name + ".toml" }
        return String(sourceFile[...slash]) + name + ".toml"
    }

    /// Writes the text to `path` atomically (a temporary file renamed over it).
    /// - Throws: `RunError` saying why `path` cannot be written (or that it is one of the input
    ///   files); nothing is left behind.
    public func write(to path: String) throws {
        if let input = inputs.first(where: { Self.sameFile($0, path) }) {
            throw RunError("cannot write \(path): it is the input file \(input); give another --out")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw RunError("cannot write \(path): it is a directory; give a file name (--out DIR/NAME.toml)")
        }
        let directory = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw RunError("cannot write \(path): the directory \(directory) does not exist")
        }
        guard isDirectory.boolValue else { throw RunError("cannot write \(path): \(directory) is not a directory") }
        guard access(directory, W_OK) == 0 else {
            throw RunError("cannot write \(path): the directory \(directory) is not writable (\(POSIXText.lastError))")
        }
        try AtomicFile.write(text, to: path)
    }

    /// Whether two paths name the same existing file (same device and inode).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    // MARK: Rendering

    static func render(name: String, fit: FittedGaussian, setting: FittedKDSetting, source: DataScenario, loaded: LoadedData,
                       analysis: Result<KDAnalysis, AnalysisError>) -> String {
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
        case .binary: labelKind = "two classes, coded " + fit.labelCoding.summary.replacingOccurrences(of: "class ", with: "")
        }
        let teacherLine: String, teacherKeys: [String]
        switch (setting.teacher.fit, setting.teacher.rows) {
        case (.ols(let nt), .own):
            teacherLine = "OLS teacher on \(nt) rows of its own"
            teacherKeys = ["fit = \"ols\"", "n = \(nt)"]
        default:
            teacherLine = "OLS teacher on the student's rows (privileged information)"
            teacherKeys = ["fit = \"ols\"", "rows = \"student\""]
        }
        var lines = [
            "# A covariance scenario fitted to real data by `cchsim fit` (cchsim \(ToolVersion.cchsim)): the joint Gaussian of",
            "# (teacher representation T, student representation S, label Y). Analyse or simulate it like any",
            "# scenario, or add a [sweep] (e.g. over student.n). docs/real-data.md, \"The theory on the data\".",
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
            "",
            "name = \(quoted(name))",
            "description = \(quoted("fitted Gaussian: teacher \(teacher.name), student \(student.name), data scenario \(source.name)"))",
            "seed = \(source.seed)",
            "",
            "[model]",
            "kind = \"covariance\"",
            "dt = \(m.dt)",
            "ds = \(m.ds)",
            "# order: T = \(quoted(teacher.name)) PC1..PC\(m.dt), S = \(quoted(student.name)) PC1..PC\(m.ds), Y = the label",
            "matrix = [",
        ]
        for i in 0..<m.sigma.rows {
            lines.append("  [" + (0..<m.sigma.cols).map { number(m.sigma[i, $0]) }.joined(separator: ", ") + "],")
        }
        lines += [
            "]",
            "",
            "[teacher]",
            "target = \"prediction\"",
        ] + teacherKeys + [
            "",
            "[student]",
            "n = \(source.experiment.studentRows)",
            "ridge = 0.0",
            "lambda = \(number(source.experiment.lambda))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why `analyze` gives no number, in one line: a teacher on the student's rows with vector
    /// views has no closed form (docs/privileged-information.md); otherwise the analysis's reason.
    public static func noFormulaReason(_ e: AnalysisError) -> String {
        e.parameter == "teacher.rows"
            ? "a teacher fitted on the student's rows has an exact risk only for dt = ds = 1 (docs/privileged-information.md)"
            : e.description
    }

    /// A double in Swift's shortest form that reads back to the same value (a valid TOML float).
    static func number(_ x: Double) -> String { "\(x)" }

    private static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    /// `text` as a TOML basic string: quotes, backslashes and control characters escaped, so user
    /// text (view and file names) can never break out of its string or comment line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if ScenarioText.isControl(scalar) {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

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

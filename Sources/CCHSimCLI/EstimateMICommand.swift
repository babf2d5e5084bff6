import ArgumentParser
import Foundation
import CCHScenario
import CrossModalKD
import SweepEngine

extension CCHSimCommand {
    /// `cchsim estimate-mi`: I(T;S), I(S;Y) and the CCH gap estimated from samples.
    struct EstimateMI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "estimate-mi",
            abstract: "Estimate I(T;S), I(S;Y) and CCH's prediction from samples (Gaussian plug-in and KSG).",
            discussion: """
                Samples come from a scenario (drawn with --n and --seed; the closed form is shown next \
                to the estimates) or from a CSV file with a header row, naming its teacher, student and \
                label columns. With a sign label (scenario) or --discrete-label (CSV; class labels may be \
                numbers or text, as in a data scenario) I(S;Y) is \
                estimated by KSG for a discrete variable; the Gaussian plug-in does not apply to it. \
                Intervals come from --replicates half-samples (docs/theory.md section 6.3).
                Examples:
                  cchsim estimate-mi Scenarios/example.toml --n 2000 --seed 3
                  cchsim estimate-mi --csv reps.csv --teacher t1,t2 --student s1 --label y --json
                """)

        @Argument(help: "Scenario file (TOML) to draw samples from.", completion: .scenarioFile)
        var scenario: String?
        @Option(parsing: .unconditional, help: "Rows to draw from the scenario (default 1000).")
        var n: Int?
        @Option(parsing: .unconditional, help: "Seed of the drawn sample and of the half-samples (default: the scenario's seed, or 0 for a CSV).")
        var seed: UInt64?

        @Option(help: "CSV file with a header row (instead of a scenario).", completion: .file(extensions: ["csv"]))
        var csv: String?
        @Option(help: "Teacher columns of the CSV, comma separated.")
        var teacher: Checked<ColumnNames>?
        @Option(help: "Student columns of the CSV, comma separated.")
        var student: Checked<ColumnNames>?
        @Option(help: "Label column of the CSV.")
        var label: Checked<ColumnNames>?
        @Flag(help: "The CSV label is a class (discrete values), not a continuous quantity.")
        var discreteLabel = false

        @Option(parsing: .unconditional, help: "Neighbours k of the KSG estimator.")
        var k = 3
        @Option(help: "Estimators, comma separated.")
        var estimators = Checked<EstimatorList>(argument: EstimatorList.everyOne)
        @Option(parsing: .unconditional, help: "Half-sample replicates for the intervals (0: no intervals).")
        var replicates = 200
        @Option(parsing: .unconditional, help: "Confidence level of the intervals.")
        var level = 0.95
        @Flag(help: "Print one JSON object instead of the report.")
        var json = false

        mutating func run() throws { try StandardOutput.line(try output()) }

        func validate() throws {
            try OptionLimits.check(k, "--k", minimum: 1, maximum: SizeLimits.maximumSampleSize)
            guard replicates >= 0, replicates != 1 else { throw ValidationError("--replicates must be 0 or at least 2, got \(replicates)") }
            try OptionLimits.check(replicates, "--replicates", minimum: 0, maximum: SizeLimits.maximumStoredTrials)
            guard level > 0, level < 1 else { throw ValidationError("--level must lie strictly between 0 and 1, got \(level)") }
            if csv != nil {
                guard scenario == nil else { throw ValidationError("give a scenario file or --csv, not both") }
                guard n == nil else { throw ValidationError("--n applies to a scenario; a CSV is used whole") }
                guard teacher != nil, student != nil, label != nil else {
                    throw ValidationError("--csv needs --teacher, --student and --label column names")
                }
                _ = try columnNames
            } else {
                guard scenario != nil else { throw ValidationError("give a scenario file or --csv FILE") }
                guard teacher == nil, student == nil, label == nil, !discreteLabel else {
                    throw ValidationError("--teacher, --student, --label and --discrete-label apply to --csv")
                }
                try OptionLimits.check(n, "--n", minimum: 2, maximum: SizeLimits.maximumSampleSize)
            }
            _ = try estimators.value("--estimators")
        }

        /// The CSV's teacher, student and label column names (`--teacher`, `--student`, `--label`).
        var columnNames: (teacher: [String], student: [String], label: [String]) {
            get throws(ValidationError) {
                func names(_ option: Checked<ColumnNames>?, _ name: String) throws(ValidationError) -> [String] {
                    try (option ?? Checked(argument: "")).value(name).names
                }
                return (try names(teacher, "--teacher"), try names(student, "--student"), try names(label, "--label"))
            }
        }

        /// The report (or JSON object) `run` prints.
        func output() throws -> String {
            let kinds = try estimators.value("--estimators").kinds
            let input = try SampleInput.resolve(self)
            var results: [EstimatedGap] = []
            for kind in kinds {
                do {
                    let estimator = try kind.estimator(k: k)
                    results.append(try EstimatedGap(input.data, input.columns, estimator: estimator,
                                                    replicates: replicates, level: level, seed: input.seed))
                } catch {
                    throw EstimatorFailure(source: input.source, estimator: kind, cause: error,
                                           halfSampleRows: replicates > 0 ? input.data.rows / 2 : nil)
                }
            }
            return json ? JSONText.object(EstimateMIReport.fields(input: input, results: results, replicates: replicates, level: level))
                        : EstimateMIReport.text(input: input, results: results, replicates: replicates, level: level)
        }
    }
}

/// The sample `estimate-mi` works on: drawn from a scenario or read from a CSV file.
struct SampleInput {
    /// "scenario NAME (FILE)" or the CSV path, for messages.
    let source: String
    let data: Matrix
    let columns: CCHColumns
    let seed: UInt64
    /// Column names in the order T..., S..., label.
    let columnNames: [String]
    /// The closed form, for a scenario.
    let truth: (teacherStudent: Double, studentLabel: Double)?
    let scenario: Scenario?
    /// A remark for the report (e.g. a label column that looks discrete).
    let note: String?

    /// Stream tag of the sample drawn by `estimate-mi` ("cls-est").
    static let streamTag: UInt64 = 0x636C_732D_6573_74

    static func resolve(_ c: CCHSimCommand.EstimateMI) throws -> SampleInput {
        if let path = c.csv { return try fromCSV(path, c) }
        guard let path = c.scenario else { throw ValidationError("give a scenario file or --csv FILE") }
        let s = try ScenarioLoading.load(path)
        let n = c.n ?? 1000
        let model: JointGaussian
        try s.checkHeldRows(n, key: "--n", what: "the sample's rows")
        model = try s.buildModel()
        let seed = c.seed ?? s.seed
        let data = GaussianSampler(model: model).draw(n, label: s.label, from: RandomStream(seed: seed, ids: [streamTag, UInt64(n)]))
        let ts = GaussianInformation.mutualInformation(model.sigma, model.teacherIndices, model.studentIndices)
        let sy = s.label == .sign
            ? SignLabelInformation.mutualInformation(model, block: model.studentIndices)
            : GaussianInformation.mutualInformation(model.sigma, model.studentIndices, [model.labelIndex])
        let names = (1...model.dt).map { "T\($0)" } + (1...model.ds).map { "S\($0)" } + [s.label == .sign ? "C" : "Y"]
        return SampleInput(source: "scenario \(s.name) (\(s.file))", data: data, columns: CCHColumns(model: model, label: s.label),
                           seed: seed, columnNames: names, truth: (ts, sy), scenario: s, note: nil)
    }

    private static func fromCSV(_ path: String, _ c: CCHSimCommand.EstimateMI) throws -> SampleInput {
        let (t, s, y) = try c.columnNames
        guard y.count == 1 else { throw ValidationError("--label names one column, got \(y.count)") }
        let all = t + s + y
        if let repeated = all.enumerated().first(where: { all[..<$0.offset].contains($0.element) }) {
            throw ValidationError("the column '\(repeated.element)' is named twice among --teacher, --student and --label")
        }
        let table = try CSVFile(file: path, text: try ScenarioLoading.readText(path))
        let data = c.discreteLabel ? try classData(table, features: t + s, label: y[0]) : try table.numericColumns(all)
        guard data.rows >= 2 else { throw DataFileError(file: path, reason: "too few rows: \(data.rows) data row(s), need at least 2 (and more for each estimator)") }
        let columns = CCHColumns(teacher: Array(0..<t.count), student: Array(t.count..<(t.count + s.count)),
                                 label: t.count + s.count, discreteLabel: c.discreteLabel)
        let distinct = Set((0..<data.rows).map { data[$0, columns.label] }).count
        let note = !c.discreteLabel && distinct <= 10
            ? "the label column '\(y[0])' has only \(distinct) distinct values: if it is a class, add --discrete-label"
            : nil
        return SampleInput(source: path, data: data, columns: columns, seed: c.seed ?? 0, columnNames: all,
                           truth: nil, scenario: nil, note: note)
    }

    /// The feature columns as numbers and, last, the class label column coded as `ClassLabels`
    /// codes text labels (`teachers` reads its class labels the same way).
    /// - Throws: `DataFileError` for a missing column, a cell that is not a number, an empty label.
    private static func classData(_ table: CSVFile, features: [String], label: String) throws -> Matrix {
        let numbers = try table.numericColumns(features)
        let column = try table.column(named: label)
        var texts: [String] = []
        for r in 0..<table.rowCount {
            let cell = table.field(row: r, column: column)
            guard !cell.isEmpty else {
                throw DataFileError(file: table.file, line: table.line(ofRow: r), column: column + 1, columnName: label,
                                    reason: "an empty cell (a missing label)")
            }
            texts.append(cell)
        }
        let classes = ClassLabels(texts).indices
        var data = Matrix(rows: table.rowCount, cols: features.count + 1)
        for r in 0..<table.rowCount {
            for j in 0..<features.count { data[r, j] = numbers[r, j] }
            data[r, features.count] = Double(classes[r])
        }
        return data
    }
}

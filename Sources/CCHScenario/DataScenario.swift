import CrossModalKD
import SystemPackage

/// A data scenario: real multi-view data (one CSV file per view) and a label, with the settings of
/// `cchsim teachers`. Layout (docs/real-data.md, "Data scenarios"):
///
///     name = "uci-multifeature"          # optional; default the file name
///     seed = 1
///     [data]
///     components = 10                    # principal components kept per view
///     label = { file = "x.csv", column = "class", kind = "class" }   # or kind = "continuous"
///     id = "sample"                      # optional: join the files by this column's sample IDs
///     missing = "drop-rows"              # optional: drop rows with a missing value ("refuse")
///     [[data.views]]
///     name = "fourier"
///     file = "../data/fou.csv"           # relative to the scenario file; .gz read through gzip
///     exclude = [77]                     # columns not used (names or 1-based numbers)
///     layout = "samples-in-columns"      # optional: features in rows (DataLayout)
///     delimiter = "tab"                  # optional: "comma", "tab", "semicolon" (FieldDelimiter)
///     components = 5                     # optional: this view's components (default [data]'s)
///     [teacher]
///     n = 500                            # teacher_n rows of its own, or rows = "student"
///     [student]
///     n = 100                            # student_n
///     lambda = 0.5, temperature = 2, ridge = 1e-3, lambda_grid = [...], validation_fraction = 0.3
///     [experiment]
///     splits = 20
///     teacher_sets = "pairs"             # optional: "single" (default), "pairs" or [["a", "b"], ...]
///     student_ridge = [0.01, 0.1, 1]     # optional: the students' ridge swept (class label)
///     [estimation]
///     k = 3, replicates = 40, level = 0.95, folds = 5
///     estimators = ["gaussian", "ksg", "probe"]   # default: every one that applies to the label
public struct DataScenario: Sendable {
    public let document: ScenarioDocument
    public let name: String
    public let seed: UInt64
    /// The views, in file order.
    public let views: [ViewSource]
    public let label: LabelSource
    /// Principal components kept per view (all columns when a view is narrower), unless the view
    /// sets its own (`ViewSource.components`).
    public let components: Int
    /// The teacher sets (`[experiment] teacher_sets`), as view indices, besides every single view.
    public let teacherSets: [[Int]]
    /// The students' softmax ridge values swept (`[experiment] student_ridge`), each its own
    /// experiment and rows; nil: not swept (every fit uses `[student] ridge`).
    public let studentRidges: [Double]?
    /// The column of sample IDs by which the files are joined (nil: rows are matched by position).
    public let idColumn: String?
    /// What to do with a row that has a missing value in a used column.
    public let missing: MissingValuePolicy
    public let experiment: DistillationExperiment.Settings
    public let information: ViewInformation.Settings

    /// One view: a name and the columns of a CSV file.
    public struct ViewSource: Sendable, Equatable {
        public let name: String
        /// The path as written, and resolved against the scenario file's directory.
        public let file: String, path: String
        /// Columns left out (header names or 1-based numbers; samples in columns: feature names or
        /// 1-based feature numbers).
        public let exclude: [ColumnReference]
        public let layout: DataLayout
        public let delimiter: FieldDelimiter
        /// This view's principal components (its `components` key); nil: the data's.
        public let components: Int?
        /// The scenario key of this view, e.g. `data.views[2]`.
        public let key: String

        /// The dotted key of `leaf` in this view's table, e.g. `data.views[2].file`.
        public func keyPath(_ leaf: ScenarioKey.DataView) -> String { "\(key).\(leaf.name)" }
    }

    /// The label: one column of a CSV file.
    public struct LabelSource: Sendable, Equatable {
        public let file: String, path: String
        public let column: ColumnReference
        /// `data.label.kind`: class labels (numbers or text, `ClassLabels`) or a continuous quantity.
        public let kind: MultiViewLabel.Kind
        /// Whether the column holds class labels.
        public var isClass: Bool { kind == .class }
        public let delimiter: FieldDelimiter
    }

    /// What `load()` does with a sample that has a missing value (`CSVCell.isMissing`) in a used
    /// column of any view or in the label (`[data] missing`).
    public enum MissingValuePolicy: String, Sendable, CaseIterable {
        /// Refuse the data, saying how many cells are missing per column and where the first are.
        case refuse
        /// Drop such samples from every view and the label, and say how many.
        case dropRows = "drop-rows"
    }

    /// A column named by its header name or its 1-based number.
    public enum ColumnReference: Sendable, Hashable, CustomStringConvertible {
        case name(String), number(Int)
        public var description: String {
            switch self {
            case .name(let s): "'\(s)'"
            case .number(let i): "column \(i)"
            }
        }
    }

    /// The top-level tables of a data scenario.
    public static let sections = [ScenarioKey.Table.data, .teacher, .student, .experiment, .estimation]

    /// Decodes and validates `document` (the data files are read by `load()`).
    /// - Throws: `ScenarioError` naming the file, key and reason.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        guard document.modelOrigin == .data else {
            throw ScenarioError(file: document.file, topLevel: ScenarioKey.Table.data, reason: "missing: `cchsim teachers` needs a data scenario, "
                + "a [data] table of real multi-view data (docs/real-data.md); a model scenario (a [model] table) runs with "
                + "cchsim analyze, simulate, classify, reliability, estimate-mi or run")
        }
        self.document = document
        func resolve(_ path: String) -> String { Self.resolve(path, relativeTo: document.file) }
        let header = try ScenarioHeader(document, sections: Self.sections)
        name = header.name
        seed = header.seed

        let data = try TableReader(document, section: .data)
        components = try data.integer(DataKey.components, minimum: 1, maximum: SizeLimits.maximumDimension, default: 10)
        if data.has(DataKey.id) {
            let id = try data.string(DataKey.id)
            guard !id.isEmpty else { throw data.error(DataKey.id, "must name a column of sample IDs, got an empty name") }
            idColumn = id
        } else {
            idColumn = nil
        }
        missing = try data.choice(DataKey.missing, default: MissingValuePolicy.refuse)
        guard case .table(let labelTable)? = data.value(DataKey.label) else {
            throw data.error(DataKey.label, "missing (required): a table { file = \"...\", column = \"name\" or number, kind = \"class\" or \"continuous\" }")
        }
        let labelReader = data.reader(of: DataKey.label, table: labelTable)
        let labelFile = try labelReader.string(LabelKey.file)
        label = LabelSource(file: labelFile, path: resolve(labelFile), column: try Self.column(labelReader, LabelKey.column),
                            kind: try labelReader.choice(LabelKey.kind),
                            delimiter: try Self.delimiter(labelReader, LabelKey.delimiter, file: labelFile))
        try labelReader.finish()
        guard case .array(let items)? = data.value(DataKey.views) else {
            throw data.error(DataKey.views, "missing (required): an array of tables [[data.views]] with name and file")
        }
        var views: [ViewSource] = []
        for (i, item) in items.enumerated() {
            let element = ScenarioKey.Element(of: DataKey.views, at: i + 1)
            guard case .table(let t) = item else { throw data.error(element, "expected a table with name and file") }
            let r = data.reader(of: element, table: t)
            let viewName = try r.string(ViewKey.name)
            guard !viewName.isEmpty else { throw r.error(ViewKey.name, "must not be empty") }
            if views.contains(where: { $0.name == viewName }) { throw r.error(ViewKey.name, "the view name \"\(viewName)\" is used twice") }
            let file = try r.string(ViewKey.file)
            var exclude: [ColumnReference] = []
            if case .array(let list)? = r.value(ViewKey.exclude) {
                for entry in list {
                    switch entry {
                    case .string(let s): exclude.append(.name(s))
                    case .integer(let n) where n >= 1: exclude.append(.number(n))
                    default: throw r.error(ViewKey.exclude, "expected column names or 1-based column numbers, got \(entry)")
                    }
                }
            } else if r.has(ViewKey.exclude) {
                throw r.error(ViewKey.exclude, "expected an array of column names or 1-based numbers")
            }
            let layout = try r.choice(ViewKey.layout, default: DataLayout.samplesInRows)
            let delimiter = try Self.delimiter(r, ViewKey.delimiter, file: file)
            let viewComponents = r.has(ViewKey.components) ? try r.integer(ViewKey.components, minimum: 1, maximum: SizeLimits.maximumDimension) : nil
            try r.finish()
            let view = ViewSource(name: viewName, file: file, path: resolve(file), exclude: exclude, layout: layout, delimiter: delimiter,
                                  components: viewComponents, key: r.path)
            if layout == .samplesInColumns, view.path == label.path {
                throw r.error(ViewKey.layout, "the label's file \(labelFile) is read with samples in rows; a view of that file cannot have samples in columns")
            }
            if let other = views.first(where: { $0.path == view.path && ($0.layout != layout || $0.delimiter != delimiter) }) {
                throw r.error(other.layout != layout ? ViewKey.layout : .delimiter, "the file \(file) is also \(other.key)'s, read with "
                              + "layout = \"\(other.layout.rawValue)\" and delimiter = \"\(other.delimiter.rawValue)\": one file is read one way")
            }
            if view.path == label.path, delimiter != label.delimiter {
                throw r.error(ViewKey.delimiter, "the file \(file) is also the label's, read with delimiter = \"\(label.delimiter.rawValue)\": one file is read one way")
            }
            views.append(view)
        }
        guard views.count >= 2 else { throw data.error(DataKey.views, "needs at least two views, got \(views.count)") }
        try data.finish()
        self.views = views

        var experiment = DistillationExperiment.Settings()
        experiment.seed = seed
        let teacher = try TableReader(document, section: .teacher)
        if teacher.has(TeacherKey.rows) {
            _ = try teacher.choice(TeacherKey.rows, [TeacherRows.student.rawValue])
            if teacher.has(TeacherKey.n) { throw teacher.error(TeacherKey.n, "applies to a teacher with rows of its own; rows = \"student\" uses the student's") }
            experiment.teacherRows = .student
        } else {
            experiment.teacherRows = .own(try teacher.integer(TeacherKey.n, minimum: 2, maximum: SizeLimits.maximumSampleSize, default: 500))
        }
        try teacher.finish()
        let student = try TableReader(document, section: .student)
        experiment.studentRows = try student.integer(StudentKey.n, minimum: 4, maximum: SizeLimits.maximumSampleSize, default: experiment.studentRows)
        experiment.lambda = try student.double(StudentKey.lambda, in: 0...1, default: experiment.lambda)
        experiment.temperature = try student.double(StudentKey.temperature, default: experiment.temperature)
        guard experiment.temperature > 0 else { throw student.error(StudentKey.temperature, "must be > 0, got \(experiment.temperature)") }
        experiment.ridge = try student.double(StudentKey.ridge, default: experiment.ridge)
        guard experiment.ridge > 0 else { throw student.error(StudentKey.ridge, "must be > 0 (separable classes need it), got \(experiment.ridge)") }
        if student.has(StudentKey.lambdaGrid) {
            let grid = try student.vector(StudentKey.lambdaGrid)
            guard grid.count <= SizeLimits.maximumLambdaGrid else {
                throw student.error(StudentKey.lambdaGrid, "\(grid.count) values; at most \(SizeLimits.maximumLambdaGrid) (the largest grid cchsim accepts)")
            }
            guard grid.allSatisfy({ (0...1).contains($0) }) else { throw student.error(StudentKey.lambdaGrid, "values must lie in [0, 1], got \(grid)") }
            experiment.lambdaGrid = grid
        }
        experiment.validationFraction = try student.double(StudentKey.validationFraction, default: experiment.validationFraction)
        guard experiment.validationFraction > 0, experiment.validationFraction < 1 else {
            throw student.error(StudentKey.validationFraction, "must lie strictly between 0 and 1, got \(experiment.validationFraction)")
        }
        try student.finish()
        let protocolReader = try TableReader(document, section: .experiment)
        experiment.splits = try protocolReader.integer(ExperimentKey.splits, minimum: 2, maximum: SizeLimits.maximumStoredTrials, default: experiment.splits)
        teacherSets = try Self.teacherSets(protocolReader, views: views.map(\.name))
        if protocolReader.has(ExperimentKey.studentRidge) {
            let ridges = try protocolReader.vector(ExperimentKey.studentRidge)
            guard label.isClass else {
                throw protocolReader.error(ExperimentKey.studentRidge, "applies to the softmax students of a class label; a continuous label's students are OLS (no ridge)")
            }
            guard ridges.count <= SizeLimits.maximumLambdaGrid else {
                throw protocolReader.error(ExperimentKey.studentRidge, "\(ridges.count) values; at most \(SizeLimits.maximumLambdaGrid) (the largest grid cchsim accepts)")
            }
            if let bad = ridges.first(where: { !($0 > 0 && $0.isFinite) }) { throw protocolReader.error(ExperimentKey.studentRidge, "every value must be > 0, got \(bad)") }
            guard Set(ridges).count == ridges.count else { throw protocolReader.error(ExperimentKey.studentRidge, "a value is listed twice in \(ridges)") }
            studentRidges = ridges
        } else {
            studentRidges = nil
        }
        try protocolReader.finish()
        self.experiment = experiment

        var information = ViewInformation.Settings()
        information.seed = seed
        information.ridge = experiment.ridge
        let estimation = try TableReader(document, section: .estimation)
        information.neighbours = try estimation.integer(EstimationKey.k, minimum: 1, maximum: SizeLimits.maximumSampleSize, default: information.neighbours)
        information.replicates = try estimation.integer(EstimationKey.replicates, minimum: 0, maximum: SizeLimits.maximumStoredTrials, default: information.replicates)
        guard information.replicates != 1 else { throw estimation.error(EstimationKey.replicates, "must be 0 (no intervals) or at least 2, got 1") }
        information.level = try estimation.double(EstimationKey.level, default: information.level)
        guard information.level > 0, information.level < 1 else { throw estimation.error(EstimationKey.level, "must lie strictly between 0 and 1, got \(information.level)") }
        information.folds = try estimation.integer(EstimationKey.folds, minimum: 2, maximum: SizeLimits.maximumFolds, default: information.folds)
        if let chosen: [MIEstimatorKind] = try estimation.choices(EstimationKey.estimators, of: "estimator") {
            if !label.isClass, let e = chosen.first(where: \.needsClassLabel) {
                throw estimation.error(EstimationKey.estimators, "\"\(e.rawValue)\" needs a class label (kind = \"class\"); a continuous label takes "
                    + MIEstimatorKind.allCases.filter { !$0.needsClassLabel }.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
            }
            information.estimators = chosen
        }
        try estimation.finish()
        self.information = information
    }

    public init(file: String, text: String) throws(ScenarioError) {
        try self.init(document: try ScenarioDocument(file: file, text: text))
    }

    public var file: String { document.file }

    /// `path` relative to the directory of the file `scenario` (absolute paths unchanged), with
    /// `.` and `dir/..` steps removed.
    static func resolve(_ path: String, relativeTo scenario: String) -> String {
        let resolved = FilePath(scenario).removingLastComponent().pushing(FilePath(path)).lexicallyNormalized()
        return resolved.isEmpty ? "." : resolved.string
    }

    /// A file's `delimiter` key, by default the one its name implies (`FieldDelimiter(fileName:)`).
    private static func delimiter(_ r: TableReader, _ key: some TableLeaf, file: String) throws(ScenarioError) -> FieldDelimiter {
        let implied = FieldDelimiter(fileName: file)
        return try r.choice(key, default: implied)
    }

    private static func column(_ r: TableReader, _ key: some TableLeaf) throws(ScenarioError) -> ColumnReference {
        switch r.value(key) {
        case .string(let s)?: return .name(s)
        case .integer(let n)? where n >= 1: return .number(n)
        case nil: throw r.error(key, "missing (required): a header name or a 1-based column number")
        case let other?: throw r.error(key, "expected a header name or a 1-based column number, got \(other)")
        }
    }
}

/// The keys of the tables this file reads, spelled by `ScenarioKey`.
private typealias DataKey = ScenarioKey.DataSource
private typealias LabelKey = ScenarioKey.DataLabel
private typealias ViewKey = ScenarioKey.DataView
private typealias TeacherKey = ScenarioKey.Teacher
private typealias StudentKey = ScenarioKey.Student
private typealias ExperimentKey = ScenarioKey.Experiment
private typealias EstimationKey = ScenarioKey.Estimation

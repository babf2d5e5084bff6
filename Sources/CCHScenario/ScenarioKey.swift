/// A key of a scenario file, the only spelling of it: decoders read their tables by it, `[sweep]`
/// axes are parsed into it, `SweepPatch` finds its setters by it, `Parameter.scenarioKey` names a
/// library parameter by it and the plots label an axis by it. The dotted text (`model.rho_ts`,
/// `model.teachers.A.rho_ty`, `teacher.weights.A`) exists only in `dotted` and `init?(dotted:)`.
///
/// The leaves of one table are the cases of its key enumeration (`Model`, `Teacher`, ...), whose
/// raw values are the keys as written in the file; a key belonging to one named teacher modality
/// carries the modality's name (docs/multi-teacher.md).
public enum ScenarioKey: Hashable, Sendable {
    /// A top-level key: the scenario's name, its description or its seed.
    case header(Header)
    case model(Model)
    case teacher(Teacher)
    case student(Student)
    case monteCarlo(MonteCarlo)
    case estimation(Estimation)
    /// `data.*` and `experiment.*` of a data scenario (docs/real-data.md).
    case data(DataSource)
    /// A key of the label's table `data.label = { file = ..., column = ..., kind = ... }`.
    case dataLabel(DataLabel)
    case experiment(Experiment)
    /// A key of the table `[model.teachers.NAME]`: `model.teachers.NAME.LEAF`.
    case modality(String, ModalityLeaf)
    /// The ensemble weight of modality NAME: `teacher.weights.NAME`.
    case teacherWeight(String)

    /// The top-level keys that are no table.
    public enum Header: String, TableLeaf, CaseIterable {
        case name, description, seed
    }

    /// The top-level tables of scenario files (model and data scenarios).
    public enum Table: String, TableLeaf, CaseIterable {
        case model, teacher, student, monteCarlo = "monte_carlo", estimation, sweep, output, data, experiment
    }

    /// `[model]` of a model scenario, every model kind.
    public enum Model: String, TableLeaf, CaseIterable {
        case kind, label, rhoTS = "rho_ts", rhoSY = "rho_sy", rhoTY = "rho_ty"
        case teacherLoadings = "teacher_loadings", studentLoadings = "student_loadings", labelLoadings = "label_loadings"
        case teacherNoise = "teacher_noise", studentNoise = "student_noise", labelNoise = "label_noise"
        case dt, ds, matrix, factors, draw, teachers, teacherBlocks = "teacher_blocks"
    }

    /// `[teacher]`, model and data scenarios.
    public enum Teacher: String, TableLeaf, CaseIterable {
        case target, fit, n, ridge, scale, projection, rows, modalities, combine, weights
    }

    /// `[student]`, model and data scenarios (squared and logistic students).
    public enum Student: String, TableLeaf, CaseIterable {
        case n, ridge, lambda, approximation, loss, temperature, truth
        case truthSE = "truth_se", truthMaximumTrials = "truth_max_trials"
        case lambdaGrid = "lambda_grid", validationFraction = "validation_fraction"
    }

    /// `[monte_carlo]`.
    public enum MonteCarlo: String, TableLeaf, CaseIterable {
        case trials, sampler, testN = "test_n", threads
    }

    /// `[estimation]`, model scenarios (n, repeats, k, estimators) and data scenarios.
    public enum Estimation: String, TableLeaf, CaseIterable {
        case n, repeats, k, estimators, replicates, level, folds
    }

    /// `[data]` of a data scenario.
    public enum DataSource: String, TableLeaf, CaseIterable {
        case id, views, label, missing, components
    }

    /// `[experiment]` of a data scenario.
    public enum Experiment: String, TableLeaf, CaseIterable {
        case splits, teacherSets = "teacher_sets", studentRidge = "student_ridge"
    }

    /// A key of `data.label`.
    public enum DataLabel: String, TableLeaf, CaseIterable {
        case file, column, kind, delimiter
    }

    /// A key of one `[[data.views]]` table.
    public enum DataView: String, TableLeaf, CaseIterable {
        case name, file, exclude, layout, delimiter, components
    }

    /// A key of one `teacher_blocks` entry of `[model]` (`{ name = "A", dim = 2 }`).
    public enum TeacherBlock: String, TableLeaf, CaseIterable {
        case name, dim
    }

    /// A key of a `[sweep]` range (`{ from = a, to = b, steps = k, scale = "log" }`). No scenario
    /// key: a range is the value of a swept key.
    public enum SweepRange: String, TableLeaf, CaseIterable {
        case from, to, steps, scale
    }

    /// A key of `[output]` (which plots, in which formats and size). No scenario key a sweep can
    /// set (`[output]` is not swept), so no case of `ScenarioKey`.
    public enum Output: String, TableLeaf, CaseIterable {
        case plots, title, formats, size, logX = "log_x", logY = "log_y"

        /// The dotted key as errors show it: `output.log_x`.
        public var dotted: String { "\(Table.output.rawValue).\(rawValue)" }
    }

    /// A key the scenario names itself: a teacher modality's table or weight (`[model.teachers.A]`,
    /// `teacher.weights.A`).
    public struct Named: TableLeaf {
        public let name: String
        public init(_ name: String) { self.name = name }
    }

    /// Item `index` (1-based) of the array at `key`, as errors show it: `teacher_blocks[2]`.
    public struct Element: TableLeaf {
        public let name: String
        public init(of key: some TableLeaf, at index: Int) { name = "\(key.name)[\(index)]" }
    }

    /// A key of `[model.teachers.NAME]`: its correlations with S and Y and with another modality
    /// (correlations model), or its loadings and noise (latent model).
    public enum ModalityLeaf: Hashable, TableLeaf {
        case rhoTS, rhoTY, loadings, noise
        /// rho(T_NAME, T_other), written `rho_with_OTHER`.
        case rhoWith(String)

        static let mutualPrefix = "rho_with_"

        /// The key as written in the modality's table.
        public var name: String {
            switch self {
            case .rhoTS: Model.rhoTS.rawValue
            case .rhoTY: Model.rhoTY.rawValue
            case .loadings: "loadings"
            case .noise: "noise"
            case .rhoWith(let other): Self.mutualPrefix + other
            }
        }

        /// The leaf written `name`, nil for none.
        public init?(name: String) {
            switch name {
            case Model.rhoTS.rawValue: self = .rhoTS
            case Model.rhoTY.rawValue: self = .rhoTY
            case "loadings": self = .loadings
            case "noise": self = .noise
            case _ where name.hasPrefix(Self.mutualPrefix) && name.count > Self.mutualPrefix.count:
                self = .rhoWith(String(name.dropFirst(Self.mutualPrefix.count)))
            default: return nil
            }
        }
    }

    /// The table the key lies in, nil for a top-level key.
    public var table: Table? {
        switch self {
        case .header: nil
        case .model, .modality: .model
        case .teacher, .teacherWeight: .teacher
        case .student: .student
        case .monteCarlo: .monteCarlo
        case .estimation: .estimation
        case .data, .dataLabel: .data
        case .experiment: .experiment
        }
    }

    /// The parts of the dotted key path, outermost first.
    public var parts: [String] {
        switch self {
        case .header(let k): [k.rawValue]
        case .model(let k): [Table.model.rawValue, k.rawValue]
        case .teacher(let k): [Table.teacher.rawValue, k.rawValue]
        case .student(let k): [Table.student.rawValue, k.rawValue]
        case .monteCarlo(let k): [Table.monteCarlo.rawValue, k.rawValue]
        case .estimation(let k): [Table.estimation.rawValue, k.rawValue]
        case .data(let k): [Table.data.rawValue, k.rawValue]
        case .dataLabel(let k): [Table.data.rawValue, DataSource.label.rawValue, k.rawValue]
        case .experiment(let k): [Table.experiment.rawValue, k.rawValue]
        case .modality(let name, let leaf): [Table.model.rawValue, Model.teachers.rawValue, name, leaf.name]
        case .teacherWeight(let name): [Table.teacher.rawValue, Teacher.weights.rawValue, name]
        }
    }

    /// The dotted key path as written in `[sweep]` and in errors: `model.rho_ts`.
    public var dotted: String { parts.joined(separator: ".") }

    /// The key of dotted path `dotted`, nil for a path that names no scenario key. The label's
    /// keys (`data.label.file`) are not read: to a `[sweep]`, `data.label` is one value.
    public init?(dotted: String) {
        let p = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch p.count {
        case 1:
            guard let key = Header(rawValue: p[0]) else { return nil }
            self = .header(key)
        case 2:
            guard let key = Self.leaf(p[1], of: p[0]) else { return nil }
            self = key
        case 3 where p[0] == Table.teacher.rawValue && p[1] == Teacher.weights.rawValue && !p[2].isEmpty:
            self = .teacherWeight(p[2])
        case 4 where p[0] == Table.model.rawValue && p[1] == Model.teachers.rawValue && !p[2].isEmpty:
            guard let leaf = ModalityLeaf(name: p[3]) else { return nil }
            self = .modality(p[2], leaf)
        default:
            return nil
        }
    }

    /// The keys of `table` as written in the file (none for `[sweep]` and `[output]`, whose
    /// entries `SweepGrid` and `OutputSpec` read).
    public static func keys(of table: Table) -> [String] {
        switch table {
        case .model: Model.allCases.map(\.rawValue)
        case .teacher: Teacher.allCases.map(\.rawValue)
        case .student: Student.allCases.map(\.rawValue)
        case .monteCarlo: MonteCarlo.allCases.map(\.rawValue)
        case .estimation: Estimation.allCases.map(\.rawValue)
        case .data: DataSource.allCases.map(\.rawValue)
        case .experiment: Experiment.allCases.map(\.rawValue)
        case .sweep, .output: []
        }
    }

    private static func leaf(_ leaf: String, of table: String) -> ScenarioKey? {
        switch Table(rawValue: table) {
        case .model?: Model(rawValue: leaf).map(ScenarioKey.model)
        case .teacher?: Teacher(rawValue: leaf).map(ScenarioKey.teacher)
        case .student?: Student(rawValue: leaf).map(ScenarioKey.student)
        case .monteCarlo?: MonteCarlo(rawValue: leaf).map(ScenarioKey.monteCarlo)
        case .estimation?: Estimation(rawValue: leaf).map(ScenarioKey.estimation)
        case .data?: DataSource(rawValue: leaf).map(ScenarioKey.data)
        case .experiment?: Experiment(rawValue: leaf).map(ScenarioKey.experiment)
        case .sweep?, .output?, nil: nil
        }
    }
}

extension ScenarioKey: CustomStringConvertible {
    /// The dotted key path (what an error or a data file's comment shows).
    public var description: String { dotted }
}

/// A key as written inside its table (`rho_ts` in `[model]`), what a `TableReader` reads by: a
/// case of one of `ScenarioKey`'s leaf enumerations, or a name the scenario chose
/// (`ScenarioKey.Named`, `ScenarioKey.Element`).
public protocol TableLeaf: Sendable {
    /// The key as written in its table.
    var name: String { get }
}

extension TableLeaf where Self: RawRepresentable, Self.RawValue == String {
    public var name: String { rawValue }
}

extension ScenarioError {
    /// An error located at scenario key `key` (`file: model.rho_ts: reason`).
    public init(file: String, key: ScenarioKey, reason: String) {
        self.init(file: file, key: key.dotted, reason: reason)
    }

    /// An error located at a top-level key: a table or a header key (`file: sweep: reason`).
    public init(file: String, topLevel key: some TableLeaf, reason: String) {
        self.init(file: file, key: key.name, reason: reason)
    }
}

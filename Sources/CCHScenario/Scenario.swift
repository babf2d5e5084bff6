import CrossModalKD

/// One scenario: the model, the teacher and the student (plus a name and a seed), decoded from a
/// scenario document and validated as far as it can be without building the model.
///
/// The layout of scenario files is documented in docs/scenarios.md.
public struct Scenario: Sendable {
    /// The document it was decoded from (sweeps re-decode it with overridden values).
    public let document: ScenarioDocument
    public let name: String
    /// Seed of every random stream the scenario's Monte Carlo work derives.
    /// (Settable in the module: `SweepPatch` writes swept numbers without a decode.)
    public internal(set) var seed: UInt64
    public internal(set) var model: ModelSpec
    /// The teacher modalities that make up T, in order (one, named "T", unless the model names
    /// several: `[model.teachers.NAME]` or `teacher_blocks`; docs/multi-teacher.md).
    public let teacherModalities: [TeacherModality]
    /// The label: continuous Y (default) or the class C = sign(Y) (`[model] label`).
    public let label: LabelKind
    public internal(set) var teacher: TeacherSpec
    public internal(set) var student: StudentSpec
    /// Where `kd_helps` comes from: the formula, or Monte Carlo (`[student] truth`).
    public let truth: TruthSetting
    /// `[monte_carlo]`: trials, sampler, test set (see `MonteCarloSection.swift`).
    public let monteCarlo: MonteCarloSettings
    /// Decision reliability of the estimated CCH gap (`[estimation]`; defaults when absent).
    public let estimation: EstimationSettings
    /// Classification KD with a logistic student (`[student] loss = "logistic"`), else nil.
    public let classification: LogisticKDSpec?

    /// The file the scenario came from.
    public var file: String { document.file }

    /// Decodes and validates `document`. - Throws: `ScenarioError` naming the file, key and reason.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        guard document.modelOrigin != .data else {
            throw ScenarioError(file: document.file, topLevel: ScenarioKey.Table.data, reason: Self.dataScenarioHint(document.file))
        }
        self.document = document
        let header = try ScenarioHeader(document, sections: Self.sections)
        name = header.name
        seed = header.seed

        let modelReader = try TableReader(document, section: .model)
        try modelReader.expect(keys: Self.modelKeys)
        label = try Self.decodeLabel(modelReader)
        (model, teacherModalities) = try Self.decodeModel(modelReader, seed: seed)
        let teacherReader = try TableReader(document, section: .teacher)
        let studentReader = try TableReader(document, section: .student)
        try teacherReader.expect(keys: Self.teacherKeys)
        try studentReader.expect(keys: Self.studentKeys)
        let logistic = try LogisticSection.decode(student: studentReader, teacher: teacherReader, label: label)
        truth = try Self.decodeTruth(studentReader)
        student = try Self.decodeStudent(studentReader)
        teacher = logistic == nil
            ? try Self.decodeTeacher(teacherReader, studentSamples: student.samples, modalities: teacherModalities) : TeacherSpec()
        classification = try logistic?.spec(student, studentReader)
        monteCarlo = try Self.decodeMonteCarlo(try TableReader(document, section: .monteCarlo))
        estimation = try Self.decodeEstimation(try TableReader(document, section: .estimation))
        try checkHeldSamples()
    }

    /// Reads and decodes TOML text.
    public init(file: String, text: String) throws(ScenarioError) {
        try self.init(document: try ScenarioDocument(file: file, text: text))
    }

    /// What the model commands say to a data scenario (a `[data]` table).
    static func dataScenarioHint(_ file: String) -> String {
        "this is a data scenario (real multi-view data, a [data] table), not a model scenario: run it with "
            + "`cchsim teachers \(file)` (or `cchsim fit \(file) --teacher VIEW --student VIEW` for the fitted Gaussian of two "
            + "of its views); analyze, simulate, classify, reliability, estimate-mi and run take a model scenario (a [model] "
            + "table; docs/scenarios.md)"
    }

    /// Every key of `[model]`, `[teacher]` and `[student]` in any of their forms (model kinds,
    /// teacher fits, squared or logistic student): a key outside these is reported first, with the
    /// nearest of them (`TableReader.expect`). A key that belongs to another form than the one
    /// the file chose is rejected when the table is finished.
    static let modelKeys = ModelKey.allCases
    static let teacherKeys = TeacherKey.allCases
    static let studentKeys = [StudentKey.n, .ridge, .lambda, .approximation, .loss, .temperature, .truth, .truthSE, .truthMaximumTrials]

    /// The top-level tables a scenario may have (`sweep` and `output` are read by `Sweep`).
    public static let sections = [ScenarioKey.Table.model, .teacher, .student, .monteCarlo, .estimation, .sweep, .output]

    /// The validated model, T split into `teacherModalities`. - Throws: `ScenarioError` at `model.<key>`.
    public func buildModel() throws(ScenarioError) -> JointGaussian {
        do { return try model.build(teacherBlocks: teacherBlocks) } catch {
            throw ScenarioError(file: file, error)
        }
    }

    /// The dimensions of the teacher modalities that split T, or nil for a single teacher.
    public var teacherBlocks: [Int]? { teacherModalities.count > 1 ? teacherModalities.map(\.dimension) : nil }

    private static func decodeModel(_ r: TableReader, seed: UInt64) throws(ScenarioError) -> (ModelSpec, [TeacherModality]) {
        let kind = ModelOrigin(rawValue: try r.choice(ModelKey.kind, ModelOrigin.modelKinds.map(\.rawValue)))
        let spec: ModelSpec
        var modalities: [TeacherModality]?
        switch kind {
        case .correlations?:
            if let tables = try modalityTables(r) {
                (spec, modalities) = try decodeModalityCorrelations(r, tables)
            } else {
                spec = .correlations(rhoTS: try r.double(ModelKey.rhoTS), rhoSY: try r.double(ModelKey.rhoSY), rhoTY: try r.double(ModelKey.rhoTY))
            }
        case .latent?:
            let beta = try r.vector(ModelKey.labelLoadings)
            var teacherLoadings: Matrix, rowNoise: [Double]?
            if let tables = try modalityTables(r) {
                let named = try decodeLatentModalities(r, tables, factors: beta.count)
                (teacherLoadings, rowNoise, modalities) = (named.loadings, named.rowNoise, named.modalities)
            } else {
                teacherLoadings = try r.matrix(ModelKey.teacherLoadings, flatIsRow: true)
            }
            let studentLoadings = try r.matrix(ModelKey.studentLoadings, flatIsRow: true)
            try checkLatentDimensions(r, teacher: teacherLoadings, student: studentLoadings, label: beta)
            spec = .latent(.init(
                teacherLoadings: teacherLoadings,
                studentLoadings: studentLoadings,
                labelLoadings: beta,
                teacherNoise: rowNoise == nil ? try r.double(ModelKey.teacherNoise, default: 0) : 0,
                studentNoise: try r.double(ModelKey.studentNoise, default: 0),
                labelNoise: try r.double(ModelKey.labelNoise, default: 0),
                teacherRowNoise: rowNoise))
        case .randomLatent?:
            spec = try RandomLatentModel.decode(r, seed: seed)
        default:  // .covariance (choice admits the model kinds only)
            let dt = try r.integer(ModelKey.dt, minimum: 1, maximum: SizeLimits.maximumDimension)
            let ds = try r.integer(ModelKey.ds, minimum: 1, maximum: SizeLimits.maximumDimension)
            spec = .covariance(dt: dt, ds: ds, matrix: try r.matrix(ModelKey.matrix))
            modalities = try decodeTeacherBlocks(r, dt: dt)
        }
        for key in [ModelKey.teachers, .teacherBlocks] where r.has(key) && modalities == nil {
            throw r.error(key, key == .teachers
                ? "applies to kind = \"correlations\" or \"latent\" (for \"covariance\" use teacher_blocks)"
                : "applies to kind = \"covariance\" (for \"correlations\" and \"latent\" use [model.teachers.NAME] tables)")
        }
        try r.finish()
        return (spec, modalities ?? [TeacherModality(name: TeacherModality.singleName, dimension: spec.teacherDimension)])
    }

    /// `[teacher]`; with rows = "student" the fitted teacher's sample size is the student's n (and
    /// at n = infinity it is the oracle).
    private static func decodeTeacher(_ r: TableReader, studentSamples: SampleSize,
                                      modalities: [TeacherModality]) throws(ScenarioError) -> TeacherSpec {
        let target: TeacherTarget = try r.choice(TeacherKey.target, default: .prediction)
        let fitChoice: TeacherFitChoice = try r.choice(TeacherKey.fit, default: .oracle)
        let rows = try decodeTeacherRows(r, fitted: fitChoice != .oracle, fits: "fit = \"ols\" or \"ridge\"")
        var samples = r.has(TeacherKey.n) ? try r.integer(TeacherKey.n, minimum: 1, maximum: SizeLimits.maximumSampleSize) : nil
        if rows == .student {
            switch studentSamples {
            case .finite(let n): samples = n
            case .infinite: samples = 1  // replaced by the oracle below
            }
        }
        let fit: TeacherFit
        switch fitChoice {
        case .ols:
            guard let samples else { throw r.error(TeacherKey.n, "missing: an OLS teacher needs its sample size") }
            fit = .ols(samples: samples)
        case .ridge:
            guard let samples else { throw r.error(TeacherKey.n, "missing: a ridge teacher needs its sample size") }
            guard r.has(TeacherKey.ridge) else { throw r.error(TeacherKey.ridge, "missing: a ridge teacher needs its penalty (> 0)") }
            let penalty = try r.double(TeacherKey.ridge)
            guard penalty > 0 else { throw r.error(TeacherKey.ridge, "must be > 0 for a ridge teacher, got \(penalty)") }
            fit = .ridge(samples: samples, penalty: penalty)
        case .oracle:
            fit = .oracle
        }
        if fitChoice != .ridge, r.has(TeacherKey.ridge) { throw r.error(TeacherKey.ridge, "applies to fit = \"ridge\" only") }
        let scale = try r.double(TeacherKey.scale, default: 1)
        let projection = try r.optionalVector(TeacherKey.projection)
        let combination = try decodeCombination(r, modalities: modalities)
        if combination != .allModalities, rows == .student {
            throw r.error(TeacherKey.rows, "\"student\" applies to one teacher on all of T (docs/privileged-information.md), not to a teacher set "
                + "or an ensemble of some of the teacher modalities")
        }
        if case .ensemble = combination, target == .representation {
            throw r.error(TeacherKey.combine, TeacherCombination.ensembleIsPredictionOnly)
        }
        try r.finish()
        if rows == .student, studentSamples == .infinite {
            // The student's rows are the population: the fitted teacher is the oracle.
            return TeacherSpec(target: target, fit: .oracle, scale: scale, projection: projection)
        }
        return TeacherSpec(target: target, fit: fit, scale: scale, projection: projection, rows: rows, combination: combination)
    }

    /// `teacher.rows`: "own" (default) or "student"; "student" needs a fitted teacher and no
    /// `teacher.n` (the student's n is used). - Parameter fits: the fit values that allow it.
    static func decodeTeacherRows(_ r: TableReader, fitted: Bool, fits: String) throws(ScenarioError) -> TeacherRows {
        let rows: TeacherRows = try r.choice(TeacherKey.rows, default: .own)
        guard rows == .student else { return rows }
        guard fitted else { throw r.error(TeacherKey.rows, "\"student\" applies to a fitted teacher (\(fits))") }
        if r.has(TeacherKey.n) {
            throw r.error(TeacherKey.n, "not used with rows = \"student\": the teacher is fitted on the student's n training rows")
        }
        return rows
    }

    private static func decodeStudent(_ r: TableReader) throws(ScenarioError) -> StudentSpec {
        let samples: SampleSize
        switch r.value(StudentKey.n) {
        case .none: throw r.error(StudentKey.n, "missing (required): an integer, or \"inf\" for the population regime")
        case .string("inf")?: samples = .infinite
        case .integer(let n)? where n >= 1:
            if let reason = SizeLimits.excess(n, limit: SizeLimits.maximumSampleSize) { throw r.error(StudentKey.n, reason) }
            samples = .finite(n)
        case let other?:
            throw r.error(StudentKey.n, "expected a positive integer or \"inf\", got \(other)")
        }
        let ridge = try r.double(StudentKey.ridge, default: 0)
        guard ridge >= 0 else { throw r.error(StudentKey.ridge, "must be >= 0, got \(ridge)") }
        let lambda = try r.double(StudentKey.lambda, in: 0...1, default: 0.5)
        let approximation = try r.bool(StudentKey.approximation, default: false)
        try r.finish()
        return StudentSpec(samples: samples, ridge: ridge, lambda: lambda, allowApproximation: approximation)
    }
}

/// The keys of the tables this file reads, spelled by `ScenarioKey`.
private typealias ModelKey = ScenarioKey.Model
private typealias TeacherKey = ScenarioKey.Teacher
private typealias StudentKey = ScenarioKey.Student

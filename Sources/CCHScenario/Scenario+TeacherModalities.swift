import CrossModalKD

/// The keys of the tables this file reads, spelled by `ScenarioKey`.
private typealias ModelKey = ScenarioKey.Model
private typealias ModalityLeaf = ScenarioKey.ModalityLeaf
private typealias BlockKey = ScenarioKey.TeacherBlock
private typealias TeacherKey = ScenarioKey.Teacher

/// A named teacher modality of a model scenario: a block of T (docs/multi-teacher.md).
public struct TeacherModality: Sendable, Equatable {
    /// The name the scenario gives it (`[model.teachers.NAME]`, `teacher_blocks`), a bare identifier.
    public let name: String
    /// Its dimension d_j.
    public let dimension: Int

    public init(name: String, dimension: Int) {
        self.name = name
        self.dimension = dimension
    }

    /// The name of the one teacher modality of a model written without named modalities.
    public static let singleName = "T"
}

extension Scenario {
    /// The names of the teacher modalities of `modalities` (indices of `teacherModalities`),
    /// joined with "+" ("A+B"): how reports and columns name a teacher set.
    public func teacherSetName(_ modalities: [Int]) -> String {
        modalities.map { teacherModalities[$0].name }.joined(separator: "+")
    }

    /// The modality names a scenario may not use: the student's and the label's.
    static let reservedModalityNames = ["S", "Y"]

    /// Checks that `name` (a key of `table`) is a bare identifier and not reserved.
    static func checkModalityName(_ name: String, _ r: TableReader, key: some TableLeaf) throws(ScenarioError) {
        let first = name.unicodeScalars.first
        let isIdentifier = first.map { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "_" } ?? false
            && name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard isIdentifier else {
            throw r.error(key, "the teacher modality name \(ScenarioValue.string(name)) is not a bare identifier "
                + "(a letter or _ followed by letters, digits or _)")
        }
        guard !reservedModalityNames.contains(name) else {
            throw r.error(key, "\(name) names the \(name == "S" ? "student" : "label"), not a teacher modality: choose another name")
        }
    }

    /// `[model.teachers.NAME]` tables, sorted by name (the order of the modalities within T), each
    /// with a reader of its keys; nil when the model has none.
    static func modalityTables(_ r: TableReader) throws(ScenarioError) -> [(name: String, reader: TableReader)]? {
        guard let value = r.value(ModelKey.teachers) else { return nil }
        guard case .table(let tables) = value, !tables.isEmpty else {
            throw r.error(ModelKey.teachers, "expected tables [model.teachers.NAME], one per teacher modality, got \(value)")
        }
        let teachers = r.reader(of: ModelKey.teachers, table: tables)
        var out: [(name: String, reader: TableReader)] = []
        for name in tables.keys.sorted() {
            let key = ScenarioKey.Named(name)
            try checkModalityName(name, teachers, key: key)
            guard case .table(let t)? = tables[name] else {
                throw teachers.error(key, "expected a table [model.teachers.\(name)], got \(tables[name].map(\.typePhrase) ?? "nothing")")
            }
            out.append((name, teachers.reader(of: key, table: t)))
        }
        guard out.count <= SizeLimits.maximumDimension else {
            throw r.error(ModelKey.teachers, "\(out.count) teacher modalities; at most \(SizeLimits.maximumDimension)")
        }
        return out
    }

    /// The correlations model of named scalar teacher modalities:
    ///
    ///     [model]
    ///     kind = "correlations"
    ///     rho_sy = 0.3
    ///     [model.teachers.A]
    ///     rho_ts = 0.5
    ///     rho_ty = 0.6
    ///     [model.teachers.B]
    ///     rho_ts = 0.2
    ///     rho_ty = 0.5
    ///     rho_with_A = 0.3      # rho(T_A, T_B), in one of the two tables; absent: 0
    static func decodeModalityCorrelations(_ r: TableReader, _ tables: [(name: String, reader: TableReader)])
        throws(ScenarioError) -> (ModelSpec, [TeacherModality]) {
        for key in [ModelKey.rhoTS, .rhoTY] where r.has(key) {
            throw r.error(key, "not used with [model.teachers.NAME] tables: each teacher modality gives its own \(key.name)")
        }
        let names = tables.map(\.name)
        let m = names.count
        var ts: [Double] = [], ty: [Double] = []
        var tt = Matrix.identity(m)
        var given = Set<[Int]>()
        for (j, table) in tables.enumerated() {
            let t = table.reader
            try t.expect(keys: [ModalityLeaf.rhoTS, .rhoTY] + names.filter { $0 != table.name }.map(ModalityLeaf.rhoWith))
            ts.append(try t.double(ModalityLeaf.rhoTS))
            ty.append(try t.double(ModalityLeaf.rhoTY))
            for (i, other) in names.enumerated() where i != j && t.has(ModalityLeaf.rhoWith(other)) {
                let key = ModalityLeaf.rhoWith(other)
                guard !given.contains([min(i, j), max(i, j)]) else {
                    throw t.error(key, "rho(T_\(other), T_\(table.name)) is also given as \(ModalityLeaf.rhoWith(table.name).name) in [model.teachers.\(other)]: "
                        + "give it once")
                }
                given.insert([min(i, j), max(i, j)])
                let rho = try t.double(key)
                tt[i, j] = rho
                tt[j, i] = rho
            }
            try t.finish()
        }
        let spec = ModelSpec.modalityCorrelations(.init(teacherStudent: ts, teacherLabel: ty, studentLabel: try r.double(ModelKey.rhoSY),
                                                        teacherTeacher: tt))
        return (spec, names.map { TeacherModality(name: $0, dimension: 1) })
    }

    /// The latent model's teacher as named modalities, each with loadings (d_j x k) and a noise:
    ///
    ///     [model.teachers.A]
    ///     loadings = [[1.0, 0.0]]
    ///     noise = 0.5
    ///
    /// stacked in name order into At, with each row's noise.
    static func decodeLatentModalities(_ r: TableReader, _ tables: [(name: String, reader: TableReader)], factors k: Int)
        throws(ScenarioError) -> (loadings: Matrix, rowNoise: [Double], modalities: [TeacherModality]) {
        for key in [ModelKey.teacherLoadings, .teacherNoise] where r.has(key) {
            throw r.error(key, "not used with [model.teachers.NAME] tables: each teacher modality gives its own loadings and noise")
        }
        var rows: [Double] = [], noise: [Double] = [], modalities: [TeacherModality] = []
        for table in tables {
            let t = table.reader
            try t.expect(keys: [ModalityLeaf.loadings, .noise])
            let loadings = try t.matrix(ModalityLeaf.loadings, flatIsRow: true)
            guard loadings.cols == k else {
                throw t.error(ModalityLeaf.loadings, "must be d x \(k) (k = \(ModelKey.labelLoadings.name) length), got \(loadings.rows) x \(loadings.cols)")
            }
            let sd = try t.double(ModalityLeaf.noise, default: 0)
            try t.finish()
            rows += loadings.elements
            noise += Array(repeating: sd, count: loadings.rows)
            modalities.append(TeacherModality(name: table.name, dimension: loadings.rows))
        }
        guard noise.count <= SizeLimits.maximumDimension else {
            throw r.error(ModelKey.teachers, "the teacher modalities have \(noise.count) rows in all; at most \(SizeLimits.maximumDimension)")
        }
        return (Matrix(rows: noise.count, cols: k, elements: rows), noise, modalities)
    }

    /// `teacher_blocks = [{ name = "A", dim = 2 }, { name = "B", dim = 1 }]`: the covariance's T
    /// block split into named modalities, in the matrix's order; absent: one modality, all of T.
    static func decodeTeacherBlocks(_ r: TableReader, dt: Int) throws(ScenarioError) -> [TeacherModality] {
        guard let value = r.value(ModelKey.teacherBlocks) else { return [TeacherModality(name: TeacherModality.singleName, dimension: dt)] }
        let shape = "expected an array of { name = \"A\", dim = 2 } tables, one per teacher modality in the matrix's order"
        guard case .array(let items) = value, !items.isEmpty else { throw r.error(ModelKey.teacherBlocks, "\(shape), got \(value)") }
        var out: [TeacherModality] = []
        for (i, item) in items.enumerated() {
            let key = ScenarioKey.Element(of: ModelKey.teacherBlocks, at: i + 1)
            guard case .table(let t) = item else { throw r.error(key, "\(shape), got \(item.typePhrase)") }
            let block = r.reader(of: key, table: t)
            try block.expect(keys: BlockKey.allCases)
            let name = try block.string(BlockKey.name)
            try checkModalityName(name, block, key: BlockKey.name)
            guard !out.contains(where: { $0.name == name }) else { throw block.error(BlockKey.name, "the teacher modality \(name) is named twice") }
            let dim = try block.integer(BlockKey.dim, minimum: 1, maximum: SizeLimits.maximumDimension)
            try block.finish()
            out.append(TeacherModality(name: name, dimension: dim))
        }
        let total = out.reduce(0) { $0 + $1.dimension }
        guard total == dt else {
            throw r.error(ModelKey.teacherBlocks, "the blocks' dimensions sum to \(total), but dt = \(dt): they must cover T exactly")
        }
        return out
    }

    /// `[teacher] modalities`, `combine` and `[teacher.weights]` (docs/multi-teacher.md):
    ///
    ///     [teacher]
    ///     modalities = ["A", "B"]   # default: every teacher modality
    ///     combine = "ensemble"      # or "set" (default): one teacher on the concatenation
    ///     [teacher.weights]         # ensemble only; default equal
    ///     A = 0.7
    ///     B = 0.3
    static func decodeCombination(_ r: TableReader, modalities: [TeacherModality]) throws(ScenarioError) -> TeacherCombination {
        let names = modalities.map(\.name)
        var members: [Int]?
        if let value = r.value(TeacherKey.modalities) {
            guard case .array(let items) = value, !items.isEmpty else {
                throw r.error(TeacherKey.modalities, "expected a non-empty list of teacher modality names (\(names.joined(separator: ", "))), got \(value)")
            }
            var list: [Int] = []
            for item in items {
                guard case .string(let name) = item else { throw r.error(TeacherKey.modalities, "expected names (strings), got \(item)") }
                guard let index = names.firstIndex(of: name) else {
                    let why = reservedModalityNames.contains(name)
                        ? "\(name) is the \(name == "S" ? "student" : "label"): a student is never in its own teacher set"
                        : "unknown teacher modality \(item)" + NearestName.hint(for: name, among: names)
                    throw r.error(TeacherKey.modalities, why + "; the model's teacher modalities are \(names.joined(separator: ", "))")
                }
                guard !list.contains(index) else { throw r.error(TeacherKey.modalities, "the teacher modality \(item) is listed twice") }
                list.append(index)
            }
            members = list.sorted()
        }
        let combine: TeacherCombineChoice = try r.choice(TeacherKey.combine, default: .set)
        guard combine == .ensemble else {
            if r.has(TeacherKey.weights) { throw r.error(TeacherKey.weights, "applies to combine = \"ensemble\" only") }
            return members.map { $0.count == names.count ? .allModalities : .set($0) } ?? .allModalities
        }
        let chosen = members ?? Array(names.indices)
        guard let value = r.value(TeacherKey.weights) else { return .equalEnsemble(of: chosen, count: names.count) }
        guard case .table(let table) = value else {
            throw r.error(TeacherKey.weights, "expected a table [teacher.weights] of NAME = weight, got \(value)")
        }
        let w = r.reader(of: TeacherKey.weights, table: table)
        if let outsider = table.keys.sorted().first(where: { names.contains($0) && !chosen.contains(names.firstIndex(of: $0) ?? -1) }) {
            throw w.error(ScenarioKey.Named(outsider), "\(outsider) is a teacher modality but not a member of the ensemble (\(ScenarioKey.teacher(.modalities)))")
        }
        try w.expect(keys: chosen.map { ScenarioKey.Named(names[$0]) })
        var weights = [Double](repeating: 0, count: names.count)
        for j in chosen {
            let key = ScenarioKey.Named(names[j])
            guard w.has(key) else {
                throw w.error(key, "missing: give every member of the ensemble a weight (or none, for equal weights)")
            }
            let x = try w.double(key)
            guard x >= 0 else { throw w.error(key, "a weight must be >= 0, got \(x)") }
            weights[j] = x
        }
        try w.finish()
        guard weights.contains(where: { $0 > 0 }) else {
            throw r.error(TeacherKey.weights, "the weights are all zero: at least one teacher needs a positive weight")
        }
        return .ensemble(weights: weights)
    }
}

extension Scenario {
    /// How reports and columns name one choice of a comparison: "A+B" for the teacher set,
    /// "ensemble A+B" for the ensemble.
    public func teacherChoiceName(_ choice: TeacherSetComparison.Choice) -> String {
        (choice.combination.isSet ? "" : "ensemble ") + teacherSetName(choice.modalities)
    }

    /// A choice's key in `cchsim analyze --json` and in sweep columns (`teacher_set.KEY.cch_gap`):
    /// `A+B` for the teacher set, `ensemble:A+B` for the ensemble of the same modalities.
    public func teacherChoiceKey(_ modalities: [Int], ensemble: Bool) -> String {
        (ensemble ? "ensemble:" : "") + teacherSetName(modalities)
    }

    /// `teacherChoiceKey` of a compared choice.
    public func teacherChoiceKey(_ choice: TeacherSetComparison.Choice) -> String {
        teacherChoiceKey(choice.modalities, ensemble: !choice.combination.isSet)
    }

    /// The scenario's own teacher in words: "A+B" (a set), "ensemble A (0.7) + B (0.3)" (weights
    /// normalised), or nil for one teacher on all of T.
    public var teacherCombinationDescription: String? {
        switch teacher.combination {
        case .set(nil): return nil
        case .set(let set?): return "teacher set " + teacherSetName(set)
        case .ensemble(let w):
            let total = w.reduce(0, +)
            let members = w.indices.filter { w[$0] > 0 }
            return "ensemble " + members.map { "\(teacherModalities[$0].name) (\(String(format: "%.6g", w[$0] / total)))" }
                .joined(separator: " + ")
        }
    }
}

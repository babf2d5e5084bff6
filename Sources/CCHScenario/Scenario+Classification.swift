import CrossModalKD

/// The keys of the tables this file reads, spelled by `ScenarioKey`.
private typealias TeacherKey = ScenarioKey.Teacher
private typealias StudentKey = ScenarioKey.Student

extension Scenario {
    /// `[model] label`: "continuous" (default) or "sign".
    static func decodeLabel(_ r: TableReader) throws(ScenarioError) -> LabelKind {
        try r.choice(ScenarioKey.Model.label, default: LabelKind.continuous)
    }
}

/// The logistic parts of `[student]` and `[teacher]` (docs/scenarios.md, docs/theory.md section 3.5):
///
///     [student]
///     loss = "logistic"      # default "squared"; needs [model] label = "sign"
///     temperature = 2.0      # tau > 0 of the soft targets (default 1)
///     [teacher]
///     fit = "logistic"       # or "oracle": the Bayes posterior logit of C given T
///     n = 200                # samples of the logistic teacher (required with fit = "logistic")
///     rows = "own"           # or "student": fitted on the student's n training rows (then no n)
///     ridge = 0.0            # its L2 penalty (default 0)
struct LogisticSection {
    let teacher: LogisticTeacherSpec
    let teacherRows: TeacherRows
    let temperature: Double

    /// Reads `student.loss` (and, for a logistic student, `student.temperature` and the whole
    /// teacher table); nil for the squared loss, whose teacher `decodeTeacher` reads.
    static func decode(student s: TableReader, teacher t: TableReader, label: LabelKind) throws(ScenarioError) -> LogisticSection? {
        let loss: StudentLoss = try s.choice(StudentKey.loss, default: .squared)
        guard loss == .logistic else {
            if s.has(StudentKey.temperature) { throw s.error(StudentKey.temperature, "applies to loss = \"logistic\" only") }
            return nil
        }
        guard label == .sign else {
            throw s.error(StudentKey.loss, "a logistic student classifies C = sign(Y): set [model] label = \"sign\"")
        }
        let temperature = try s.double(StudentKey.temperature, default: 1)
        guard temperature > 0 else { throw s.error(StudentKey.temperature, "must be > 0, got \(temperature)") }
        let fit: LogisticTeacherFitChoice = try t.choice(TeacherKey.fit, default: .oracle)
        let rows = try Scenario.decodeTeacherRows(t, fitted: fit == .logistic, fits: "fit = \"logistic\"")
        let teacher: LogisticTeacherSpec
        if fit == .logistic {
            guard rows == .student || t.has(TeacherKey.n) else { throw t.error(TeacherKey.n, "missing: a logistic teacher needs its sample size") }
            let ridge = try t.double(TeacherKey.ridge, default: 0)
            guard ridge >= 0 else { throw t.error(TeacherKey.ridge, "must be >= 0, got \(ridge)") }
            // With rows = "student" the sample size is the student's n, set by `spec`.
            teacher = .fitted(samples: rows == .student ? 0 : try t.integer(TeacherKey.n, minimum: 1, maximum: SizeLimits.maximumSampleSize),
                              ridge: ridge)
        } else {
            if t.has(TeacherKey.ridge) { throw t.error(TeacherKey.ridge, "applies to fit = \"logistic\" only") }
            if t.has(TeacherKey.n) { throw t.error(TeacherKey.n, "applies to fit = \"logistic\" only (the oracle is the posterior of C given T)") }
            teacher = .posterior
        }
        try t.finish()
        return LogisticSection(teacher: teacher, teacherRows: rows, temperature: temperature)
    }

    /// The classification KD spec with the student's n, ridge and lambda.
    func spec(_ student: StudentSpec, _ r: TableReader) throws(ScenarioError) -> LogisticKDSpec {
        guard case .finite(let n) = student.samples else {
            throw r.error(StudentKey.n, "a logistic student is fitted on a finite sample (\"inf\" has no logistic counterpart here)")
        }
        var teacher = teacher
        if teacherRows == .student, case .fitted(_, let ridge) = teacher { teacher = .fitted(samples: n, ridge: ridge) }
        return LogisticKDSpec(teacher: teacher, samples: n, ridge: student.ridge, lambda: student.lambda, temperature: temperature,
                              teacherRows: teacherRows)
    }
}

import Foundation

/// The measured KD experiment on multi-view data: for every ordered pair (teacher, student view)
/// of `MultiViewData.orderedPairs` (a teacher is a view, a teacher set's concatenated teacher or
/// its ensemble, `TeacherCandidate`), repeated random splits of the rows into a student training
/// set, a teacher training set and a test set; a student trained without and with distillation
/// from the teacher; the paired test gains (docs/real-data.md, "Measured KD").
///
/// Class label: teacher and students are softmax regressions (`SoftmaxKD`) with Hinton's loss
/// (1 - lambda) CE + lambda tau^2 KL(teacher at tau || student at tau). Continuous label: the
/// theory's own learner (docs/theory.md section 3.2): an OLS teacher and OLS students with the
/// quadratic KD penalty (`LinearKD`, gamma = 0, no intercept), on views and label centred over all
/// rows as the theory's centred model has them (`ridge` applies to the softmax fits only).
///
/// Reproducibility: split s is the permutation drawn from the stream (seed, [tag, s]); the fits
/// are deterministic, and work items are merged in order, so every number is the same for any
/// thread count. Every pair sees the same splits (paired across teachers too).
public struct DistillationExperiment: Sendable {
    /// Where the teacher learns.
    public enum TeacherRows: Sendable, Equatable {
        /// `n` rows of its own, disjoint from the student's and the test rows.
        case own(Int)
        /// The student's training rows (privileged-information distillation: the teacher view
        /// is available at training time only).
        case student
    }

    public struct Settings: Sendable {
        public var splits = 20
        public var studentRows = 100
        public var teacherRows: TeacherRows = .own(500)
        /// The KD weight of the main comparison.
        public var lambda = 0.5
        public var temperature = 2.0
        /// The grid the best lambda is chosen from (on a validation part of the student's rows).
        public var lambdaGrid: [Double] = [0, 0.1, 0.25, 0.5, 0.75, 0.9]
        /// Fraction of the student's rows held out to choose lambda.
        public var validationFraction = 0.3
        /// L2 penalty of every softmax fit (the linear learner is OLS, as the theory has it).
        public var ridge = 1e-3
        /// L2 penalty of the students' softmax fits when it differs from the teacher's `ridge` (a
        /// capacity setting: a larger penalty, a weaker student); nil: `ridge`.
        public var studentRidge: Double? = nil
        public var seed: UInt64 = 0
        public init() {}
    }

    /// Test numbers of one student fit: accuracy and cross-entropy (class label), or the mean
    /// squared error in `crossEntropy`'s place with accuracy NaN (continuous label).
    public typealias Score = ClassifierScore

    /// One pair's results over the splits.
    public struct PairResult: Sendable {
        public let pair: ViewPair
        /// Per split: the student without KD, with KD at lambda, with KD at the chosen lambda.
        public let without: [Score], with: [Score], tuned: [Score]
        /// Per split: the lambda chosen on the validation rows.
        public let chosenLambda: [Double]
    }

    public let settings: Settings
    public let results: [PairResult]
    /// Mean test score of each teacher (`MultiViewData.teachers` order, over the splits).
    public let teacherScores: [Score]

    /// Stream tag of the splits ("mv-split").
    static let streamTag: UInt64 = 0x6D76_2D73_706C_6974

    /// The rows of split `s`: student training rows, teacher training rows, test rows.
    public static func split(_ s: Int, rows n: Int, settings: Settings) -> (student: [Int], teacher: [Int], test: [Int]) {
        let stream = RandomStream(seed: settings.seed, ids: [streamTag, UInt64(s)])
        var order = Array(0..<n)
        for i in 0..<(n - 1) { order.swapAt(i, i + stream.index(below: n - i)) }
        let ns = settings.studentRows
        let student = Array(order[0..<ns])
        switch settings.teacherRows {
        case .student: return (student, student, Array(order[ns...]))
        case .own(let nt): return (student, Array(order[ns..<(ns + nt)]), Array(order[(ns + nt)...]))
        }
    }

    /// The experiment's work items and their hooks (`ResumableWork`): a teacher item is (split s,
    /// teacher t) at s * teachers + t, its outcome the teacher's test score (an ensemble's is
    /// computed from its set's single-view teachers of the split after they are fitted); a student
    /// item is (split s, student view v) at s * views + v, its outcome the comparisons of that
    /// student with each of its teachers on that split. A resumed run fits again only the teachers
    /// of the splits with an unfinished student item or teacher score (their predictions are the
    /// students' targets, too large to keep).
    public struct Work: Sendable {
        public var teachers: ResumableWork<Score>
        public var students: ResumableWork<[PairSplit]>
        public init(teachers: ResumableWork<Score> = ResumableWork(), students: ResumableWork<[PairSplit]> = ResumableWork()) {
            self.teachers = teachers
            self.students = students
        }
    }

    /// The L2 penalty of the fits for `label`: the softmax fits' `settings.ridge` for a class
    /// label (a student's: `studentRidge` when set); 0 (least squares, as the theory has it) for
    /// the linear fits of a continuous one.
    public static func ridge(_ settings: Settings, label: MultiViewLabel, student: Bool = false) -> Double {
        label.kind == .continuous ? 0 : student ? settings.studentRidge ?? settings.ridge : settings.ridge
    }

    /// The number of teacher items (one per split and teacher).
    public static func teacherItemCount(_ data: MultiViewData, settings: Settings) -> Int { settings.splits * data.teachers.count }

    /// The number of student items (one per split and student view).
    public static func studentItemCount(_ data: MultiViewData, settings: Settings) -> Int { settings.splits * data.viewCount }

    /// Runs the experiment on `threads` workers; `work` holds the items finished before and the
    /// hooks called as items finish. - Throws: `ParameterError` for settings the data cannot
    /// carry, `SampleError` for a fit the data cannot support, `WorkStopped` when `work` stopped it.
    public init(_ data: MultiViewData, settings: Settings, threads: Int, work: Work = Work()) throws {
        try Self.validate(settings, rows: data.rows)
        let data = data.label.kind == .continuous ? data.centred() : data
        let views = data.viewCount, splits = settings.splits, candidates = data.teachers, teacherCount = candidates.count
        // Pass 1: teachers, per (split, teacher): predictions on every row and the test score; on
        // the splits a student item or a teacher score still needs, every fitted teacher (an
        // ensemble needs its views' teachers); the ensembles then from those.
        let neededSplits = Set((0..<(splits * views)).filter { work.students.finished[$0] == nil }.map { $0 / views }
            + (0..<(splits * teacherCount)).filter { work.teachers.finished[$0] == nil }.map { $0 / teacherCount })
        let teacherItems = (0..<(splits * teacherCount)).filter { neededSplits.contains($0 / teacherCount) && candidates[$0 % teacherCount].kind != .ensemble }
        let teacherWork = ResumableWork<Result<TeacherOutput, any Error>>(record: { i, output in
            if case .success(let o) = output, work.teachers.finished[teacherItems[i]] == nil { work.teachers.record(teacherItems[i], o.score) }
        }, shouldStop: work.teachers.shouldStop)
        let fitted = try teacherWork.run(count: teacherItems.count, threads: threads) { i in
            let item = teacherItems[i], s = item / teacherCount, t = item % teacherCount
            do {
                return .success(try Learner(data: data, settings: settings).teacher(t, split: Self.split(s, rows: data.rows, settings: settings)))
            } catch { return .failure(error) }
        }
        var outputs: [Int: TeacherOutput] = [:]
        for (item, output) in zip(teacherItems, fitted) { outputs[item] = try output.get() }
        for s in neededSplits.sorted() {
            for t in 0..<teacherCount where candidates[t].kind == .ensemble {
                if work.teachers.shouldStop() {
                    throw WorkStopped(finished: Set(outputs.keys).union(work.teachers.finished.keys).count, of: splits * teacherCount)
                }
                let members = candidates[t].views.compactMap { outputs[s * teacherCount + $0] }
                let ensemble = Learner(data: data, settings: settings).ensemble(members, split: Self.split(s, rows: data.rows, settings: settings))
                outputs[s * teacherCount + t] = ensemble
                if work.teachers.finished[s * teacherCount + t] == nil { work.teachers.record(s * teacherCount + t, ensemble.score) }
            }
        }
        let scores = (0..<(splits * teacherCount)).compactMap { outputs[$0]?.score ?? work.teachers.finished[$0] }
        // Pass 2: students, per (split, student view): baseline and every teacher.
        let teacherOutputs = outputs
        let students = try work.students.failable().run(count: splits * views, threads: threads) { item -> Result<[PairSplit], any Error> in
            let s = item / views, v = item % views
            do {
                let learner = Learner(data: data, settings: settings)
                let teachersOfSplit = data.teachers(of: v).compactMap { t in teacherOutputs[s * teacherCount + t].map { (t, $0) } }
                return .success(try learner.students(view: v, split: Self.split(s, rows: data.rows, settings: settings), teachers: teachersOfSplit))
            } catch { return .failure(error) }
        }
        var bySplitStudent: [[PairSplit]] = []
        for r in students { bySplitStudent.append(try r.get()) }
        let teachersOfStudent = (0..<views).map { data.teachers(of: $0) }
        results = data.orderedPairs.map { pair in
            // Student v's list holds its teachers in `teachers` order.
            let position = teachersOfStudent[pair.student].firstIndex(of: pair.teacher) ?? 0
            let runs = (0..<splits).map { s in bySplitStudent[s * views + pair.student][position] }
            return PairResult(pair: pair, without: runs.map(\.without), with: runs.map(\.with), tuned: runs.map(\.tuned),
                              chosenLambda: runs.map(\.chosenLambda))
        }
        teacherScores = (0..<teacherCount).map { t in
            let scores = (0..<splits).map { scores[$0 * teacherCount + t] }
            return Score(accuracy: scores.map(\.accuracy).reduce(0, +) / Double(splits),
                         crossEntropy: scores.map(\.crossEntropy).reduce(0, +) / Double(splits))
        }
        self.settings = settings
    }

    static func validate(_ s: Settings, rows n: Int) throws {
        guard s.splits >= 2 else { throw ParameterError.invalid(parameter: .splits, reason: "needs at least 2 splits, got \(s.splits)") }
        guard s.studentRows >= 4 else { throw ParameterError.invalid(parameter: .studentSamples, reason: "needs at least 4 rows, got \(s.studentRows)") }
        let teacherOwn: Int
        if case .own(let nt) = s.teacherRows {
            guard nt >= 2 else { throw ParameterError.invalid(parameter: .teacherSamples, reason: "needs at least 2 rows, got \(nt)") }
            teacherOwn = nt
        } else { teacherOwn = 0 }
        guard s.studentRows + teacherOwn + 2 <= n else {
            throw ParameterError.invalid(parameter: .studentSamples, reason: "\(s.studentRows) student rows + \(teacherOwn) teacher rows leave fewer than 2 of the \(n) rows for testing")
        }
        try ParameterError.checkLambda(s.lambda)
        guard s.temperature > 0, s.temperature.isFinite else { throw ParameterError.invalid(parameter: .temperature, reason: "must be > 0, got \(s.temperature)") }
        guard !s.lambdaGrid.isEmpty, s.lambdaGrid.allSatisfy({ (0...1).contains($0) }) else {
            throw ParameterError.invalid(parameter: .lambdaGrid, reason: "needs values in [0, 1], got \(s.lambdaGrid)")
        }
        let validation = Int((Double(s.studentRows) * s.validationFraction).rounded())
        guard s.validationFraction > 0, s.validationFraction < 1, validation >= 1, s.studentRows - validation >= 2 else {
            throw ParameterError.invalid(parameter: .validationFraction, reason: "must leave at least 1 validation and 2 fitting rows of the student's \(s.studentRows), got \(s.validationFraction)")
        }
        guard s.ridge > 0, s.ridge.isFinite else { throw ParameterError.invalid(parameter: .studentRidge, reason: "must be > 0, got \(s.ridge)") }
        if let r = s.studentRidge, !(r > 0 && r.isFinite) { throw ParameterError.invalid(parameter: .studentRidge, reason: "must be > 0, got \(r)") }
    }

    /// A teacher's predictions on every row and its test score.
    struct TeacherOutput: Sendable {
        /// Class label: soft targets at the temperature (rows x K); continuous: predictions (rows x 1).
        let targets: Matrix
        /// Class label: the probabilities (temperature 1) on the split's test rows; nil for a continuous label.
        let testProbabilities: Matrix?
        let score: Score
    }

    /// One pair on one split: the student without KD, with KD at lambda and at the chosen lambda.
    public struct PairSplit: Sendable, Equatable {
        public let teacher: Int
        public let without: Score, with: Score, tuned: Score
        public let chosenLambda: Double
        public init(teacher: Int, without: Score, with: Score, tuned: Score, chosenLambda: Double) {
            self.teacher = teacher
            self.without = without
            self.with = with
            self.tuned = tuned
            self.chosenLambda = chosenLambda
        }
    }

    /// The fits of one work item.
    struct Learner: Sendable {
        let data: MultiViewData
        let settings: Settings

        /// Teacher `t` (a view's or a concatenated one; not an ensemble) fitted on the split's teacher rows.
        func teacher(_ t: Int, split: (student: [Int], teacher: [Int], test: [Int])) throws -> TeacherOutput {
            guard let x = data.teacherRepresentation(t) else { throw SampleError("teacher \(data.teacherName(t))", "an ensemble is not fitted") }
            switch data.label {
            case .classes(let labels, let names):
                let model = try SoftmaxKD(features: x.selectingRows(split.teacher), labels: split.teacher.map { labels[$0] },
                                          classes: names.count, ridge: DistillationExperiment.ridge(settings, label: data.label)).fit()
                let test = x.selectingRows(split.test)
                return TeacherOutput(targets: model.probabilities(x, temperature: settings.temperature), testProbabilities: model.probabilities(test),
                                     score: model.evaluate(test, labels: split.test.map { labels[$0] }))
            case .continuous(let y):
                let model = try LinearKD(features: x.selectingRows(split.teacher), targets: split.teacher.map { y[$0] }, teacher: nil,
                                         lambda: 0, ridge: DistillationExperiment.ridge(settings, label: data.label))
                return TeacherOutput(targets: Matrix.column(model.predict(x)), testProbabilities: nil,
                                     score: Score(accuracy: .nan, crossEntropy: model.meanSquaredError(x.selectingRows(split.test), split.test.map { y[$0] })))
            }
        }

        /// The ensemble of `members` (single-view teachers of one split): the mean of their soft
        /// targets (probabilities at the temperature, or predictions), scored by the mean of their
        /// test probabilities (or by the MSE of the mean prediction).
        func ensemble(_ members: [TeacherOutput], split: (student: [Int], teacher: [Int], test: [Int])) -> TeacherOutput {
            let targets = Self.mean(members.map(\.targets))
            switch data.label {
            case .classes(let labels, _):
                let test = Self.mean(members.compactMap(\.testProbabilities))
                return TeacherOutput(targets: targets, testProbabilities: test, score: Score(probabilities: test, labels: split.test.map { labels[$0] }))
            case .continuous(let y):
                let squared = split.test.reduce(0.0) { sum, i in sum + (targets[i, 0] - y[i]) * (targets[i, 0] - y[i]) }
                return TeacherOutput(targets: targets, testProbabilities: nil,
                                     score: Score(accuracy: .nan, crossEntropy: squared / Double(max(1, split.test.count))))
            }
        }

        /// The elementwise mean of matrices of one shape (at least one).
        static func mean(_ matrices: [Matrix]) -> Matrix {
            var sum = matrices[0]
            for m in matrices.dropFirst() { for i in sum.elements.indices { sum.elements[i] += m.elements[i] } }
            let n = Double(matrices.count)
            for i in sum.elements.indices { sum.elements[i] /= n }
            return sum
        }

        /// Student view `v` on one split: the baseline, then KD from each of its teachers (index, output).
        func students(view v: Int, split: (student: [Int], teacher: [Int], test: [Int]), teachers: [(Int, TeacherOutput)]) throws -> [PairSplit] {
            let x = data.representations[v]
            let validationCount = Int((Double(split.student.count) * settings.validationFraction).rounded())
            let fitRows = Array(split.student[..<(split.student.count - validationCount)])
            let validationRows = Array(split.student[(split.student.count - validationCount)...])
            let test = x.selectingRows(split.test), validation = x.selectingRows(validationRows)
            let baseline = try fit(x, rows: split.student, teacher: nil, lambda: 0)
            let baselineScore = score(baseline, test, rows: split.test)
            let fitBaseline = try fit(x, rows: fitRows, teacher: nil, lambda: 0)
            let baselineValidation = score(fitBaseline, validation, rows: validationRows)
            var out: [PairSplit] = []
            for (t, teacher) in teachers {
                let targets = teacher.targets
                let with = settings.lambda == 0 ? baselineScore : score(try fit(x, rows: split.student, teacher: targets, lambda: settings.lambda, from: baseline), test, rows: split.test)
                var best = (lambda: 0.0, loss: Double.infinity)
                for l in settings.lambdaGrid {
                    let loss = l == 0 ? baselineValidation.crossEntropy
                        : score(try fit(x, rows: fitRows, teacher: targets, lambda: l, from: fitBaseline), validation, rows: validationRows).crossEntropy
                    if loss < best.loss || (loss == best.loss && l < best.lambda) { best = (l, loss) }
                }
                let tuned = best.lambda == 0 ? baselineScore
                    : best.lambda == settings.lambda ? with
                    : score(try fit(x, rows: split.student, teacher: targets, lambda: best.lambda, from: baseline), test, rows: split.test)
                out.append(PairSplit(teacher: t, without: baselineScore, with: with, tuned: tuned, chosenLambda: best.lambda))
            }
            return out
        }

        /// A student fitted on `rows` of `x` (KD from `teacher`'s targets when given); Newton starts
        /// at `start` (the same optimum, fewer iterations).
        private func fit(_ x: Matrix, rows: [Int], teacher: Matrix?, lambda: Double, from start: Student? = nil) throws -> Student {
            switch data.label {
            case .classes(let labels, let names):
                return .softmax(try SoftmaxKD(features: x.selectingRows(rows), labels: rows.map { labels[$0] }, classes: names.count,
                                              softTargets: teacher?.selectingRows(rows), lambda: lambda,
                                              temperature: settings.temperature,
                                              ridge: DistillationExperiment.ridge(settings, label: data.label, student: true)).fit(from: start?.softmax))
            case .continuous(let y):
                return .linear(try LinearKD(features: x.selectingRows(rows), targets: rows.map { y[$0] },
                                            teacher: teacher.map { t in rows.map { t[$0, 0] } }, lambda: lambda,
                                            ridge: DistillationExperiment.ridge(settings, label: data.label)))
            }
        }

        private func score(_ student: Student, _ features: Matrix, rows: [Int]) -> Score {
            switch (student, data.label) {
            case (.softmax(let m), .classes(let labels, _)): m.evaluate(features, labels: rows.map { labels[$0] })
            case (.linear(let m), .continuous(let y)): Score(accuracy: .nan, crossEntropy: m.meanSquaredError(features, rows.map { y[$0] }))
            default: Score(accuracy: .nan, crossEntropy: .nan)
            }
        }

        enum Student {
            case softmax(SoftmaxModel), linear(LinearKD)
            var softmax: SoftmaxModel? { if case .softmax(let m) = self { m } else { nil } }
        }
    }
}

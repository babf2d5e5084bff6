import CCHTestSupport
import Foundation
import Testing
@testable import CrossModalKD

/// Teacher sets (docs/real-data.md, "Teacher sets"): a set's concatenated teacher is the teacher of
/// a view made of the set's columns, its ensemble's soft targets are the mean of its single-view
/// teachers' probabilities at tau, a set never teaches a view it holds, and the set items keep the
/// reproducibility contract (thread count, resume).
struct TeacherSetTests {
    /// Three views of `rows` rows, three classes: each view two noisy functions of the class.
    static func views(rows: Int = 240) -> (a: Matrix, b: Matrix, c: Matrix, labels: [Int]) {
        let stream = RandomStream(seed: 31)
        let labels = (0..<rows).map { $0 % 3 }
        func view(_ strength: Double) -> Matrix {
            Matrix(labels.map { [strength * Double($0) + stream.gaussian(), strength * Double($0 == 1 ? 1 : 0) + stream.gaussian()] })
        }
        return (view(1.2), view(0.6), view(0.9), labels)
    }

    static func data(sets: [[Int]]) throws -> MultiViewData {
        let v = views()
        return try MultiViewData(viewNames: ["a", "b", "c"], representations: [v.a, v.b, v.c],
                                 label: .classes(indices: v.labels, names: ["x", "y", "z"]), teacherSets: sets)
    }

    static var settings: DistillationExperiment.Settings {
        var s = DistillationExperiment.Settings()
        s.splits = 3
        s.studentRows = 40
        s.teacherRows = .own(80)
        s.seed = 12
        return s
    }

    static var information: ViewInformation.Settings {
        var s = ViewInformation.Settings()
        s.replicates = 4
        s.seed = 12
        return s
    }

    /// The teacher on {a, b} is, number for number, the teacher of a view holding a's and b's
    /// columns side by side (built here by hand): the same student results, teacher score, I(T;S)
    /// (every estimator) and gaps (Gaussian, KSG); the ensemble of {a, b} shares the set's gap.
    @Test func theConcatenatedTeacherIsATeacherOnTheJoinedColumns() throws {
        let v = Self.views()
        let data = try Self.data(sets: [[0, 1]])
        #expect(data.teachers.map { data.teacherName(data.teachers.firstIndex(of: $0)!) } == ["a", "b", "c", "a+b", "avg(a,b)"])
        var joined = Matrix(rows: v.a.rows, cols: 4)
        for i in 0..<v.a.rows { for j in 0..<2 { joined[i, j] = v.a[i, j]; joined[i, 2 + j] = v.b[i, j] } }
        let hand = try MultiViewData(viewNames: ["ab", "c"], representations: [joined, v.c], label: data.label)
        let experiment = try DistillationExperiment(data, settings: Self.settings, threads: 2)
        let reference = try DistillationExperiment(hand, settings: Self.settings, threads: 1)
        let set = try #require(experiment.results.first { $0.pair == ViewPair(teacher: 3, student: 2) })
        let byHand = try #require(reference.results.first { $0.pair == ViewPair(teacher: 0, student: 1) })
        #expect(set.without == byHand.without && set.with == byHand.with && set.tuned == byHand.tuned && set.chosenLambda == byHand.chosenLambda)
        #expect(experiment.teacherScores[3] == reference.teacherScores[0])
        #expect(set.with != set.without, "KD changed the student")
        let information = try ViewInformation(data, settings: Self.information, threads: 2)
        let handInformation = try ViewInformation(hand, settings: Self.information, threads: 1)
        for e in MIEstimatorKind.allCases {
            let gap = try #require(information.gap(e, ViewPair(teacher: 3, student: 2)))
            let byHandGap = try #require(handInformation.gap(e, ViewPair(teacher: 0, student: 1)))
            #expect(gap.teacherStudent == byHandGap.teacherStudent && gap.teacherStudentInterval == byHandGap.teacherStudentInterval, "\(e)")
            // The probe's folds are seeded by the student view's index (2 here, 1 by hand).
            if e != .probe { #expect(gap == byHandGap, "\(e)") }
            #expect(gap == information.gap(e, ViewPair(teacher: 4, student: 2)), "the ensemble's gap is its set's (\(e))")
        }
    }

    /// The ensemble of {a, b} teaching c, split by split: softmax teachers fitted here on the split's
    /// teacher rows, their probabilities at tau averaged, the student fitted on those soft targets;
    /// its test score is the experiment's. Its teacher score: the accuracy and cross-entropy of the
    /// mean of the two teachers' probabilities (temperature 1) on the test rows, averaged over splits.
    @Test func theEnsembleTeachesTheMeanOfItsTeachersProbabilities() throws {
        let data = try Self.data(sets: [[0, 1]])
        let settings = Self.settings
        let experiment = try DistillationExperiment(data, settings: settings, threads: 2)
        let ensemble = try #require(experiment.results.first { $0.pair == ViewPair(teacher: 4, student: 2) })
        guard case .classes(let labels, let names) = data.label else { Issue.record("a class label"); return }
        var accuracy = 0.0, crossEntropy = 0.0
        for s in 0..<settings.splits {
            let split = DistillationExperiment.split(s, rows: data.rows, settings: settings)
            let teachers = try [0, 1].map { v in
                try SoftmaxKD(features: data.representations[v].selectingRows(split.teacher), labels: split.teacher.map { labels[$0] },
                              classes: names.count, ridge: settings.ridge).fit()
            }
            let pa = teachers[0].probabilities(data.representations[0], temperature: settings.temperature)
            let pb = teachers[1].probabilities(data.representations[1], temperature: settings.temperature)
            var mean = pa
            for i in mean.elements.indices { mean.elements[i] = (pa.elements[i] + pb.elements[i]) / 2 }
            let x = data.representations[2]
            let baseline = try SoftmaxKD(features: x.selectingRows(split.student), labels: split.student.map { labels[$0] },
                                         classes: names.count, ridge: settings.ridge).fit()
            let student = try SoftmaxKD(features: x.selectingRows(split.student), labels: split.student.map { labels[$0] }, classes: names.count,
                                        softTargets: mean.selectingRows(split.student), lambda: settings.lambda,
                                        temperature: settings.temperature, ridge: settings.ridge).fit(from: baseline)
            let score = student.evaluate(x.selectingRows(split.test), labels: split.test.map { labels[$0] })
            #expect(abs(score.accuracy - ensemble.with[s].accuracy) <= 1e-12)
            #expect(abs(score.crossEntropy - ensemble.with[s].crossEntropy) <= 1e-9 * score.crossEntropy, "split \(s)")
            let ta = teachers[0].probabilities(data.representations[0].selectingRows(split.test))
            let tb = teachers[1].probabilities(data.representations[1].selectingRows(split.test))
            var correct = 0.0, ce = 0.0
            for (r, i) in split.test.enumerated() {
                let p = (0..<names.count).map { (ta[r, $0] + tb[r, $0]) / 2 }
                if p.indices.first(where: { p[$0] == p.max() }) == labels[i] { correct += 1 }
                ce -= log(p[labels[i]])
            }
            accuracy += correct / Double(split.test.count) / Double(settings.splits)
            crossEntropy += ce / Double(split.test.count) / Double(settings.splits)
        }
        #expect(abs(experiment.teacherScores[4].accuracy - accuracy) <= 1e-12)
        #expect(abs(experiment.teacherScores[4].crossEntropy - crossEntropy) <= 1e-9 * crossEntropy)
        #expect(ensemble.with != experiment.results.first { $0.pair == ViewPair(teacher: 3, student: 2) }?.with,
                "the ensemble is not the concatenated teacher")
    }

    /// A student ridge of 5: the teachers (ridge 0.001) score as without it, and the student
    /// without KD is the softmax fit with ridge 5 of its rows, fitted here by hand.
    @Test func theStudentRidgeIsTheStudentsOnly() throws {
        let data = try Self.data(sets: [])
        var settings = Self.settings
        let reference = try DistillationExperiment(data, settings: settings, threads: 1)
        settings.studentRidge = 5
        let strong = try DistillationExperiment(data, settings: settings, threads: 2)
        #expect(strong.teacherScores == reference.teacherScores)
        guard case .classes(let labels, let names) = data.label else { Issue.record("a class label"); return }
        let split = DistillationExperiment.split(0, rows: data.rows, settings: settings)
        let x = data.representations[1]
        let byHand = try SoftmaxKD(features: x.selectingRows(split.student), labels: split.student.map { labels[$0] }, classes: names.count, ridge: 5)
            .fit().evaluate(x.selectingRows(split.test), labels: split.test.map { labels[$0] })
        let pair = try #require(strong.results.first { $0.pair == ViewPair(teacher: 0, student: 1) })
        #expect(pair.without[0] == byHand)
        #expect(pair.without[0] != reference.results.first { $0.pair == ViewPair(teacher: 0, student: 1) }?.without[0])
        settings.studentRidge = 0
        #expect(throws: ParameterError.self) { try DistillationExperiment(data, settings: settings, threads: 1) }
    }

    /// Sets {a, b} and {b, c} over three views: each teaches only the view outside it, singles
    /// teach every other view; 6 + 2 + 2 pairs, none with the student among its teacher's views.
    @Test func aStudentIsNeverInItsOwnTeacherSet() throws {
        let data = try Self.data(sets: [[0, 1], [1, 2]])
        let pairs = data.orderedPairs
        #expect(pairs.count == 10)
        for pair in pairs { #expect(!data.teachers[pair.teacher].views.contains(pair.student), "\(pair)") }
        #expect(pairs.filter { data.teachers[$0.teacher].kind != .view }.map { data.teacherName($0.teacher) + ">" + data.viewNames[$0.student] }
                == ["a+b>c", "avg(a,b)>c", "b+c>a", "avg(b,c)>a"])
        #expect(data.teachers(of: 1) == [0, 2], "b is in both sets")
        // Without sets: every ordered pair of distinct views, teacher-major, as before teacher sets.
        let single = try Self.data(sets: [])
        #expect(single.orderedPairs == (0..<3).flatMap { t in (0..<3).filter { $0 != t }.map { ViewPair(teacher: t, student: $0) } })
        #expect(throws: SampleError.self) { try Self.data(sets: [[0, 0]]) }
        #expect(throws: SampleError.self) { try Self.data(sets: [[1]]) }
        #expect(throws: SampleError.self) { try Self.data(sets: [[0, 3]]) }
    }

    /// With sets, the information and the experiment are the same for 1 and 2 threads, and each
    /// phase stopped part way (after a seeded number of items) and resumed from what it recorded
    /// gives the uninterrupted numbers, computing only the missing items.
    @Test func setsKeepTheThreadAndResumeContract() throws {
        let data = try Self.data(sets: [[0, 1], [0, 2]])
        let information = Self.information
        let reference = try ViewInformation(data, settings: information, threads: 1)
        #expect(try ViewInformation(data, settings: information, threads: 2).gaps == reference.gaps)
        let total = ViewInformation.itemCount(data, settings: information)
        #expect(total == 5 * 3 * (3 + 3 + 2), "per estimator and sample: 3 view pairs, 3 I(S;Y), 2 set quantities")
        var random = SplitMix(seed: 19)
        let stopAfter = Int(random.next() % UInt64(total - 1)) + 1
        let journal = Journal<ViewInformation.ItemOutcome>()
        #expect(throws: WorkStopped(finished: stopAfter, of: total)) {
            try ViewInformation(data, settings: information, threads: 1,
                                work: ResumableWork(record: { journal.add($0, $1) }, shouldStop: { journal.count >= stopAfter }))
        }
        let again = Journal<ViewInformation.ItemOutcome>()
        let resumed = try ViewInformation(data, settings: information, threads: 2, work: ResumableWork(finished: journal.items, record: { again.add($0, $1) }))
        #expect(resumed.gaps == reference.gaps && again.count == total - stopAfter)

        let settings = Self.settings
        let one = try DistillationExperiment(data, settings: settings, threads: 1)
        let two = try DistillationExperiment(data, settings: settings, threads: 2)
        #expect(one.teacherScores == two.teacherScores)
        #expect(zip(one.results, two.results).allSatisfy { $0.with == $1.with && $0.without == $1.without && $0.tuned == $1.tuned })
        #expect(DistillationExperiment.teacherItemCount(data, settings: settings) == 3 * 7)
        #expect(DistillationExperiment.studentItemCount(data, settings: settings) == 3 * 3)
        let teachers = Journal<ClassifierScore>(), students = Journal<[DistillationExperiment.PairSplit]>()
        let stop: @Sendable () -> Bool = { students.count >= 4 }
        #expect(throws: WorkStopped(finished: 4, of: 9)) {
            try DistillationExperiment(data, settings: settings, threads: 1, work: DistillationExperiment.Work(
                teachers: ResumableWork(record: { teachers.add($0, $1) }, shouldStop: stop), students: ResumableWork(record: { students.add($0, $1) }, shouldStop: stop)))
        }
        #expect(teachers.count == 3 * 7, "every teacher score, the ensembles' among them, recorded")
        let resumedExperiment = try DistillationExperiment(data, settings: settings, threads: 2, work: DistillationExperiment.Work(
            teachers: ResumableWork(finished: teachers.items), students: ResumableWork(finished: students.items)))
        #expect(resumedExperiment.teacherScores == one.teacherScores)
        #expect(zip(resumedExperiment.results, one.results).allSatisfy { $0.pair == $1.pair && $0.with == $1.with && $0.tuned == $1.tuned
            && $0.without == $1.without && $0.chosenLambda == $1.chosenLambda })
    }
}

/// The theory on the data for a teacher set (two classes): the concatenated teacher's prediction
/// is that of the fitted theory on a two-view data set holding the set's columns side by side,
/// built by hand; an ensemble has none, with the reason.
struct TeacherSetTheoryTests {
    @Test func theConcatenatedTeacherHasTheTheoryOfItsJoinedColumns() throws {
        let v = TeacherSetTests.views()
        let binary = v.labels.map { $0 == 0 ? 0 : 1 }
        let label = MultiViewLabel.classes(indices: binary, names: ["zero", "other"])
        let data = try MultiViewData(viewNames: ["a", "b", "c"], representations: [v.a, v.b, v.c], label: label, teacherSets: [[0, 1]])
        let hand = try MultiViewData(viewNames: ["ab", "c"], representations: [v.a.joinedColumns(v.b), v.c], label: label)
        let settings = TeacherSetTests.settings
        let theory = try TheoryOnData(data, settings: settings, threads: 1)
        let byHand = try TheoryOnData(hand, settings: settings, threads: 1)
        let pairs = data.orderedPairs
        let set = try #require(pairs.firstIndex(of: ViewPair(teacher: 3, student: 2)))
        let prediction = try theory.predictions[set].get(), reference = try byHand.predictions[0].get()
        #expect(hand.orderedPairs[0] == ViewPair(teacher: 0, student: 1))
        #expect(prediction.gain.mean == reference.gain.mean && prediction.riskNoKD.mean == reference.riskNoKD.mean)
        #expect(prediction.regime == reference.regime)
        let ensemble = try #require(pairs.firstIndex(of: ViewPair(teacher: 4, student: 2)))
        guard case .failure(let reason) = theory.predictions[ensemble] else { Issue.record("an ensemble has no theory"); return }
        #expect(reason.description.contains("avg(a,b) is an ensemble"), "\(reason)")
    }
}

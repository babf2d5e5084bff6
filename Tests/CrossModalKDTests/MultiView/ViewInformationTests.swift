import CCHTestSupport
import Foundation
import Testing
@testable import CrossModalKD

/// `ViewInformation` on messy data and long runs: the thread count never changes a number, tied
/// rows get the seeded noise (and only they), an estimator that cannot estimate a quantity is
/// unavailable for the pairs concerned while the others are computed, and a phase stopped part way
/// and resumed from its finished items gives the numbers of an uninterrupted run.
struct ViewInformationTests {
    /// A class label with `classes` balanced classes over `rows` rows; view "a": a noisy
    /// continuous function of the class; view "b": integer values 0...3 (a Likert score, heavy
    /// ties: each (value, class) repeats about rows / 8 times).
    static func tiedData(rows: Int = 160, seed: UInt64 = 4) throws -> MultiViewData {
        let stream = RandomStream(seed: seed)
        let labels = (0..<rows).map { $0 % 2 }
        let a = Matrix(labels.map { [Double($0) + stream.gaussian(), stream.gaussian()] })
        let b = Matrix(labels.map { c in [Double(min(3, max(0, c * 2 + stream.index(below: 2))))] })
        return try MultiViewData(viewNames: ["a", "b"], representations: [a, b], label: .classes(indices: labels, names: ["x", "y"]))
    }

    static func settings(replicates: Int = 6) -> ViewInformation.Settings {
        var s = ViewInformation.Settings()
        s.replicates = replicates
        s.seed = 9
        return s
    }

    @Test func theThreadCountChangesNoNumber() throws {
        let data = try PlantedViews(model: try .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.5), rows: 300, seed: 2).data(classLabel: true)
        let one = try ViewInformation(data, settings: Self.settings(), threads: 1)
        let two = try ViewInformation(data, settings: Self.settings(), threads: 2)
        #expect(one.gaps == two.gaps)
        #expect(one.estimators == [.gaussian, .ksg, .probe])
        #expect(one.jittered.isEmpty, "continuous views need no noise")
    }

    /// The Likert view's I(S;Y) by KSG needs the noise; with it, KSG for a discrete label finds
    /// the information of a view that decides the class up to one coin flip: b = 2c + u, u in
    /// {0, 1} fair, determines c exactly, so I(b;Y) = H(Y) = ln 2; the estimate is within 0.1 of it.
    @Test func tiedRowsGetTheNoiseAndKSGStillEstimates() throws {
        let data = try Self.tiedData()
        let information = try ViewInformation(data, settings: Self.settings(), threads: 2)
        #expect(information.jittered == ["I(b;Y) by ksg"], "a is continuous: (a, b) has no tied rows")
        let gap = try #require(information.gap(.ksg, ViewPair(teacher: 0, student: 1)))
        #expect(abs(gap.studentLabel - log(2)) < 0.1, "I(b;Y) by KSG with the noise: \(gap.studentLabel)")
        // The Gaussian family needs no noise and is computed as usual.
        #expect(information.gap(.gaussian, ViewPair(teacher: 0, student: 1)) != nil)
    }

    /// The noise's size per column: its sample standard deviation is 1e-10 max(sd, mean|x|)
    /// (scikit-learn's 1e-10 max(1, mean|x / sd|) on the column scaled to unit variance).
    @Test func theNoiseHasScikitLearnsSize() throws {
        let n = 4000
        let rows: [[Double]] = (0..<n).map { (i: Int) -> [Double] in [Double(i % 5), 100 + 0.001 * Double(i % 3), 7] }
        let m = Matrix(rows)
        let noisy = NearestNeighbourNoise.added(to: m, columns: 0..<3, seed: 1, ids: [2])
        for j in 0..<3 {
            let column: [Double] = (0..<n).map { m[$0, j] }
            let mean: Double = column.reduce(0, +) / Double(n)
            let squares: Double = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let sd: Double = (squares / Double(n)).squareRoot()
            let absMean: Double = column.reduce(0) { $0 + Swift.abs($1) } / Double(n)
            let unit: Double = sd > 0 ? sd : 1
            let expected: Double = 1e-10 * Swift.max(1, absMean / unit) * unit
            let noise: [Double] = (0..<n).map { noisy[$0, j] - m[$0, j] }
            let noiseSD: Double = (noise.reduce(0) { $0 + $1 * $1 } / Double(n)).squareRoot()
            #expect(Swift.abs(noiseSD / expected - 1) < 0.1, "column \(j): noise sd \(noiseSD), expected \(expected)")
        }
        #expect(noisy.elements == NearestNeighbourNoise.added(to: m, columns: 0..<3, seed: 1, ids: [2]).elements, "seeded")
        #expect(!NearestNeighbourNoise.needed(Matrix([[1, 2], [1, 2], [1, 2], [0, 0]]), columns: [0, 1], k: 3))
        #expect(NearestNeighbourNoise.needed(Matrix([[1, 2], [1, 2], [1, 2], [1, 2]]), columns: [0, 1], k: 3))
        #expect(NearestNeighbourNoise.needed(Matrix([[0, 2], [-0.0, 2], [0, 2], [0, 2]]), columns: [0, 1], k: 3), "0 and -0 coincide")
    }

    /// A class of 3 rows is too small for KSG with k = 3 (it needs more than k rows per class):
    /// KSG is unavailable for the pairs whose student needs I(S;Y), with the reason; I(T;S) by KSG
    /// and the other estimators are still computed.
    @Test func anEstimatorThatCannotEstimateIsUnavailableForThePairsConcerned() throws {
        let stream = RandomStream(seed: 3)
        let labels = (0..<63).map { $0 < 3 ? 0 : 1 }
        let a = Matrix(labels.map { [Double($0) + stream.gaussian(), stream.gaussian()] })
        let b = Matrix(labels.map { [Double($0) + stream.gaussian()] })
        let data = try MultiViewData(viewNames: ["a", "b"], representations: [a, b], label: .classes(indices: labels, names: ["few", "many"]))
        var settings = Self.settings(replicates: 0)
        settings.estimators = [.ksg, .gaussian]
        let information = try ViewInformation(data, settings: settings, threads: 2)
        #expect(information.estimators == [.ksg, .gaussian])
        let reason = try #require(information.unavailable(.ksg, ViewPair(teacher: 0, student: 1)))
        #expect(reason.quantity == "I(b;Y) by ksg")
        #expect(reason.halfSample == nil)
        #expect(reason.reason.contains("needs at least 4 rows, got 3"), "\(reason)")
        #expect(information.gap(.gaussian, ViewPair(teacher: 0, student: 1)) != nil)
    }

    /// A quantity lost on a half-sample (a class of 5 rows, enough for KSG with k = 3, keeps 2 in
    /// a stratified half): the quantity is unavailable, naming the half-sample.
    @Test func aQuantityLostOnAHalfSampleIsUnavailableNamingIt() throws {
        let stream = RandomStream(seed: 5)
        let labels = (0..<65).map { $0 < 5 ? 0 : 1 }
        let a = Matrix(labels.map { [Double($0) + stream.gaussian()] })
        let b = Matrix(labels.map { [Double($0) + stream.gaussian()] })
        let data = try MultiViewData(viewNames: ["a", "b"], representations: [a, b], label: .classes(indices: labels, names: ["few", "many"]))
        let information = try ViewInformation(data, settings: Self.settings(replicates: 4), threads: 1)
        let reason = try #require(information.unavailable(.ksg, ViewPair(teacher: 1, student: 0)))
        #expect(reason.halfSample?.replicate == 0)
        #expect(reason.halfSample?.rows == 32)
        #expect(reason.description.hasPrefix("I(a;Y) by ksg on half-sample 1 (32 rows): "), "\(reason)")
    }

    /// Stopped after a seeded number of items (on one thread, so that no item starts after the
    /// stop), then resumed on two from the items it recorded: the same gaps as one uninterrupted
    /// run, and only the missing items computed.
    @Test func aStoppedPhaseResumesToTheSameNumbers() throws {
        let data = try Self.tiedData(rows: 120)
        let settings = Self.settings(replicates: 4)
        let reference = try ViewInformation(data, settings: settings, threads: 2)
        let total = ViewInformation.itemCount(data, settings: settings)
        #expect(total == 5 * 3 * 3)
        var random = SplitMix(seed: 7)
        for _ in 0..<3 {
            let stopAfter = Int(random.next() % UInt64(total - 1)) + 1
            let journal = Journal<ViewInformation.ItemOutcome>()
            let first = ResumableWork<ViewInformation.ItemOutcome>(record: { journal.add($0, $1) }, shouldStop: { journal.count >= stopAfter })
            #expect(throws: WorkStopped(finished: stopAfter, of: total)) { try ViewInformation(data, settings: settings, threads: 1, work: first) }
            let finished = journal.items
            #expect(finished.count == stopAfter)
            let again = Journal<ViewInformation.ItemOutcome>()
            let resumed = try ViewInformation(data, settings: settings, threads: 2,
                                              work: ResumableWork(finished: finished, record: { again.add($0, $1) }))
            #expect(resumed.gaps == reference.gaps)
            #expect(again.count == total - finished.count)
        }
    }

    @Test func theExperimentResumesToTheSameResults() throws {
        let data = try PlantedViews(model: try .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.5), rows: 200, seed: 8).data(classLabel: true)
        var settings = DistillationExperiment.Settings()
        settings.splits = 4
        settings.studentRows = 40
        settings.teacherRows = .own(60)
        let reference = try DistillationExperiment(data, settings: settings, threads: 2)
        let teachers = Journal<ClassifierScore>(), students = Journal<[DistillationExperiment.PairSplit]>()
        let stop: @Sendable () -> Bool = { students.count >= 3 }
        let first = DistillationExperiment.Work(teachers: ResumableWork(record: { teachers.add($0, $1) }, shouldStop: stop),
                                                students: ResumableWork(record: { students.add($0, $1) }, shouldStop: stop))
        #expect(throws: WorkStopped(finished: 3, of: 8)) { try DistillationExperiment(data, settings: settings, threads: 1, work: first) }
        #expect(teachers.count == 8 && students.count == 3)
        let resumed = try DistillationExperiment(data, settings: settings, threads: 2, work: DistillationExperiment.Work(
            teachers: ResumableWork(finished: teachers.items), students: ResumableWork(finished: students.items)))
        #expect(resumed.teacherScores == reference.teacherScores)
        for (r, e) in zip(resumed.results, reference.results) {
            #expect(r.without == e.without && r.with == e.with && r.tuned == e.tuned && r.chosenLambda == e.chosenLambda)
        }
    }
}

/// Recorded outcomes by item (record calls never overlap; locked anyway).
final class Journal<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int: Outcome] = [:]
    func add(_ item: Int, _ outcome: Outcome) { lock.lock(); stored[item] = outcome; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return stored.count }
    var items: [Int: Outcome] { lock.lock(); defer { lock.unlock() }; return stored }
}

import CCHTestSupport
import XCTest
@testable import CrossModalKD

final class DistillationExperimentTests: XCTestCase {
    /// Rows (T, S, Y) drawn from a known joint Gaussian, as a two-view data set with a continuous label.
    private func planted(rows n: Int, seed: UInt64) throws -> (MultiViewData, JointGaussian) {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.5, rhoTY: 0.9)
        return (try PlantedViews(model: model, rows: n, seed: seed).data(), model)
    }

    /// The measured gain of the theory's own learner (OLS students without intercept, quadratic KD
    /// penalty, an OLS teacher on rows of its own, data centred over all rows) agrees with the
    /// exact finite-n risk of regime 4(c) of the planted model.
    func testPlantedGaussianDataMatchTheTheory() throws {
        let (data, model) = try planted(rows: 4000, seed: 21)
        var settings = DistillationExperiment.Settings()
        settings.splits = 200
        settings.studentRows = 15
        settings.teacherRows = .own(200)
        settings.lambda = 0.6
        settings.lambdaGrid = [0, 0.6]
        settings.seed = 4
        let experiment = try DistillationExperiment(data, settings: settings, threads: 2)
        let result = try XCTUnwrap(experiment.results.first { $0.pair == ViewPair(teacher: 0, student: 1) })
        let measured = DistillationGain(result, continuous: true)
        let theory = try KDAnalysis(model: model, teacher: TeacherSpec(target: .prediction, fit: .ols(samples: 200)),
                                    student: StudentSpec(samples: .finite(15), ridge: 0, lambda: 0.6))
        // 3 SE: a two-sided 99.7% band for the mean of 200 paired splits.
        XCTAssertEqual(measured.gain.mean, theory.kdGain, accuracy: 3 * measured.gain.standardError)
        XCTAssertEqual(measured.withoutKD, theory.riskNoKD, accuracy: 0.03 * theory.riskNoKD)
        XCTAssertGreaterThan(theory.kdGain, 4 * measured.gain.standardError, "the planted gain is large enough to test")
    }

    func testSplitsAreDisjointAndResultsDoNotDependOnThreads() throws {
        let (data, _) = try planted(rows: 300, seed: 3)
        var settings = DistillationExperiment.Settings()
        settings.splits = 6
        settings.studentRows = 40
        settings.teacherRows = .own(50)
        let split = DistillationExperiment.split(2, rows: 300, settings: settings)
        XCTAssertEqual(Set(split.student + split.teacher + split.test).count, 300)
        XCTAssertEqual(split.student.count, 40)
        XCTAssertEqual(split.teacher.count, 50)
        let one = try DistillationExperiment(data, settings: settings, threads: 1)
        let three = try DistillationExperiment(data, settings: settings, threads: 3)
        for (a, b) in zip(one.results, three.results) {
            XCTAssertEqual(a.with.map(\.crossEntropy), b.with.map(\.crossEntropy))
            XCTAssertEqual(a.without.map(\.crossEntropy), b.without.map(\.crossEntropy))
            XCTAssertEqual(a.tuned.map(\.crossEntropy), b.tuned.map(\.crossEntropy))
            XCTAssertEqual(a.chosenLambda, b.chosenLambda)
        }
        settings.studentRows = 260
        XCTAssertThrowsError(try DistillationExperiment(data, settings: settings, threads: 1))
    }

    func testClassExperimentWithPrivilegedTeacher() throws {
        // Three classes seen through two noisy views; the teacher learns on the student's rows.
        let stream = RandomStream(seed: 8)
        let n = 240
        var a = Matrix(rows: n, cols: 2), b = Matrix(rows: n, cols: 2), labels: [Int] = []
        for i in 0..<n {
            let c = i % 3
            labels.append(c)
            for j in 0..<2 {
                let centre = j == 0 ? cos(2.1 * Double(c)) : sin(2.1 * Double(c))
                a[i, j] = 2 * centre + 0.7 * stream.gaussian()
                b[i, j] = centre + 1.5 * stream.gaussian()
            }
        }
        let data = try MultiViewData(viewNames: ["a", "b"], representations: [a, b], label: .classes(indices: labels, names: ["x", "y", "z"]))
        var settings = DistillationExperiment.Settings()
        settings.splits = 4
        settings.studentRows = 60
        settings.teacherRows = .student
        let experiment = try DistillationExperiment(data, settings: settings, threads: 2)
        XCTAssertEqual(experiment.results.count, 2)
        // The clean view's teacher is far better than chance on the test rows.
        XCTAssertGreaterThan(experiment.teacherScores[0].accuracy, 0.8)
        for r in experiment.results {
            XCTAssertTrue(r.with.allSatisfy { (0...1).contains($0.accuracy) && $0.crossEntropy > 0 })
            XCTAssertTrue(r.chosenLambda.allSatisfy { settings.lambdaGrid.contains($0) })
        }
        let information = try ViewInformation(data, settings: {
            var s = ViewInformation.Settings()
            s.replicates = 4
            return s
        }(), threads: 2)
        let gap = try XCTUnwrap(information.gap(.gaussian, ViewPair(teacher: 0, student: 1)))
        XCTAssertLessThanOrEqual(gap.studentLabel, log(3) + 1e-12)
        XCTAssertNotNil(gap.gapInterval)
        XCTAssertEqual(information.gap(.ksg, ViewPair(teacher: 0, student: 1))?.teacherStudent,
                       information.gap(.ksg, ViewPair(teacher: 1, student: 0))?.teacherStudent)
    }
}

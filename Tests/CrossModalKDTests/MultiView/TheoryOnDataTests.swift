import CCHTestSupport
import XCTest
@testable import CrossModalKD

/// The theory on the data (`TheoryOnData`) and the theory's learner on planted data drawn from a
/// known joint Gaussian: the prediction is `KDAnalysis` of the fitted model, and the learner's
/// measured gain agrees with it within error.
final class TheoryOnDataTests: XCTestCase {
    /// Two latent factors; the teacher sees both sharply, the student both through noise, so a
    /// small-n student gains from KD. dt = ds = 2.
    static func plantedModel() throws -> JointGaussian {
        try JointGaussian.latent(teacherLoadings: Matrix([[1, 0], [0, 1]]), studentLoadings: Matrix([[0.6, 0], [0, 0.4]]),
                                 labelLoadings: [1, 0.6], teacherNoise: 0.3, studentNoise: 1, labelNoise: 0.5)
    }

    static func settings(teacherRows: DistillationExperiment.TeacherRows, splits: Int) -> DistillationExperiment.Settings {
        var s = DistillationExperiment.Settings()
        s.splits = splits
        s.studentRows = 25
        s.teacherRows = teacherRows
        s.lambda = 0.5
        s.lambdaGrid = [0, 0.5]
        s.seed = 17
        return s
    }

    /// The sample covariance (divisor N, centred) of the columns, in the order given.
    static func covariance(_ columns: [[Double]]) -> Matrix {
        let n = Double(columns[0].count), d = columns.count
        let centred = columns.map { c in c.map { $0 - c.reduce(0, +) / n } }
        var m = Matrix(rows: d, cols: d)
        for a in 0..<d { for b in 0..<d { m[a, b] = zip(centred[a], centred[b]).map(*).reduce(0, +) / n } }
        return m
    }

    func testBinaryCodingIsTheFitsCoding() throws {
        let planted = PlantedViews(model: try Self.plantedModel(), rows: 500, seed: 3)
        let data = try planted.data(classLabel: true)
        let (coded, coding) = try data.codedForTheory()
        XCTAssertEqual(coding, .binary(negative: "negative", positive: "positive"))
        XCTAssertEqual(coded.label, .continuous(planted.signClasses.map { $0 == 0 ? -1 : 1 }))
        // The fit's label column is the covariance of the coded label with the views.
        let fit = try FittedGaussian(data, pair: ViewPair(teacher: 0, student: 1))
        let t = planted.teacher, s = planted.student
        let columns = (0..<2).map { j in (0..<500).map { t[$0, j] } } + (0..<2).map { j in (0..<500).map { s[$0, j] } } + [coded.label.values]
        let independent = Self.covariance(columns)
        for a in 0..<5 { for b in 0..<5 { assertClose(fit.model.sigma[a, b], independent[a, b], absolute: 1e-12) } }
        // More than two classes: no scalar label.
        let three = try MultiViewData(viewNames: ["a", "b"], representations: [planted.teacher, planted.student],
                                      label: .classes(indices: (0..<500).map { $0 % 3 }, names: ["x", "y", "z"]))
        XCTAssertThrowsError(try TheoryOnData(three, settings: Self.settings(teacherRows: .own(50), splits: 2), threads: 1)) { error in
            XCTAssertEqual(error as? GaussianFitError, .multiClassLabel(classes: ["x", "y", "z"]))
        }
    }

    /// Teacher on rows of its own: the prediction is the exact regime 4(c) of the fitted model,
    /// equal to `KDAnalysis` of a covariance fitted here independently, and the theory's learner
    /// measured on 200 splits agrees with it within 3 joint SE (two-sided 99.7%), for the
    /// continuous label and for the two classes of its sign.
    func testExactTheoryMatchesTheLearnerOnPlantedData() throws {
        let planted = PlantedViews(model: try Self.plantedModel(), rows: 1000, seed: 8)
        let settings = Self.settings(teacherRows: .own(60), splits: 200)
        for classLabel in [false, true] {
            let data = try planted.data(classLabel: classLabel)
            let theory = try TheoryOnData(data, settings: settings, threads: 2)
            let coded = try data.codedForTheory().data
            let learner = try DistillationExperiment(coded, settings: settings, threads: 2)
            for (index, pair) in data.orderedPairs.enumerated() {
                let prediction = try theory.predictions[index].get()
                XCTAssertEqual(prediction.regime, .exactOLSFittedTeacher)
                XCTAssertEqual(prediction.gain.standardError, 0)
                let views = [planted.teacher, planted.student]
                let columns = (0..<2).map { j in (0..<1000).map { views[pair.teacher][$0, j] } }
                    + (0..<2).map { j in (0..<1000).map { views[pair.student][$0, j] } } + [coded.label.values]
                let model = try JointGaussian(dt: 2, ds: 2, covariance: Self.covariance(columns))
                let independent = try KDAnalysis(model: model, teacher: TeacherSpec(target: .prediction, fit: .ols(samples: 60)),
                                                 student: StudentSpec(samples: .finite(25), ridge: 0, lambda: 0.5))
                assertClose(prediction.gain.mean, independent.kdGain, absolute: 1e-10 * abs(independent.kdGain))
                assertClose(prediction.riskNoKD.mean, independent.riskNoKD, absolute: 1e-10 * independent.riskNoKD)
                let measured = DistillationGain(try XCTUnwrap(learner.results.first { $0.pair == pair }), continuous: true)
                let z = (measured.gain.mean - prediction.gain.mean) / measured.gain.standardError
                XCTAssertLessThan(abs(z), 3, "label \(classLabel ? "binary" : "continuous"), pair \(pair): measured \(measured.gain.mean) theory \(prediction.gain.mean)")
            }
        }
    }

    /// Teacher on the student's rows with dt = ds = 2: no closed form, so the fitted model's Monte
    /// Carlo; the same numbers for any thread count, and the learner agrees within 3 joint SE.
    func testMonteCarloTheoryForATeacherOnTheStudentsRows() throws {
        let planted = PlantedViews(model: try Self.plantedModel(), rows: 1000, seed: 9)
        let settings = Self.settings(teacherRows: .student, splits: 200)
        let data = try planted.data()
        let one = try TheoryOnData(data, settings: settings, threads: 1, trials: 2000)
        let two = try TheoryOnData(data, settings: settings, threads: 2, trials: 2000)
        let learner = try DistillationExperiment(data, settings: settings, threads: 2)
        for (index, pair) in data.orderedPairs.enumerated() {
            let prediction = try one.predictions[index].get()
            XCTAssertEqual(prediction.regime, .monteCarlo)
            XCTAssertEqual(prediction.gain, try two.predictions[index].get().gain)
            XCTAssertGreaterThan(prediction.gain.standardError, 0)
            let measured = DistillationGain(try XCTUnwrap(learner.results.first { $0.pair == pair }), continuous: true)
            let se = (measured.gain.standardError * measured.gain.standardError + prediction.gain.standardError * prediction.gain.standardError).squareRoot()
            let z = (measured.gain.mean - prediction.gain.mean) / se
            XCTAssertLessThan(abs(z), 3, "pair \(pair): measured \(measured.gain.mean) theory \(prediction.gain.mean)")
        }
    }
}

import CCHTestSupport
import XCTest
@testable import CrossModalKD

final class FittedGaussianTests: XCTestCase {
    /// Four rows small enough to do by hand: every moment is a dyadic fraction, so the fit is exact.
    func testHandComputedMoments() throws {
        let data = try MultiViewData(viewNames: ["t", "s"], representations: [Matrix.column([1, 2, 3, 4]), Matrix.column([2, 0, 1, 1])],
                                     label: .continuous([1, 0, -1, 0]))
        let fit = try FittedGaussian(data, pair: ViewPair(teacher: 0, student: 1))
        // Deviations t: -1.5 -0.5 0.5 1.5; s: 1 -1 0 0; y: 1 0 -1 0; divisor N = 4.
        XCTAssertEqual(fit.model.sigma, Matrix([[1.25, -0.25, -0.5], [-0.25, 0.5, 0.25], [-0.5, 0.25, 0.5]]))
        XCTAssertEqual(fit.means, [2.5, 1, 0])
        XCTAssertEqual(fit.labelCoding, .continuous)
        XCTAssertEqual(fit.rows, 4)
        // The reversed pair swaps the blocks.
        let reversed = try FittedGaussian(data, pair: ViewPair(teacher: 1, student: 0))
        XCTAssertEqual(reversed.model.sigma, Matrix([[0.5, -0.25, 0.25], [-0.25, 1.25, -0.5], [0.25, -0.5, 0.5]]))
    }

    /// The two-pass covariance against the one-pass formula (sum x y - N mean_x mean_y) / N on
    /// planted data with non-zero means and unequal scales, dt = 2, ds = 3.
    func testCovarianceMatchesOnePassSums() throws {
        let planted = PlantedViews(model: try TestSupport.randomModel(dt: 2, ds: 3, seed: 41), rows: 700, seed: 5)
        let shift = [3.0, -2, 0.5, 10, -7, 1]
        let columns = (0..<6).map { j in (0..<700).map { planted.sample[$0, j] * Double(j + 1) + shift[j] } }
        let data = try MultiViewData(viewNames: ["a", "b"],
                                     representations: [Matrix((0..<700).map { [columns[0][$0], columns[1][$0]] }),
                                                       Matrix((0..<700).map { i in (2..<5).map { columns[$0][i] } })],
                                     label: .continuous(columns[5]))
        let fit = try FittedGaussian(data, pair: ViewPair(teacher: 0, student: 1))
        let n = 700.0
        for a in 0..<6 {
            let meanA = columns[a].reduce(0, +) / n
            assertClose(fit.means[a], meanA, absolute: 1e-12 * max(1, abs(meanA)))
            for b in 0..<6 {
                let meanB = columns[b].reduce(0, +) / n
                let cross = zip(columns[a], columns[b]).map(*).reduce(0, +)
                let expected = (cross - n * meanA * meanB) / n
                assertClose(fit.model.sigma[a, b], expected, absolute: 1e-9 * Double((a + 1) * (b + 1)), "entry (\(a), \(b))")
            }
        }
        XCTAssertEqual(fit.model.dt, 2)
        XCTAssertEqual(fit.model.ds, 3)
    }

    /// A two-class label is coded -1 (first class), +1 (second): its variance is 1 - m^2 with m
    /// the coded mean, its covariance with a column the mean of (x - mean x) times the code.
    func testBinaryLabelCoding() throws {
        let x = [0.5, 1.5, -1, 2, 0, 3], z = [1.0, 0, 2, -1, 1, 0.5]
        let classes = [0, 1, 0, 1, 1, 1]
        let data = try MultiViewData(viewNames: ["x", "z"], representations: [Matrix.column(x), Matrix.column(z)],
                                     label: .classes(indices: classes, names: ["wt", "ppar"]))
        let fit = try FittedGaussian(data, pair: ViewPair(teacher: 0, student: 1))
        XCTAssertEqual(fit.labelCoding, .binary(negative: "wt", positive: "ppar"))
        let code = classes.map { $0 == 0 ? -1.0 : 1 }
        let m = code.reduce(0, +) / 6
        XCTAssertEqual(m, 1.0 / 3)
        assertClose(fit.model.syy, 1 - m * m, absolute: 1e-15)
        let meanX = x.reduce(0, +) / 6
        assertClose(fit.model.sty[0], zip(x, code).map { ($0 - meanX) * $1 }.reduce(0, +) / 6, absolute: 1e-15)
    }

    func testUnusableInputsAreTypedErrors() throws {
        let planted = PlantedViews(model: try TestSupport.randomModel(dt: 1, ds: 2, seed: 2), rows: 40, seed: 1)
        let three = try MultiViewData(viewNames: ["t", "s"], representations: [planted.teacher, planted.student],
                                      label: .classes(indices: (0..<40).map { $0 % 3 }, names: ["a", "b", "c"]))
        XCTAssertThrowsError(try FittedGaussian(three, pair: ViewPair(teacher: 0, student: 1))) { error in
            XCTAssertEqual(error as? GaussianFitError, .multiClassLabel(classes: ["a", "b", "c"]))
            XCTAssertTrue("\(error)".contains("3 classes (a, b, c)"), "\(error)")
        }
        let data = try planted.data()
        XCTAssertThrowsError(try FittedGaussian(data, pair: ViewPair(teacher: 1, student: 1))) {
            XCTAssertEqual($0 as? GaussianFitError, .sameView("s"))
        }
        XCTAssertThrowsError(try FittedGaussian(data, pair: ViewPair(teacher: 0, student: 2))) {
            XCTAssertEqual($0 as? GaussianFitError, .viewOutOfRange(pair: ViewPair(teacher: 0, student: 2), views: 2))
        }
        // dt + ds + 1 = 4 variables need at least 5 rows.
        let short = try MultiViewData(viewNames: ["t", "s"], representations: [Matrix(Array(planted.teacher.elements.prefix(4)).map { [$0] }),
                                                                             Matrix((0..<4).map { [planted.student[$0, 0], planted.student[$0, 1]] })],
                                      label: .continuous(Array(planted.label.prefix(4))))
        XCTAssertThrowsError(try FittedGaussian(short, pair: ViewPair(teacher: 0, student: 1))) {
            XCTAssertEqual($0 as? GaussianFitError, .tooFewRows(rows: 4, dimension: 4))
        }
        // A student view whose second column repeats its first: the covariance is singular.
        let repeated = Matrix((0..<40).map { [planted.student[$0, 0], planted.student[$0, 0]] })
        let collinear = try MultiViewData(viewNames: ["t", "s"], representations: [planted.teacher, repeated], label: .continuous(planted.label))
        XCTAssertThrowsError(try FittedGaussian(collinear, pair: ViewPair(teacher: 0, student: 1))) { error in
            guard case .singular = error as? GaussianFitError else { return XCTFail("expected a singular fit, got \(error)") }
            XCTAssertTrue("\(error)".contains("collinear"), "\(error)")
        }
    }

    /// On data drawn from a known joint Gaussian the fitted covariance is within sampling error of
    /// the true one: the sample covariance's entry (a, b) has variance (s_aa s_bb + s_ab^2) / N.
    func testPlantedModelIsRecoveredWithinSamplingError() throws {
        let truth = try TestSupport.randomModel(dt: 2, ds: 2, seed: 77)
        let n = 20_000
        let fit = try FittedGaussian(try PlantedViews(model: truth, rows: n, seed: 13).data(), pair: ViewPair(teacher: 0, student: 1))
        var largest = 0.0
        for a in 0..<5 {
            for b in 0...a {
                let s = truth.sigma
                let se = ((s[a, a] * s[b, b] + s[a, b] * s[a, b]) / Double(n)).squareRoot()
                largest = max(largest, abs(fit.model.sigma[a, b] - s[a, b]) / se)
            }
        }
        XCTAssertLessThan(largest, 4, "largest |z| of the 15 entries")
        // The theory on the fitted model predicts the true model's KD gain (regime 4(c)): the
        // entries carry relative errors of about 1 / sqrt(N) = 0.7%, the risks inherit that order.
        var settings = DistillationExperiment.Settings()
        settings.studentRows = 12
        settings.teacherRows = .own(40)
        settings.lambda = 0.5
        let fitted = try fit.analysis(settings)
        let exact = try KDAnalysis(model: truth, teacher: TeacherSpec(fit: .ols(samples: 40)), student: StudentSpec(samples: .finite(12), lambda: 0.5))
        XCTAssertEqual(fitted.regime, .exactOLSFittedTeacher)
        XCTAssertEqual(fitted.riskNoKD, exact.riskNoKD, accuracy: 0.02 * exact.riskNoKD)
        XCTAssertEqual(fitted.kdGain, exact.kdGain, accuracy: 0.03 * abs(exact.kdGain))
    }

    /// The experiment's settings in the theory's types: an OLS prediction teacher on its own rows
    /// or on the student's, an OLS student with the experiment's n and lambda.
    func testKDSettingOfTheExperiment() throws {
        var settings = DistillationExperiment.Settings()
        settings.studentRows = 30
        settings.teacherRows = .own(200)
        settings.lambda = 0.25
        settings.ridge = 0.01
        let own = FittedKDSetting(settings)
        XCTAssertEqual(own.teacher, TeacherSpec(target: .prediction, fit: .ols(samples: 200), rows: .own))
        XCTAssertEqual(own.student, StudentSpec(samples: .finite(30), ridge: 0, lambda: 0.25))
        settings.teacherRows = .student
        let privileged = FittedKDSetting(settings)
        XCTAssertEqual(privileged.teacher, TeacherSpec(target: .prediction, fit: .ols(samples: 30), rows: .student))
        // Scalar views: the exact student-rows regime; wider views: no closed form, Monte Carlo only.
        let scalar = try FittedGaussian(try PlantedViews(model: try .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.7), rows: 300, seed: 3).data(),
                                        pair: ViewPair(teacher: 0, student: 1))
        XCTAssertEqual(try scalar.analysis(settings).regime, .exactOLSStudentRows)
        let wide = try FittedGaussian(try PlantedViews(model: try TestSupport.randomModel(dt: 1, ds: 2, seed: 4), rows: 300, seed: 3).data(),
                                      pair: ViewPair(teacher: 0, student: 1))
        XCTAssertThrowsError(try wide.analysis(settings)) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .teacherRows)
        }
    }
}

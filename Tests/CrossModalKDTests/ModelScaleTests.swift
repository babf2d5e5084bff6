import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// A covariance multiplied by a factor k (every variable by sqrt k) is the same problem in other
/// units (docs/theory.md section 1, "Scale"): informations, accuracies, the best KD weight and the
/// relative gain are those of the unscaled model, risks are k times its risks (with the ridge
/// penalty, in units of a variance, k times the penalty, and a projected representation target,
/// whose variance is c^2 in any units, sqrt(k) times the scale c), and Monte Carlo standard errors
/// are k times its standard errors. Before the models were binary-scaled, k = 1e-200 gave Sheppard
/// accuracies of 1.0 (a product of two variances underflowed) and Monte Carlo standard errors of 0.
final class ModelScaleTests: XCTestCase {
    static let factors = [0x1p-600, 1e-200, 1e-160, 1e-100, 0x1p+200, 1e+99]

    private func scaled(_ m: JointGaussian, by k: Double) throws -> JointGaussian {
        try JointGaussian(dt: m.dt, ds: m.ds, covariance: k * m.sigma)
    }

    /// Error budget: relative 1e-12 for scale-free quantities, 1e-11 for risks (the decimal factors
    /// round the matrix itself to about 1e-16).
    func testAnalysisIsScaleFree() throws {
        let vector = try TestSupport.randomModel(dt: 2, ds: 2, seed: 41)
        let scalar = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: [1, 0.6, 0.3, 0.6, 1, 0.4, 0.3, 0.4, 1]))
        let cases: [(JointGaussian, TeacherSpec, StudentSpec)] = [
            (scalar, TeacherSpec(), StudentSpec(samples: .finite(20), lambda: 0.5)),                       // exact OLS
            (scalar, TeacherSpec(target: .representation), StudentSpec(samples: .infinite, ridge: 0.05)), // population
            (scalar, TeacherSpec(fit: .ols(samples: 9)), StudentSpec(samples: .finite(3), ridge: 0.2)),    // exact scalar ridge
            (vector, TeacherSpec(target: .representation, scale: 1.5), StudentSpec(samples: .finite(9), lambda: 0.4)),
            (vector, TeacherSpec(), StudentSpec(samples: .finite(6), ridge: 0.3, lambda: 0.3)),            // deterministic equivalent
        ]
        for (index, (model, teacher, student)) in cases.enumerated() {
            let reference = try KDAnalysis(model: model, teacher: teacher, student: student)
            for k in Self.factors {
                var s = student, t = teacher
                s.ridge *= k
                // A projected representation is scaled to variance c^2 whatever the model's units:
                // the same problem in units k has c sqrt(k) (beyond the largest scale accepted: skipped).
                if teacher.target == .representation, model.dt > 1 { t.scale *= k.squareRoot() }
                guard abs(t.scale) <= TeacherSignal.maximumScale else { continue }
                let a = try KDAnalysis(model: try scaled(model, by: k), teacher: t, student: s)
                let what = "case \(index), k = \(k)"
                XCTAssertEqual(a.regime, reference.regime, what)
                for (x, y, name) in [(a.accuracyNoKD, reference.accuracyNoKD, "accuracy without KD"), (a.accuracyKD, reference.accuracyKD, "accuracy with KD"),
                                     (a.accuracyOpt, reference.accuracyOpt, "accuracy at lambda*"),
                                     (a.kdGain / a.riskNoKD, reference.kdGain / reference.riskNoKD, "relative gain"),
                                     (a.information.cchGap, reference.information.cchGap, "CCH gap")] {
                    assertClose(x, y, absolute: 1e-12, relative: 1e-12, "\(what): \(name) \(x) vs \(y)")
                }
                assertClose(a.lambdaOpt, reference.lambdaOpt, absolute: 1e-9, what)
                XCTAssertEqual(a.kdHelps, reference.kdHelps, what)
                for (x, y, name) in [(a.riskNoKD, reference.riskNoKD, "E R(0)"), (a.riskKD, reference.riskKD, "E R(lambda)"),
                                     (a.bayesRisk, reference.bayesRisk, "Var(Y|S)"), (a.kdGainOpt, reference.kdGainOpt, "G(lambda*)")] {
                    assertClose(x / k, y, absolute: 1e-13 * reference.riskNoKD, relative: 1e-11, "\(what): \(name) \(x / k) vs \(y)")
                }
            }
        }
    }

    /// The reproducer: the sign-label accuracy 0.63099 of the scalar model survives a factor
    /// of 1e-200 (it came out 1.0) and of 1e-160 (fourth digit wrong); Sheppard by hand:
    /// 1/2 + asin(0.4) / pi for a positive weight.
    func testSignLabelAccuracyOfATinyCovariance() throws {
        let expected = 0.5 + asin(0.4) / Double.pi
        for k in [1e-200, 1e-160, 0x1p-600, 1.0] {
            let m = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: [1, 0.6, 0.3, 0.6, 1, 0.4, 0.3, 0.4, 1].map { $0 * k }))
            let a = try KDAnalysis(model: m, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(20), lambda: 0.5))
            assertClose(a.accuracyNoKD, expected, absolute: 1e-14, "k = \(k)")
            assertClose(a.accuracyKD, expected, absolute: 1e-14, "k = \(k)")
            // The sign-label informations: I(S;C) from a = 0.4 / sqrt(0.84), the Bayes accuracy by Sheppard.
            let classes = ClassInformationSummary(model: m)
            assertClose(classes.studentClass, SignLabelInformation.mutualInformation(signalToNoise: 0.4 / 0.84.squareRoot()), absolute: 1e-13, "k = \(k)")
            assertClose(classes.bayesAccuracyStudent, expected, absolute: 1e-14, "k = \(k)")
        }
    }

    /// Monte Carlo on a scaled covariance: standard errors positive and k times the unscaled ones,
    /// z-scores finite and equal to the unscaled ones. A power-of-two factor leaves every trial the
    /// same to the last bit (the scaling is exact); a decimal one rounds the matrix, so 1e-9.
    func testMonteCarloStandardErrorsAreScaleFree() throws {
        let model = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: [1, 0.6, 0.3, 0.6, 1, 0.4, 0.3, 0.4, 1]))
        let teacher = TeacherSpec(), student = StudentSpec(samples: .finite(20), ridge: 0.1, lambda: 0.5)
        let settings = MonteCarloSettings(trials: 4000)
        let reference = try MonteCarloExperiment(model: model, teacher: teacher, student: student, settings: settings)
            .run(seed: 9, pointIndex: 0, threads: 2)
        for k in [0x1p-600, 1e-200, 1e-170, 1e+99] {
            var s = student
            s.ridge *= k
            let summary = try MonteCarloExperiment(model: try scaled(model, by: k), teacher: teacher, student: s, settings: settings)
                .run(seed: 9, pointIndex: 0, threads: 2)
            let tolerance = k.significandBitPattern == 0 ? 0 : 1e-9
            for (x, y, name) in [(summary.riskNoKD, reference.riskNoKD, "risk without KD"), (summary.riskKD, reference.riskKD, "risk with KD"),
                                 (summary.gain, reference.gain, "gain"), (summary.riskCurve.gain(at: 0.3), reference.riskCurve.gain(at: 0.3), "curve gain")] {
                XCTAssertGreaterThan(x.standardError, 0, "k = \(k): \(name)")
                assertClose(x.standardError / k, y.standardError, relative: max(tolerance, .ulpOfOne), "k = \(k): \(name) SE \(x.standardError / k) vs \(y.standardError)")
                assertClose(x.mean / k, y.mean, relative: max(tolerance, .ulpOfOne), "k = \(k): \(name) mean")
            }
            assertClose(summary.accuracyNoKD.mean, reference.accuracyNoKD.mean, absolute: 1e-12, "k = \(k)")
            let z = try XCTUnwrap(summary.zGain), zReference = try XCTUnwrap(reference.zGain)
            XCTAssertTrue(z.isFinite)
            assertClose(z, zReference, absolute: 1e-6, "k = \(k)")
            // Single trials come back in the model's units too.
            let outcome = try MonteCarloExperiment(model: try scaled(model, by: k), teacher: teacher, student: s, settings: settings)
                .outcomes(seed: 9, pointIndex: 0, trials: 5..<6)[0]
            let referenceOutcome = try MonteCarloExperiment(model: model, teacher: teacher, student: student, settings: settings)
                .outcomes(seed: 9, pointIndex: 0, trials: 5..<6)[0]
            assertClose(outcome.riskKD / k, referenceOutcome.riskKD, absolute: 1e-9 * referenceOutcome.riskKD, "k = \(k)")
            assertClose(outcome.accuracyKD, referenceOutcome.accuracyKD, absolute: 1e-12, "k = \(k)")
        }
    }

    /// What cannot be computed is an error, not a number: a covariance whose variances are below the
    /// smallest normal double, entries beyond the largest cchsim computes with, and a ridge penalty
    /// that underflows against the model's variances.
    func testUnrepresentableScalesAreErrors() throws {
        let unit: [Double] = [1, 0.6, 0.3, 0.6, 1, 0.4, 0.3, 0.4, 1]
        XCTAssertThrowsError(try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: unit.map { $0 * 0x1p-1030 }))) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .covariance)
            XCTAssertTrue("\($0)".contains("smallest normal double"), "\($0)")
        }
        XCTAssertThrowsError(try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: unit.map { $0 * 1e200 }))) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .covariance)
        }
        let huge = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: unit.map { $0 * 1e99 }))
        XCTAssertThrowsError(try KDAnalysis(model: huge, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(5), ridge: 1e-300))) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .studentRidge)
            XCTAssertTrue("\($0)".contains("out of scale"), "\($0)")
        }
        XCTAssertThrowsError(try MonteCarloExperiment(model: huge, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(5), ridge: 1e-300),
                                                      settings: MonteCarloSettings(trials: 10))) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .studentRidge)
        }
    }
}

import CCHTestSupport
import CrossModalKD
import XCTest

/// The scalar fast path of sweeps (`KDAnalysis.scalarFastPath`) against the general path
/// (`KDAnalysis(model:teacher:student:)` on a `JointGaussian`): the same numbers to rounding, the
/// same verdicts, and nil exactly where it does not apply.
final class ScalarFastPathTests: XCTestCase {
    /// Settings the fast path covers: population (ridge 0 and > 0), exact OLS and exact scalar ridge, oracle and OLS
    /// teachers, prediction and representation targets, scale != 1, lambda at 0, inside, at 1.
    static let covered: [(name: String, teacher: TeacherSpec, student: StudentSpec)] = [
        ("paper regime", TeacherSpec(target: .representation), StudentSpec(samples: .infinite, ridge: 0.05, lambda: 0.05)),
        ("population ridge 0", TeacherSpec(target: .prediction), StudentSpec(samples: .infinite, ridge: 0, lambda: 0.7)),
        ("scaled representation", TeacherSpec(target: .representation, scale: -1.7), StudentSpec(samples: .infinite, ridge: 0.3, lambda: 1)),
        ("exact OLS", TeacherSpec(target: .prediction), StudentSpec(samples: .finite(12), lambda: 0.3)),
        ("exact OLS representation", TeacherSpec(target: .representation, scale: 0.5), StudentSpec(samples: .finite(4), lambda: 0)),
        ("OLS teacher", TeacherSpec(target: .prediction, fit: .ols(samples: 9)), StudentSpec(samples: .finite(7), lambda: 0.6)),
        ("OLS teacher, population", TeacherSpec(target: .prediction, fit: .ols(samples: 5), scale: 2), StudentSpec(samples: .infinite, ridge: 0.2, lambda: 0.4)),
        ("exact scalar ridge", TeacherSpec(target: .prediction), StudentSpec(samples: .finite(3), ridge: 0.05, lambda: 0.5)),
        ("exact scalar ridge, n = 1", TeacherSpec(target: .representation, scale: 1.3), StudentSpec(samples: .finite(1), ridge: 2, lambda: 0.8)),
        ("exact scalar ridge, OLS teacher", TeacherSpec(target: .prediction, fit: .ols(samples: 6)), StudentSpec(samples: .finite(40), ridge: 0.01, lambda: 0.3)),
    ]

    func testFastPathEqualsGeneralPathOnGrids() throws {
        let values = stride(from: -0.9, through: 0.9, by: 0.3).map { $0 }
        var compared = 0
        for setting in Self.covered {
            for ts in values { for sy in values { for ty in [-0.6, 0.0, 0.45] {
                guard let model = try? JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty) else {
                    XCTAssertNil(KDAnalysis.scalarFastPath(rhoTS: ts, rhoSY: sy, rhoTY: ty, teacher: setting.teacher, student: setting.student),
                                 "\(setting.name): an invalid model must take the general path (which reports the error)")
                    continue
                }
                let general = try KDAnalysis(model: model, teacher: setting.teacher, student: setting.student)
                let fast = try XCTUnwrap(KDAnalysis.scalarFastPath(rhoTS: ts, rhoSY: sy, rhoTY: ty, teacher: setting.teacher, student: setting.student),
                                         "\(setting.name) at (\(ts), \(sy), \(ty)) is covered")
                Self.assertSame(fast, general, "\(setting.name) at rho = (\(ts), \(sy), \(ty))")
                compared += 1
            } } }
        }
        XCTAssertGreaterThan(compared, 600)
    }

    func testUncoveredSettingsReturnNil() throws {
        let projection = TeacherSpec(target: .representation, projection: [2])
        XCTAssertNil(KDAnalysis.scalarFastPath(rhoTS: 0.3, rhoSY: 0.2, rhoTY: 0.1, teacher: projection, student: StudentSpec(samples: .infinite)))
        let tooFew = StudentSpec(samples: .finite(2))  // no regime: the general path's error
        XCTAssertNil(KDAnalysis.scalarFastPath(rhoTS: 0.3, rhoSY: 0.2, rhoTY: 0.1, teacher: TeacherSpec(), student: tooFew))
        let teacherTooSmall = TeacherSpec(fit: .ols(samples: 2))
        XCTAssertNil(KDAnalysis.scalarFastPath(rhoTS: 0.3, rhoSY: 0.2, rhoTY: 0.1, teacher: teacherTooSmall, student: StudentSpec(samples: .finite(9))))
        XCTAssertNil(KDAnalysis.scalarFastPath(rhoTS: 1.0, rhoSY: 0.2, rhoTY: 0.1, teacher: TeacherSpec(), student: StudentSpec(samples: .infinite)))
    }

    /// The paper's closed forms through the fast path itself: lambda* = gamma rho_sy / (rho_ts - rho_sy).
    func testFastPathReproducesThePaperOptimum() throws {
        let a = try XCTUnwrap(KDAnalysis.scalarFastPath(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3, teacher: TeacherSpec(target: .representation),
                                                        student: StudentSpec(samples: .infinite, ridge: 0.05, lambda: 0.05)))
        assertClose(a.lambdaOpt, 0.05 * 0.4 / 0.2, absolute: 1e-12)
        assertClose(a.information.teacherStudent, -0.5 * log(1 - 0.36), absolute: 1e-15)
        XCTAssertTrue(a.kdHelps)
        XCTAssertTrue(a.cchAgrees)
    }

    static func assertSame(_ a: KDAnalysis, _ b: KDAnalysis, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        func close(_ x: Double, _ y: Double, _ what: String) {
            assertClose(x, y, absolute: 1e-11, relative: 1e-11, "\(context): \(what) \(x) vs \(y)", filePath: file, line: line)
        }
        let i = a.information, j = b.information
        close(i.teacherStudent, j.teacherStudent, "I(T;S)")
        close(i.studentLabel, j.studentLabel, "I(S;Y)")
        close(i.teacherLabel, j.teacherLabel, "I(T;Y)")
        close(i.teacherLabelGivenStudent, j.teacherLabelGivenStudent, "I(T;Y|S)")
        close(i.studentLabelGivenTeacher, j.studentLabelGivenTeacher, "I(S;Y|T)")
        close(i.teacherStudentGivenLabel, j.teacherStudentGivenLabel, "I(T;S|Y)")
        XCTAssertEqual(a.regime, b.regime, context, file: file, line: line)
        close(a.bayesRisk, b.bayesRisk, "bayes risk")
        close(a.riskNoKD, b.riskNoKD, "E R(0)")
        close(a.riskKD, b.riskKD, "E R(lambda)")
        close(a.lambdaOpt, b.lambdaOpt, "lambda*")
        close(a.kdGainOpt, b.kdGainOpt, "G(lambda*)")
        close(a.accuracyNoKD, b.accuracyNoKD, "accuracy without KD")
        close(a.accuracyKD, b.accuracyKD, "accuracy with KD")
        close(a.accuracyOpt, b.accuracyOpt, "accuracy at lambda*")
        XCTAssertEqual(a.kdHelps, b.kdHelps, "\(context): kd_helps", file: file, line: line)
        XCTAssertEqual(a.information.cchPredictsGain, b.information.cchPredictsGain, "\(context): cch_predicts_gain", file: file, line: line)
    }
}

import CCHTestSupport
import CGSL
import CrossModalKD
import Foundation
import XCTest

final class MutualInformationTests: XCTestCase {
    func testScalarCorrelationsGiveMinusHalfLogOneMinusRhoSquared() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: -0.4, rhoTY: 0.3)
        let info = InformationSummary(model: m)
        assertClose(info.teacherStudent, -0.5 * log(1 - 0.36), absolute: 1e-14)
        assertClose(info.studentLabel, -0.5 * log(1 - 0.16), absolute: 1e-14)
        assertClose(info.teacherLabel, -0.5 * log(1 - 0.09), absolute: 1e-14)
        assertClose(info.cchGap, -0.5 * log(0.64) + 0.5 * log(0.84), absolute: 1e-14)
        XCTAssertTrue(info.cchPredictsGain)
    }

    func testConditionalInformationMatchesPartialCorrelation() throws {
        let (ts, sy, ty) = (0.5, 0.3, -0.4)
        let m = try JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty)
        let info = InformationSummary(model: m)
        func partial(_ ab: Double, _ ac: Double, _ bc: Double) -> Double { (ab - ac * bc) / ((1 - ac * ac) * (1 - bc * bc)).squareRoot() }
        assertClose(info.teacherLabelGivenStudent, -0.5 * log(1 - pow(partial(ty, ts, sy), 2)), absolute: 1e-13)
        assertClose(info.studentLabelGivenTeacher, -0.5 * log(1 - pow(partial(sy, ts, ty), 2)), absolute: 1e-13)
        assertClose(info.teacherStudentGivenLabel, -0.5 * log(1 - pow(partial(ts, ty, sy), 2)), absolute: 1e-13)
    }

    /// log-determinants by Cholesky against GSL's LU determinant, on vector blocks.
    func testVectorInformationAgainstLUDeterminants() throws {
        let m = try TestSupport.randomModel(dt: 3, ds: 4, seed: 42)
        func luLogDet(_ idx: [Int]) -> Double {
            var a = m.sigma.principal(idx).elements
            let n = idx.count
            return a.withUnsafeMutableBufferPointer { buf -> Double in
                var view = gsl_matrix_view_array(buf.baseAddress, n, n)
                let perm = gsl_permutation_alloc(n)
                defer { gsl_permutation_free(perm) }
                var sign: Int32 = 0
                gsl_linalg_LU_decomp(&view.matrix, perm, &sign)
                return gsl_linalg_LU_lndet(&view.matrix)
            }
        }
        let t = m.teacherIndices, s = m.studentIndices, y = [m.labelIndex]
        let expectedTS = 0.5 * (luLogDet(t) + luLogDet(s) - luLogDet(t + s))
        let expectedSY = 0.5 * (luLogDet(s) + luLogDet(y) - luLogDet(s + y))
        let expectedTYgivenS = 0.5 * (luLogDet(t + s) + luLogDet(y + s) - luLogDet(s) - luLogDet(t + s + y))
        let info = InformationSummary(model: m)
        assertClose(info.teacherStudent, expectedTS, absolute: 1e-12)
        assertClose(info.studentLabel, expectedSY, absolute: 1e-12)
        assertClose(info.teacherLabelGivenStudent, expectedTYgivenS, absolute: 1e-12)
        XCTAssertGreaterThan(info.teacherStudent, 0)
    }

    /// Chain rule: I(T;(S,Y)) = I(T;S) + I(T;Y|S) = I(T;Y) + I(T;S|Y).
    func testChainRule() throws {
        let m = try TestSupport.randomModel(dt: 2, ds: 3, seed: 7)
        let info = InformationSummary(model: m)
        let joint = GaussianInformation.mutualInformation(m.sigma, m.teacherIndices, m.studentIndices + [m.labelIndex])
        assertClose(info.teacherStudent + info.teacherLabelGivenStudent, joint, absolute: 1e-12)
        assertClose(info.teacherLabel + info.teacherStudentGivenLabel, joint, absolute: 1e-12)
    }
}

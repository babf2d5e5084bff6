import CCHTestSupport
@testable import CrossModalKD
import XCTest

/// The exact risk of an OLS teacher fitted on the student's rows, dt = ds = 1
/// (`StudentRowsScalarRisk`, regime exact-ols-student-rows): the quadrature against the closed-form
/// no-KD term and against a finer rule, and the whole risk curve against Monte Carlo.
final class StudentRowsScalarRiskTests: XCTestCase {
    /// A scalar model with non-unit variances (covariance kind), to exercise the Cholesky factor.
    private func model(_ ts: Double, _ sy: Double, _ ty: Double, scales: [Double] = [1.3, 0.7, 2.0]) throws -> JointGaussian {
        let r = [[1, ts, ty], [ts, 1, sy], [ty, sy, 1]]
        let cov = Matrix((0..<3).map { i in (0..<3).map { j in r[i][j] * scales[i] * scales[j] } })
        return try JointGaussian(dt: 1, ds: 1, covariance: cov)
    }

    /// E(w0 - w*)^2 = Var(Y|S) / (Sss (n - 2)) in closed form; the 96-point rule agrees with a
    /// 128-point rule to 2e-6 relative on every moment (the worst case is n = 4, where the chi_3
    /// weight vanishes only as R11^2 at the near-pole of theta_hat; about 5e-7 there).
    func testQuadratureAgainstClosedFormAndAFinerRule() throws {
        for (m, n) in [(try model(0.6, 0.4, 0.7), 4), (try model(-0.3, 0.8, 0.2), 7), (try model(0.9, 0.5, 0.6), 30),
                       (try model(0.2, -0.1, 0.85), 400)] {
            let q = try XCTUnwrap(StudentRowsScalarRisk(model: m, scale: 0.8, samples: n))
            let closed = m.labelVarianceGivenStudent / (m.sss[0, 0] * Double(n - 2))
            assertClose(q.e00, closed, absolute: 1e-10 * closed, "n = \(n)")
            let fine = try XCTUnwrap(StudentRowsScalarRisk(model: m, scale: 0.8, samples: n, nodes: 128))
            for (a, b) in [(q.e0d, fine.e0d), (q.edd, fine.edd), (q.meanD, fine.meanD)] {
                assertClose(a, b, absolute: 2e-9, relative: 2e-6, "n = \(n): \(a) vs \(b)")
            }
        }
    }

    /// analyze's exact regime against Monte Carlo of the same setting: risk with KD and paired gain
    /// within 4 SE at several correlations, n, lambda and teacher scales.
    func testAgreesWithMonteCarlo() throws {
        let cases: [(JointGaussian, n: Int, lambda: Double, scale: Double)] = [
            (try .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.7), 20, 0.5, 1),
            (try .correlations(rhoTS: 0.3, rhoSY: 0.5, rhoTY: 0.6), 6, 0.8, 1),
            (try model(-0.5, 0.3, 0.4), 10, 0.4, 1.7),
        ]
        for (index, c) in cases.enumerated() {
            let teacher = TeacherSpec(fit: .ols(samples: c.n), scale: c.scale, rows: .student)
            let student = StudentSpec(samples: .finite(c.n), lambda: c.lambda)
            let experiment = try MonteCarloExperiment(model: c.0, teacher: teacher, student: student,
                                                      settings: MonteCarloSettings(trials: 6000))
            let summary = try experiment.run(seed: UInt64(70 + index), pointIndex: 0, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis, summary.analysisUnavailable.map(String.init(describing:)) ?? "")
            XCTAssertEqual(analysis.regime, .exactOLSStudentRows)
            MonteCarloFixtures.assertAgrees(summary.riskNoKD, analysis.riskNoKD, "case \(index) risk without KD")
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "case \(index) risk with KD")
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "case \(index) gain")
        }
    }
}

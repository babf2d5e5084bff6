import CCHTestSupport
import CrossModalKD
import XCTest

/// docs/theory.md section 4(a) and section 5's first result: population ridge, scalar representation target.
final class PopulationRegimeTests: XCTestCase {
    /// kd_helps == rho_sy (rho_ts - rho_sy) > 0 on a fine grid, and lambda* = gamma rho_sy / (rho_ts - rho_sy)
    /// wherever that lies in [0, 1].
    func testKDHelpsRegionIsBoundedByEqualCorrelations() throws {
        let gamma = 0.05
        let grid = (-38...38).map { Double($0) * 0.025 }
        var checked = 0, interior = 0
        for ts in grid {
            for sy in grid {
                // rho_ty = rho_ts rho_sy is always realisable: det = (1 - rho_ts^2)(1 - rho_sy^2) > 0.
                let m = try JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: ts * sy)
                let a = try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation),
                                       student: StudentSpec(samples: .infinite, ridge: gamma, lambda: 0.1))
                XCTAssertEqual(a.regime, .population)
                let truth = sy * (ts - sy) > 1e-12
                XCTAssertEqual(a.kdHelps, truth, "rho_ts = \(ts), rho_sy = \(sy): gain* = \(a.kdGainOpt)")
                if truth {
                    let predicted = gamma * sy / (ts - sy)
                    if predicted < 1 {
                        assertClose(a.lambdaOpt, predicted, absolute: 1e-9, "rho_ts = \(ts), rho_sy = \(sy)")
                        interior += 1
                    } else {
                        XCTAssertEqual(a.lambdaOpt, 1)
                    }
                }
                // Where rho_ts and rho_sy share a sign, CCH (|rho_ts| > |rho_sy|) is exactly right.
                if ts * sy > 0, abs(abs(ts) - abs(sy)) > 1e-9 { XCTAssertTrue(a.cchAgrees, "rho_ts = \(ts), rho_sy = \(sy)") }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 77 * 77)
        XCTAssertGreaterThan(interior, 500)
    }

    /// The scalar population risk by hand: w(l) = ((1-l) rho_sy + l rho_ts) / (1 + gamma),
    /// R = 1 - rho_sy^2 + (w - rho_sy)^2.
    func testScalarPopulationRiskByHand() throws {
        let (ts, sy, ty, gamma, l) = (0.7, 0.4, 0.2, 0.3, 0.35)
        let m = try JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty)
        let a = try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation),
                               student: StudentSpec(samples: .infinite, ridge: gamma, lambda: l))
        func risk(_ l: Double) -> Double {
            let w = ((1 - l) * sy + l * ts) / (1 + gamma)
            return 1 - sy * sy + (w - sy) * (w - sy)
        }
        assertClose(a.bayesRisk, 1 - sy * sy, absolute: 1e-15)
        assertClose(a.riskNoKD, risk(0), absolute: 1e-14)
        assertClose(a.riskKD, risk(l), absolute: 1e-14)
        assertClose(a.kdGain, risk(0) - risk(l), absolute: 1e-14)
    }

    /// The derivative at lambda = 0 has the sign of -gamma rho_sy (rho_ts - rho_sy).
    func testSlopeAtZeroHasTheTheoremsSign() throws {
        for (ts, sy) in [(0.6, 0.4), (0.3, 0.5), (-0.6, -0.4), (0.5, -0.3), (-0.2, 0.6)] {
            let m = try JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: 0)
            let a = try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation),
                                   student: StudentSpec(samples: .infinite, ridge: 0.1, lambda: 0.5))
            XCTAssertEqual(a.riskCurve.a1.sign, (-(sy * (ts - sy))).sign, "rho_ts = \(ts), rho_sy = \(sy)")
        }
    }

    /// With gamma = 0 the population student is Bayes-optimal without KD: KD never helps.
    func testRidgelessPopulationStudentGainsNothing() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.8, rhoSY: 0.3, rhoTY: 0.5)
        let a = try KDAnalysis(model: m, teacher: TeacherSpec(), student: StudentSpec(samples: .infinite, ridge: 0, lambda: 0.5))
        assertClose(a.riskNoKD, a.bayesRisk, absolute: 1e-12)
        XCTAssertFalse(a.kdHelps)
        XCTAssertEqual(a.lambdaOpt, 0)
    }

    /// The representation of a scalar teacher is T itself, not T / sd(T) (docs/theory.md section
    /// 3.1): its scale is part of the KD effect and `scale` is the knob. Issue's model: Var(T) = 4,
    /// Sts = 0.6, Ssy = 0.4, Sss = 1, gamma = 0.05. With u = c T the population weight is
    /// w(l) = ((1 - l) 0.4 + l 0.6 c) / 1.05 and R = 0.84 + (w - 0.4)^2: for c = 1, lambda* = 0.1 and
    /// G* = (0.4 / 1.05 - 0.4)^2; for c = 0.5 (the standardised target) w only falls, lambda* = 0.
    func testScalarRepresentationIsTheTeacherItself() throws {
        let m = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: [4, 0.6, -0.6, 0.6, 1, 0.4, -0.6, 0.4, 1]))
        for c in [1.0, 0.5, -2.0] {
            let a = try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation, scale: c),
                                   student: StudentSpec(samples: .infinite, ridge: 0.05, lambda: 0.5))
            func risk(_ l: Double) -> Double {
                let w = ((1 - l) * 0.4 + l * 0.6 * c) / 1.05
                return 0.84 + (w - 0.4) * (w - 0.4)
            }
            assertClose(a.riskNoKD, risk(0), absolute: 1e-14, "c = \(c)")
            assertClose(a.riskKD, risk(0.5), absolute: 1e-14, "c = \(c)")
            // The vertex of the parabola: w(l*) = 0.4, i.e. l* = 0.02 / (0.6 c - 0.4), clamped to [0, 1].
            let vertex = 0.6 * c > 0.4 ? min(1, 0.02 / (0.6 * c - 0.4)) : 0
            assertClose(a.lambdaOpt, vertex, absolute: 1e-12, "c = \(c)")
            assertClose(a.kdGainOpt, risk(0) - risk(vertex), absolute: 1e-14, "c = \(c)")
        }
        let paper = try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation),
                                   student: StudentSpec(samples: .infinite, ridge: 0.05, lambda: 0.5))
        XCTAssertTrue(paper.kdHelps)
        assertClose(paper.kdGainOpt, 3.628117913832e-4, absolute: 1e-15)
        // An explicit projection keeps the unit-variance convention: a = [1] gives u = T / 2.
        let projected = try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation, projection: [1]),
                                       student: StudentSpec(samples: .infinite, ridge: 0.05, lambda: 0.5))
        XCTAssertEqual(projected.lambdaOpt, 0)
        XCTAssertFalse(projected.kdHelps)
    }

    /// The same teacher at finite n (exact scalar ridge, n = 8): the Monte Carlo engine, which
    /// forms u from the sampled T, agrees with the analytic risks within 4 standard errors.
    func testScalarRepresentationAgreesWithMonteCarlo() throws {
        let m = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3, elements: [4, 0.6, -0.6, 0.6, 1, 0.4, -0.6, 0.4, 1]))
        let student = StudentSpec(samples: .finite(8), ridge: 0.05, lambda: 0.5)
        for sampler in MonteCarloSampler.allCases {
            let experiment = try MonteCarloExperiment(model: m, teacher: TeacherSpec(target: .representation), student: student,
                                                      settings: MonteCarloSettings(trials: 40_000, sampler: sampler))
            let summary = try experiment.run(seed: 17, pointIndex: 0, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis)
            XCTAssertEqual(analysis.regime, .exactScalarRidge)
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "\(sampler) gain")
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "\(sampler) risk with KD")
        }
    }
}

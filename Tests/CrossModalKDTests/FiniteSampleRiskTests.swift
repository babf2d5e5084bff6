import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// docs/theory.md section 4(b)-(d): exact finite-n OLS (oracle and fitted teacher) against a Monte
/// Carlo of the same experiment, and the deterministic equivalent's defining properties.
final class FiniteSampleRiskTests: XCTestCase {
    /// Monte Carlo of the KD experiment with exact test risk: mean risk without and with KD and the
    /// paired gain, each with its standard error.
    private func simulate(_ m: JointGaussian, teacher: TeacherSpec, n: Int, ridge: Double = 0, lambda: Double,
                          trials: Int, seed: UInt64) throws -> (noKD: (Double, Double), kd: (Double, Double), gain: (Double, Double)) {
        let sampler = GaussianSampler(model: m)
        let stream = RandomStream(seed: seed)
        let t = m.teacherIndices, s = m.studentIndices, y = m.labelIndex
        var r0: [Double] = [], rl: [Double] = [], gains: [Double] = []
        for _ in 0..<trials {
            var theta = m.oracleTeacherWeights
            if case .ols(let nt) = teacher.fit {
                let teacherSample = sampler.draw(nt, from: stream)
                theta = try TestSupport.ridgeFit(teacherSample, x: t, y: TestSupport.column(teacherSample, y))
            }
            let sample = sampler.draw(n, from: stream)
            let labels = TestSupport.column(sample, y)
            let u = (0..<n).map { r in teacher.scale * t.reduce(0.0) { $0 + theta[$1] * sample[r, $1] } }
            let z = zip(labels, u).map { (1 - lambda) * $0 + lambda * $1 }
            let a = TestSupport.testRisk(try TestSupport.ridgeFit(sample, x: s, y: labels, ridge: ridge), m)
            let b = TestSupport.testRisk(try TestSupport.ridgeFit(sample, x: s, y: z, ridge: ridge), m)
            r0.append(a); rl.append(b); gains.append(a - b)
        }
        let x = SampleStatistics.estimate(r0), k = SampleStatistics.estimate(rl), g = SampleStatistics.estimate(gains)
        return ((x.mean, x.standardError), (k.mean, k.standardError), (g.mean, g.standardError))
    }

    private func assertWithin(_ mc: (Double, Double), _ analytic: Double, sigmas: Double = 4, _ what: String) {
        XCTAssertLessThanOrEqual(abs(mc.0 - analytic), sigmas * mc.1 + 1e-12,
                                 "\(what): MC \(mc.0) +- \(mc.1) vs analytic \(analytic)")
    }

    func testExactOLSWithOracleTeacherMatchesMonteCarlo() throws {
        for (dt, ds, n, seed) in [(1, 1, 5, UInt64(1)), (2, 3, 6, 2), (3, 2, 40, 3)] {
            let m = try TestSupport.randomModel(dt: dt, ds: ds, seed: seed)
            let teacher = TeacherSpec(target: .prediction, fit: .oracle, scale: 1)
            let a = try KDAnalysis(model: m, teacher: teacher, student: StudentSpec(samples: .finite(n), lambda: 0.6))
            XCTAssertEqual(a.regime, .exactOLS)
            let mc = try simulate(m, teacher: teacher, n: n, lambda: 0.6, trials: 4000, seed: seed + 100)
            assertWithin(mc.noKD, a.riskNoKD, "risk without KD, ds = \(ds), n = \(n)")
            assertWithin(mc.kd, a.riskKD, "risk with KD, ds = \(ds), n = \(n)")
            assertWithin(mc.gain, a.kdGain, "paired gain, ds = \(ds), n = \(n)")
        }
    }

    func testExactOLSWithFittedTeacherMatchesMonteCarlo() throws {
        for (dt, ds, n, nt, seed) in [(1, 1, 8, 4, UInt64(11)), (3, 2, 10, 6, 12)] {
            let m = try TestSupport.randomModel(dt: dt, ds: ds, seed: seed)
            let teacher = TeacherSpec(target: .prediction, fit: .ols(samples: nt), scale: 1.5)
            let a = try KDAnalysis(model: m, teacher: teacher, student: StudentSpec(samples: .finite(n), lambda: 0.8))
            XCTAssertEqual(a.regime, .exactOLSFittedTeacher)
            let mc = try simulate(m, teacher: teacher, n: n, lambda: 0.8, trials: 4000, seed: seed + 100)
            assertWithin(mc.kd, a.riskKD, "risk with KD, dt = \(dt), nt = \(nt)")
            assertWithin(mc.gain, a.kdGain, "paired gain, dt = \(dt), nt = \(nt)")
        }
    }

    /// A population ridge student with an OLS teacher: only the teacher's sample is random, so the
    /// expected risk adds tr(M'Sss M Cov(delta b)); checked by drawing teacher samples alone.
    func testPopulationRidgeWithFittedTeacherMatchesMonteCarlo() throws {
        let m = try TestSupport.randomModel(dt: 2, ds: 2, seed: 21)
        let (nt, gamma, l) = (6, 0.4, 0.7)
        let a = try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: nt)),
                               student: StudentSpec(samples: .infinite, ridge: gamma, lambda: l))
        let sampler = GaussianSampler(model: m), stream = RandomStream(seed: 77)
        var shifted = m.sss
        for i in 0..<2 { shifted[i, i] += gamma }
        let solver = try Cholesky(shifted)
        var risks: [Double] = []
        for _ in 0..<6000 {
            let sample = sampler.draw(nt, from: stream)
            let theta = try TestSupport.ridgeFit(sample, x: m.teacherIndices, y: TestSupport.column(sample, m.labelIndex))
            let ssu = Vec.apply(m.sts.transposed, theta)
            let c = Vec.add(Vec.scale(1 - l, m.ssy), Vec.scale(l, ssu))
            risks.append(TestSupport.testRisk(solver.solve(c), m))
        }
        let mc = SampleStatistics.estimate(risks)
        assertWithin((mc.mean, mc.standardError), a.riskKD, "population ridge, OLS teacher")
    }

    /// lambda* and G(lambda*) against a brute-force search over independently analysed lambdas.
    func testOptimalLambdaAgainstBruteForceSearch() throws {
        let cases: [(JointGaussian, TeacherSpec, StudentSpec)] = [
            (try .correlations(rhoTS: 0.3, rhoSY: 0.5, rhoTY: 0.6), TeacherSpec(), StudentSpec(samples: .finite(12))),
            (try TestSupport.randomModel(dt: 2, ds: 3, seed: 5), TeacherSpec(fit: .ols(samples: 9)), StudentSpec(samples: .finite(15))),
            (try TestSupport.randomModel(dt: 2, ds: 6, seed: 6), TeacherSpec(scale: 0.7), StudentSpec(samples: .finite(9), ridge: 0.2)),
            (try .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3), TeacherSpec(target: .representation), StudentSpec(samples: .infinite, ridge: 0.05)),
            (try TestSupport.randomModel(dt: 3, ds: 2, seed: 8), TeacherSpec(target: .representation, scale: 2), StudentSpec(samples: .finite(7))),
        ]
        for (index, (model, teacher, student)) in cases.enumerated() {
            let a = try KDAnalysis(model: model, teacher: teacher, student: student)
            var bestL = 0.0, bestRisk = Double.infinity
            for k in 0...2000 {
                var s = student
                s.lambda = Double(k) / 2000
                let r = try KDAnalysis(model: model, teacher: teacher, student: s).riskKD
                if r < bestRisk { bestRisk = r; bestL = s.lambda }
            }
            assertClose(a.lambdaOpt, bestL, absolute: 1e-3, "case \(index): lambda* against the grid's")
            // The grid's optimum misses the vertex by at most half a step: a2 (step/2)^2 of risk.
            let gridLoss = max(0, a.riskCurve.a2) * pow(0.5 / 2000, 2) + 1e-12
            assertClose(a.kdGainOpt, a.riskNoKD - bestRisk, absolute: gridLoss, "case \(index): best gain against the grid's")
            XCTAssertGreaterThanOrEqual(a.kdGainOpt, a.riskNoKD - bestRisk - 1e-12, "case \(index)")
        }
    }

    /// kappa solves gamma = kappa (1 - tr(Sss (Sss + kappa I)^-1) / n), also when n < ds.
    func testDeterministicEquivalentKappaSolvesItsEquation() throws {
        let m = try TestSupport.randomModel(dt: 1, ds: 8, seed: 9)
        for (gamma, n) in [(0.1, 5), (0.5, 20), (0.01, 8), (2.0, 3)] {
            let de = try DeterministicEquivalent(sss: m.sss, ridge: gamma, n: n)
            var shifted = m.sss
            for i in 0..<8 { shifted[i, i] += de.kappa }
            let df1 = (m.sss * (try Cholesky(shifted).inverse)).trace
            assertClose(de.kappa * (1 - df1 / Double(n)), gamma, absolute: 1e-10, "gamma \(gamma), n \(n)")
            XCTAssertLessThan(df1, Double(n))
        }
    }

    /// Ridgeless deterministic equivalent (allowed approximation, n > ds + 1): kappa = 0 and
    /// E R = Var(Y|S) + |b - w*|^2 + s2 ds / (n - ds), the exact formula with n - ds for n - ds - 1.
    func testRidgelessDeterministicEquivalentMatchesExactAsymptotically() throws {
        let m = try TestSupport.randomModel(dt: 1, ds: 3, seed: 4)
        let teacher = TeacherSpec()
        let n = 30
        let exact = try KDAnalysis(model: m, teacher: teacher, student: StudentSpec(samples: .finite(n), lambda: 0.4))
        let de = try ExpectedRisk(model: m, student: StudentSpec(samples: .finite(n), ridge: 0, lambda: 0.4),
                                  regime: .deterministicEquivalent)
        assertClose(de.deterministicEquivalent?.kappa ?? -1, 0, absolute: 1e-15)
        let signal = try TeacherSignal(model: m, spec: teacher)
        let z = MixedTarget(model: m, teacher: signal, lambda: 0.4)
        let excessExact = exact.riskKD - exact.bayesRisk
        let excessDE = de.risk(z) - de.bayesRisk
        // Both are |b - w*|^2_Sss + s2 * ds / (n - ds - 1 or n - ds).
        let bias = Vec.quadratic(Vec.sub(z.regression, m.bayesWeights), m.sss)
        assertClose((excessExact - bias) * Double(n - 3 - 1), (excessDE - bias) * Double(n - 3), absolute: 1e-10)
    }

    /// At large n the deterministic equivalent of ridge tends to the population ridge risk.
    func testDeterministicEquivalentTendsToPopulation() throws {
        let m = try TestSupport.randomModel(dt: 2, ds: 4, seed: 10)
        let teacher = TeacherSpec()
        let pop = try KDAnalysis(model: m, teacher: teacher, student: StudentSpec(samples: .infinite, ridge: 0.3, lambda: 0.5))
        let big = try KDAnalysis(model: m, teacher: teacher, student: StudentSpec(samples: .finite(1_000_000), ridge: 0.3, lambda: 0.5))
        XCTAssertEqual(big.regime, .deterministicEquivalent)
        assertClose(big.riskKD, pop.riskKD, absolute: 1e-4, "E R(0.5) at n = 1e6 against n = inf")
        assertClose(big.riskNoKD, pop.riskNoKD, absolute: 1e-4, "E R(0) at n = 1e6 against n = inf")
    }

    func testRegimesThatDoNotApplyAreErrorsNotNumbers() throws {
        let m = try TestSupport.randomModel(dt: 2, ds: 5, seed: 1)
        XCTAssertThrowsError(try KDAnalysis(model: m, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(6)))) { error in
            guard case .regimeDoesNotApply(let p, let reason, let remedies) = error as? ParameterError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, .studentSamples)
            XCTAssertEqual(reason, "exact OLS needs n > ds + 1 = 6, got n = 6")
            XCTAssertEqual(remedies, [.positive(.studentRidge), .deterministicEquivalent])
            // The library words the remedies in its own terms: no scenario key, no command.
            XCTAssertEqual("\(error)", "student n: exact OLS needs n > ds + 1 = 6, got n = 6; set student ridge > 0, "
                           + "or allow the deterministic-equivalent approximation")
        }
        XCTAssertThrowsError(try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: 3)), student: StudentSpec(samples: .finite(50)))) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .teacherSamples)
        }
        XCTAssertThrowsError(try KDAnalysis(model: m, teacher: TeacherSpec(target: .representation, fit: .ols(samples: 30)),
                                            student: StudentSpec(samples: .finite(50)))) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .teacherFit)
        }
        XCTAssertThrowsError(try KDAnalysis(model: m, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(50), lambda: 1.5))) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .lambda)
        }
        // n == ds with ridge 0: even the approximation is singular, and says so.
        XCTAssertThrowsError(try KDAnalysis(model: m, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(5), allowApproximation: true))) { error in
            guard case .regimeDoesNotApply = error as? ParameterError else { return XCTFail("\(error)") }
        }
        let approx = try KDAnalysis(model: m, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(4), allowApproximation: true))
        XCTAssertEqual(approx.regime, .deterministicEquivalent)
        XCTAssertFalse(approx.regime.isExact)
    }

    /// A teacher scale so large that c^2 Var(u) overflows is refused by name, not turned into a wrong risk.
    func testOverflowingTeacherScaleIsRefused() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.2, rhoTY: 0.1)
        for scale in [1e308, -1e7, Double.infinity] {
            XCTAssertThrowsError(try KDAnalysis(model: m, teacher: TeacherSpec(scale: scale), student: StudentSpec(samples: .finite(10)))) { error in
                XCTAssertEqual((error as? ParameterError)?.parameter, .teacherScale, "\(scale)")
            }
        }
        let large = try KDAnalysis(model: m, teacher: TeacherSpec(scale: 1e6), student: StudentSpec(samples: .finite(10)))
        XCTAssertTrue(large.riskKD.isFinite && large.riskKD > large.riskNoKD)
    }
}

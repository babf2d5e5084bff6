import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// The exact scalar ridge regime (docs/finite-n-ridge.md): its design moments against a direct
/// integral over the chi-squared law, its risk against a brute-force expectation over the sample,
/// its limits, and the Monte Carlo engine on the settings where the deterministic equivalent fails.
final class ExactScalarRidgeTests: XCTestCase {
    /// E[f(X)], X ~ chi-squared(n), by Simpson's rule in y = sqrt(X) (the chi density
    /// y^(n-1) e^(-y^2/2) / (2^(n/2-1) Gamma(n/2)) is smooth for every n >= 1): independent of the
    /// Laplace-transform integrals and of GSL.
    private func chiSquaredExpectation(n: Int, _ f: (Double) -> Double) -> Double {
        let upper = 12 + 2 * Double(n).squareRoot(), steps = 200_000
        let h = upper / Double(steps)
        let logNorm = (Double(n) / 2 - 1) * log(2) + lgamma(Double(n) / 2)
        func g(_ y: Double) -> Double {
            y == 0 ? (n == 1 ? f(0) * exp(-logNorm) : 0) : f(y * y) * exp(Double(n - 1) * log(y) - y * y / 2 - logNorm)
        }
        var sum = g(0) + g(upper)
        for i in 1..<steps { sum += (i % 2 == 1 ? 4 : 2) * g(Double(i) * h) }
        return sum * h / 3
    }

    func testMomentsMatchDirectIntegralOverTheChiSquaredLaw() throws {
        for (n, g) in [(1, 1e-3), (1, 10.0), (2, 0.3), (3, 0.15), (7, 0.007), (30, 1.5), (200, 0.2), (200, 2000.0)] {
            // Sss = 2 and gamma = g Sss / n give the scaled penalty g.
            let m = try ScalarRidgeMoments(samples: n, ridge: g * 2 / Double(n), studentVariance: 2)
            assertClose(m.scaledPenalty, g, absolute: 1e-15 * g)
            for _ in 0..<2 { XCTAssertEqual(try ScalarRidgeMoments.cached(samples: n, ridge: g * 2 / Double(n), studentVariance: 2), m) }
            let h1 = chiSquaredExpectation(n: n) { $0 / ($0 + g) }
            let h2 = chiSquaredExpectation(n: n) { ($0 / ($0 + g)) * ($0 / ($0 + g)) }
            let noise = chiSquaredExpectation(n: n) { $0 / (($0 + g) * ($0 + g)) }
            assertClose(m.meanShrinkage, h1, absolute: 1e-10 * h1, "E[h], n = \(n), g = \(g)")
            assertClose(m.meanSquaredShrinkage, h2, absolute: 1e-10 * h2, "E[h^2], n = \(n), g = \(g)")
            assertClose(m.noiseFactor, noise, absolute: 2e-9 * noise, "E[X/(X+g)^2], n = \(n), g = \(g)")
        }
    }

    /// Closed forms for n = 1 and n = 2, down to g = 1e-8 where the mass of the integrals spans eight
    /// decades: with J1 = E[1/(X+g)] and J2 = E[1/(X+g)^2] = -dJ1/dg, E[h] = 1 - g J1,
    /// E[h^2] = 1 - 2 g J1 + g^2 J2, E[X/(X+g)^2] = J1 - g J2, and
    /// n = 1: J1 = sqrt(pi)/(2a) e^(a^2) erfc(a), a = sqrt(g/2);
    /// n = 2: J1 = e^(g/2) E1(g/2) / 2, J2 = (1/g - J1) / 2 (E1 by its power series or continued fraction).
    func testMomentsMatchClosedFormsForOneAndTwoSamples() throws {
        func e1(_ x: Double) -> Double {
            if x < 1 {
                var term = 1.0, sum = 0.0
                for k in 1...60 {
                    term *= -x / Double(k)
                    sum -= term / Double(k)
                }
                return -0.5772156649015329 - log(x) + sum
            }
            var f = 0.0  // continued fraction, evaluated backwards
            for k in stride(from: 60, through: 1, by: -1) { f = Double(k) / (1 + Double(k) / (x + f)) }
            return exp(-x) / (x + f)
        }
        for g in [1e-8, 1e-3, 0.3, 10.0] {
            let a = (g / 2).squareRoot()
            let scaledErfc = exp(a * a) * erfc(a)
            let j1One = Double.pi.squareRoot() / (2 * a) * scaledErfc
            let dj1da = Double.pi.squareRoot() / 2 * (-scaledErfc / (a * a) + 2 * scaledErfc - 2 / (Double.pi.squareRoot() * a))
            let j2One = -dj1da / (4 * a)
            let j1Two = exp(g / 2) * e1(g / 2) / 2
            let j2Two = (1 / g - j1Two) / 2
            for (n, j1, j2) in [(1, j1One, j2One), (2, j1Two, j2Two)] {
                let m = try ScalarRidgeMoments(samples: n, ridge: g / Double(n), studentVariance: 1)
                let what = "n = \(n), g = \(g)"
                assertClose(m.meanShrinkage, 1 - g * j1, absolute: 1e-11, "E[h], \(what)")
                assertClose(m.meanSquaredShrinkage, 1 - 2 * g * j1 + g * g * j2, absolute: 1e-11, "E[h^2], \(what)")
                let noise = j1 - g * j2
                assertClose(m.noiseFactor, noise, absolute: 1e-9 * noise, "E[X/(X+g)^2], \(what)")
            }
        }
    }

    /// n = 1: w = s z / (s^2 + gamma) with z = b s + sqrt(s2) e. The expectation over s by the
    /// trapezoidal rule on a fine grid and over e by 3-point Gauss-Hermite (exact: the risk is
    /// quadratic in e), straight from the definition of the risk.
    func testSingleSampleRiskEqualsBruteForceExpectation() throws {
        let (ts, sy, ty, gamma) = (0.6, 0.4, 0.3, 0.5)
        let model = try JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty)
        for target in TeacherTarget.allCases {
            let teacher = TeacherSpec(target: target, scale: 1.2)
            let a = try KDAnalysis(model: model, teacher: teacher, student: StudentSpec(samples: .finite(1), ridge: gamma, lambda: 0.7))
            XCTAssertEqual(a.regime, .exactScalarRidge)
            let theta = target == .prediction ? 1.2 * ty : 1.2
            for l in [0.0, 0.35, 0.7, 1.0] {
                let b = (1 - l) * sy + l * ts * theta
                let v = (1 - l) * (1 - l) + 2 * l * (1 - l) * ty * theta + l * l * theta * theta
                let s2 = v - b * b
                let nodes = [(-3.0.squareRoot(), 1.0 / 6), (0, 2.0 / 3), (3.0.squareRoot(), 1.0 / 6)]
                var total = 0.0
                let h = 0.002
                for i in -6000...6000 {
                    let s = Double(i) * h
                    let density = exp(-s * s / 2) / (2 * Double.pi).squareRoot()
                    for (e, weight) in nodes {
                        let w = s * (b * s + s2.squareRoot() * e) / (s * s + gamma)
                        total += h * density * weight * ((1 - sy * sy) + (w - sy) * (w - sy))
                    }
                }
                assertClose(a.risk(at: l), total, absolute: 1e-10, "E R(\(l)), \(target)")
            }
        }
    }

    /// gamma -> 0 is exact OLS (n > 2), for an oracle and a vector OLS teacher.
    func testVanishingRidgeIsExactOLS() throws {
        let model = try TestSupport.randomModel(dt: 3, ds: 1, seed: 5)
        for teacher in [TeacherSpec(), TeacherSpec(fit: .ols(samples: 9), scale: 0.8)] {
            let ols = try KDAnalysis(model: model, teacher: teacher, student: StudentSpec(samples: .finite(6), lambda: 0.6))
            let ridge = try KDAnalysis(model: model, teacher: teacher, student: StudentSpec(samples: .finite(6), ridge: 1e-9, lambda: 0.6))
            XCTAssertEqual(ridge.regime, .exactScalarRidge)
            assertClose(ridge.riskNoKD, ols.riskNoKD, absolute: 1e-7 * ols.riskNoKD)
            assertClose(ridge.riskKD, ols.riskKD, absolute: 1e-7 * ols.riskKD)
        }
    }

    /// At large n the exact risk tends to the population ridge risk, and the deterministic
    /// equivalent's error shrinks like 1/n relative to the exact excess risk.
    func testLargeSampleLimitAndDeterministicEquivalentError() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let pop = try KDAnalysis(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .infinite, ridge: 0.05, lambda: 0.5))
        let big = try KDAnalysis(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(1_000_000), ridge: 0.05, lambda: 0.5))
        assertClose(big.riskKD, pop.riskKD, absolute: 1e-5)
        var errors: [Double] = []
        for n in [10, 100, 1000] {
            let student = StudentSpec(samples: .finite(n), ridge: 0.05, lambda: 0.5)
            let exact = try KDAnalysis(model: model, teacher: TeacherSpec(), student: student)
            let de = try KDAnalysis(model: model, teacher: TeacherSpec(), student: student, regime: .deterministicEquivalent)
            XCTAssertEqual(de.regime, .deterministicEquivalent)
            errors.append(abs(de.riskKD - exact.riskKD))
        }
        XCTAssertGreaterThan(errors[0], 1e-3, "the approximation is visibly off at n = 10")
        XCTAssertLessThan(errors[2], errors[0] / 50)
    }

    /// The table (rho 0.6 / 0.4 / 0.3, oracle prediction target, lambda 0.5) and further
    /// settings against the Monte Carlo engine, within 4 standard errors; the DE misses the first rows
    /// by far more.
    func testMatchesMonteCarloWhereTheDeterministicEquivalentFails() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let cases: [(n: Int, ridge: Double, teacher: TeacherSpec, lambda: Double)] = [
            (3, 0.05, TeacherSpec(), 0.5), (5, 0.05, TeacherSpec(), 0.5), (10, 0.05, TeacherSpec(), 0.5),
            (3, 0.5, TeacherSpec(), 0.5), (1, 0.001, TeacherSpec(target: .representation), 0.9),
            (2, 10, TeacherSpec(fit: .ols(samples: 5)), 0.7),
        ]
        for (k, c) in cases.enumerated() {
            let student = StudentSpec(samples: .finite(c.n), ridge: c.ridge, lambda: c.lambda)
            let experiment = try MonteCarloExperiment(model: model, teacher: c.teacher, student: student,
                                                      settings: MonteCarloSettings(trials: 100_000))
            let summary = try experiment.run(seed: 12, pointIndex: k, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis)
            XCTAssertEqual(analysis.regime, .exactScalarRidge)
            let what = "n = \(c.n), ridge = \(c.ridge)"
            MonteCarloFixtures.assertAgrees(summary.riskNoKD, analysis.riskNoKD, "risk without KD, \(what)")
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "risk with KD, \(what)")
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "gain, \(what)")
            if k < 2 {
                let de = try KDAnalysis(model: model, teacher: c.teacher, student: student, regime: .deterministicEquivalent)
                XCTAssertGreaterThan(abs(summary.gain.zScore(against: de.kdGain)), 10, "the test discriminates, \(what)")
            }
        }
    }

    /// A vector teacher (dt = 3) fitted by OLS, a scalar student with ridge: the fitted-teacher terms.
    func testVectorOLSTeacherMatchesMonteCarlo() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 3, ds: 1, seed: 8)
        for (k, (n, nt, ridge)) in [(4, 6, 0.1), (25, 5, 0.02)].enumerated() {
            let student = StudentSpec(samples: .finite(n), ridge: ridge, lambda: 0.8)
            let teacher = TeacherSpec(fit: .ols(samples: nt), scale: 1.5)
            let experiment = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                                      settings: MonteCarloSettings(trials: 100_000))
            let summary = try experiment.run(seed: 31, pointIndex: k, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis)
            XCTAssertEqual(analysis.regime, .exactScalarRidge)
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "risk with KD, n = \(n), nt = \(nt)")
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "gain, n = \(n), nt = \(nt)")
        }
    }
}

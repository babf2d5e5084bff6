import CrossModalKD
import XCTest

/// The Monte Carlo engine against the analytic risk of docs/theory.md section 4: the exact regimes
/// within 4 standard errors, the deterministic equivalent within 2% where docs/theory.md section 4(d) says it is close.
final class MonteCarloAgreementTests: XCTestCase {
    /// Random scenarios in the exact regimes: oracle and OLS-fitted teachers, several dimensions,
    /// n close to ds + 2 and large. (n = ds + 4 is the closest with a finite variance of the risk,
    /// Var R < inf iff n > ds + 3, without which a standard error means nothing; the same for nt.)
    func testExactRegimesAgreeWithinFourStandardErrors() throws {
        let cases: [(dt: Int, ds: Int, fit: TeacherFit, n: Int)] = [
            (1, 1, .oracle, 5), (1, 1, .ols(samples: 6), 200),
            (2, 3, .oracle, 7), (2, 3, .ols(samples: 6), 7), (2, 3, .ols(samples: 30), 80),
            (3, 6, .oracle, 10), (3, 6, .ols(samples: 7), 120), (4, 8, .ols(samples: 40), 12),
        ]
        for (index, c) in cases.enumerated() {
            let seed = UInt64(100 + index)
            let model = try MonteCarloFixtures.latentModel(dt: c.dt, ds: c.ds, seed: seed)
            let stream = RandomStream(seed: seed, ids: [0xF2])
            let teacher = TeacherSpec(target: .prediction, fit: c.fit, scale: 0.5 + stream.uniform())
            let student = StudentSpec(samples: .finite(c.n), ridge: 0, lambda: 0.2 + 0.6 * stream.uniform())
            let experiment = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                                      settings: MonteCarloSettings(trials: 4000))
            let summary = try experiment.run(seed: seed, pointIndex: 0, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis, "case \(index): \(summary.analysisUnavailable.map(String.init(describing:)) ?? "")")
            XCTAssertTrue(analysis.regime.isExact)
            let label = "case \(index) dt=\(c.dt) ds=\(c.ds) \(c.fit) n=\(c.n)"
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "\(label) gain")
            MonteCarloFixtures.assertAgrees(summary.riskNoKD, analysis.riskNoKD, "\(label) risk without KD")
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "\(label) risk with KD")
        }
    }

    /// A representation target (u = T, scalar) and both samplers, in the exact OLS regime.
    func testRepresentationTargetAndTriplesSamplerAgree() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let teacher = TeacherSpec(target: .representation, scale: 0.8)
        let student = StudentSpec(samples: .finite(6), lambda: 0.3)
        for sampler in MonteCarloSampler.allCases {
            let experiment = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                                      settings: MonteCarloSettings(trials: 6000, sampler: sampler))
            let summary = try experiment.run(seed: 21, pointIndex: 3, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis)
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "\(sampler) gain")
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "\(sampler) risk with KD")
        }
    }

    /// Scored on a sampled test set, the mean risk estimates the same expected risk; the test-set
    /// sign agreement estimates the same accuracy as Sheppard's formula.
    func testSampledTestSetAgreesWithExactScoring() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 31)
        let teacher = TeacherSpec(fit: .ols(samples: 12))
        let student = StudentSpec(samples: .finite(15), lambda: 0.4)
        let exact = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                             settings: MonteCarloSettings(trials: 3000)).run(seed: 5, pointIndex: 0, threads: 2)
        let sampled = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                               settings: MonteCarloSettings(trials: 3000, testSamples: 40)).run(seed: 5, pointIndex: 0, threads: 2)
        XCTAssertEqual(sampled.testSamples, 40)
        let analysis = try XCTUnwrap(sampled.analysis)
        MonteCarloFixtures.assertAgrees(sampled.riskNoKD, analysis.riskNoKD, "test-set risk without KD")
        MonteCarloFixtures.assertAgrees(sampled.riskKD, analysis.riskKD, "test-set risk with KD")
        MonteCarloFixtures.assertAgrees(sampled.gain, analysis.kdGain, "test-set gain")
        for (a, b, what) in [(sampled.accuracyNoKD, exact.accuracyNoKD, "without KD"), (sampled.accuracyKD, exact.accuracyKD, "with KD")] {
            let se = (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
            XCTAssertLessThanOrEqual(abs(a.mean - b.mean), 4 * se, "accuracy \(what): test set \(a.mean) vs Sheppard \(b.mean)")
            XCTAssertGreaterThan(a.mean, 0.5)
        }
        // Exact scoring has no test-set noise: its standard error is smaller.
        XCTAssertLessThan(exact.riskNoKD.standardError, sampled.riskNoKD.standardError)
    }

    /// docs/theory.md section 4(d): at ds = 40, n = 60 the deterministic equivalent matches Monte Carlo closely.
    func testDeterministicEquivalentWithinTwoPercent() throws {
        for (seed, ridge) in [(UInt64(41), 0.05), (42, 0.3), (43, 1.0)] {
            let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 40, seed: seed)
            let student = StudentSpec(samples: .finite(60), ridge: ridge, lambda: 0.5)
            let experiment = try MonteCarloExperiment(model: model, teacher: TeacherSpec(), student: student,
                                                      settings: MonteCarloSettings(trials: 2000))
            let summary = try experiment.run(seed: seed, pointIndex: 0, threads: 2)
            let analysis = try XCTUnwrap(summary.analysis)
            XCTAssertEqual(analysis.regime, .deterministicEquivalent)
            let label = "ridge \(ridge)"
            XCTAssertEqual(summary.riskNoKD.mean, analysis.riskNoKD, accuracy: 0.02 * analysis.riskNoKD, "\(label) risk without KD")
            XCTAssertEqual(summary.riskKD.mean, analysis.riskKD, accuracy: 0.02 * analysis.riskKD, "\(label) risk with KD")
            XCTAssertEqual(summary.gain.mean, analysis.kdGain, accuracy: 0.02 * analysis.riskNoKD, "\(label) gain")
            // The check has teeth: the Monte Carlo error is well inside the 2% band.
            XCTAssertLessThan(summary.riskNoKD.standardError, 0.005 * analysis.riskNoKD)
        }
    }
}

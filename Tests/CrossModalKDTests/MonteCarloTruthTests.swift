import CCHTestSupport
import CrossModalKD
import XCTest

/// The Monte Carlo truth (`KDAnalysis(monteCarloTruthOf:...)`) and the per-trial risk curve it
/// rests on, checked where an exact formula exists (the exact scalar ridge and exact OLS regimes).
final class MonteCarloTruthTests: XCTestCase {
    /// Each trial's risk is exactly quadratic in lambda: the curve at the scenario's lambda gives
    /// the paired gain's mean to rounding and its standard deviation through Cov(a1, a2).
    func testRiskCurveReproducesThePairedGain() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 4)
        let teachers = [TeacherSpec(), TeacherSpec(fit: .ols(samples: 12), rows: .student)]  // the second: privileged-information trials
        let scorings = [MonteCarloSettings(trials: 3000), MonteCarloSettings(trials: 3000, testSamples: 20)]
        for (teacher, settings) in teachers.flatMap({ t in scorings.map { (t, $0) } }) {
            let student = StudentSpec(samples: .finite(12), ridge: 0.2, lambda: 0.35)
            let summary = try MonteCarloExperiment(model: model, teacher: teacher, student: student, settings: settings)
                .run(seed: 3, pointIndex: 0, threads: 2)
            let fromCurve = summary.riskCurve.gain(at: 0.35)
            assertClose(fromCurve.mean, summary.gain.mean, absolute: 1e-12 * summary.riskNoKD.mean)
            assertClose(fromCurve.standardError, summary.gain.standardError, absolute: 1e-6 * summary.gain.standardError)
            assertClose(summary.riskCurve.risk(at: 0.35), summary.riskKD.mean, absolute: 1e-12 * summary.riskKD.mean)
        }
    }

    /// The Monte Carlo truth agrees with the exact formulas within 4 standard errors (curve slope,
    /// best gain), reaches the requested error, and says how it was made.
    func testMonteCarloTruthAgreesWithExactRegimes() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        for (k, student) in [StudentSpec(samples: .finite(5), ridge: 0.05, lambda: 0.5), StudentSpec(samples: .finite(8), lambda: 0.2)].enumerated() {
            let exact = try KDAnalysis(model: model, teacher: TeacherSpec(), student: student)
            let experiment = try MonteCarloExperiment(model: model, teacher: TeacherSpec(), student: student,
                                                      settings: MonteCarloSettings(trials: 2000))
            let mc = try KDAnalysis(monteCarloTruthOf: experiment, standardError: 2e-3, maximumTrials: 1_000_000,
                                    seed: 9, pointIndex: k, threads: 2)
            let truth = try XCTUnwrap(mc.monteCarloTruth)
            XCTAssertEqual(mc.regime, .monteCarlo)
            XCTAssertEqual(mc.regime.truthMethod, .monteCarlo)
            XCTAssertTrue(truth.reachedRequestedError)
            XCTAssertGreaterThan(truth.trials, 2000, "the first 2000 trials do not reach 2e-3")
            XCTAssertLessThanOrEqual(truth.gainOpt.standardError, 2e-3)
            XCTAssertEqual(mc.kdHelps, exact.kdHelps)
            XCTAssertLessThanOrEqual(abs(truth.gainOpt.mean - exact.risk(at: 0) + exact.risk(at: mc.lambdaOpt)),
                                     4 * truth.gainOpt.standardError, "best gain, case \(k)")
            XCTAssertLessThanOrEqual(abs(truth.gain.mean - exact.kdGain), 4 * truth.gain.standardError, "gain at lambda, case \(k)")
            XCTAssertEqual(mc.lambdaOpt, exact.lambdaOpt, accuracy: 0.1)
            XCTAssertNil(mc.approximationErrorBound)
            // Same numbers on one thread.
            let again = try KDAnalysis(monteCarloTruthOf: experiment, standardError: 2e-3, maximumTrials: 1_000_000,
                                       seed: 9, pointIndex: k, threads: 1)
            XCTAssertEqual(again.kdGainOpt, mc.kdGainOpt)
            XCTAssertEqual(again.monteCarloTruth?.trials, truth.trials)
        }
    }

    /// A budget too small for the requested error stops at the budget and says so.
    func testTrialBudgetCapsTheEstimate() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let experiment = try MonteCarloExperiment(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(5), ridge: 0.05),
                                                  settings: MonteCarloSettings(trials: 1000))
        let mc = try KDAnalysis(monteCarloTruthOf: experiment, standardError: 1e-6, maximumTrials: 5000, seed: 1, pointIndex: 0, threads: 2)
        XCTAssertEqual(mc.monteCarloTruth?.trials, 5000)
        XCTAssertEqual(mc.monteCarloTruth?.reachedRequestedError, false)
        XCTAssertThrowsError(try KDAnalysis(monteCarloTruthOf: experiment, standardError: -1, maximumTrials: 5000, seed: 1, pointIndex: 0, threads: 1)) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .truthStandardError)
        }
    }

    /// The deterministic equivalent flags a verdict exactly when the slope at 0 is within its
    /// calibrated bound; exact regimes never do.
    func testApproximateVerdictsAreFlaggedNearTheBoundary() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 4)
        let de = try KDAnalysis(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(4), ridge: 0.01, lambda: 0.5))
        XCTAssertEqual(de.regime, .deterministicEquivalent)
        let bound = try XCTUnwrap(de.approximationErrorBound)
        let ratio = try XCTUnwrap(ExpectedRisk(model: model, student: StudentSpec(samples: .finite(4), ridge: 0.01),
                                               regime: .deterministicEquivalent).deterministicEquivalent).df2 / 4
        assertClose(bound, (2 * (ratio / (1 - ratio)) / 2 + 0.05 / 4) * de.riskNoKD, absolute: 1e-12 * bound)
        XCTAssertEqual(de.verdictUncertain, abs(de.riskCurve.a1) <= bound)
        // The slope is linear in the teacher scale c: at its root c0 the verdict is a coin flip
        // (flagged); at c = 1 the slope is far outside the bound (not flagged).
        let student = StudentSpec(samples: .finite(40), ridge: 0.01)
        func slope(_ c: Double) throws -> Double { try KDAnalysis(model: model, teacher: TeacherSpec(scale: c), student: student).riskCurve.a1 }
        let s0 = try slope(0), s1 = try slope(1)
        let root = try KDAnalysis(model: model, teacher: TeacherSpec(scale: s0 / (s0 - s1)), student: student)
        assertClose(root.riskCurve.a1, 0, absolute: 1e-9, "slope a1 at the root")
        XCTAssertTrue(root.verdictUncertain)
        let far = try KDAnalysis(model: model, teacher: TeacherSpec(scale: 1), student: student)
        XCTAssertGreaterThan(abs(far.riskCurve.a1), 3 * (far.approximationErrorBound ?? .infinity))
        XCTAssertFalse(far.verdictUncertain)
        let exact = try KDAnalysis(model: try .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3), teacher: TeacherSpec(scale: 1e-3),
                                   student: StudentSpec(samples: .finite(40), ridge: 0.01))
        XCTAssertFalse(exact.verdictUncertain)
        XCTAssertNil(exact.approximationErrorBound)
    }
}

import CCHTestSupport
@testable import CrossModalKD
import XCTest

/// The two samplers: the triples path is least squares on real triples, the Bartlett draw is a
/// Wishart draw, and the moments and triples samplers agree in distribution.
final class MonteCarloSamplerTests: XCTestCase {
    /// E[A A'] = m I, Var(W_ii) = 2m and Var(W_ij) = m (i != j) for W = A A' ~ Wishart(m, I_p).
    func testBartlettFactorGivesWishartMoments() {
        let p = 4, m = 7, draws = 20000
        let stream = RandomStream(seed: 3)
        var sum = [Double](repeating: 0, count: p * p), sumSquares = sum
        for _ in 0..<draws {
            var a = Matrix(rows: p, cols: p)
            a.elements.withUnsafeMutableBufferPointer { stream.bartlettFactor(order: p, degreesOfFreedom: m, into: $0.baseAddress!) }
            for i in 0..<p { for j in (i + 1)..<p { XCTAssertEqual(a[i, j], 0) } }
            let w = a * a.transposed
            for k in 0..<(p * p) {
                sum[k] += w.elements[k]
                sumSquares[k] += w.elements[k] * w.elements[k]
            }
        }
        for i in 0..<p {
            for j in 0..<p {
                let k = i * p + j, n = Double(draws)
                let mean = sum[k] / n, variance = sumSquares[k] / n - mean * mean
                let expectedMean = i == j ? Double(m) : 0, expectedVariance = Double(i == j ? 2 * m : m)
                XCTAssertEqual(mean, expectedMean, accuracy: 4 * (expectedVariance / n).squareRoot(), "E W[\(i),\(j)]")
                // Var of a sample variance ~ (m4 - s^4)/n; a 10% band is > 4 of its standard errors here.
                XCTAssertEqual(variance, expectedVariance, accuracy: 0.1 * expectedVariance, "Var W[\(i),\(j)]")
            }
        }
    }

    /// The triples sampler's trial equals the experiment done by hand on real triples drawn from the
    /// same Gaussians: (T, Y) pairs for the teacher and (S, Y, T) triples for the student via
    /// `GaussianSampler`, teacher and student fitted by ridge/OLS normal equations in real
    /// coordinates, risk by docs/theory.md section 3 and Sheppard's accuracy, or on (S, Y) test pairs.
    func testTriplesTrialIsLeastSquaresOnRealTriples() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 7)
        let cases: [(TeacherSpec, StudentSpec, MonteCarloSettings)] = [
            (TeacherSpec(fit: .ols(samples: 9), scale: 1.3), StudentSpec(samples: .finite(8), lambda: 0.4),
             MonteCarloSettings(sampler: .triples)),
            (TeacherSpec(fit: .ridge(samples: 5, penalty: 0.2)), StudentSpec(samples: .finite(6), ridge: 0.15, lambda: 0.7),
             MonteCarloSettings(sampler: .triples, testSamples: 9)),
            // Moments asked, but n < ds and nt < dt: both samples are drawn as triples.
            (TeacherSpec(fit: .ridge(samples: 1, penalty: 0.5)), StudentSpec(samples: .finite(2), ridge: 0.3, lambda: 0.5),
             MonteCarloSettings(sampler: .moments)),
            (TeacherSpec(target: .representation, projection: [1, -0.5]), StudentSpec(samples: .finite(5), lambda: 0.6),
             MonteCarloSettings(sampler: .triples)),
        ]
        for (index, (teacher, student, settings)) in cases.enumerated() {
            let experiment = try MonteCarloExperiment(model: model, teacher: teacher, student: student, settings: settings)
            if index == 2 { XCTAssertNotNil(experiment.samplerNote) }
            for seed in [UInt64(1), 2] {
                // Trial 0 of grid point 0 draws from the start of chunk 0's stream (the header of
                // MonteCarloExperiment.swift): the by-hand trial reads the same stream.
                let engine = try experiment.outcomes(seed: seed, pointIndex: 0, trials: 0..<1)[0]
                let byHand = try Self.trialByHand(model, teacher, student, testSamples: settings.testSamples,
                                                  stream: RandomStream(seed: seed, ids: [MonteCarloExperiment.streamTag, 0, 0]))
                for (a, b, what) in [(engine.riskNoKD, byHand.riskNoKD, "risk without KD"), (engine.riskKD, byHand.riskKD, "risk with KD"),
                                     (engine.accuracyNoKD, byHand.accuracyNoKD, "accuracy without KD"),
                                     (engine.accuracyKD, byHand.accuracyKD, "accuracy with KD"),
                                     (engine.riskSlope, byHand.riskSlope, "risk-curve slope"),
                                     (engine.riskCurvature, byHand.riskCurvature, "risk-curve curvature")] {
                    assertClose(a, b, absolute: 1e-9, relative: 1e-9, "case \(index) seed \(seed): \(what) \(a) vs \(b)")
                }
            }
        }
    }

    /// The moments sampler (Bartlett) and the triples sampler give the same distribution of the
    /// risks and the gain: equal means and equal variances within 4 standard errors, at several n
    /// (OLS and ridge students, OLS and ridge teachers). n >= ds + 8 for OLS keeps fourth moments
    /// finite, so that the standard error of a variance exists.
    func testMomentsAndTriplesAgreeInDistribution() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 11)
        let cases: [(TeacherSpec, StudentSpec)] = [
            (TeacherSpec(fit: .ols(samples: 20)), StudentSpec(samples: .finite(11), lambda: 0.5)),
            (TeacherSpec(fit: .ols(samples: 20)), StudentSpec(samples: .finite(30), lambda: 0.5)),
            (TeacherSpec(), StudentSpec(samples: .finite(150), lambda: 0.8)),
            (TeacherSpec(fit: .ridge(samples: 3, penalty: 0.1)), StudentSpec(samples: .finite(4), ridge: 0.1, lambda: 0.5)),
        ]
        for (index, (teacher, student)) in cases.enumerated() {
            func outcomes(_ sampler: MonteCarloSampler) throws -> [TrialOutcome] {
                let e = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                                 settings: MonteCarloSettings(trials: 4000, sampler: sampler))
                XCTAssertNil(e.samplerNote)
                return try e.outcomes(seed: 17, pointIndex: index, trials: 0..<4000)
            }
            let moments = try outcomes(.moments), triples = try outcomes(.triples)
            for (what, value) in [("risk without KD", \TrialOutcome.riskNoKD), ("risk with KD", \.riskKD), ("gain", \.gain)] {
                let a = SampleMoments(moments.map { $0[keyPath: value] }), b = SampleMoments(triples.map { $0[keyPath: value] })
                let label = "case \(index) \(what)"
                XCTAssertLessThanOrEqual(abs(a.mean - b.mean), 4 * (a.meanVariance + b.meanVariance).squareRoot(),
                                         "\(label) mean: moments \(a.mean) vs triples \(b.mean)")
                XCTAssertLessThanOrEqual(abs(a.variance - b.variance), 4 * (a.varianceVariance + b.varianceVariance).squareRoot(),
                                         "\(label) variance: moments \(a.variance) vs triples \(b.variance)")
            }
        }
    }

    /// Mean and variance of a sample with the (asymptotic) variances of both estimates.
    private struct SampleMoments {
        let mean: Double, variance: Double, meanVariance: Double, varianceVariance: Double
        init(_ x: [Double]) {
            let n = Double(x.count), center = x.reduce(0, +) / n
            let d2 = x.map { ($0 - center) * ($0 - center) }
            let s2 = d2.reduce(0, +) / (n - 1), m4 = d2.reduce(0) { $0 + $1 * $1 } / n
            mean = center
            variance = s2
            meanVariance = s2 / n
            varianceVariance = (m4 - s2 * s2) / n
        }
    }

    // MARK: The experiment by hand, in real coordinates

    private static func trialByHand(_ m: JointGaussian, _ teacher: TeacherSpec, _ student: StudentSpec,
                                    testSamples: Int?, stream: RandomStream) throws -> TrialOutcome {
        let t = m.teacherIndices, s = m.studentIndices, y = m.labelIndex
        // Teacher weights theta_eff.
        var thetaEff = try TeacherSignal(model: m, spec: TeacherSpec(target: teacher.target, scale: teacher.scale,
                                                                       projection: teacher.projection)).weights
        switch teacher.fit {
        case .oracle: break
        case .ols(let nt), .ridge(let nt, _):
            var penalty = 0.0
            if case .ridge(_, let g) = teacher.fit { penalty = g }
            let pairs = GaussianSampler(lowerFactor: try Cholesky(m.sigma.principal(t + [y])).lower).draw(nt, from: stream)
            let fitted = try TestSupport.ridgeFit(pairs, x: Array(0..<m.dt), y: TestSupport.column(pairs, m.dt), ridge: penalty)
            thetaEff = Vec.scale(teacher.scale, fitted)
        }
        // Student sample: triples in the order (S, Y, T).
        guard case .finite(let n) = student.samples else { throw XCTSkip("needs a finite n") }
        let order = s + [y] + t
        let factor = try Cholesky(m.sigma.principal(order)).lower
        let triples = GaussianSampler(lowerFactor: factor).draw(n, from: stream)
        let labels = TestSupport.column(triples, m.ds)
        let signal = (0..<n).map { r in (0..<m.dt).reduce(0.0) { $0 + thetaEff[$1] * triples[r, m.ds + 1 + $1] } }
        let mixed = zip(labels, signal).map { (1 - student.lambda) * $0 + student.lambda * $1 }
        let w0 = try TestSupport.ridgeFit(triples, x: Array(0..<m.ds), y: labels, ridge: student.ridge)
        let wl = try TestSupport.ridgeFit(triples, x: Array(0..<m.ds), y: mixed, ridge: student.ridge)
        // The risk curve R(l) through l = 0, 1/2, 1: fits to Y, to (Y + u) / 2 and to u.
        let wu = try TestSupport.ridgeFit(triples, x: Array(0..<m.ds), y: signal, ridge: student.ridge)
        let wh = Vec.scale(0.5, Vec.add(w0, wu))
        func curve(_ risk: ([Double]) -> Double) -> (slope: Double, curvature: Double) {
            let r0 = risk(w0), rh = risk(wh), r1 = risk(wu)
            let a2 = 2 * (r1 - 2 * rh + r0)
            return (r1 - r0 - a2, a2)
        }
        guard let testN = testSamples else {
            let c = curve { TestSupport.testRisk($0, m) }
            return TrialOutcome(riskNoKD: TestSupport.testRisk(w0, m), riskKD: TestSupport.testRisk(wl, m),
                                accuracyNoKD: SignAccuracy.of(weights: w0, in: m), accuracyKD: SignAccuracy.of(weights: wl, in: m),
                                riskSlope: c.slope, riskCurvature: c.curvature)
        }
        // Test pairs (S, Y): the leading block of the same factor.
        let pairFactor = factor.principal(Array(0...m.ds))
        let test = GaussianSampler(lowerFactor: pairFactor).draw(testN, from: stream)
        func score(_ w: [Double]) -> (Double, Double) {
            var sse = 0.0, agree = 0.0
            for r in 0..<testN {
                let f = (0..<m.ds).reduce(0.0) { $0 + w[$1] * test[r, $1] }, label = test[r, m.ds]
                sse += (label - f) * (label - f)
                if (label > 0) == (f > 0) { agree += 1 }
            }
            return (sse / Double(testN), agree / Double(testN))
        }
        let a = score(w0), b = score(wl), c = curve { score($0).0 }
        return TrialOutcome(riskNoKD: a.0, riskKD: b.0, accuracyNoKD: a.1, accuracyKD: b.1,
                            riskSlope: c.slope, riskCurvature: c.curvature)
    }
}

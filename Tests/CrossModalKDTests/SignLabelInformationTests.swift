import CCHTestSupport
import CGSL
import CrossModalKD
import Foundation
import Testing

/// I(X;C) for C = sign(Y) by quadrature, checked against a brute-force Monte Carlo of the same
/// expectation, an independent trapezoid rule, and its small-signal limit.
struct SignLabelInformationTests {
    /// ln 2 - h2(p) evaluated the naive way (an independent code path from the library's).
    static func naiveDivergence(_ p: Double) -> Double {
        func xlogx(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
        return log(2.0) + xlogx(p) + xlogx(1 - p)
    }

    @Test func quadratureMatchesMonteCarloOfTheSameExpectation() throws {
        // ds = 2 student, dt = 1 teacher, from a latent model.
        let model = try JointGaussian.latent(
            teacherLoadings: Matrix([[1.0, 0.3, 0.0]]),
            studentLoadings: Matrix([[0.8, 0.0, 0.4], [0.2, 0.9, 0.0]]),
            labelLoadings: [1.0, 0.5, 0.0], teacherNoise: 0.5, studentNoise: 0.6, labelNoise: 0.8)
        let sampler = GaussianSampler(model: model)
        let stream = RandomStream(seed: 42, ids: [1])
        let n = 200_000
        let rows = sampler.draw(n, from: stream)
        for block in [model.studentIndices, model.teacherIndices] {
            // mu(X) = w'X, w = Sxx^-1 Sxy; sd^2 = Var(Y|X): computed here from the covariance directly.
            let sxx = model.sigma.principal(block)
            let sxy = block.map { model.sigma[$0, model.labelIndex] }
            let w = try Cholesky(sxx).solve(sxy)
            let sd = (model.syy - Vec.dot(w, sxy)).squareRoot()
            var sum = 0.0, sumSq = 0.0
            for r in 0..<n {
                let mu = block.enumerated().reduce(0.0) { $0 + w[$1.offset] * rows[r, $1.element] }
                let v = Self.naiveDivergence(gsl_cdf_ugaussian_P(mu / sd))
                sum += v
                sumSq += v * v
            }
            let mean = sum / Double(n)
            let se = ((sumSq / Double(n) - mean * mean) / Double(n - 1)).squareRoot()
            let quad = SignLabelInformation.mutualInformation(model, block: block)
            #expect(abs(quad - mean) < 4 * se, "block \(block): quadrature \(quad), Monte Carlo \(mean) +- \(se)")
            #expect(quad > 0.02)
        }
    }

    @Test func quadratureMatchesTrapezoidRuleOverSignalRange() {
        for a in [0.05, 0.3, 1.0, 2.5, 10.0, 200.0] {
            // Trapezoid on z in [-12, 12] with a step fine enough for the steepest a.
            let h = min(1e-3, 0.02 / a), lo = -12.0
            let steps = Int(24 / h)
            var s = 0.0
            for i in 0...steps {
                let z = lo + Double(i) * h
                let weight = (i == 0 || i == steps) ? 0.5 : 1
                s += weight * exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() * Self.naiveDivergence(gsl_cdf_ugaussian_P(a * z))
            }
            let trapezoid = s * h
            let quad = SignLabelInformation.mutualInformation(signalToNoise: a)
            assertClose(quad, trapezoid, absolute: 1e-7, relative: 1e-7, "a = \(a): quadrature against the trapezoid rule")
        }
    }

    @Test func limitsOfTheSignalToNoiseRatio() {
        // Small a: I = a^2 / pi + O(a^4).
        for a in [1e-3, 1e-2] {
            let i = SignLabelInformation.mutualInformation(signalToNoise: a)
            #expect(abs(i / (a * a / Double.pi) - 1) < 2 * a * a + 1e-9)
        }
        #expect(SignLabelInformation.mutualInformation(signalToNoise: 0) == 0)
        // Large a: C is almost a function of X; I -> ln 2 from below.
        let big = SignLabelInformation.mutualInformation(signalToNoise: 1e4)
        #expect(big < log(2.0) && big > log(2.0) - 1e-3)
        // Monotone in a.
        let grid = [0.1, 0.5, 1, 2, 5, 20].map { SignLabelInformation.mutualInformation(signalToNoise: $0) }
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func classInformationIsBelowGaussianInformationAndEntropy() throws {
        // Data processing: I(S;C) <= I(S;Y) since C is a function of Y; and <= H(C) = ln 2.
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.7, rhoTY: 0.5)
        let c = ClassInformationSummary(model: m)
        let y = InformationSummary(model: m)
        #expect(c.studentClass < y.studentLabel)
        #expect(c.teacherClass < y.teacherLabel)
        #expect(c.labelEntropy == log(2.0))
        #expect(c.teacherStudent == y.teacherStudent)
        assertClose(c.cchGap, y.teacherStudent - c.studentClass, absolute: 1e-15, "class gap")
        // Scalar case: a = rho / sqrt(1 - rho^2).
        let a = 0.7 / (1 - 0.49).squareRoot()
        assertClose(c.studentClass, SignLabelInformation.mutualInformation(signalToNoise: a), absolute: 1e-13, "I(S;C)")
        assertClose(c.bayesAccuracyStudent, 0.5 + asin(0.7) / Double.pi, absolute: 1e-13, "Sheppard's accuracy")
    }

    @Test func bayesAccuracyMatchesMonteCarlo() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.6, rhoTY: 0.4)
        let rows = GaussianSampler(model: m).draw(100_000, from: RandomStream(seed: 9))
        var hits = 0
        for r in 0..<rows.rows where (rows[r, 1] > 0) == (rows[r, 2] > 0) { hits += 1 }
        let p = Double(hits) / Double(rows.rows)
        let se = (p * (1 - p) / Double(rows.rows)).squareRoot()
        let exact = SignLabelInformation.bayesAccuracy(m, block: m.studentIndices)
        #expect(abs(p - exact) < 4 * se, "Monte Carlo \(p) +- \(se) vs Sheppard \(exact)")
    }
}

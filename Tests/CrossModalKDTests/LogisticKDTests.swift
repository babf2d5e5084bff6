import CCHTestSupport
@testable import CrossModalKD
import Foundation
import Testing

/// Logistic students and teachers: the Newton fit against its optimality conditions, soft targets,
/// separable data, the posterior teacher, and the Monte Carlo experiment's exact scoring against
/// sampled test sets.
struct LogisticKDTests {
    /// A noisy-label set-up: the teacher sees the decision factor almost cleanly, the labels carry
    /// heavy noise, the student sees the factor through noise.
    static func noisyLabelModel() throws -> JointGaussian {
        try JointGaussian.latent(teacherLoadings: Matrix([[1.0, 0.0]]), studentLoadings: Matrix([[1.0, 0.0], [0.0, 1.0]]),
                                 labelLoadings: [1.0, 0.0], teacherNoise: 0.1, studentNoise: 1.0, labelNoise: 1.5)
    }

    static func data(_ n: Int, seed: UInt64) throws -> (Matrix, [Double]) {
        let m = try noisyLabelModel()
        let rows = GaussianSampler(model: m).draw(n, label: .sign, from: RandomStream(seed: seed))
        return (rows.submatrix(rows: Array(0..<n), cols: m.studentIndices), (0..<n).map { rows[$0, m.labelIndex] > 0 ? 1 : 0 })
    }

    @Test(arguments: [(0.0, 1.0, 0.0), (0.6, 2.0, 0.0), (0.6, 0.5, 0.05), (1.0, 3.0, 0.01)])
    func fitMeetsItsOptimalityConditions(lambda: Double, temperature: Double, ridge: Double) throws {
        let (x, c) = try Self.data(80, seed: 1)
        let stream = RandomStream(seed: 2)
        let u = (0..<80).map { _ in 2 * stream.gaussian() }
        let problem = try LogisticRegression(features: x, labels: c, teacherLogits: u, lambda: lambda,
                                             temperature: temperature, ridge: ridge)
        let fit = problem.fit()
        #expect(fit.converged && fit.remedy == nil)
        // Central differences of the objective vanish at the optimum, and no nearby point is lower.
        let h = 1e-5
        for j in 0..<2 {
            var plus = fit.weights, minus = fit.weights
            plus[j] += h
            minus[j] -= h
            let derivative = (problem.objective(plus, ridge: ridge) - problem.objective(minus, ridge: ridge)) / (2 * h)
            #expect(abs(derivative) < 1e-8, "dL/dw\(j) = \(derivative)")
        }
        let best = problem.objective(fit.weights, ridge: ridge)
        for _ in 0..<20 {
            let w = fit.weights.map { $0 + 0.01 * stream.gaussian() }
            #expect(problem.objective(w, ridge: ridge) > best)
        }
    }

    @Test func pureSoftTargetsRecoverTheTeachersLinearLogit() throws {
        // With lambda = 1 and u = a's, sigma(w's/tau) = sigma(u/tau) at w = a: the minimiser is a.
        let (x, c) = try Self.data(60, seed: 3)
        let a = [0.8, -0.3]
        let u = (0..<60).map { a[0] * x[$0, 0] + a[1] * x[$0, 1] }
        for tau in [0.5, 1.0, 4.0] {
            let fit = try LogisticRegression(features: x, labels: c, teacherLogits: u, lambda: 1, temperature: tau).fit()
            assertClose(fit.weights, a, absolute: 1e-8, "tau \(tau): weights")
        }
    }

    @Test func separableDataGetTheL2FloorAndSaySo() throws {
        // Two clouds on either side of the line s1 + s2 = 0: separable.
        let x = Matrix([[1, 2], [2, 0.5], [0.3, 1], [-1, -0.2], [-0.4, -2], [-2, 1]])
        let c: [Double] = [1, 1, 1, 0, 0, 0]
        let fit = try LogisticRegression(features: x, labels: c).fit()
        #expect(fit.remedy == LogisticFit.Remedy(reason: .separable, ridge: LogisticRegression.separationRidge))
        #expect(fit.converged && fit.ridge == LogisticRegression.separationRidge)
        #expect(fit.weights.allSatisfy { $0.isFinite })
        for i in 0..<6 { #expect((x[i, 0] * fit.weights[0] + x[i, 1] * fit.weights[1] > 0) == (c[i] == 1)) }
        // With a ridge of its own, or with soft targets, the optimum is finite: no remedy.
        #expect(try LogisticRegression(features: x, labels: c, ridge: 0.01).fit().remedy == nil)
        let soft = try LogisticRegression(features: x, labels: c, teacherLogits: [1, 1, 1, -1, -1, -1], lambda: 0.3).fit()
        #expect(soft.remedy == nil && soft.converged)
        // Overlapping classes are not separable.
        let (noisy, labels) = try Self.data(200, seed: 4)
        #expect(try LogisticRegression(features: noisy, labels: labels).fit().remedy == nil)
        // More features than samples: separable too.
        let (wide, wideLabels) = try Self.data(2, seed: 5)
        #expect(try LogisticRegression(features: wide, labels: wideLabels).fit().remedy?.reason == .separable)
    }

    @Test func posteriorLogitIsTheProbitLogOdds() {
        for x in [-3.0, -0.5, 0, 0.7, 2.5] {
            let p = 0.5 * erfc(-x / 2.0.squareRoot())
            assertClose(TeacherLogit.probitLogit(x), log(p / (1 - p)), absolute: 1e-12, "logit at \(x)")
        }
        // Large |x|: log Phi(x) / Phi(-x) ~ x^2/2 + ln(x sqrt(2 pi)) + ..., finite and odd.
        let big = TeacherLogit.probitLogit(40)
        #expect(abs(big - (800 + log(40 * (2 * Double.pi).squareRoot()))) < 1e-2)
        #expect(TeacherLogit.probitLogit(-40) == -big)
    }

    @Test func exactScoringAgreesWithSampledTestSets() throws {
        // The same trials scored exactly (Sheppard) and on 2000 fresh test rows: the per-trial
        // difference is test-set noise only, so the means agree within its standard error.
        let m = try Self.noisyLabelModel()
        let spec = LogisticKDSpec(teacher: .fitted(samples: 100, ridge: 0), samples: 40, lambda: 0.6, temperature: 2)
        let exact = try LogisticKDExperiment(model: m, spec: spec, trials: 150)
        let sampled = try LogisticKDExperiment(model: m, spec: spec, trials: 150, testSamples: 2000)
        var diffNoKD: [Double] = [], diffKD: [Double] = []
        for t in 0..<150 {
            let a = exact.trial(t, seed: 8), b = sampled.trial(t, seed: 8)
            #expect(a.noKD == b.noKD && a.kd == b.kd)  // same training data, same fits
            diffNoKD.append(b.accuracyNoKD - a.accuracyNoKD)
            diffKD.append(b.accuracyKD - a.accuracyKD)
        }
        for diffs in [diffNoKD, diffKD] {
            let e = SampleStatistics.estimate(diffs), (mean, se) = (e.mean, e.standardError)
            #expect(abs(mean) < 4 * se && se > 0, "mean test-set minus exact accuracy \(mean) +- \(se)")
        }
    }

    @Test func softTargetsFromACleanTeacherRaiseAccuracyUnderLabelNoise() throws {
        let m = try Self.noisyLabelModel()
        let spec = LogisticKDSpec(teacher: .posterior, samples: 30, lambda: 0.7, temperature: 2)
        let summary = try LogisticKDExperiment(model: m, spec: spec, trials: 300).run(seed: 3)
        #expect(summary.gainZ > 4, "gain \(summary.gain) +- \(summary.gainSE)")
        #expect(summary.accuracyKD < summary.bayesAccuracyStudent && summary.accuracyNoKD < summary.accuracyKD)
        assertClose(summary.teacherAccuracy, SignLabelInformation.bayesAccuracy(m, block: m.teacherIndices), absolute: 1e-12, "teacher accuracy")
        // lambda = 0 is the plain fit: identical accuracies, no gain.
        var none = spec
        none.lambda = 0
        let zero = try LogisticKDExperiment(model: m, spec: none, trials: 20).run(seed: 3)
        #expect(zero.gain == 0 && zero.gainSE == 0)
    }

    @Test func experimentIsReproducibleAndReportsSeparation() throws {
        let m = try Self.noisyLabelModel()
        // n = 4 samples in 2 dimensions are often separable.
        let spec = LogisticKDSpec(teacher: .fitted(samples: 5, ridge: 0), samples: 4, lambda: 0.5, temperature: 1)
        let e = try LogisticKDExperiment(model: m, spec: spec, trials: 60)
        let a = e.run(seed: 1), b = e.run(seed: 1, parallel: false)
        #expect(a.accuracyKD == b.accuracyKD && a.gain == b.gain && a.separableNoKD == b.separableNoKD)
        #expect(a.separableNoKD > 5 && a.separableTeacher > 5)
        #expect(a.separableKD == 0)  // soft targets keep the optimum finite
        #expect(e.run(seed: 2).accuracyKD != a.accuracyKD)
    }

    @Test func invalidSettingsNameTheirKey() throws {
        let m = try Self.noisyLabelModel()
        #expect(throws: ParameterError.invalid(parameter: .temperature, reason: "must be finite and > 0, got 0.0")) {
            try LogisticKDExperiment(model: m, spec: LogisticKDSpec(teacher: .posterior, samples: 10, temperature: 0), trials: 10)
        }
        #expect(throws: ParameterError.invalid(parameter: .teacherSamples, reason: "must be at least 1, got 0")) {
            try LogisticKDExperiment(model: m, spec: LogisticKDSpec(teacher: .fitted(samples: 0, ridge: 0), samples: 10), trials: 10)
        }
        #expect(throws: ParameterError.self) {
            try LogisticKDExperiment(model: m, spec: LogisticKDSpec(teacher: .posterior, samples: 10), trials: 1)
        }
    }
}

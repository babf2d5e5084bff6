import CCHTestSupport
import CrossModalKD
import Foundation
import Testing

/// P(sign of the estimated CCH gap != sign of the true gap) against sample size.
struct DecisionReliabilityTests {
    /// A small true gap (0.0182 nats), so that sign errors are common at small n.
    static func model() throws -> JointGaussian { try JointGaussian.correlations(rhoTS: 0.45, rhoSY: 0.4, rhoTY: 0.3) }

    @Test func signErrorProbabilityAgreesWithAnIndependentMonteCarlo() throws {
        let m = try Self.model()
        let plugIn = try MIEstimatorKind.gaussian.estimator()
        let r = try DecisionReliability(model: m, label: .continuous, sampleSizes: [150], repeats: 400,
                                        estimators: [plugIn], seed: 1)
        assertClose(r.trueGap, InformationSummary(model: m).cchGap, absolute: 1e-15, "true gap")
        // The same probability from samples drawn here, with other streams.
        let columns = CCHColumns(model: m, label: .continuous)
        var wrong = 0
        let trials = 400
        for t in 0..<trials {
            let data = GaussianSampler(model: m).draw(150, from: RandomStream(seed: 999, ids: [UInt64(t)]))
            let gap = try #require(try GapEstimate(SampleRows(data), columns, estimator: plugIn).gap)
            if (gap > 0) != (r.trueGap > 0) { wrong += 1 }
        }
        let p = Double(wrong) / Double(trials)
        let row = try #require(r.rows.first)
        let se = (row.signErrorStandardError * row.signErrorStandardError + p * (1 - p) / Double(trials)).squareRoot()
        #expect(abs(row.signErrorProbability - p) < 4 * se, "library \(row.signErrorProbability), direct \(p), se \(se)")
        #expect(row.signErrorProbability > 0.1, "a small gap at n = 150 should flip often")
    }

    @Test func signErrorsBecomeRareAsSamplesGrow() throws {
        let r = try DecisionReliability(model: try Self.model(), label: .continuous, sampleSizes: [30, 2000], repeats: 60,
                                        estimators: [try MIEstimatorKind.gaussian.estimator(), try MIEstimatorKind.ksg.estimator()], seed: 2)
        #expect(r.rows.map(\.samples) == [30, 30, 2000, 2000])
        #expect(r.rows.map(\.estimator) == [.gaussian, .ksg, .gaussian, .ksg])
        for e in 0..<2 {
            #expect(r.rows[e].signErrorProbability > r.rows[e + 2].signErrorProbability + 0.15, "\(r.rows[e]) vs \(r.rows[e + 2])")
        }
        // At n = 2000 the plug-in's sd is near 0.015 for a gap of 0.018: a minority still flips.
        #expect(r.rows[2].signErrorProbability < 0.3)
    }

    @Test func reproducibleAndIndependentOfThreading() throws {
        let m = try Self.model()
        let estimators = [try MIEstimatorKind.gaussian.estimator(), try MIEstimatorKind.ksg.estimator(k: 4)]
        let a = try DecisionReliability(model: m, label: .continuous, sampleSizes: [60, 200], repeats: 30, estimators: estimators, seed: 5)
        let b = try DecisionReliability(model: m, label: .continuous, sampleSizes: [60, 200], repeats: 30, estimators: estimators,
                                        seed: 5, parallel: false)
        let c = try DecisionReliability(model: m, label: .continuous, sampleSizes: [60, 200], repeats: 30, estimators: estimators,
                                        seed: 5, point: 1)
        #expect(a.rows == b.rows)
        #expect(a.rows != c.rows)
    }

    @Test func signLabelsUseTheClassGapAndSkipThePlugIn() throws {
        let m = try Self.model()
        let r = try DecisionReliability(model: m, label: .sign, sampleSizes: [300], repeats: 20,
                                        estimators: [try MIEstimatorKind.gaussian.estimator(), try MIEstimatorKind.ksg.estimator()], seed: 3)
        #expect(r.skipped == [.gaussian])
        #expect(r.rows.map(\.estimator) == [.ksg])
        assertClose(r.trueGap, ClassInformationSummary(model: m).cchGap, absolute: 1e-15, "true class gap")
        #expect(r.trueGap > InformationSummary(model: m).cchGap)  // I(S;C) < I(S;Y)
    }

    @Test func tooSmallSamplesAreErrorsNamingTheSize() throws {
        #expect(throws: ParameterError.invalid(parameter: .sampleSizes, reason: "at n = 3: the KSG (k = 3) estimator needs at least 4 rows, got 3")) {
            try DecisionReliability(model: try Self.model(), label: .continuous, sampleSizes: [3], repeats: 5,
                                    estimators: [try MIEstimatorKind.ksg.estimator()], seed: 1)
        }
        #expect(throws: ParameterError.invalid(parameter: .repeats, reason: "must be at least 2, got 1")) {
            try DecisionReliability(model: try Self.model(), label: .continuous, sampleSizes: [100], repeats: 1,
                                    estimators: [try MIEstimatorKind.ksg.estimator()], seed: 1)
        }
    }
}

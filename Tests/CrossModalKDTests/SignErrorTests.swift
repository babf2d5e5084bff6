import CrossModalKD
import Testing

/// The one count of wrong gap signs (`SignError`) and the resampling fractions built on it.
struct SignErrorTests {
    /// "Positive" is > 0 on both sides: a zero gap counts as negative, as CCH's prediction does.
    @Test func zeroCountsAsNegativeOnBothSides() {
        let gaps = [0.1, -0.2, 0, 0.3]
        #expect(SignError.count(gaps, against: 0.5) == 2)
        #expect(SignError.count(gaps, against: 0) == 2)
        #expect(SignError.count(gaps, against: -1) == 2)
        #expect(SignError.count([0, -0.1], against: 0) == 0)
        #expect(SignError.probability([0.2, -0.1, -0.3, 0.4, 0.5], against: 1) == 0.4)
    }

    /// A small true gap at n = 200, so that a share of the half-samples has the other sign: the
    /// sign-error probability and estimate-mi's positive fraction, recounted from the halves.
    @Test func resamplingFractionsMatchARecountOfTheHalves() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.45, rhoSY: 0.4, rhoTY: 0.3)
        let columns = CCHColumns(model: m, label: .continuous)
        let estimator = try MIEstimatorKind.gaussian.estimator()
        let data = GaussianSampler(model: m).draw(200, from: RandomStream(seed: 5, ids: [1]))
        let result = try EstimatedGap(data, columns, estimator: estimator, replicates: 30, level: 0.95, seed: 7)
        let gap = try #require(result.estimate.gap)
        var halves: [Double] = []
        for b in 0..<30 {
            let rows = SampleRows(data, indices: GapResampling.halfSample(200, seed: 7, replicate: b))
            halves.append(try #require(try GapEstimate(rows, columns, estimator: estimator).gap))
        }
        let mean = halves.reduce(0, +) / 30
        let centred = halves.map { gap + $0 - mean }
        let positive = centred.filter { $0 > 0 }.count
        let wrong = gap > 0 ? 30 - positive : positive
        #expect(wrong > 0 && wrong < 30, "the test needs both signs among the halves, got \(wrong) wrong")
        #expect(result.intervals?.signErrors == wrong)
        #expect(result.intervals?.signErrorProbability == Double(wrong) / 30)
        #expect(result.positiveReplicateFraction == Double(positive) / 30)
    }
}

import CCHTestSupport
@testable import CrossModalKD
import Foundation
import Testing

/// Sample-based MI estimators (KSG, Ross's discrete-label KSG, bias-corrected Gaussian plug-in)
/// against the closed form on known Gaussians, the k-d tree against brute force, and the
/// half-sampling interval against the sampling spread it should describe.
struct MIEstimatorTests {
    static func sample(_ m: JointGaussian, _ n: Int, seed: UInt64, label: LabelKind = .continuous) -> Matrix {
        GaussianSampler(model: m).draw(n, label: label, from: RandomStream(seed: seed, ids: [UInt64(n)]))
    }

    /// dt = 2, ds = 2 from a latent model (so I(T;S) involves 4 dimensions).
    static func latentModel() throws -> JointGaussian {
        try JointGaussian.latent(
            teacherLoadings: Matrix([[1.0, 0.0, 0.5], [0.0, 1.0, 0.0]]),
            studentLoadings: Matrix([[0.7, 0.3, 0.0], [0.0, 0.6, 0.8]]),
            labelLoadings: [0.9, 0.4, 0.3], teacherNoise: 0.7, studentNoise: 0.8, labelNoise: 0.6)
    }

    @Test(arguments: [1, 2, 3])
    func kdTreeMatchesBruteForce(dimension d: Int) {
        let stream = RandomStream(seed: 3, ids: [UInt64(d)])
        let n = 700
        // Coarse grid values make ties in single coordinates common.
        let points = (0..<(n * d)).map { _ in (stream.gaussian() * 4).rounded() / 4 + 1e-3 * stream.uniform() }
        let tree = KDTree(points: points, dimension: d)
        func distance(_ i: Int, _ j: Int) -> Double {
            (0..<d).map { abs(points[i * d + $0] - points[j * d + $0]) }.max() ?? 0
        }
        points.withUnsafeBufferPointer { p in
            for i in stride(from: 0, to: n, by: 7) {
                let others = (0..<n).filter { $0 != i }.map { distance(i, $0) }.sorted()
                for k in [1, 3, 10] {
                    #expect(tree.kthNeighbourDistance(p.baseAddress! + i * d, k: k, excluding: i) == others[k - 1])
                }
                // Radii equal to neighbour distances put points exactly on the boundary (not counted).
                for r in Array(others[0..<12]) + [others[60], 0.3, 1.0] {
                    let brute = (0..<n).filter { distance(i, $0) < r }.count
                    #expect(tree.countWithin(p.baseAddress! + i * d, radius: r) == brute)
                }
            }
        }
    }

    @Test func ksgEqualsItsDefinitionComputedByBruteForce() throws {
        let m = try Self.latentModel()
        let rows = SampleRows(Self.sample(m, 600, seed: 12))
        let a = [0, 1], b = [2], k = 3
        let xa = try rows.standardized(a, block: ""), xb = try rows.standardized(b, block: "")
        let n = rows.count
        func da(_ i: Int, _ j: Int) -> Double { max(abs(xa[2 * i] - xa[2 * j]), abs(xa[2 * i + 1] - xa[2 * j + 1])) }
        func db(_ i: Int, _ j: Int) -> Double { abs(xb[i] - xb[j]) }
        var sum = 0.0
        for i in 0..<n {
            let eps = (0..<n).filter { $0 != i }.map { max(da(i, $0), db(i, $0)) }.sorted()[k - 1]
            let na = (0..<n).filter { $0 != i && da(i, $0) < eps }.count
            let nb = (0..<n).filter { $0 != i && db(i, $0) < eps }.count
            sum += Digamma.of(Double(na + 1)) + Digamma.of(Double(nb + 1))
        }
        let definition = Digamma.of(Double(k)) + Digamma.of(Double(n)) - sum / Double(n)
        let estimate = try KSGEstimator(k: k).mutualInformation(rows, a, b)
        assertClose(estimate, definition, absolute: 1e-12, "KSG against its definition")
    }

    @Test func ksgMatchesClosedFormAcrossDimensions() throws {
        let ksg = try KSGEstimator(k: 3)
        // Scalar pair, n = 1,000: mean of 10 independent samples within 4 standard errors plus
        // a 0.01 allowance for KSG's small bias.
        let scalar = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.3, rhoTY: 0.2)
        let truth = -0.5 * log(1 - 0.36)
        let values = try (0..<10).map { r in
            try ksg.mutualInformation(SampleRows(Self.sample(scalar, 1000, seed: 100 + UInt64(r))), [0], [1])
        }
        let e = SampleStatistics.estimate(values), (mean, se) = (e.mean, e.standardError)
        #expect(abs(mean - truth) < 4 * se + 0.01, "KSG mean \(mean) +- \(se) vs \(truth)")

        let m = try Self.latentModel()
        // I(T;S) in 2 + 2 dimensions and I((T,S);Y) in 4 + 1, n = 10,000 and 5,000.
        let big = Self.sample(m, 10_000, seed: 1)
        let ts = GaussianInformation.mutualInformation(m.sigma, m.teacherIndices, m.studentIndices)
        #expect(abs(try ksg.mutualInformation(SampleRows(big), m.teacherIndices, m.studentIndices) - ts) < 0.03)
        let mid = Self.sample(m, 5000, seed: 2)
        let all = GaussianInformation.mutualInformation(m.sigma, [0, 1, 2, 3], [4])
        #expect(abs(try ksg.mutualInformation(SampleRows(mid), [0, 1, 2, 3], [4]) - all) < 0.04)
    }

    @Test func ksgAtOneHundredThousandRowsInThreeDimensions() throws {
        // (T, S) against Y: 2 + 1 dimensions; the sampling sd of KSG here is about 0.002.
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.5, rhoTY: 0.4)
        let data = Self.sample(m, 100_000, seed: 7)
        let truth = GaussianInformation.mutualInformation(m.sigma, [0, 1], [2])
        let estimate = try KSGEstimator(k: 3).mutualInformation(SampleRows(data), [0, 1], [2])
        #expect(abs(estimate - truth) < 0.01, "KSG \(estimate) vs \(truth)")
        let plugIn = try GaussianEstimator().mutualInformation(SampleRows(data), [0, 1], [2])
        #expect(abs(plugIn - truth) < 0.006, "plug-in \(plugIn) vs \(truth)")
    }

    @Test func ksgIsNearZeroForIndependentBlocksAndThreadIndependent() throws {
        let m = try JointGaussian(dt: 2, ds: 1, covariance: .identity(4))
        let data = Self.sample(m, 4000, seed: 5)
        let ksg = try KSGEstimator(k: 4)
        let parallel = try ksg.mutualInformation(SampleRows(data), [0, 1], [2, 3])
        let serial = try ksg.mutualInformation(SampleRows(data), [0, 1], [2, 3], parallel: false)
        #expect(parallel == serial)
        #expect(abs(parallel) < 0.02)
    }

    @Test func discreteLabelKSGMatchesQuadrature() throws {
        let m = try Self.latentModel()
        let data = Self.sample(m, 20_000, seed: 11, label: .sign)
        #expect(Set((0..<data.rows).map { data[$0, m.labelIndex] }) == [-1, 1])
        let ksg = try KSGEstimator(k: 3)
        for block in [m.studentIndices, m.teacherIndices] {
            let estimate = try ksg.mutualInformation(SampleRows(data), block, discrete: m.labelIndex)
            let exact = SignLabelInformation.mutualInformation(m, block: block)
            #expect(abs(estimate - exact) < 0.015, "block \(block): \(estimate) vs quadrature \(exact)")
        }
    }

    @Test func plugInCorrectionRemovesTheSmallSampleBias() throws {
        // n = 30 in 2 + 2 dimensions: the naive plug-in is biased upwards by about dA dB / (2n);
        // the corrected one is unbiased. 400 samples give a standard error near 0.004.
        let m = try Self.latentModel()
        let truth = GaussianInformation.mutualInformation(m.sigma, m.teacherIndices, m.studentIndices)
        var corrected: [Double] = [], naive: [Double] = []
        for r in 0..<400 {
            let rows = SampleRows(GaussianSampler(model: m).draw(30, from: RandomStream(seed: 77, ids: [UInt64(r)])))
            corrected.append(try GaussianEstimator().mutualInformation(rows, m.teacherIndices, m.studentIndices))
            naive.append(Self.naivePlugIn(rows, m.teacherIndices, m.studentIndices))
        }
        let c = SampleStatistics.estimate(corrected).mean, seC = SampleStatistics.estimate(corrected).standardError
        let n = SampleStatistics.estimate(naive).mean, seN = SampleStatistics.estimate(naive).standardError
        #expect(abs(c - truth) < 4 * seC, "corrected \(c) +- \(seC) vs \(truth)")
        #expect(n - truth > 4 * seN, "naive \(n) +- \(seN) should exceed \(truth)")
    }

    /// The naive plug-in, 1/2 ln( det S_A det S_B / det S_AB ) with S the sample scatter: the
    /// closed-form information of the scatter matrix (which a positive scale does not change).
    private static func naivePlugIn(_ rows: SampleRows, _ a: [Int], _ b: [Int]) -> Double {
        let scatter = GaussianEstimator.scatterMatrix(rows, a + b)
        return GaussianInformation.mutualInformation(scatter, Array(0..<a.count), Array(a.count..<(a.count + b.count)))
    }

    @Test func halfSamplingIntervalDescribesTheSamplingSpread() throws {
        // Plug-in gap at n = 400: the interval's implied sd (width / 3.92) against the sd of the
        // estimate over 40 independent samples (whose own relative error is about 11%).
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.5, rhoTY: 0.4)
        let columns = CCHColumns(model: m, label: .continuous)
        let estimator = try MIEstimatorKind.gaussian.estimator()
        var gaps: [Double] = [], impliedSD: [Double] = []
        for r in 0..<40 {
            let data = GaussianSampler(model: m).draw(400, from: RandomStream(seed: 21, ids: [UInt64(r)]))
            let estimate = try GapEstimate(SampleRows(data), columns, estimator: estimator)
            let interval = try GapResampling(data, columns, estimator: estimator, estimate: estimate,
                                             replicates: 80, seed: UInt64(r))
            let gap = try #require(interval.gap)
            #expect(gap.lower < estimate.gap! && estimate.gap! < gap.upper)
            gaps.append(try #require(estimate.gap))
            impliedSD.append((gap.upper - gap.lower) / 3.92)
        }
        let sd = SampleStatistics.estimate(gaps).standardError * 40.0.squareRoot()
        let ratio = impliedSD.reduce(0, +) / 40 / sd
        #expect(ratio > 0.75 && ratio < 1.45, "interval sd / sampling sd = \(ratio)")
    }

    @Test func resamplingIsReproducibleAndPaired() throws {
        let m = try Self.latentModel()
        let data = Self.sample(m, 600, seed: 4)
        let columns = CCHColumns(model: m, label: .continuous)
        let ksg = try MIEstimatorKind.ksg.estimator(k: 3)
        let estimate = try GapEstimate(SampleRows(data), columns, estimator: ksg)
        let a = try GapResampling(data, columns, estimator: ksg, estimate: estimate, replicates: 20, seed: 9)
        let b = try GapResampling(data, columns, estimator: ksg, estimate: estimate, replicates: 20, seed: 9)
        #expect(a.gap == b.gap && a.teacherStudent == b.teacherStudent)
        let half = GapResampling.halfSample(600, seed: 9, replicate: 3)
        #expect(half.count == 300 && Set(half).count == 300)
        #expect(half != GapResampling.halfSample(600, seed: 9, replicate: 4))
    }

    @Test func estimatorErrorsAreClear() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.5, rhoTY: 0.4)
        let tiny = SampleRows(Self.sample(m, 3, seed: 1))
        #expect(throws: EstimationError.tooFewSamples(estimator: "KSG (k = 3)", rows: 3, needed: 4)) {
            try KSGEstimator(k: 3).mutualInformation(tiny, [0], [1])
        }
        #expect(throws: EstimationError.tooFewSamples(estimator: "Gaussian plug-in", rows: 3, needed: 4)) {
            try GaussianEstimator().mutualInformation(tiny, [0, 1], [2])
        }
        #expect(throws: ParameterError.invalid(parameter: .neighbours, reason: "the number of neighbours must be at least 1, got 0")) { try KSGEstimator(k: 0) }
        var constant = Self.sample(m, 50, seed: 2)
        for r in 0..<50 { constant[r, 1] = 2 }
        #expect(throws: EstimationError.singularCovariance(block: "the columns [1]")) {
            try KSGEstimator().mutualInformation(SampleRows(constant), [0], [1])
        }
        var repeated = Self.sample(m, 50, seed: 3)
        for j in 0..<3 { repeated[10, j] = repeated[20, j] }
        #expect(throws: EstimationError.duplicatePoints(block: "the joint columns [0, 1]", rows: 2)) {
            try KSGEstimator(k: 1).mutualInformation(SampleRows(repeated), [0], [1])
        }
        let uncoded = SampleLabel.classes(column: 2, codes: nil)
        #expect(try GaussianEstimator().labelInformation(SampleRows(repeated), [0], uncoded, parallel: true) == nil)
        #expect(try !GaussianEstimator().handles(uncoded.kind) && !ProbeEstimator().handles(uncoded.kind) && KSGEstimator().handles(uncoded.kind))
        #expect(GaussianEstimator().handles(.codedClasses) && ProbeEstimator().handles(.codedClasses) && !ProbeEstimator().handles(.continuous))
    }
}

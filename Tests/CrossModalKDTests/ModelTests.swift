import CCHTestSupport
import CrossModalKD
import XCTest

final class ModelTests: XCTestCase {
    func testCorrelationsOutsideTheDeterminantConditionAreRejected() {
        XCTAssertThrowsError(try JointGaussian.correlations(rhoTS: 0.9, rhoSY: 0.9, rhoTY: -0.9)) { error in
            guard case .notPositiveDefinite(let p, let reason) = error as? ParameterError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, .correlations)
            XCTAssertTrue(reason.contains("1 + 2 rho_ts rho_sy rho_ty"), reason)
        }
        assertClose(JointGaussian.correlationDeterminant(rhoTS: 0.9, rhoSY: 0.9, rhoTY: -0.9), 1 - 2 * 0.729 - 3 * 0.81, absolute: 1e-15)
    }

    func testCorrelationOfOneIsRejectedByName() {
        XCTAssertThrowsError(try JointGaussian.correlations(rhoTS: 0.2, rhoSY: 1.0, rhoTY: 0.1)) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .rhoSY)
        }
    }

    func testCovarianceValidation() {
        let notSymmetric = Matrix([[1, 0.2, 0], [0.3, 1, 0], [0, 0, 1]])
        XCTAssertThrowsError(try JointGaussian(dt: 1, ds: 1, covariance: notSymmetric)) { error in
            XCTAssertTrue((error as? ParameterError)?.reason.contains("not symmetric") ?? false, "\(error)")
        }
        let notPD = Matrix([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
        XCTAssertThrowsError(try JointGaussian(dt: 1, ds: 1, covariance: notPD)) { error in
            guard case .notPositiveDefinite(let p, _) = error as? ParameterError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, .covariance)
        }
        XCTAssertThrowsError(try JointGaussian(dt: 2, ds: 1, covariance: .identity(3))) { error in
            XCTAssertTrue((error as? ParameterError)?.reason.contains("must be 4 x 4") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try JointGaussian(dt: 0, ds: 1, covariance: .identity(2)))
        var nan = Matrix.identity(3)
        nan[0, 1] = .nan
        nan[1, 0] = .nan
        XCTAssertThrowsError(try JointGaussian(dt: 1, ds: 1, covariance: nan))
    }

    func testLatentCovarianceIsLoadingsProductPlusNoise() throws {
        let at = Matrix([[1.0, 0.5]]), as_ = Matrix([[0.2, -1.0], [0.0, 2.0]])
        let m = try JointGaussian.latent(teacherLoadings: at, studentLoadings: as_, labelLoadings: [0.3, 0.4],
                                         teacherNoise: 0.5, studentNoise: 1.0, labelNoise: 2.0)
        XCTAssertEqual(m.dt, 1)
        XCTAssertEqual(m.ds, 2)
        // Hand-computed entries: Var T = 1 + 0.25 + 0.25, Cov(T, S2) = 1, Cov(S1, Y) = 0.06 - 0.4, Var Y = 0.25 + 4.
        assertClose(m.sigma[0, 0], 1.5, absolute: 1e-15)
        assertClose(m.sigma[0, 2], 1.0, absolute: 1e-15)
        assertClose(m.sigma[1, 3], -0.34, absolute: 1e-15)
        assertClose(m.sigma[3, 3], 4.25, absolute: 1e-15)
        assertClose(m.sigma[1, 1], 0.04 + 1 + 1, absolute: 1e-15)
    }

    func testLatentModelWithoutNoiseAndTooFewFactorsIsSingular() {
        XCTAssertThrowsError(try JointGaussian.latent(teacherLoadings: Matrix([[1.0]]), studentLoadings: Matrix([[1.0]]),
                                                      labelLoadings: [1.0], teacherNoise: 0, studentNoise: 0, labelNoise: 0)) { error in
            guard case .notPositiveDefinite = error as? ParameterError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try JointGaussian.latent(teacherLoadings: Matrix([[1.0, 2.0]]), studentLoadings: Matrix([[1.0]]),
                                                      labelLoadings: [1.0, 0.0], teacherNoise: 1, studentNoise: 1, labelNoise: 1)) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .studentLoadings)
        }
    }

    /// Sheppard's formula against counting sign agreements in a sample.
    func testSignAccuracyAgainstSampledSigns() throws {
        let m = try TestSupport.randomModel(dt: 1, ds: 3, seed: 3)
        let w = [0.7, -0.2, 0.4]
        let sampler = GaussianSampler(model: m)
        let draws = sampler.draw(200_000, from: RandomStream(seed: 99))
        var agree = 0
        for r in 0..<draws.rows {
            let pred = (0..<3).reduce(0.0) { $0 + w[$1] * draws[r, 1 + $1] }
            if (pred > 0) == (draws[r, 4] > 0) { agree += 1 }
        }
        let p = Double(agree) / Double(draws.rows)
        let exact = SignAccuracy.of(weights: w, in: m)
        XCTAssertEqual(p, exact, accuracy: 4 * (exact * (1 - exact) / Double(draws.rows)).squareRoot())
        XCTAssertEqual(SignAccuracy.of(weights: [0, 0, 0], in: m), 0.5)
    }

    /// The sampler reproduces Sigma (sample covariance within sampling error).
    func testSamplerCovariance() throws {
        let m = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let draws = GaussianSampler(model: m).draw(100_000, from: RandomStream(seed: 5))
        for (i, j) in [(0, 1), (1, 2), (0, 2), (2, 2)] {
            let c = (0..<draws.rows).reduce(0.0) { $0 + draws[$1, i] * draws[$1, j] } / Double(draws.rows)
            XCTAssertEqual(c, m.sigma[i, j], accuracy: 0.02)
        }
    }

    func testDerivedSeedsDependOnEveryIdentifier() {
        let a = RandomStream.derivedSeed(seed: 1, ids: [0, 0])
        XCTAssertNotEqual(a, RandomStream.derivedSeed(seed: 2, ids: [0, 0]))
        XCTAssertNotEqual(a, RandomStream.derivedSeed(seed: 1, ids: [1, 0]))
        XCTAssertNotEqual(a, RandomStream.derivedSeed(seed: 1, ids: [0, 1]))
        XCTAssertEqual(a, RandomStream.derivedSeed(seed: 1, ids: [0, 0]))
    }
}

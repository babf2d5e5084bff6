import CrossModalKD
import XCTest

/// Models and checks shared by the Monte Carlo tests.
enum MonteCarloFixtures {
    /// A random latent-factor model: k = dt + ds factors with standard normal loadings, a label on
    /// half of them, and noise levels drawn from `stream`. Covers shared, teacher-only and
    /// student-only directions without any structure the engine could rely on.
    static func latentModel(dt: Int, ds: Int, seed: UInt64) throws -> JointGaussian {
        let stream = RandomStream(seed: seed, ids: [0xF1])
        let k = dt + ds
        func loadings(_ rows: Int) -> Matrix {
            Matrix(rows: rows, cols: k, elements: (0..<(rows * k)).map { _ in stream.gaussian() / Double(k).squareRoot() })
        }
        let at = loadings(dt), as_ = loadings(ds)
        let beta = (0..<k).map { _ in stream.gaussian() }
        return try .latent(teacherLoadings: at, studentLoadings: as_, labelLoadings: beta,
                           teacherNoise: 0.3 + stream.uniform(), studentNoise: 0.3 + stream.uniform(),
                           labelNoise: 0.3 + stream.uniform())
    }

    /// Asserts |MC mean - analytic| <= sigmas * SE.
    static func assertAgrees(_ mc: MonteCarloEstimate, _ analytic: Double, sigmas: Double = 4, _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(mc.mean - analytic), sigmas * mc.standardError + 1e-12,
                                 "\(what): MC \(mc.mean) +- \(mc.standardError) vs analytic \(analytic) "
                                     + "(z = \((mc.mean - analytic) / mc.standardError))", file: file, line: line)
    }
}

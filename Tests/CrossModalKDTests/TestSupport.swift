import CrossModalKD
import XCTest

/// Helpers shared by the library tests: small random models and a plain OLS fit.
enum TestSupport {
    /// A random positive-definite covariance of order d: B B' / d + 0.3 I with B from `stream`.
    static func randomCovariance(_ d: Int, stream: RandomStream) -> Matrix {
        var b = Matrix(rows: d, cols: d)
        for i in 0..<(d * d) { b.elements[i] = stream.gaussian() }
        var c = (1.0 / Double(d)) * (b * b.transposed)
        for i in 0..<d { c[i, i] += 0.3 }
        return c.symmetrised
    }

    /// A random model with the given dimensions.
    static func randomModel(dt: Int, ds: Int, seed: UInt64) throws -> JointGaussian {
        try JointGaussian(dt: dt, ds: ds, covariance: randomCovariance(dt + ds + 1, stream: RandomStream(seed: seed)))
    }

    /// OLS (ridge gamma, objective (1/n)|y - Xw|^2 + gamma |w|^2) of column `y` on columns `x` of `data`.
    static func ridgeFit(_ data: Matrix, x: [Int], y: [Double], ridge gamma: Double = 0) throws -> [Double] {
        let n = data.rows
        let design = data.submatrix(rows: Array(0..<n), cols: x)
        var gram = (1.0 / Double(n)) * (design.transposed * design)
        for i in 0..<x.count { gram[i, i] += gamma }
        let rhs = Vec.scale(1.0 / Double(n), Vec.apply(design.transposed, y))
        return try Cholesky(gram).solve(rhs)
    }

    /// Column j of a matrix.
    static func column(_ m: Matrix, _ j: Int) -> [Double] { (0..<m.rows).map { m[$0, j] } }

    /// Exact test risk of student weights w: Var(Y|S) + (w - w*)' Sss (w - w*).
    static func testRisk(_ w: [Double], _ m: JointGaussian) -> Double {
        m.labelVarianceGivenStudent + Vec.quadratic(Vec.sub(w, m.bayesWeights), m.sss)
    }
}

/// A linear student with an intercept for a continuous label, trained with the quadratic KD
/// penalty of the theory: min_w (1/n) sum_i [ (1 - lambda)(y_i - w'x_i - b)^2 + lambda (u_i - w'x_i - b)^2 ]
/// + gamma |w|^2, i.e. ridge regression of the mixed target (1 - lambda) y + lambda u
/// (intercept not penalised). Closed form by Cholesky.
public struct LinearKD: Sendable {
    /// Weights, then the intercept.
    public let coefficients: [Double]

    /// Fits on `features` (n x d), targets `y`, teacher predictions `u` (nil: no KD).
    /// - Throws: `SampleError` for too few rows or a singular design.
    public init(features: Matrix, targets y: [Double], teacher u: [Double]?, lambda: Double, ridge: Double) throws {
        let n = features.rows, d = features.cols
        guard n >= 2, y.count == n, u.map({ $0.count == n }) ?? true else {
            throw SampleError("linear fit", "needs at least 2 rows and one target per row")
        }
        let z = u.map { u in zip(y, u).map { (1 - lambda) * $0 + lambda * $1 } } ?? y
        let meanZ = z.reduce(0, +) / Double(n)
        var means = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { means[j] += features[i, j] / Double(n) } }
        var gram = Matrix(rows: d, cols: d), cross = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for a in 0..<d {
                let xa = features[i, a] - means[a]
                cross[a] += xa * (z[i] - meanZ) / Double(n)
                for b in 0...a { gram[a, b] += xa * (features[i, b] - means[b]) / Double(n) }
            }
        }
        for a in 0..<d { gram[a, a] += ridge; for b in 0..<a { gram[b, a] = gram[a, b] } }
        let w: [Double]
        do { w = try Cholesky(gram).solve(cross) } catch {
            throw SampleError("linear fit", "the design is singular (add a ridge)")
        }
        coefficients = w + [meanZ - Vec.dot(w, means)]
    }

    /// Predictions for every row of `features`.
    public func predict(_ features: Matrix) -> [Double] {
        let d = features.cols
        return (0..<features.rows).map { i in
            var s = coefficients[d]
            for j in 0..<d { s += coefficients[j] * features[i, j] }
            return s
        }
    }

    /// Mean squared error on labelled rows.
    public func meanSquaredError(_ features: Matrix, _ y: [Double]) -> Double {
        let p = predict(features)
        return zip(p, y).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(1, y.count))
    }
}

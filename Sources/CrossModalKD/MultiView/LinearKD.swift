/// The theory's linear student (docs/theory.md section 3.2) fitted to data: no intercept, the
/// quadratic KD penalty, min_w (1/n) sum_i [ (1 - lambda)(y_i - w'x_i)^2 + lambda (u_i - w'x_i)^2 ]
/// + gamma |w|^2, i.e. ridge regression of the mixed target z = (1 - lambda) y + lambda u on x.
/// With gamma = 0 it is the OLS student of regimes 4(b)/4(c) (and, with lambda = 0, the OLS
/// teacher). No intercept because the theory's model is centred: `DistillationExperiment` centres
/// the views and the label over all rows before fitting it
/// (docs/real-data.md, "The theory beside the measurement"). Closed form by Cholesky.
public struct LinearKD: Sendable {
    /// The weights w, one per feature.
    public let coefficients: [Double]

    /// Fits on `features` (n x d), targets `y`, teacher predictions `u` (nil: no KD).
    /// - Throws: `SampleError` for mismatched lengths or a singular system (with gamma = 0: fewer
    ///   independent rows than features).
    public init(features: Matrix, targets y: [Double], teacher u: [Double]?, lambda: Double, ridge: Double) throws {
        let n = features.rows, d = features.cols
        guard n >= 1, y.count == n, u.map({ $0.count == n }) ?? true else {
            throw SampleError("linear fit", "needs at least 1 row and one target per row")
        }
        let z = u.map { u in zip(y, u).map { (1 - lambda) * $0 + lambda * $1 } } ?? y
        var gram = Matrix(rows: d, cols: d), cross = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for a in 0..<d {
                let xa = features[i, a]
                cross[a] += xa * z[i] / Double(n)
                for b in 0...a { gram[a, b] += xa * features[i, b] / Double(n) }
            }
        }
        for a in 0..<d { gram[a, a] += ridge; for b in 0..<a { gram[b, a] = gram[a, b] } }
        do { coefficients = try Cholesky(gram).solve(cross) } catch {
            throw SampleError("linear fit",
                              "the least-squares system of \(n) rows and \(d) components is singular (OLS needs more independent rows than components)")
        }
    }

    /// Predictions for every row of `features`.
    public func predict(_ features: Matrix) -> [Double] {
        (0..<features.rows).map { i in
            var s = 0.0
            for j in 0..<features.cols { s += coefficients[j] * features[i, j] }
            return s
        }
    }

    /// Mean squared error on labelled rows.
    public func meanSquaredError(_ features: Matrix, _ y: [Double]) -> Double {
        let p = predict(features)
        return zip(p, y).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(1, y.count))
    }
}

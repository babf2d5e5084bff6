import CGSL
import Foundation

/// Multinomial logistic regression (softmax) with an intercept, trained on hard class labels mixed
/// with a teacher's temperature-softened class probabilities (Hinton's KD loss):
///
///     L(W) = (1/n) sum_i [ (1 - lambda) CE(e_{y_i}, p_i) + lambda tau^2 CE(q_i, p_i^tau) ] + gamma |W|^2,
///
/// p_i = softmax(z_i), p_i^tau = softmax(z_i / tau), z_i = W x_i (x_i with a trailing 1 for the
/// intercept, which is not penalised), q_i the teacher's soft targets at tau. CE(q, p) differs from
/// KL(q || p) by the entropy of q, a constant, so L has the minimiser of the KL form.
///
/// Identifiability: the last class's weights are fixed at 0, so W has (K - 1) x (d + 1) free
/// entries. L is convex; in the logits its gradient is (1 - lambda)(p - e_y) + lambda tau
/// (p^tau - q) and its Hessian (1 - lambda)(diag p - p p') + lambda (diag p^tau - p^tau p^tau'),
/// each times x x' in the weights. With gamma > 0 it is strictly convex in the penalised weights
/// and Newton's method (Cholesky solve, Armijo backtracking) converges to the unique minimiser in
/// a few steps on k-dimensional representations. The fit stops when the Newton decrement
/// g'H^-1 g / 2 (the objective's excess over its minimum, to second order) is below 1e-12.
public struct SoftmaxKD: Sendable {
    /// Training inputs, n x d.
    public let features: Matrix
    /// Class indices in 0..<classes.
    public let labels: [Int]
    public let classes: Int
    /// The teacher's soft targets at the temperature, n x classes (rows sum to 1), or nil (no KD).
    public let softTargets: Matrix?
    /// Weight lambda in [0, 1] of the KD term (0 without soft targets).
    public let lambda: Double
    /// Temperature tau > 0.
    public let temperature: Double
    /// L2 penalty gamma > 0 on the weights (not the intercepts).
    public let ridge: Double

    /// Newton iterations at most.
    public static let iterationCap = 200
    /// Stop when the Newton decrement is below this times max(1, |L|).
    public static let tolerance = 1e-12

    /// - Throws: `SampleError` for fewer than 2 classes or mismatched shapes, `ParameterError` for
    ///   lambda, the temperature or the ridge out of range.
    public init(features: Matrix, labels: [Int], classes: Int, softTargets: Matrix? = nil, lambda: Double = 0,
                temperature: Double = 1, ridge: Double) throws {
        guard classes >= 2 else { throw SampleError("classes", "needs at least 2 classes, got \(classes)") }
        guard features.rows >= 1, labels.count == features.rows, labels.allSatisfy({ (0..<classes).contains($0) }) else {
            throw SampleError("softmax fit", "needs one label in 0..<\(classes) per feature row")
        }
        if let q = softTargets {
            guard q.rows == features.rows, q.cols == classes else {
                throw SampleError("softmax fit", "soft targets must be \(features.rows) x \(classes)")
            }
        }
        try ParameterError.checkLambda(lambda)
        guard temperature.isFinite, temperature > 0 else { throw ParameterError.invalid(parameter: .temperature, reason: "must be > 0, got \(temperature)") }
        guard ridge.isFinite, ridge > 0 else { throw ParameterError.invalid(parameter: .studentRidge, reason: "must be > 0 (separable classes have no finite optimum without it), got \(ridge)") }
        self.features = features
        self.labels = labels
        self.classes = classes
        self.softTargets = softTargets
        self.lambda = softTargets == nil ? 0 : lambda
        self.temperature = temperature
        self.ridge = ridge
    }

    /// Number of free parameters per class: the weights and the intercept.
    var width: Int { features.cols + 1 }

    /// The objective at the free parameters `theta` ((K - 1) x (d + 1), row-major).
    public func objective(_ theta: [Double]) -> Double {
        let n = features.rows, k = classes
        var z = [Double](repeating: 0, count: k), pt = z
        var total = 0.0
        for i in 0..<n {
            logits(theta, row: i, into: &z)
            let logNorm = Self.logSumExp(z)
            var loss = (1 - lambda) * (logNorm - z[labels[i]])
            if lambda > 0, let q = softTargets {
                let t = temperature
                for c in 0..<k { pt[c] = z[c] / t }
                let logNormT = Self.logSumExp(pt)
                var ce = 0.0
                for c in 0..<k { ce += q[i, c] * (logNormT - pt[c]) }
                loss += lambda * t * t * ce
            }
            total += loss
        }
        return total / Double(n) + ridge * penalty(theta)
    }

    /// The gradient of `objective` at `theta`.
    public func gradient(_ theta: [Double]) -> [Double] { derivatives(theta, hessian: false).gradient }

    /// The minimiser, by Newton's method from `start` (a model of the same shape, e.g. the fit
    /// at another lambda; nil: all weights 0). The minimiser is unique, so the start changes only
    /// the number of iterations.
    public func fit(from start: SoftmaxModel? = nil) -> SoftmaxModel {
        let m = (classes - 1) * width
        var theta = [Double](repeating: 0, count: m)
        if let start, start.weights.rows == classes, start.weights.cols == width {
            for a in 0..<(classes - 1) { for j in 0..<width { theta[a * width + j] = start.weights[a, j] } }
        }
        var value = objective(theta)
        var iterations = 0, converged = false
        while iterations < Self.iterationCap {
            iterations += 1
            let (g, h) = derivatives(theta, hessian: true)
            guard let factor = try? Cholesky(h) else { break }
            let step = factor.solve(g).map { -$0 }
            let slope = Vec.dot(g, step)
            if -slope / 2 <= Self.tolerance * max(1, abs(value)) {
                theta = Vec.add(theta, step)
                converged = true
                break
            }
            var t = 1.0, next = Vec.add(theta, step), nextValue = objective(next)
            while nextValue > value + 1e-4 * t * slope && t > 1e-10 {
                t *= 0.5
                next = Vec.add(theta, Vec.scale(t, step))
                nextValue = objective(next)
            }
            guard nextValue <= value else { break }
            theta = next
            value = nextValue
        }
        var weights = Matrix(rows: classes, cols: width)
        for a in 0..<(classes - 1) { for j in 0..<width { weights[a, j] = theta[a * width + j] } }
        return SoftmaxModel(weights: weights, iterations: iterations, converged: converged)
    }

    // MARK: Internals

    private func penalty(_ theta: [Double]) -> Double {
        var s = 0.0
        for a in 0..<(classes - 1) { for j in 0..<(width - 1) { s += theta[a * width + j] * theta[a * width + j] } }
        return s
    }

    private func logits(_ theta: [Double], row i: Int, into z: inout [Double]) {
        let d = features.cols, w = width
        for a in 0..<(classes - 1) {
            var s = theta[a * w + d]
            for j in 0..<d { s += theta[a * w + j] * features[i, j] }
            z[a] = s
        }
        z[classes - 1] = 0
    }

    /// Gradient and (optionally) Hessian of the objective in the free parameters.
    private func derivatives(_ theta: [Double], hessian wantHessian: Bool) -> (gradient: [Double], hessian: Matrix) {
        let n = features.rows, k = classes, free = k - 1, w = width, d = features.cols, m = free * w
        // The Hessian is sum_i Hz_i (x) x_i x_i': every block (a, b) is a weighted Gram matrix,
        // symmetric in (r, c). `sums` holds, per class pair b <= a, the lower triangle r >= c.
        let pairCount = free * (free + 1) / 2, triangle = w * (w + 1) / 2
        var g = [Double](repeating: 0, count: m)
        // Row i's pair weights Hz_i[a, b] and products x_r x_c; their product over rows (BLAS) is `sums`.
        var weightsByRow = [Double](repeating: 0, count: wantHessian ? n * pairCount : 0)
        var productsByRow = [Double](repeating: 0, count: wantHessian ? n * triangle : 0)
        var z = [Double](repeating: 0, count: k), p = z, zt = z, pt = z
        var x = [Double](repeating: 1, count: w)
        var gz = [Double](repeating: 0, count: free)
        let t = temperature
        for i in 0..<n {
            for j in 0..<d { x[j] = features[i, j] }
            logits(theta, row: i, into: &z)
            Self.softmax(z, into: &p)
            for a in 0..<free { gz[a] = (1 - lambda) * (p[a] - (labels[i] == a ? 1 : 0)) }
            if lambda > 0, let q = softTargets {
                for c in 0..<k { zt[c] = z[c] / t }
                Self.softmax(zt, into: &pt)
                for a in 0..<free { gz[a] += lambda * t * (pt[a] - q[i, a]) }
            }
            for a in 0..<free { let ga = gz[a]; for j in 0..<w { g[a * w + j] += ga * x[j] } }
            guard wantHessian else { continue }
            var pair = 0
            for a in 0..<free {
                for b in 0...a {
                    var v = (1 - lambda) * ((a == b ? p[a] : 0) - p[a] * p[b])
                    if lambda > 0 { v += lambda * ((a == b ? pt[a] : 0) - pt[a] * pt[b]) }
                    weightsByRow[i * pairCount + pair] = v
                    pair += 1
                }
            }
            var e = i * triangle
            for r in 0..<w { for c in 0...r { productsByRow[e] = x[r] * x[c]; e += 1 } }
        }
        let scale = 1 / Double(n)
        for a in 0..<free {
            for j in 0..<w {
                g[a * w + j] = g[a * w + j] * scale + (j < d ? 2 * ridge * theta[a * w + j] : 0)
            }
        }
        guard wantHessian else { return (g, Matrix(rows: 0, cols: 0)) }
        var sums = [Double](repeating: 0, count: pairCount * triangle)
        weightsByRow.withUnsafeBufferPointer { vp in
            productsByRow.withUnsafeBufferPointer { xp in
                sums.withUnsafeMutableBufferPointer { sp in
                    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(pairCount), Int32(triangle), Int32(n), 1,
                                vp.baseAddress, Int32(pairCount), xp.baseAddress, Int32(triangle), 0, sp.baseAddress, Int32(triangle))
                }
            }
        }
        var h = Matrix(rows: m, cols: m)
        var pair = 0
        for a in 0..<free {
            for b in 0...a {
                var e = 0
                for r in 0..<w {
                    for c in 0...r {
                        let v = sums[pair * triangle + e] * scale
                        h[a * w + r, b * w + c] = v
                        h[a * w + c, b * w + r] = v
                        h[b * w + c, a * w + r] = v
                        h[b * w + r, a * w + c] = v
                        e += 1
                    }
                }
                pair += 1
            }
            for j in 0..<d { h[a * w + j, a * w + j] += 2 * ridge }
        }
        return (g, h)
    }

    /// ln sum exp(z), without overflow.
    static func logSumExp(_ z: [Double]) -> Double {
        let top = z.max() ?? 0
        var s = 0.0
        for v in z { s += exp(v - top) }
        return top + log(s)
    }

    /// softmax(z) into `p` (same length).
    static func softmax(_ z: [Double], into p: inout [Double]) {
        let top = z.max() ?? 0
        var s = 0.0
        for (c, v) in z.enumerated() { let e = exp(v - top); p[c] = e; s += e }
        for c in 0..<p.count { p[c] /= s }
    }
}

/// A fitted softmax model: class scores z = W x + b with the last class's row 0.
public struct SoftmaxModel: Sendable, Equatable {
    /// classes x (d + 1): weights, then the intercept in the last column.
    public let weights: Matrix
    /// Newton iterations taken.
    public let iterations: Int
    /// Whether the Newton decrement fell below the tolerance.
    public let converged: Bool

    /// Logits of every row of `features` (rows x classes).
    public func logits(_ features: Matrix) -> Matrix {
        let k = weights.rows, d = features.cols
        precondition(d + 1 == weights.cols, "feature width does not match the model")
        var out = Matrix(rows: features.rows, cols: k)
        for i in 0..<features.rows {
            for c in 0..<k {
                var s = weights[c, d]
                for j in 0..<d { s += weights[c, j] * features[i, j] }
                out[i, c] = s
            }
        }
        return out
    }

    /// softmax(logits / temperature) of every row.
    public func probabilities(_ features: Matrix, temperature: Double = 1) -> Matrix {
        var z = logits(features)
        var row = [Double](repeating: 0, count: z.cols), p = row
        for i in 0..<z.rows {
            for c in 0..<z.cols { row[c] = z[i, c] / temperature }
            SoftmaxKD.softmax(row, into: &p)
            for c in 0..<z.cols { z[i, c] = p[c] }
        }
        return z
    }

    /// Test accuracy (argmax, ties to the lower class index) and mean cross-entropy (nats) on
    /// labelled rows.
    public func evaluate(_ features: Matrix, labels: [Int]) -> ClassifierScore {
        let z = logits(features)
        var correct = 0, ce = 0.0
        var row = [Double](repeating: 0, count: z.cols)
        for i in 0..<z.rows {
            for c in 0..<z.cols { row[c] = z[i, c] }
            var best = 0
            for c in 1..<z.cols where row[c] > row[best] { best = c }
            if best == labels[i] { correct += 1 }
            ce += SoftmaxKD.logSumExp(row) - row[labels[i]]
        }
        let n = Double(max(1, z.rows))
        return ClassifierScore(accuracy: Double(correct) / n, crossEntropy: ce / n)
    }
}

/// How a classifier does on labelled rows.
public struct ClassifierScore: Sendable, Equatable {
    /// Fraction of rows classified correctly.
    public let accuracy: Double
    /// Mean -ln p(y | x), nats.
    public let crossEntropy: Double

    public init(accuracy: Double, crossEntropy: Double) {
        self.accuracy = accuracy
        self.crossEntropy = crossEntropy
    }

    /// The score of class probabilities (rows x classes, each row summing to 1) against `labels`:
    /// the most probable class (the first on a tie) and -ln p(y). For a prediction that is not one
    /// model's, e.g. an ensemble's mean probabilities.
    public init(probabilities p: Matrix, labels: [Int]) {
        var correct = 0, ce = 0.0
        for i in 0..<p.rows {
            var best = 0
            for c in 1..<p.cols where p[i, c] > p[i, best] { best = c }
            if best == labels[i] { correct += 1 }
            ce -= Foundation.log(p[i, labels[i]])
        }
        let n = Double(max(1, p.rows))
        self.init(accuracy: Double(correct) / n, crossEntropy: ce / n)
    }
}

import Foundation

/// Estimators of I(S;Y) for a class label Y with K classes (nats), on top of KSG for a discrete
/// label (`KSGEstimator`, Ross 2014). Both are bounded by the empirical label entropy H(Y) <= ln K,
/// unlike the Gaussian log-det formula 1/2 ln det Cov(S) - 1/2 ln det(pooled within-class Cov),
/// which is not a mutual information for a class label and exceeds ln K on real data
/// (docs/real-data.md).
public enum ClassLabelInformation {
    /// The empirical entropy of `labels` restricted to `rows`, nats.
    public static func labelEntropy(_ labels: [Int], classes: Int, rows: [Int]) -> Double {
        var counts = [Int](repeating: 0, count: classes)
        for r in rows { counts[labels[r]] += 1 }
        let n = Double(rows.count)
        return counts.reduce(0.0) { h, c in c == 0 ? h : h - Double(c) / n * log(Double(c) / n) }
    }

    /// The Gaussian class-conditional estimate: fit class means, one pooled covariance and the
    /// class frequencies on `rows` (linear discriminant analysis), then
    /// I = H(Y) - mean_i H(p(. | s_i)) with p(y | s) the fitted posterior. In [0, H(Y)].
    /// - Throws: when the pooled covariance is singular (fewer rows than classes + dimensions).
    public static func gaussianPosterior(_ scores: Matrix, labels: [Int], classes: Int, rows: [Int]) throws -> Double {
        let d = scores.cols, n = rows.count
        var counts = [Int](repeating: 0, count: classes)
        var means = Matrix(rows: classes, cols: d)
        for r in rows {
            counts[labels[r]] += 1
            for j in 0..<d { means[labels[r], j] += scores[r, j] }
        }
        for c in 0..<classes where counts[c] > 0 { for j in 0..<d { means[c, j] /= Double(counts[c]) } }
        let present = (0..<classes).filter { counts[$0] > 0 }
        guard n > present.count + d else {
            throw SampleError("gaussian posterior", "needs more than \(present.count + d) rows, got \(n)")
        }
        var pooled = Matrix(rows: d, cols: d)
        var x = [Double](repeating: 0, count: d)
        for r in rows {
            for j in 0..<d { x[j] = scores[r, j] - means[labels[r], j] }
            for a in 0..<d { for b in 0...a { pooled[a, b] += x[a] * x[b] } }
        }
        for a in 0..<d { for b in 0...a { let v = pooled[a, b] / Double(n - present.count); pooled[a, b] = v; pooled[b, a] = v } }
        let factor: Cholesky
        do { factor = try Cholesky(pooled) } catch {
            throw SampleError("gaussian posterior", "the pooled within-class covariance is singular")
        }
        // Discriminant of class c: mu_c' P s - mu_c' P mu_c / 2 + ln pi_c, P = pooled^-1.
        var directions: [[Double]] = [], offsets: [Double] = []
        for c in present {
            let mu = (0..<d).map { means[c, $0] }
            let a = factor.solve(mu)
            directions.append(a)
            offsets.append(-0.5 * Vec.dot(mu, a) + log(Double(counts[c]) / Double(n)))
        }
        var meanEntropy = 0.0
        var z = [Double](repeating: 0, count: present.count), p = z
        for r in rows {
            for j in 0..<d { x[j] = scores[r, j] }
            for (m, a) in directions.enumerated() { z[m] = Vec.dot(a, x) + offsets[m] }
            SoftmaxKD.softmax(z, into: &p)
            for v in p where v > 0 { meanEntropy -= v * log(v) }
        }
        return labelEntropy(labels, classes: classes, rows: rows) - meanEntropy / Double(n)
    }

    /// The held-out cross-entropy lower bound: a softmax classifier (ridge `ridge`) is fitted on
    /// all but one of `folds` parts of `rows` and scored on the part left out;
    /// I >= H(Y) - CE_held-out, with H(Y) the empirical label entropy of `rows`. A lower bound up
    /// to estimation error (it can be negative when the classifier is worse than the priors).
    /// Folds are a permutation of `rows` drawn from the stream (seed, [tag]): the same for any
    /// thread count.
    public static func heldOutBound(_ scores: Matrix, labels: [Int], classes: Int, rows: [Int], folds: Int,
                                    ridge: Double, seed: UInt64) throws -> Double {
        guard folds >= 2, rows.count >= folds else {
            throw ParameterError.invalid(parameter: .folds, reason: "needs at least 2 folds and a row per fold, got \(folds) folds of \(rows.count) rows")
        }
        let stream = RandomStream(seed: seed, ids: [probeStreamTag])
        var order = rows
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, stream.index(below: i + 1)) }
        var totalCE = 0.0
        for f in 0..<folds {
            let test = order.enumerated().filter { $0.offset % folds == f }.map(\.element)
            let train = order.enumerated().filter { $0.offset % folds != f }.map(\.element)
            let model = try SoftmaxKD(features: scores.selectingRows(train), labels: train.map { labels[$0] },
                                      classes: classes, ridge: ridge).fit()
            totalCE += model.evaluate(scores.selectingRows(test), labels: test.map { labels[$0] }).crossEntropy * Double(test.count)
        }
        return labelEntropy(labels, classes: classes, rows: rows) - totalCE / Double(rows.count)
    }

    /// Stream tag of the probe's folds ("mv-probe").
    static let probeStreamTag: UInt64 = 0x6D76_2D70_726F_6265
}

extension Matrix {
    /// The given rows, in that order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var out = Matrix(rows: indices.count, cols: cols)
        for (r, i) in indices.enumerated() { for j in 0..<cols { out[r, j] = self[i, j] } }
        return out
    }

    /// The columns side by side: [self | other] (equal row counts).
    public func joinedColumns(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows, "joining columns of matrices with unequal row counts")
        var out = Matrix(rows: rows, cols: cols + other.cols)
        for i in 0..<rows {
            for j in 0..<cols { out[i, j] = self[i, j] }
            for j in 0..<other.cols { out[i, cols + j] = other[i, j] }
        }
        return out
    }
}

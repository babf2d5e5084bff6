import Foundation

/// The entropy of a coded class label, which bounds every estimate of the information about it
/// (the Gaussian posterior of `GaussianEstimator`, the probe's held-out bound).
public enum ClassLabelInformation {
    /// The empirical entropy of `labels` restricted to `rows`, nats.
    public static func labelEntropy(_ labels: [Int], classes: Int, rows: [Int]) -> Double {
        var counts = [Int](repeating: 0, count: classes)
        for r in rows { counts[labels[r]] += 1 }
        let n = Double(rows.count)
        return counts.reduce(0.0) { h, c in c == 0 ? h : h - Double(c) / n * log(Double(c) / n) }
    }
}

extension Matrix {
    /// The given rows, in that order.
    public func selectingRows(_ indices: [Int]) -> Matrix { selecting(rows: indices, columns: Array(0..<cols)) }

    /// The given rows, in that order, of the given columns, in that order.
    public func selecting(rows indices: [Int], columns: [Int]) -> Matrix {
        var out = Matrix(rows: indices.count, cols: columns.count)
        for (r, i) in indices.enumerated() { for (j, c) in columns.enumerated() { out[r, j] = self[i, c] } }
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

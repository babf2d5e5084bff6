/// The rows of a data matrix that an estimate uses: all rows, or a subset (e.g. a half-sample
/// of a resampling interval).
public struct SampleRows: Sendable {
    /// The data: one row per observation, columns as the caller's index sets name them.
    public let data: Matrix
    /// Distinct indices into `data`'s rows, in use order.
    public let indices: [Int]

    /// Every row of `data` once.
    public init(_ data: Matrix) {
        self.data = data
        indices = Array(0..<data.rows)
    }

    /// The given rows of `data`; the indices must be distinct and lie in 0..<data.rows.
    public init(_ data: Matrix, indices: [Int]) {
        precondition(indices.allSatisfy { $0 >= 0 && $0 < data.rows } && Set(indices).count == indices.count,
                     "SampleRows: indices must be distinct rows of the data")
        self.data = data
        self.indices = indices
    }

    /// Number of rows in use.
    public var count: Int { indices.count }

    /// 2^-e with 2^e the binade of the column's largest magnitude over the used rows (1 for a zero
    /// column): multiplying by it is exact and brings the column below 1 in magnitude, so sums of
    /// squares cannot overflow however large the data (up to the largest double).
    func binaryScale(of column: Int) -> Double {
        var largest = 0.0
        for i in indices { largest = max(largest, abs(data[i, column])) }
        return Self.binaryScale(largestMagnitude: largest)
    }

    /// 2^-e with 2^e the binade of `largest` (1 for zero or a non-finite value): the exact scale
    /// that brings numbers of magnitude at most `largest` below 1 (`binaryScale(of:)`; the data
    /// path scales each feature column by it before its principal components).
    public static func binaryScale(largestMagnitude largest: Double) -> Double {
        guard largest > 0, largest.isFinite else { return 1 }
        return Double(sign: .plus, exponent: -largest.exponent - 1, significand: 1)
    }

    /// The columns `columns` of the used rows, each centred and scaled to unit sample variance,
    /// row-major (computed on the column times its `binaryScale`, which gives the same numbers
    /// without overflow). - Throws: `singularCovariance` for a constant column.
    func standardized(_ columns: [Int], block: String) throws(EstimationError) -> [Double] {
        let d = columns.count, n = indices.count
        var out = [Double](repeating: 0, count: n * d)
        for (j, col) in columns.enumerated() {
            let scale = binaryScale(of: col)
            var mean = 0.0
            for i in indices { mean += data[i, col] * scale }
            mean /= Double(n)
            var ss = 0.0
            for i in indices { let x = data[i, col] * scale - mean; ss += x * x }
            let sd = (ss / Double(max(1, n - 1))).squareRoot()
            guard sd > 0, sd.isFinite else { throw .singularCovariance(block: block) }
            for (r, i) in indices.enumerated() { out[r * d + j] = (data[i, col] * scale - mean) / sd }
        }
        return out
    }
}

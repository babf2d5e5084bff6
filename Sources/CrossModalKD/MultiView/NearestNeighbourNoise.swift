/// The noise that makes tied data usable by the nearest-neighbour (KSG) estimators, by the
/// convention of scikit-learn's `mutual_info_classif` and `mutual_info_regression` (after Kraskov
/// et al. 2004, section II): each column x_j gets  scale * max(1, mean_i |x_ij| / s_j) * s_j * z_ij,
/// z_ij standard normal and s_j the column's population standard deviation (1 for a constant
/// column), i.e. scikit-learn's 1e-10 * max(1, mean|x|) on the column scaled to unit variance.
///
/// KSG measures distances to the k-th nearest neighbour; when a row of its space occurs more than
/// k times that distance is 0 and the estimator is undefined (integer pixels, counts, Likert
/// scores, one-hot columns, repeated rows). The noise, 1e-10 of a column's spread, separates the
/// tied rows and leaves every other distance as it was to about ten digits. It is added only to a
/// quantity whose sample has such a row (`needed`), so estimates on continuous data stay those of
/// plain KSG. Drawn from the stream (seed, [tag] + ids): the same noise for any thread count.
public enum NearestNeighbourNoise {
    /// The noise's size relative to a column's spread (scikit-learn's).
    public static let scale = 1e-10

    /// Stream tag of the noise ("mv-noise").
    static let streamTag: UInt64 = 0x6D76_2D6E_6F69_7365

    /// Whether some row of `m` (restricted to `columns`) occurs more than `k` times, so that its
    /// k-th nearest neighbour is at distance 0 (0 and -0 count as equal).
    public static func needed(_ m: Matrix, columns: [Int], k: Int) -> Bool {
        var counts: [[UInt64]: Int] = [:]
        for i in 0..<m.rows {
            let key = columns.map { j in m[i, j] == 0 ? 0 : m[i, j].bitPattern }
            let count = counts[key, default: 0] + 1
            if count > k { return true }
            counts[key] = count
        }
        return false
    }

    /// `m` with the noise added to `columns`, drawn row by row from the stream (seed, [tag] + ids).
    public static func added(to m: Matrix, columns: Range<Int>, seed: UInt64, ids: [UInt64]) -> Matrix {
        var out = m
        let n = Double(m.rows)
        let amplitude = columns.map { j -> Double in
            var sum = 0.0, absolute = 0.0
            for i in 0..<m.rows { sum += m[i, j]; absolute += abs(m[i, j]) }
            let mean = sum / n
            var squares = 0.0
            for i in 0..<m.rows { squares += (m[i, j] - mean) * (m[i, j] - mean) }
            let sd = (squares / n).squareRoot()
            let unit = sd > 0 && sd.isFinite ? sd : 1
            return scale * max(1, absolute / n / unit) * unit
        }
        let stream = RandomStream(seed: seed, ids: [streamTag] + ids)
        for i in 0..<m.rows {
            for (c, j) in columns.enumerated() { out[i, j] += amplitude[c] * stream.gaussian() }
        }
        return out
    }
}

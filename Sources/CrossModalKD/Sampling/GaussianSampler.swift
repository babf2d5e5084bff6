/// Draws samples of V = (T, S, Y) ~ N(0, Sigma) as L x with x standard normal (L the Cholesky factor).
public struct GaussianSampler: Sendable {
    /// Dimension dt + ds + 1.
    public let dimension: Int
    /// Lower-triangular L, row-major, zeros above the diagonal.
    private let lower: [Double]

    public init(model: JointGaussian) {
        self.init(lowerFactor: model.cholesky.lower)
    }

    /// A sampler of N(0, L L') for a square lower-triangular factor L, e.g. of a model's covariance
    /// in another variable order (rows are then L x in that order).
    public init(lowerFactor l: Matrix) {
        precondition(l.isSquare, "GaussianSampler needs a square factor")
        dimension = l.rows
        lower = l.elements
    }

    /// `count` draws as a count x d row-major matrix (columns T..., S..., Y for a model's sampler),
    /// row by row, each row from d consecutive standard normals of `stream`.
    public func draw(_ count: Int, from stream: RandomStream) -> Matrix {
        var out = Matrix(rows: count, cols: dimension)
        var x = [Double](repeating: 0, count: dimension)
        out.elements.withUnsafeMutableBufferPointer { o in
            lower.withUnsafeBufferPointer { l in
                for r in 0..<count {
                    for j in 0..<dimension { x[j] = stream.gaussian() }
                    let base = r * dimension
                    for i in 0..<dimension {
                        var s = 0.0
                        for j in 0...i { s += l[i * dimension + j] * x[j] }
                        o[base + i] = s
                    }
                }
            }
        }
        return out
    }
}

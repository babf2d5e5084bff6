import CrossModalKD

/// A planted latent-factor data set, the shape of omics views: n rows of r standard-normal factors
/// F; view v is F A_v' + unit noise with a p_v x r loading matrix A_v whose columns have squared
/// norms `spikes` (largest first). With spikes well above sqrt(p_v / n) (the detection threshold
/// of PCA on p_v noise columns) the leading r principal components of each view are separated
/// from the rest by a spectral gap. The label is the class of the sign of the first factor.
public struct PlantedFactors {
    /// rows x r.
    public let factors: Matrix
    /// One rows x p_v matrix per view.
    public let views: [Matrix]

    public init(rows n: Int, widths: [Int], spikes: [Double], seed: UInt64) {
        let stream = RandomStream(seed: seed)
        let r = spikes.count
        var f = Matrix(rows: n, cols: r)
        for i in 0..<n { for c in 0..<r { f[i, c] = stream.gaussian() } }
        factors = f
        views = widths.map { p in
            var a = Matrix(rows: p, cols: r)
            for j in 0..<p { for c in 0..<r { a[j, c] = stream.gaussian() * (spikes[c] / Double(p)).squareRoot() } }
            var x = Matrix(rows: n, cols: p)
            for i in 0..<n {
                for j in 0..<p {
                    var s = stream.gaussian()
                    for c in 0..<r { s += f[i, c] * a[j, c] }
                    x[i, j] = s
                }
            }
            return x
        }
    }

    public var rows: Int { factors.rows }

    /// 1 when the first factor is positive, else 0.
    public var signClasses: [Int] { (0..<rows).map { factors[$0, 0] > 0 ? 1 : 0 } }

    /// A view as CSV (header `prefix1, ...`), numbers written to round-trip exactly.
    public func csv(view v: Int, prefix: String) -> String {
        let x = views[v]
        let header = (0..<x.cols).map { "\(prefix)\($0 + 1)" }.joined(separator: ",")
        let lines = (0..<x.rows).map { i in (0..<x.cols).map { "\(x[i, $0])" }.joined(separator: ",") }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}

/// The largest sizes cchsim accepts: every integer from input that sizes memory, counts work or
/// enters integer arithmetic has a ceiling here, and the scenario decoder and the command-line
/// options check against it before anything is built or allocated. A value above its ceiling is
/// an error naming the key (or option), the ceiling and, for samples held in memory, the memory
/// the value would need (docs/robustness.md, "Size limits").
///
/// Why ceilings and not "whatever fits": Swift traps on integer overflow and aborts on a failed
/// allocation, so a size near 2^63 (a dimension d with d + 1 overflowing, n rows of d numbers
/// with n d overflowing) or a sample of terabytes would crash instead of failing cleanly. With
/// every dimension at most 10^3 and every count at most 10^12, a product of a count and two
/// dimensions stays below 10^18 < 2^63, and every count is exact as a Double (< 2^53).
public enum SizeLimits {
    /// Dimensions dt, ds and latent factors k (loading rows and columns): at most 1,000 each. The
    /// covariance has (dt + ds + 1)^2 entries (at most 24 MB) and its Cholesky factorisation takes
    /// seconds at this size.
    public static let maximumDimension = 1_000

    /// Sample sizes that enter formulas or are drawn row by row without being kept (student and
    /// teacher n, a test set's test_n, estimation sample sizes): at most 10^12.
    public static let maximumSampleSize = 1_000_000_000_000

    /// Bytes of one sample held in memory at once (rows x numbers per row, 8 bytes each): 1 GiB.
    /// The estimators and fits that work on it need a few times this (copies, neighbour trees).
    public static let sampleMemoryBytes = 1 << 30

    /// Bytes of one input file (a scenario or a CSV) read into memory: 2 GiB.
    public static let maximumInputFileBytes = 1 << 31

    /// Nesting depth of a scenario's TOML: 32 levels, each part of a table header or dotted key,
    /// each array and each inline table counting one (the shipped scenarios reach 5). Checked on
    /// the text before it is parsed: reading and converting the tree recurses once per level, so a
    /// 12,000-part header overflowed the stack.
    public static let maximumNestingDepth = 32

    /// Monte Carlo trials whose results are reduced as they finish (squared-loss `simulate`, sweeps).
    public static let maximumTrials = 1_000_000_000

    /// Random numbers one Monte Carlo run (a `simulate`, a grid point) draws: trials x the draws of
    /// a trial (rows drawn one by one, or a sample's Wishart statistics; a fitted teacher's and a
    /// test set's rows): at most 10^11, tens of minutes on one core (2 x 10^7 per second measured
    /// in a debug build). Sample sizes alone allow 10^12 rows (`maximumSampleSize`), which the
    /// triples sampler would draw one by one for hours.
    public static let maximumMonteCarloDraws = 100_000_000_000

    /// Trials or repeats whose every outcome is kept until the summary (`classify` trials,
    /// `reliability` repeats, estimate-mi half-sample replicates, a data scenario's splits and
    /// replicates): at most 10^7.
    public static let maximumStoredTrials = 10_000_000

    /// Folds of a cross-validated estimate (a data scenario's `estimation.folds`): at most 1,000.
    public static let maximumFolds = 1_000

    /// Values of a KD-weight grid (a data scenario's `student.lambda_grid`), each tried on every
    /// split and pair: at most 1,000.
    public static let maximumLambdaGrid = 1_000

    /// Worker threads: at most 1,024 (more than any machine cchsim runs on has cores).
    public static let maximumThreads = 1_024

    /// The largest magnitude of a covariance entry: 10^100. Risks and informations combine a few
    /// entries in products and quotients, which stay inside double precision (10^308) when the
    /// entries do; a latent model's loadings and noise standard deviations are therefore at most
    /// 10^50 (their squares are variances).
    public static let maximumCovarianceEntry = 1e100

    /// The largest magnitude of a latent loading or noise standard deviation: sqrt(maximumCovarianceEntry).
    public static let maximumLatentScale = 1e50

    /// nil when `value` is at most `limit`, else the reason, e.g.
    /// "must be at most 1000 (the largest value cchsim accepts), got 100000".
    public static func excess(_ value: Int, limit: Int) -> String? {
        value <= limit ? nil : "must be at most \(limit) (the largest value cchsim accepts), got \(value)"
    }

    /// The most rows of `numbersPerRow` numbers that fit in `sampleMemoryBytes`.
    public static func maximumRows(numbersPerRow: Int) -> Int {
        sampleMemoryBytes / (8 * max(1, numbersPerRow))
    }

    /// nil when `rows` rows of `numbersPerRow` numbers fit in `sampleMemoryBytes`, else the reason
    /// with the memory they would need and the largest row count that fits; `what` says what the
    /// rows are ("the student's training rows").
    public static func memoryExcess(rows: Int, numbersPerRow: Int, what: String) -> String? {
        let limit = maximumRows(numbersPerRow: numbersPerRow)
        guard rows > limit else { return nil }
        let bytes = Double(rows) * Double(numbersPerRow) * 8
        return "\(what) (\(numbersPerRow) numbers each) would need \(formatBytes(bytes)) of memory; "
            + "cchsim holds at most \(formatBytes(Double(sampleMemoryBytes))) per sample, so at most \(limit) rows, got \(rows)"
    }

    /// A byte count with a binary unit ("1 GiB", "29.1 TiB").
    public static func formatBytes(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
        var value = bytes, unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }
}

/// `--shard i/N`: shard i of N computes the grid points p with p mod N = i - 1.
///
/// Interleaving (rather than cutting the grid into N blocks) gives every shard a similar mix of
/// cheap and expensive points; `cchsim merge` puts the rows back in point order.
public struct Shard: Sendable, Equatable {
    /// 1-based shard number and the number of shards.
    let index: Int, count: Int

    /// The whole grid (no sharding).
    public static let whole = Shard(index: 1, count: 1)

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/N` with 1 <= i <= N. - Throws: `ShardError.notALabel` saying what is expected.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
            throw .notALabel(text)
        }
        self.init(index: i, count: n)
    }

    var isWhole: Bool { count == 1 }

    /// Number of this shard's points in a grid of `total` points.
    func pointCount(of total: Int) -> Int {
        total >= index ? (total - index) / count + 1 : 0
    }

    /// Grid point of this shard's `local`-th point.
    func point(_ local: Int) -> Int { index - 1 + local * count }

    /// `i/N`.
    var label: String { "\(index)/\(count)" }

    /// The file-name tag of a shard's outputs, e.g. `shard-3-of-8`.
    var fileTag: String { "shard-\(index)-of-\(count)" }
}

import CCHScenario

/// Why shards cannot be computed or merged: a `--shard` label that is no shard, or shard files
/// (`cchsim merge`) that are not the N shards of one scenario as their runs wrote them. Each case
/// carries the files and the shard numbers involved; the message is worded here once.
public enum ShardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--shard` was given `text`, not `i/N` with 1 <= i <= N.
    case notALabel(String)
    /// `cchsim merge` was given no shard files.
    case noShards
    /// The metadata file `metadata` beside the shard CSV `csv` cannot be read.
    case metadataUnreadable(csv: String, metadata: String, FileError)
    /// The file `metadata` does not decode as a shard's metadata (`reason`: what the decoder found wrong).
    case notShardMetadata(metadata: String, reason: String)
    /// The metadata `metadata` records shard `index` of `count`, which is no shard.
    case notAShard(metadata: String, index: Int, count: Int)
    /// The shard `csv` holds another scenario (SHA-256 `hash`) than the first shard `first` (`firstHash`).
    case otherScenario(csv: String, hash: String, first: String, firstHash: String)
    /// The shard `csv` is shard `index` of `count`, the first shard `first` one of `firstCount`.
    case otherShardCount(csv: String, index: Int, count: Int, first: String, firstCount: Int)
    /// Shard `shard` is given twice, as `first` and as `second`.
    case givenTwice(Shard, first: String, second: String)
    /// `missingCount` of the `count` shards were not given, the first of them (1-based, increasing,
    /// at most `listedMissing`) numbered `first`.
    case missing(first: [Int], missingCount: Int, count: Int)
    /// The shard `csv` does not begin with the header this cchsim writes for the scenario in `scenarioFile`.
    case header(csv: String, scenarioFile: String)
    /// The shard `csv` ends after `rows` rows, before its row of grid point `point`.
    case endsEarly(csv: String, rows: Int, point: Int)
    /// The shard `csv` holds rows after the last point of `shard`.
    case extraRows(csv: String, shard: Shard)
    /// The bytes of shard `csv` do not hash to the SHA-256 in its metadata `metadata`.
    case bytesChanged(csv: String, metadata: String, shard: Shard)

    /// At most this many missing shards are listed by number (a count in edited metadata may be huge).
    public static let listedMissing = 10

    public var description: String {
        switch self {
        case .notALabel(let text):
            "expected i/N with 1 <= i <= N (e.g. 3/8), got '\(text)'"
        case .noShards:
            "merge: give the shard CSV files (NAME.shard-i-of-N.csv)"
        case .metadataUnreadable(let csv, let metadata, let error):
            "\(csv): its metadata \(metadata) cannot be read: \(error.explanation) (it is written next to each shard's CSV)"
        case .notShardMetadata(let metadata, let reason):
            "\(metadata): not the metadata of a cchsim shard (\(reason))"
        case .notAShard(let metadata, let index, let count):
            "\(metadata): shard_index \(index) of shard_count \(count) is not a shard (1 <= shard_index <= shard_count)"
        case .otherScenario(let csv, let hash, let first, let firstHash):
            "\(csv) is a shard of another scenario than \(first) (SHA-256 \(hash.prefix(12))... vs \(firstHash.prefix(12))...)"
        case .otherShardCount(let csv, let index, let count, let first, let firstCount):
            "\(csv) is shard \(index) of \(count), but \(first) is one of \(firstCount)"
        case .givenTwice(let shard, let first, let second):
            "shard \(shard.label) is given twice: \(first) and \(second)"
        case .missing(let first, let missingCount, let count):
            "merge: missing shard\(missingCount > 1 ? "s" : "") " + first.map { "\($0)/\(count)" }.joined(separator: ", ")
                + (missingCount > first.count ? ", ... (\(missingCount) in all)" : "") + " of \(count); give all of them"
        case .header(let csv, let scenarioFile):
            "\(csv): its header is not the one this cchsim writes for \(scenarioFile); were the shards computed by another cchsim version?"
        case .endsEarly(let csv, let rows, let point):
            "\(csv): ends after \(rows) rows; point \(point) is missing (was the shard finished?)"
        case .extraRows(let csv, let shard):
            "\(csv): has more rows than shard \(shard.label) of this grid"
        case .bytesChanged(let csv, let metadata, let shard):
            "\(csv): its bytes are not the ones its run wrote (their SHA-256 differs from the one in \(metadata)): "
                + "edited or corrupted since; compute shard \(shard.label) again"
        }
    }
}

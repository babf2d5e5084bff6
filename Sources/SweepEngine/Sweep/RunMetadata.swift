/// The parts of a `NAME.meta.json` (written by `RunFiles.metadata`) that are read back: what a
/// merge needs to check and join shards, and the summary.
struct RunMetadata: Decodable {
    struct Timings: Decodable {
        let computeSeconds: Double
        enum CodingKeys: String, CodingKey { case computeSeconds = "compute_seconds" }
    }

    let name: String
    let file: String
    let scenario: String
    let scenarioHash: String
    let cchsimVersion: String
    let shardIndex: Int
    let shardCount: Int
    let columns: [String]
    /// SHA-256 of the CSV's bytes as written.
    let csvSHA256: String
    let summary: RunSummary
    let timings: Timings
    /// The files written, CSV first (names in the output directory).
    let outputs: [String]

    enum CodingKeys: String, CodingKey {
        case name, file, scenario, columns, summary, timings, outputs
        case scenarioHash = "scenario_sha256", cchsimVersion = "cchsim_version"
        case shardIndex = "shard_index", shardCount = "shard_count", csvSHA256 = "csv_sha256"
    }
}

/// A decoding failure in words: which key is missing or has the wrong type.
enum DecodingReason {
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "the key \(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "the key \(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context)?:
            return context.codingPath.isEmpty ? "not JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}

/// The top level of every scenario file, model or data: `name` (the output file stem; default
/// the file name without `.toml`; a given name must pass `ScenarioText.nameProblem`), `seed`
/// (default 0), an optional `description`, and no keys other than those and the file's sections.
struct ScenarioHeader {
    let name: String
    let seed: UInt64

    /// - Throws: `ScenarioError` naming the file and the top-level key at fault.
    init(_ document: ScenarioDocument, sections: [ScenarioKey.Table]) throws(ScenarioError) {
        let top = TableReader(file: document.file, path: "", table: document.root)
        name = try top.string(HeaderKey.name, default: Self.defaultName(document.file))
        if top.has(HeaderKey.name), let problem = ScenarioText.nameProblem(name) { throw top.error(HeaderKey.name, problem) }
        seed = UInt64(try top.integer(HeaderKey.seed, minimum: 0, default: 0))
        _ = top.value(HeaderKey.description)
        for section in sections { _ = top.value(section) }
        try top.finish()
    }

    private static func defaultName(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias HeaderKey = ScenarioKey.Header

import Foundation
import Testing

/// Every reference in the code, the help texts, the docs and the README resolves inside the
/// repository: cited docs pages exist, cited sections of docs/theory.md exist, README and docs
/// sections cited by name exist, and nothing points outside (the team's working notes, a path into
/// the workspace's shared folder). The outside names are spelled in pieces so this file does not cite them.
struct RepositoryReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text files that may cite documents: sources, tests (with their snapshots of help texts and
    /// gnuplot scripts), docs, scenarios, benchmarks, README, Makefile.
    static func citingFiles() throws -> [(path: String, text: String)] {
        var out: [(String, String)] = []
        for top in ["Sources", "Tests", "docs", "Scenarios", "bench", "scripts"] {
            let base = root.appendingPathComponent(top)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "md", "toml", "py", "sh", "sbatch", "txt", "gp"].contains(url.pathExtension) {
                if url.path.contains("/.build/") { continue }
                out.append((url.path.replacingOccurrences(of: root.path + "/", with: ""), try String(contentsOf: url, encoding: .utf8)))
            }
        }
        for file in ["README.md", "Makefile"] {
            out.append((file, try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)))
        }
        return out.filter { $0.0 != "Tests/CCHScenarioTests/RepositoryReferenceTests.swift" }
    }

    /// The documents a reader opens: README.md and docs/*.md, as paths from the repository root.
    static func documents() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return ["README.md"] + docs
    }

    static func headings(_ file: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("#") }.map { String($0) }
    }

    @Test func nothingPointsOutsideTheRepository() throws {
        for (path, text) in try Self.citingFiles() {
            for outside in ["THEORY" + ".md", ".." + "/shared"] {
                #expect(!text.contains(outside), "\(path) points outside the repository: \(outside)")
            }
            #expect(!text.contains("SweepColumns"), "\(path) names a type that does not exist")
        }
    }

    @Test func citedDocsPagesAndTheorySectionsExist() throws {
        let theory = try Self.headings("docs/theory.md")
        for (path, text) in try Self.citingFiles() {
            for match in text.matches(of: /docs\/([a-z-]+)\.md/) {
                let page = "docs/\(match.1).md"
                #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(page).path), "\(path) cites \(page)")
            }
            for match in text.matches(of: /docs\/theory\.md sections? ([0-9]+)(\.[0-9]+|\([a-e]\))?/) {
                let number = String(match.1), sub = match.2.map(String.init) ?? ""
                let found = theory.contains { heading in
                    sub.isEmpty ? heading.hasPrefix("## \(number). ")
                        : heading.hasPrefix("### \(number)\(sub) ") || heading.hasPrefix("### \(number)\(sub).")
                }
                #expect(found, "\(path) cites docs/theory.md section \(number)\(sub)")
            }
        }
    }

    @Test func sectionsCitedByNameExist() throws {
        for (path, text) in try Self.citingFiles() {
            for match in text.matches(of: /(README(?:\.md)?|docs\/[a-z-]+\.md),? \(?"([^"]+)"/) {
                let file = match.1.hasPrefix("README") ? "README.md" : String(match.1)
                let name = String(match.2)
                #expect(try Self.headings(file).contains { $0.contains(name) }, "\(path) cites \(file), \"\(name)\"")
            }
        }
    }
}

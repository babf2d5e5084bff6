import CCHTestSupport
import Foundation
import Testing

/// The Markdown links of README.md and docs/*.md resolve: every relative link or image names a
/// file of the repository (relative to the document that holds it, as GitHub reads it), and a
/// `#anchor` names a heading of its target page. The README is the front page: it links every
/// docs page, so a new page is never out of a newcomer's reach.
struct MarkdownLinkTests {
    static let root = RepositoryReferenceTests.root

    /// GitHub's anchor of a heading line: lower case, punctuation other than `-` and `_` dropped,
    /// spaces turned into hyphens (`## Errors: \`file: key: reason\`` -> `errors-file-key-reason`).
    static func anchor(ofHeading line: String) -> String {
        let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
        let kept = title.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || " -_".unicodeScalars.contains($0) }
        return String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-")
    }

    /// The anchors of the headings of `text` (lines starting with `#` outside fenced code).
    static func anchors(in text: String) -> Set<String> {
        var inFence = false, out: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if !inFence, line.hasPrefix("#") { out.insert(anchor(ofHeading: String(line))) }
        }
        return out
    }

    /// "FILE: TARGET (reason)" for every relative link of `text` (the document `file`, a path from
    /// `root`) that does not resolve.
    static func brokenLinks(in text: String, file: String, root: URL) -> [String] {
        let directory = root.appendingPathComponent(file).deletingLastPathComponent()
        var broken: [String] = []
        for match in text.matches(of: /\]\(([^)\s]+)\)/) {
            let target = String(match.1)
            if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let page = parts[0].isEmpty ? root.appendingPathComponent(file) : directory.appendingPathComponent(parts[0]).standardizedFileURL
            guard page.path.hasPrefix(root.standardizedFileURL.path + "/") else { broken.append("\(file): \(target) (outside the repository)"); continue }
            guard let pageText = FileManager.default.fileExists(atPath: page.path) ? (try? String(contentsOf: page, encoding: .utf8)) ?? "" : nil else {
                broken.append("\(file): \(target) (no such file)"); continue
            }
            if parts.count == 2, page.pathExtension == "md", !anchors(in: pageText).contains(parts[1]) {
                broken.append("\(file): \(target) (no such heading)")
            }
        }
        return broken
    }

    @Test func headingAnchorsAreGitHubs() {
        #expect(Self.anchor(ofHeading: "## Errors: `file: key: reason`") == "errors-file-key-reason")
        #expect(Self.anchor(ofHeading: "## `[monte_carlo]` (all optional)") == "monte_carlo-all-optional")
        #expect(Self.anchor(ofHeading: "### Sweeps, CSV and figures: `cchsim run`") == "sweeps-csv-and-figures-cchsim-run")
    }

    @Test func aBrokenLinkIsFound() throws {
        let dir = try TestDirectory.make()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("guide"), withIntermediateDirectories: true)
        try "# Page\n\n## A section\n".write(to: dir.appendingPathComponent("guide/page.md"), atomically: true, encoding: .utf8)
        let text = "[ok](guide/page.md#a-section) [file](guide/missing.md) [anchor](guide/page.md#other) [up](../x.md) [web](https://example.org)"
        #expect(Self.brokenLinks(in: text, file: "README.md", root: dir) == [
            "README.md: guide/missing.md (no such file)", "README.md: guide/page.md#other (no such heading)",
            "README.md: ../x.md (outside the repository)",
        ])
    }

    @Test func everyLinkOfTheDocsResolves() throws {
        for file in try RepositoryReferenceTests.documents() {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            let broken = Self.brokenLinks(in: text, file: file, root: Self.root)
            #expect(broken.isEmpty, "broken links: \(broken)")
        }
    }

    @Test func theReadmeLinksEveryDocsPage() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for page in try RepositoryReferenceTests.documents().dropFirst() {
            #expect(readme.contains("](\(page))"), "README.md's \"Where things are documented\" does not link \(page)")
        }
    }
}

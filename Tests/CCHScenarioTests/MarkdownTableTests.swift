import Foundation
import Testing

/// The tables of README.md and docs/*.md render whole: a row after a blank line that follows a
/// table is the header of a new table (a `|---|` line comes next), never a stray row that
/// Markdown would print as a paragraph (as `random-latent` fell out of docs/scenarios.md).
struct MarkdownTableTests {
    /// "FILE:LINE" of every table row cut off from its table by a blank line.
    static func strayRows(in text: String, file: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func isRow(_ i: Int) -> Bool { lines.indices.contains(i) && lines[i].hasPrefix("|") }
        func isSeparator(_ i: Int) -> Bool { isRow(i) && lines[i].allSatisfy { "|-: ".contains($0) } }
        return lines.indices.filter { i in
            isRow(i) && i >= 2 && lines[i - 1].trimmingCharacters(in: .whitespaces).isEmpty && isRow(i - 2) && !isSeparator(i + 1)
        }.map { "\(file):\($0 + 1)" }
    }

    @Test func aBlankLineInsideATableIsFound() {
        let broken = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n"
        #expect(Self.strayRows(in: broken, file: "example") == ["example:5"])
        let twoTables = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |\n"
        #expect(Self.strayRows(in: twoTables, file: "example").isEmpty)
    }

    @Test func noTableOfTheDocsIsBroken() throws {
        for file in try RepositoryReferenceTests.documents() {
            let text = try String(contentsOf: RepositoryReferenceTests.root.appendingPathComponent(file), encoding: .utf8)
            #expect(Self.strayRows(in: text, file: file).isEmpty, "a blank line cuts a table: \(Self.strayRows(in: text, file: file))")
        }
    }
}

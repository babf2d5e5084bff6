import CCHTestSupport
import Foundation
import XCTest

/// The output blocks of README.md and docs/*.md that show a command (`$ cchsim ...`) are what that
/// command prints today: each is run from the repository root and the block must be an excerpt of
/// its output (stdout, then stderr): consecutive lines, where a line `...` stands for any lines
/// (a block may leave out a report's head or a usage message). A command shown without output
/// is not run.
/// Commands that write files (run, merge, figures, teachers, fit) or name a file the repository
/// does not ship (`small.toml`, an example the text describes) are not run.
final class DocsOutputTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let writing: Set<String> = ["run", "merge", "figures", "teachers", "fit"]

    struct Block {
        let file: String, line: Int
        let arguments: [String]
        let expected: [String]
    }

    /// The `$ cchsim` blocks of `text`: the command (without a trailing `# comment`) and the lines
    /// after it, up to the next command or the end of the indented block.
    static func blocks(in text: String, file: String) -> [Block] {
        let lines = text.components(separatedBy: "\n")
        var out: [Block] = []
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("    $ cchsim ") else { i += 1; continue }
            let command = String(lines[i].dropFirst(6)).components(separatedBy: "  #")[0]
            let start = i + 1
            var j = start
            while j < lines.count, !lines[j].hasPrefix("    $ "), lines[j].hasPrefix("    ") || lines[j].isEmpty { j += 1 }
            var expected = lines[start..<j].map { String($0.dropFirst(4)) }
            while expected.last?.isEmpty == true { expected.removeLast() }
            let words = command.split(separator: " ").map(String.init)
            out.append(Block(file: file, line: start, arguments: Array(words.dropFirst()), expected: expected))
            i = j
        }
        return out
    }

    /// Whether `actual` begins with `expected`, where a line `...` matches any run of lines.
    static func begins(_ actual: ArraySlice<String>, with expected: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return true }
        if first.trimmingCharacters(in: .whitespaces) == "..." {
            return (actual.startIndex...actual.endIndex).contains { begins(actual[$0...], with: expected.dropFirst()) }
        }
        guard let line = actual.first, line == first else { return false }
        return begins(actual.dropFirst(), with: expected.dropFirst())
    }

    /// Whether `expected` is an excerpt of `actual` (`begins` at some line).
    static func isExcerpt(_ expected: [String], of actual: [String]) -> Bool {
        (0...actual.count).contains { begins(actual[$0...], with: expected[...]) }
    }

    func testOutputBlocksAreWhatTheirCommandsPrint() throws {
        guard let binary = Subprocess.cchsim(besides: DocsOutputTests.self) else { return XCTFail("cchsim is not built") }
        let docs = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var checked = 0
        for file in ["README.md"] + docs {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            for block in Self.blocks(in: text, file: file) {
                guard let command = block.arguments.first, !Self.writing.contains(command), !block.expected.isEmpty else { continue }
                let files = block.arguments.filter { $0.hasSuffix(".toml") || $0.hasSuffix(".csv") }
                guard files.allSatisfy({ FileManager.default.fileExists(atPath: Self.root.appendingPathComponent($0).path) }) else { continue }
                let r = try Subprocess.run(binary, block.arguments, environment: ["SWIFT_BACKTRACE": "enable=no"], directory: Self.root.path)
                var actual = (r.out + r.err).components(separatedBy: "\n")
                while actual.last?.isEmpty == true { actual.removeLast() }
                XCTAssert(Self.isExcerpt(block.expected, of: actual),
                          "\(block.file):\(block.line): `cchsim \(block.arguments.joined(separator: " "))` prints\n\(actual.joined(separator: "\n"))\n"
                          + "but the block shows\n\(block.expected.joined(separator: "\n"))")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5, "the docs show command output")
    }

    func testWildcardLines() {
        XCTAssert(Self.isExcerpt(["a", "...", "d"], of: ["a", "b", "c", "d"]))
        XCTAssert(Self.isExcerpt(["a", "...", "d"], of: ["x", "a", "d", "y"]))
        XCTAssert(Self.isExcerpt(["b", "c"], of: ["a", "b", "c"]))
        XCTAssertFalse(Self.isExcerpt(["a", "...", "d"], of: ["a", "b", "c"]))
        XCTAssertFalse(Self.isExcerpt(["a", "c"], of: ["a", "b", "c"]), "consecutive lines")
    }
}

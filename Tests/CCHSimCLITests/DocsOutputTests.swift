import CCHScenario
import CCHTestSupport
import Foundation
import XCTest

/// The output blocks of README.md and docs/*.md that show a command (`$ cchsim ...`) are what that
/// command prints today: the block must be an excerpt of its output (stdout, then stderr):
/// consecutive lines, where a line `...` stands for any lines (a block may leave out a report's
/// head or a usage message). A command shown without output is not run, nor one that names a file
/// neither the repository ships nor an earlier block of the same document wrote (`small.toml`, an
/// example the text describes).
///
/// Every block runs in a scratch directory of its document, so the commands that write files
/// (run, merge, figures, teachers, fit) write there, whatever their `--out` or default, and never
/// into the repository; a later block of the document reads what an earlier one wrote (`fit`,
/// then `simulate` of the fitted file). Arguments naming a file of the repository are passed as
/// absolute paths, and the repository's path is taken out of the output again, so the output reads
/// as it does when run from the repository root.
///
/// The blocks of `teachers` and `fit` on the shipped data sets (and of what they write) need
/// data/, which CI does not fetch: `testDataBlocksAreWhatTheirCommandsPrint` checks them and is
/// skipped without data/.
final class DocsOutputTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dataCommands: Set<String> = ["teachers", "fit"]

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

    /// The arguments of `block` that name input files (scenarios, CSVs).
    static func files(of block: Block) -> [String] {
        block.arguments.filter { $0.hasSuffix(".toml") || $0.hasSuffix(".csv") }
    }

    static func inRepository(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Whether `block` runs a shipped data set: a data command on a data scenario of the repository.
    static func readsDataSet(_ block: Block) throws -> Bool {
        guard let command = block.arguments.first, dataCommands.contains(command),
              let scenario = files(of: block).first, inRepository(scenario) else { return false }
        let path = root.appendingPathComponent(scenario).path
        let document = try ScenarioDocument(file: path, text: try String(contentsOfFile: path, encoding: .utf8))
        return document.modelOrigin == .data
    }

    /// Runs `block` in `scratch` (see the type's comment) and checks its output against the block.
    func check(_ block: Block, in scratch: URL, binary: URL) throws {
        let rootPath = Self.root.path
        var arguments = block.arguments
        for i in arguments.indices where (i == 0 || arguments[i - 1] != "--out") && Self.files(of: block).contains(arguments[i])
            && Self.inRepository(arguments[i]) {
            arguments[i] = rootPath + "/" + arguments[i]
        }
        let r = try Subprocess.run(binary, arguments, environment: ["SWIFT_BACKTRACE": "enable=no"], directory: scratch.path)
        var actual = (r.out + r.err).replacingOccurrences(of: rootPath + "/", with: "").components(separatedBy: "\n")
        while actual.last?.isEmpty == true { actual.removeLast() }
        XCTAssert(Self.isExcerpt(block.expected, of: actual),
                  "\(block.file):\(block.line): `cchsim \(block.arguments.joined(separator: " "))` prints\n\(actual.joined(separator: "\n"))\n"
                  + "but the block shows\n\(block.expected.joined(separator: "\n"))")
    }

    /// Checks the blocks of every document that `selected` picks (given whether the block reads a
    /// shipped data set, and whether it reads a file an earlier block wrote); returns how many.
    func checkBlocks(_ selected: (_ readsDataSet: Bool, _ readsWrittenFile: Bool) -> Bool) throws -> Int {
        let binary = try CCHSimExecutable.url
        let docs = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var checked = 0
        for file in ["README.md"] + docs {
            let scratch = try TestDirectory.make()
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            for block in Self.blocks(in: text, file: file) where !block.expected.isEmpty {
                let files = Self.files(of: block)
                let written = files.contains { !Self.inRepository($0) }
                guard files.allSatisfy({ Self.inRepository($0) || FileManager.default.fileExists(atPath: scratch.appendingPathComponent($0).path) }),
                      selected(try Self.readsDataSet(block), written) else { continue }
                try check(block, in: scratch, binary: binary)
                checked += 1
            }
        }
        return checked
    }

    func testOutputBlocksAreWhatTheirCommandsPrint() throws {
        let checked = try checkBlocks { readsDataSet, readsWrittenFile in !readsDataSet && !readsWrittenFile }
        XCTAssertGreaterThan(checked, 5, "the docs show command output")
    }

    func testDataBlocksAreWhatTheirCommandsPrint() throws {
        guard FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("data").path) else {
            throw XCTSkip("the blocks of `cchsim teachers` and `cchsim fit` on the shipped data sets need data/ (`make data`), which is absent")
        }
        let checked = try checkBlocks { readsDataSet, readsWrittenFile in readsDataSet || readsWrittenFile }
        XCTAssertGreaterThan(checked, 1, "the docs show `teachers` and `fit` output")
    }

    func testWildcardLines() {
        XCTAssert(Self.isExcerpt(["a", "...", "d"], of: ["a", "b", "c", "d"]))
        XCTAssert(Self.isExcerpt(["a", "...", "d"], of: ["x", "a", "d", "y"]))
        XCTAssert(Self.isExcerpt(["b", "c"], of: ["a", "b", "c"]))
        XCTAssertFalse(Self.isExcerpt(["a", "...", "d"], of: ["a", "b", "c"]))
        XCTAssertFalse(Self.isExcerpt(["a", "c"], of: ["a", "b", "c"]), "consecutive lines")
    }
}

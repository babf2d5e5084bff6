import CCHScenario
import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// The fuzzer of the data-scenario reader (docs/robustness.md, "Fuzzing"): the label file and
/// the two view files of a data scenario with sample IDs, one of them tab-separated with samples
/// in columns, mutated by `InputMutator.mutateCSV` (short and truncated files, NUL bytes, header
/// damage, extreme numbers, missing and repeated cells); every load ends in data or a
/// `DataFileError` naming a file of the scenario, never a trap (which would end the test
/// process) and never past `FuzzTests.hangBound`. Seeded and bounded like `FuzzTests`.
final class DataFileFuzzTests: XCTestCase {
    func testMutatedDataFilesLoadOrGiveACleanError() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let stream = RandomStream(seed: 4)
        var label = "id,class\n", a = "id,a1,a2,a3\n"
        var columns: [[String]] = []
        for i in 0..<40 {
            label += "s\(i),\(i % 2)\n"
            a += "s\(i),\(stream.gaussian()),\(stream.gaussian() + Double(i % 2)),\(stream.gaussian())\n"
            columns.append(["s\(i)", "\(stream.gaussian())", "\(stream.gaussian())"])
        }
        let b = (0..<3).map { j in (j == 0 ? "gene" : "g\(j)") + "\t" + columns.map { $0[j] }.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        let bases = [("label.csv", label), ("a.csv", a), ("b.tsv", b)]
        let scenario = "name = \"f\"\nseed = 1\n[data]\ncomponents = 2\nid = \"id\"\nmissing = \"drop-rows\"\n"
            + "label = { file = \"label.csv\", column = \"class\", kind = \"class\" }\n"
            + "[[data.views]]\nname = \"a\"\nfile = \"a.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"b.tsv\"\nlayout = \"samples-in-columns\"\n"
        let source = try DataScenario(file: try files.write("s.toml", scenario), text: scenario)
        var mutator = InputMutator(seed: FuzzTests.seed &+ 3)
        let deadline = Date().addingTimeInterval(FuzzTests.budget(6))
        var tried = 0, loaded = 0, findings: [String] = []
        while Date() < deadline, findings.count < 5 {
            for (name, text) in bases { _ = try files.write(name, text) }
            let (name, text) = mutator.pick(bases)
            let mutated = name.hasSuffix(".tsv")
                ? mutator.mutateCSV(text.replacingOccurrences(of: "\t", with: ",")).replacingOccurrences(of: ",", with: "\t")
                : mutator.mutateCSV(text)
            _ = try files.write(name, mutated)
            let start = Date()
            do {
                _ = try source.load()
                loaded += 1
            } catch {
                let named = bases.contains { error.file.hasSuffix("/" + $0.0) } || error.file.hasSuffix("s.toml")
                if !named || error.reason.isEmpty { findings.append("input \(tried) (\(name)): \(error)") }
            }
            tried += 1
            if Date().timeIntervalSince(start) > FuzzTests.hangBound { findings.append("input \(tried) (\(name)): took too long") }
        }
        print("fuzz: \(tried) mutated data files (seed \(FuzzTests.seed &+ 3)), \(loaded) loaded, \(tried - loaded) clean errors, \(findings.count) findings")
        XCTAssertGreaterThan(tried, 50)
        XCTAssertTrue(findings.isEmpty, findings.joined(separator: "\n"))
    }
}

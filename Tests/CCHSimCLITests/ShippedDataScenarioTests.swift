import XCTest
@testable import CCHScenario
import CCHTestSupport
import CrossModalKD

/// The shipped data scenarios (Scenarios/fig9-*, fig10-*, fig11-*, fig12-*, fig14-*) decode and validate; their data
/// files come from `make data` (git-ignored, absent on a fresh clone), so the checks that read
/// them run only when `make data` has run, and say so when skipped.
final class ShippedDataScenarioTests: XCTestCase {
    private func shipped(_ name: String) throws -> DataScenario {
        let path = SizeLimitTests.shipped(name)
        return try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8))
    }

    func testEveryShippedDataScenarioDecodes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SizeLimitTests.scenarios.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
            .filter { (try? String(contentsOf: SizeLimitTests.scenarios.appendingPathComponent($0), encoding: .utf8))?.contains("\n[data]\n") ?? false }
        XCTAssertEqual(names, ["fig10-nutrimouse-diet.toml", "fig10-nutrimouse-genotype.toml", "fig11-diabetes-n120.toml",
                               "fig11-diabetes.toml", "fig12-nutrimouse-messy.toml", "fig14-uci-multifeature-pairs.toml",
                               "fig9-uci-multifeature.toml"])
        for name in names {
            let s = try shipped(name)
            XCTAssertEqual(s.name + ".toml", name)
            for path in s.views.map(\.path) + [s.label.path] {
                XCTAssertTrue(path.contains("/data/"), "\(name): \(path) is not under data/ (make data)")
            }
        }
    }

    /// fig14: figure 9's views with every pair of them as a teacher set, at the settings its
    /// comment and docs/real-data.md give (5 components, 10 splits, 20 half-samples, seed 14).
    func testTheTeacherPairsScenarioAsDocumented() throws {
        let s = try shipped("fig14-uci-multifeature-pairs.toml")
        let views = ["fourier", "profile", "karhunen", "pixel", "zernike", "morph"]
        XCTAssertEqual(s.views.map(\.name), views)
        XCTAssertEqual(s.teacherSets.count, 15)
        XCTAssertEqual(s.teacherSets, views.indices.flatMap { a in ((a + 1)..<views.count).map { [a, $0] } })
        XCTAssertEqual(s.components, 5)
        XCTAssertEqual(s.experiment.splits, 10)
        XCTAssertEqual(s.information.replicates, 20)
        XCTAssertEqual(s.seed, 14)
        XCTAssertNil(s.studentRidges)
        XCTAssertEqual(try shipped("fig9-uci-multifeature.toml").teacherSets, [], "figure 9 keeps the single views")
    }

    /// fig11: the diabetes data, a continuous label, two views; students on 30 rows (and 120 in
    /// the companion scenario), a teacher on 200 rows of its own, the rest (212, 122) for testing.
    func testTheDiabetesScenariosAsDocumented() throws {
        for (name, studentRows) in [("fig11-diabetes.toml", 30), ("fig11-diabetes-n120.toml", 120)] {
            let s = try shipped(name)
            XCTAssertFalse(s.label.isClass, name)
            XCTAssertEqual(s.label.column, .name("progression"), name)
            XCTAssertTrue(s.label.path.hasSuffix("/data/diabetes/progression.csv"), name)
            XCTAssertEqual(s.views.map(\.name), ["clinical", "serum"], name)
            XCTAssertTrue(s.views[0].path.hasSuffix("/data/diabetes/clinical.csv") && s.views[1].path.hasSuffix("/data/diabetes/serum.csv"), name)
            XCTAssertEqual(s.experiment.teacherRows, .own(200), name)
            XCTAssertEqual(s.experiment.studentRows, studentRows, name)
            XCTAssertEqual(s.experiment.lambda, 0.5, name)
            XCTAssertEqual(s.experiment.splits, 100, name)
        }
    }

    /// The files `make data` converts from scikit-learn's wheel: 442 patients, four clinical and six
    /// serum columns, and the progression whose mean is 152.133 (the sum of the 442 values is
    /// 67,243 in Efron et al.'s data) between 25 and 346. Every column is kept (components = 6).
    func testTheDiabetesFilesLoad() throws {
        let s = try shipped("fig11-diabetes.toml")
        guard ([s.label.path] + s.views.map(\.path)).allSatisfy(FileManager.default.fileExists(atPath:)) else {
            throw XCTSkip("data/diabetes/ is absent: run `make data` first")
        }
        let loaded = try s.load()
        XCTAssertEqual(loaded.data.rows, 442)
        XCTAssertEqual(loaded.views.map(\.columns), [4, 6])
        XCTAssertEqual(loaded.views.map(\.components), [4, 6])
        XCTAssertTrue(loaded.warnings.isEmpty, "\(loaded.warnings)")
        guard case .continuous(let y) = loaded.data.label else { return XCTFail("the label is not continuous") }
        XCTAssertEqual(y.reduce(0, +), 67_243)
        XCTAssertEqual(y.min(), 25)
        XCTAssertEqual(y.max(), 346)
        XCTAssertEqual(y.first, 151)
    }

    /// fig12: the messy copy of nutrimouse (scripts/derive-messy-data.py) joins by mouse ID to the
    /// 37 mice in every file (the label file's 40 less m07 and m33, absent from the lipids, and m12,
    /// absent from the genes), drops the 4 with a missing cell (m05, m18, m29, m22) and then holds
    /// exactly the original files' numbers for the other 33 mice: the same representations, bit
    /// for bit, as those mice's rows of data/nutrimouse matched by position.
    func testTheMessyNutrimouseFilesGiveTheOriginalData() throws {
        let s = try shipped("fig12-nutrimouse-messy.toml")
        XCTAssertEqual(s.idColumn, "mouse")
        XCTAssertEqual(s.missing, .dropRows)
        XCTAssertEqual(s.views.map(\.layout), [.samplesInColumns, .samplesInRows])
        XCTAssertEqual(s.views.map(\.delimiter), [.tab, .comma])
        let original = URL(fileURLWithPath: SizeLimitTests.scenarios.path).deletingLastPathComponent().appendingPathComponent("data/nutrimouse")
        guard ([s.label.path] + s.views.map(\.path)).allSatisfy(FileManager.default.fileExists(atPath:)),
              FileManager.default.fileExists(atPath: original.appendingPathComponent("gene.csv").path) else {
            throw XCTSkip("data/nutrimouse-messy/ is absent: run `make data` first")
        }
        let loaded = try s.load()
        XCTAssertEqual(loaded.data.rows, 33)
        XCTAssertEqual(loaded.droppedForMissingValues, 4)
        XCTAssertEqual(loaded.leftOutByID.map(\.count), [3, 2, 1])
        XCTAssertEqual(loaded.views.map(\.columns), [120, 21])

        let kept = (0..<40).filter { ![4, 6, 11, 17, 21, 28, 32].contains($0) }
        let files = try TestFiles()
        defer { files.remove() }
        for name in ["gene", "lipid", "genotype"] {
            let lines = try String(contentsOf: original.appendingPathComponent(name + ".csv"), encoding: .utf8).split(separator: "\n")
            _ = try files.write(name + ".csv", ([lines[0]] + kept.map { lines[$0 + 1] }).joined(separator: "\n") + "\n")
        }
        let text = "name = \"p\"\nseed = 12\n[data]\ncomponents = 5\nlabel = { file = \"genotype.csv\", column = \"genotype\", kind = \"class\" }\n"
            + "[[data.views]]\nname = \"gene\"\nfile = \"gene.csv\"\n[[data.views]]\nname = \"lipid\"\nfile = \"lipid.csv\"\n[teacher]\nrows = \"student\"\n"
        let positional = try DataScenario(file: try files.write("p.toml", text), text: text).load()
        XCTAssertEqual(loaded.data.label, positional.data.label)
        XCTAssertEqual(loaded.data.representations.map(\.elements), positional.data.representations.map(\.elements))
    }
}

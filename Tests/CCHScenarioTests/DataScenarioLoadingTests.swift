import CCHScenario
import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// Loading a data scenario from messy files: joining by sample ID equals matching the same
/// samples by position, whatever the files' row orders, layouts and compression; missing values
/// are refused with counts and places or dropped everywhere; duplicate and missing IDs are errors;
/// class labels follow one identity rule; data of any scale loads; every count has a ceiling.
final class DataScenarioLoadingTests: XCTestCase {
    private var files: TestFiles!
    /// The planted samples: IDs, view a (4 columns), view b (3 columns) and a class label.
    private var ids: [String] = [], a: [[String]] = [], b: [[String]] = [], labels: [String] = []

    override func setUpWithError() throws {
        files = try TestFiles()
        let stream = RandomStream(seed: 31)
        ids = (1...50).map { String(format: "s%02d", $0) }
        a = []; b = []; labels = []
        for i in 0..<50 {
            let c = i % 2
            let z = stream.gaussian()
            a.append((0..<4).map { j in "\(Double(c) * 0.8 + z * Double(j) * 0.3 + stream.gaussian())" })
            b.append((0..<3).map { j in "\(z + Double(j) * stream.gaussian())" })
            labels.append(c == 0 ? "wt" : "ko")
        }
    }

    override func tearDown() { files.remove() }

    /// A samples-in-rows file: a header, then the given samples' rows (with their ID column first when `id`).
    private func rowsFile(_ name: String, _ header: [String], _ cells: [[String]], samples: [Int], id: Bool,
                          delimiter: String = ",") throws -> String {
        var text = ((id ? ["id"] : []) + header).joined(separator: delimiter) + "\n"
        for i in samples { text += ((id ? [ids[i]] : []) + cells[i]).joined(separator: delimiter) + "\n" }
        return try files.write(name, text)
    }

    private func scenario(_ data: String, views: String, name: String = "s.toml") throws -> DataScenario {
        let text = "name = \"t\"\nseed = 3\n[data]\ncomponents = 2\n\(data)\n\(views)\n[teacher]\nrows = \"student\"\n[student]\nn = 20\n"
        return try DataScenario(file: try files.write(name, text), text: text)
    }

    private let twoViews = "[[data.views]]\nname = \"a\"\nfile = \"a.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"b.csv\"\n"
    private let labelByID = "id = \"id\"\nlabel = { file = \"label.csv\", column = \"class\", kind = \"class\" }"

    /// The data of `samples` (in this order) written aligned, without IDs, and loaded by position.
    private func positional(_ samples: [Int]) throws -> LoadedData {
        _ = try rowsFile("pa.csv", ["a1", "a2", "a3", "a4"], a, samples: samples, id: false)
        _ = try rowsFile("pb.csv", ["b1", "b2", "b3"], b, samples: samples, id: false)
        _ = try rowsFile("plabel.csv", ["class"], labels.map { [$0] }, samples: samples, id: false)
        let views = "[[data.views]]\nname = \"a\"\nfile = \"pa.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"pb.csv\"\n"
        return try scenario("label = { file = \"plabel.csv\", column = \"class\", kind = \"class\" }", views: views, name: "p.toml").load()
    }

    private func assertSameData(_ x: LoadedData, _ y: LoadedData, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(x.data.label, y.data.label, file: file, line: line)
        XCTAssertEqual(x.data.representations.map(\.elements), y.data.representations.map(\.elements), file: file, line: line)
        XCTAssertEqual(x.views.map(\.columns), y.views.map(\.columns), file: file, line: line)
    }

    private func loadError(_ s: DataScenario) -> String {
        do { _ = try s.load(); return "no error" } catch { return "\(error)" }
    }

    func testJoinByIDEqualsTheSameSamplesMatchedByPosition() throws {
        // The label in file order; a reversed without s03 and s40; b shuffled without s17.
        _ = try rowsFile("label.csv", ["class"], labels.map { [$0] }, samples: Array(0..<50), id: true)
        _ = try rowsFile("a.csv", ["a1", "a2", "a3", "a4"], a, samples: (0..<50).reversed().filter { $0 != 2 && $0 != 39 }, id: true)
        _ = try rowsFile("b.csv", ["b1", "b2", "b3"], b, samples: (0..<50).map { ($0 * 7) % 50 }.filter { $0 != 16 }, id: true)
        let joined = try scenario(labelByID, views: twoViews).load()
        let kept = (0..<50).filter { ![2, 39, 16].contains($0) }
        assertSameData(joined, try positional(kept))
        XCTAssertEqual(joined.views.map(\.columns), [4, 3], "the ID column is never a feature")
        XCTAssertEqual(joined.leftOutByID.map(\.count), [3, 1, 2])
        XCTAssertEqual(joined.droppedForMissingValues, 0)
        XCTAssertTrue(joined.warnings[0].hasPrefix("data.id 'id': 47 sample(s) are in every file; left out as not in every file: "), joined.warnings[0])
        XCTAssertTrue(joined.warnings[0].hasSuffix("label.csv 3, \(files.directory.path)/a.csv 1, \(files.directory.path)/b.csv 2"), joined.warnings[0])
        // Without `id`, the same shuffled files are matched by position: other data, and the ID
        // column is read as a feature (here refused: it is text).
        let message = loadError(try scenario("label = { file = \"label.csv\", column = \"class\", kind = \"class\" }", views: twoViews))
        XCTAssertTrue(message.hasSuffix("a.csv: line 2, column 1 ('id'): 's50' is not a number"), message)
    }

    func testSamplesInColumnsGzipAndTabsReadTheSameData() throws {
        _ = try rowsFile("label.csv", ["class"], labels.map { [$0] }, samples: Array(0..<50), id: true)
        _ = try rowsFile("a.tsv", ["a1", "a2", "a3", "a4"], a, samples: Array((0..<50).reversed()), id: true, delimiter: "\t")
        // b genes x samples, samples in another order, tab-separated, gzip-compressed.
        let order = (0..<50).map { ($0 * 11) % 50 }
        var text = "gene\t" + order.map { ids[$0] }.joined(separator: "\t") + "\n"
        for j in 0..<3 { text += "b\(j + 1)\t" + order.map { b[$0][j] }.joined(separator: "\t") + "\n" }
        let tsv = try files.write("b.tsv", text)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-n", tsv]
        try gzip.run()
        gzip.waitUntilExit()
        let views = "[[data.views]]\nname = \"a\"\nfile = \"a.tsv\"\n[[data.views]]\nname = \"b\"\nfile = \"b.tsv.gz\"\nlayout = \"samples-in-columns\"\n"
        let loaded = try scenario(labelByID, views: views).load()
        assertSameData(loaded, try positional(Array(0..<50)))
        XCTAssertTrue(loaded.warnings.isEmpty, "\(loaded.warnings)")
        // Excluding a feature row by name and by number.
        let excluded = try scenario(labelByID, views: views.replacingOccurrences(of: "layout", with: "exclude = [\"b2\", 3]\nlayout")).load()
        XCTAssertEqual(excluded.views.map(\.columns), [4, 1])
        XCTAssertTrue(loadError(try scenario(labelByID, views: views.replacingOccurrences(of: "layout", with: "exclude = [\"b9\"]\nlayout")))
            .contains("data.views[2].exclude: no feature row named 'b9' (first column)"))
        XCTAssertTrue(loadError(try scenario(labelByID, views: views.replacingOccurrences(of: "layout", with: "exclude = [4]\nlayout")))
            .contains("data.views[2].exclude: feature row 4 does not exist; the file has 3 feature rows"))
    }

    func testDuplicateMissingAndAbsentIDsAreErrors() throws {
        _ = try rowsFile("label.csv", ["class"], labels.map { [$0] }, samples: Array(0..<50), id: true)
        _ = try rowsFile("b.csv", ["b1", "b2", "b3"], b, samples: Array(0..<50), id: true)
        _ = try rowsFile("a.csv", ["a1", "a2", "a3", "a4"], a, samples: Array(0..<50) + [4, 9, 4], id: true)
        let path = files.directory.path
        XCTAssertEqual(loadError(try scenario(labelByID, views: twoViews)),
                       "\(path)/a.csv: 2 duplicate sample ID(s) (data.id): 's05' (line 6, line 52, line 54), 's10' (line 11, line 53); each sample must occur once per file")
        var text = try String(contentsOfFile: path + "/a.csv", encoding: .utf8).components(separatedBy: "\n").prefix(51).joined(separator: "\n")
        _ = try files.write("a.csv", text.replacingOccurrences(of: "\ns07,", with: "\nNA,") + "\n")
        XCTAssertEqual(loadError(try scenario(labelByID, views: twoViews)),
                       "\(path)/a.csv: line 8: a missing sample ID 'NA': every sample needs its ID (data.id)")
        text = text.replacingOccurrences(of: "id,a1", with: "key,a1")
        _ = try files.write("a.csv", text + "\n")
        XCTAssertEqual(loadError(try scenario(labelByID, views: twoViews)),
                       "\(path)/a.csv: data.id: no column named 'id'; the header has 'key', 'a1', 'a2', 'a3', 'a4' (every samples-in-rows file needs the sample-ID column)")
        _ = try rowsFile("a.csv", ["a1", "a2", "a3", "a4"], a, samples: [3], id: true)
        XCTAssertTrue(loadError(try scenario(labelByID, views: twoViews)).hasPrefix("\(path)/label.csv: data.id: 1 sample ID(s) are in every file; at least 2 are needed"))
    }

    func testMissingValuesAreRefusedWithCountsAndPlacesOrDroppedEverywhere() throws {
        a[5][1] = "NA"; a[8][1] = ""; a[9][1] = "nan"; a[20][1] = "?"; a[8][2] = "NaN"
        b[30] = ["NA", "NA", "NA"]
        labels[40] = "NA"
        _ = try rowsFile("label.csv", ["class"], labels.map { [$0] }, samples: Array(0..<50), id: true)
        _ = try rowsFile("a.csv", ["a1", "a2", "a3", "a4"], a, samples: Array(0..<50), id: true)
        _ = try rowsFile("b.csv", ["b1", "b2", "b3"], b, samples: Array(0..<50), id: true)
        let path = files.directory.path
        let aMessage = "\(path)/a.csv: line 7, column 3 ('a2'): a missing value (an empty, NA, NaN or ? cell); 5 used cell(s) of this file are "
            + "missing, per column: 'a2' 4 (line 7 column 3, line 10 column 3, line 11 column 3, ...), 'a3' 1 (line 10 column 4); other files: "
        // The first file is the one of the first sample (in the label file's order) with a missing cell.
        XCTAssertEqual(loadError(try scenario(labelByID, views: twoViews)),
                       aMessage + "\(path)/label.csv 1, \(path)/b.csv 3. [data] missing = \"drop-rows\" drops the 6 sample(s) that have one")
        labels[40] = "wt"
        _ = try rowsFile("label.csv", ["class"], labels.map { [$0] }, samples: Array(0..<50), id: true)
        XCTAssertEqual(loadError(try scenario(labelByID, views: twoViews)),
                       aMessage + "\(path)/b.csv 3. [data] missing = \"drop-rows\" drops the 5 sample(s) that have one")
        // An excluded column's missing values do not count.
        let noA2 = twoViews.replacingOccurrences(of: "file = \"a.csv\"", with: "file = \"a.csv\"\nexclude = [\"a2\", \"a3\"]")
        XCTAssertTrue(loadError(try scenario(labelByID, views: noA2)).hasPrefix("\(path)/b.csv: line 32, column 2 ('b1'): a missing value"))
        let dropped = try scenario(labelByID + "\nmissing = \"drop-rows\"", views: twoViews).load()
        let complete = (0..<50).filter { ![5, 8, 9, 20, 30].contains($0) }
        assertSameData(dropped, try positional(complete))
        XCTAssertEqual(dropped.droppedForMissingValues, 5)
        XCTAssertEqual(dropped.warnings, ["missing = \"drop-rows\": dropped 5 of 50 sample(s) with a missing value; 45 remain"])
        // By position too.
        _ = try rowsFile("pa.csv", ["a1", "a2", "a3", "a4"], a, samples: Array(0..<50), id: false)
        _ = try rowsFile("pb.csv", ["b1", "b2", "b3"], b, samples: Array(0..<50), id: false)
        _ = try rowsFile("pl.csv", ["class"], labels.map { [$0] }, samples: Array(0..<50), id: false)
        let byPosition = try scenario("missing = \"drop-rows\"\nlabel = { file = \"pl.csv\", column = \"class\", kind = \"class\" }",
                                      views: "[[data.views]]\nname = \"a\"\nfile = \"pa.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"pb.csv\"\n").load()
        XCTAssertEqual(byPosition.data.representations.map(\.elements), dropped.data.representations.map(\.elements))
    }

    func testClassLabelIdentity() {
        let numeric = ClassLabels(["1", "1.0", "01", "1e0", "0", "-0", "0.0", "2.5"])
        XCTAssertEqual(numeric.names, ["0", "1", "2.5"])
        XCTAssertEqual(numeric.indices, [1, 1, 1, 1, 0, 0, 0, 2])
        XCTAssertEqual(numeric.counts, [3, 4, 1])
        XCTAssertEqual(ClassLabels(["10", "9", "-3"]).names, ["-3", "9", "10"], "numeric classes sort by value")
        let text = ClassLabels(["wt", "WT", "1", "1.0"])
        XCTAssertEqual(text.names, ["1", "1.0", "WT", "wt"], "a text label compares exactly, numbers included")
        XCTAssertEqual(text.indices, [3, 2, 0, 1])
        XCTAssertEqual(ClassLabels(["1e300", "1e300", "-1e-300"]).names, ["-1e-300", "1e+300"])
    }

    func testViewsOfAnyScaleLoad() throws {
        let reference = try positional(Array(0..<50))
        for factor in [1e-300, 1e300, 0x1p-1000] {
            let scaled = a.map { $0.map { "\(Double($0)! * factor)" } }
            _ = try rowsFile("pa.csv", ["a1", "a2", "a3", "a4"], scaled, samples: Array(0..<50), id: false)
            let views = "[[data.views]]\nname = \"a\"\nfile = \"pa.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"pb.csv\"\n"
            let loaded = try scenario("label = { file = \"plabel.csv\", column = \"class\", kind = \"class\" }", views: views, name: "p.toml").load()
            let (x, y) = (loaded.data.representations[0].elements, reference.data.representations[0].elements)
            let largest = y.map(abs).max() ?? 1
            XCTAssertLessThan(zip(x, y).map { abs($0 - $1) }.max() ?? 1, 1e-12 * largest, "factor \(factor)")
            if factor == 0x1p-1000 { XCTAssertEqual(x, y, "a power of two changes no bit") }
        }
    }

    func testEveryCountHasACeilingAndEveryChoiceItsValues() throws {
        let good = "label = { file = \"label.csv\", column = \"class\", kind = \"class\" }"
        func decodeError(_ data: String = "", rest: String) -> String {
            let text = "[data]\n\(good)\n\(data)\n\(twoViews)\n\(rest)"
            do { _ = try DataScenario(file: "s.toml", text: text); return "no error" } catch { return "\(error)" }
        }
        let cases: [(String, String, String)] = [
            ("", "[experiment]\nsplits = 1000000000", "s.toml: experiment.splits: must be at most 10000000 (the largest value cchsim accepts), got 1000000000"),
            ("", "[estimation]\nreplicates = 1000000000000", "estimation.replicates: must be at most 10000000"),
            ("", "[estimation]\nfolds = 1001", "estimation.folds: must be at most 1000"),
            ("", "[estimation]\nk = 10000000000000", "estimation.k: must be at most 1000000000000"),
            ("components = 1001", "", "data.components: must be at most 1000"),
            ("", "[teacher]\nn = 10000000000000", "teacher.n: must be at most 1000000000000"),
            ("", "[student]\nn = 10000000000000", "student.n: must be at most 1000000000000"),
            ("", "[student]\nlambda_grid = [" + Array(repeating: "0.5", count: 1001).joined(separator: ",") + "]",
             "student.lambda_grid: 1001 values; at most 1000 (the largest grid cchsim accepts)"),
            ("missing = \"drop\"", "", "data.missing: unknown value \"drop\"; expected one of \"refuse\", \"drop-rows\""),
            ("id = \"\"", "", "data.id: must name a column of sample IDs, got an empty name"),
        ]
        for (data, rest, expected) in cases {
            let message = decodeError(data, rest: rest)
            XCTAssertTrue(message.contains(expected), "expected «\(expected)», got «\(message)»")
        }
        func viewError(_ keys: String) -> String {
            let text = "[data]\n\(good)\n[[data.views]]\nname = \"a\"\nfile = \"a.csv\"\n\(keys)\n[[data.views]]\nname = \"b\"\nfile = \"b.csv\"\n"
            do { _ = try DataScenario(file: "s.toml", text: text); return "no error" } catch { return "\(error)" }
        }
        XCTAssertTrue(viewError("layout = \"genes\"").contains("data.views[1].layout: unknown value \"genes\"; expected one of \"samples-in-rows\", \"samples-in-columns\""))
        XCTAssertTrue(viewError("delimiter = \";\"").contains("data.views[1].delimiter: unknown value \";\"; expected one of \"comma\", \"tab\", \"semicolon\""))
        let onLabel = "[data]\n\(good)\n[[data.views]]\nname = \"a\"\nfile = \"label.csv\"\nlayout = \"samples-in-columns\"\n[[data.views]]\nname = \"b\"\nfile = \"b.csv\"\n"
        XCTAssertThrowsError(try DataScenario(file: "s.toml", text: onLabel)) {
            XCTAssertEqual("\($0)", "s.toml: data.views[1].layout: the label's file label.csv is read with samples in rows; a view of that file cannot have samples in columns")
        }
        let twoWays = "[data]\n\(good)\n[[data.views]]\nname = \"a\"\nfile = \"a.csv\"\n[[data.views]]\nname = \"b\"\nfile = \"a.csv\"\ndelimiter = \"tab\"\n"
        XCTAssertThrowsError(try DataScenario(file: "s.toml", text: twoWays)) {
            XCTAssertTrue("\($0)".hasPrefix("s.toml: data.views[2].delimiter: the file a.csv is also data.views[1]'s"), "\($0)")
        }
        let s = try DataScenario(file: "s.toml", text: "[data]\n\(good)\n[[data.views]]\nname = \"a\"\nfile = \"a.TSV.gz\"\n[[data.views]]\nname = \"b\"\nfile = \"b.csv\"\ndelimiter = \"semicolon\"\n")
        XCTAssertEqual(s.views.map(\.delimiter), [.tab, .semicolon])
        XCTAssertEqual(s.views.map(\.layout), [.samplesInRows, .samplesInRows])
        XCTAssertEqual(s.missing, .refuse)
        XCTAssertNil(s.idColumn)
    }
}

import CCHScenario
import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// Reading data files: short and truncated inputs never trap (issue 17's reproducers and their
/// family), NUL bytes are errors naming line and column, and a data file reads the same whether
/// plain, gzip-compressed, tab-separated or stored with samples in columns; damaged gzip files are
/// errors naming the file and the reason.
final class DataFileReadingTests: XCTestCase {
    private var files: TestFiles!

    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    /// The outcome of `CSVFile` on `text`: its header and row count, or its error.
    private func csvFile(_ text: String) -> String {
        do {
            let table = try CSVFile(file: "t.csv", text: text)
            return "\(table.header) \(table.rowCount)"
        } catch { return error.description }
    }

    /// The outcome of the streaming reader on the file `path`: header, values and texts, or its error.
    private func dataTable(_ path: String, delimiter: FieldDelimiter = .comma, layout: DataLayout = .samplesInRows) -> String {
        do {
            let blocks = try InputBlocks(path: path)
            let table = layout == .samplesInRows
                ? try DataTable.samplesInRows(blocks, file: "t.csv", delimiter: delimiter) { header, _ in
                    DataTable.Request(numeric: Array(header.indices.dropFirst()), text: header.isEmpty ? [] : [0])
                }
                : try DataTable.samplesInColumns(blocks, file: "t.csv", delimiter: delimiter) { _, _ in true }
            return "\(table.header) \(table.featureNames) \(table.values.elements) \(table.texts)"
        } catch { return "\(error)" }
    }

    private func writeBytes(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = files.directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func gzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", "-k", "-f", path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return path + ".gz"
    }

    func testHeaderOnlyFilesWithoutAFinalLineEndAreReadNotTrapped() throws {
        for text in ["t,s,y", "t,s,y\r", "t,s,y ", "t,s,y\n", "t,s,y\r\n", "\u{FEFF}t,s,y"] {
            XCTAssertEqual(csvFile(text), "[\"t\", \"s\", \"y\"] 0", text.debugDescription)
            XCTAssertEqual(dataTable(try files.write("h.csv", text)), "[\"t\", \"s\", \"y\"] [\"s\", \"y\"] [] [[]]", text.debugDescription)
        }
        XCTAssertEqual(csvFile("A=1\0"), "t.csv: line 1, column 1: a NUL byte (\\0) in the text; a data file holds text, not binary data")
        XCTAssertEqual(dataTable(try writeBytes("env.csv", Array("A=1\0B=2\0".utf8))),
                       "t.csv: line 1, column 1: a NUL byte (\\0) in the text; a data file holds text, not binary data")
        XCTAssertEqual(csvFile("a,b\n1,\"x\0\",2\n"), "t.csv: line 2, column 2: a NUL byte (\\0) in the text; a data file holds text, not binary data")
        XCTAssertEqual(csvFile("a,b\n\"1,2\",3\0\n"), "t.csv: line 2, column 2: a NUL byte (\\0) in the text; a data file holds text, not binary data")
        for text in ["", "\n", "\r", " ", "\u{FEFF}", "\n\n \r\n"] {
            XCTAssertEqual(csvFile(text), "t.csv: empty file, expected a header row of column names", text.debugDescription)
        }
    }

    /// Every prefix of a small file, and the file with each byte replaced by the bytes that
    /// matter to the reader: each gives a table or a clean error from both readers (a trap would
    /// end the test process), and the two readers agree on which.
    func testEveryPrefixAndByteDamageOfAFileIsReadOrRefused() throws {
        let text = Array("\u{FEFF}id,x,\"y\"\r\n a1 , 1.5,\"2\"\n\na2,-3e2,\"7\"\r\n,NA,?\n")
        var inputs: [[Character]] = (0...text.count).map { Array(text.prefix($0)) }
        for i in text.indices {
            for c: Character in ["\0", "\"", ",", "\r", "\n", " ", "\u{FEFF}"] {
                var damaged = text
                damaged[i] = c
                inputs.append(damaged)
            }
        }
        for input in inputs {
            let string = String(input)
            let whole = csvFile(string)
            let streamed = dataTable(try files.write("p.csv", string))
            // CSVFile does not look at numbers: only the streaming reader refuses a cell as one.
            XCTAssertEqual(whole.hasPrefix("t.csv:"), streamed.hasPrefix("t.csv:") && !streamed.contains(" number"),
                           "\(string.debugDescription): \(whole) | \(streamed)")
        }
    }

    func testOneTableWhateverTheFormat() throws {
        let rows = "sample,a,b\ns1,1.5,-2\ns2,NA,3e2\ns3,0.25,\n"
        let plain = try files.write("v.csv", rows)
        let expected = "[\"sample\", \"a\", \"b\"] [\"a\", \"b\"] [1.5, -2.0, nan, 300.0, 0.25, nan] [[\"s1\", \"s2\", \"s3\"]]"
        XCTAssertEqual(dataTable(plain), expected)
        XCTAssertEqual(dataTable(try gzip(plain)), expected)
        let tsv = try files.write("v.tsv", rows.replacingOccurrences(of: ",", with: "\t"))
        XCTAssertEqual(FieldDelimiter(fileName: tsv), .tab)
        XCTAssertEqual(FieldDelimiter(fileName: "x.TSV.gz"), .tab)
        XCTAssertEqual(FieldDelimiter(fileName: "x.csv.gz"), .comma)
        XCTAssertEqual(dataTable(tsv, delimiter: .tab), expected)
        XCTAssertEqual(dataTable(try gzip(tsv), delimiter: .tab), expected)
        XCTAssertEqual(dataTable(try files.write("v.txt", rows.replacingOccurrences(of: ",", with: ";")), delimiter: .semicolon), expected)
        // A tab-separated cell keeps its tabs as separators, not blanks: an empty middle cell.
        XCTAssertEqual(dataTable(try files.write("e.tsv", "sample\ta\tb\ns1\t \t2\n"), delimiter: .tab),
                       "[\"sample\", \"a\", \"b\"] [\"a\", \"b\"] [nan, 2.0] [[\"s1\"]]")
        // The same cells stored genes x samples.
        let transposed = try files.write("g.csv", "feature,s1,s2,s3\na,1.5,NA,0.25\nb,-2,3e2,\n")
        XCTAssertEqual(dataTable(transposed, layout: .samplesInColumns),
                       "[\"feature\", \"s1\", \"s2\", \"s3\"] [\"a\", \"b\"] [1.5, -2.0, nan, 300.0, 0.25, nan] []")
        XCTAssertEqual(dataTable(try files.write("g1.csv", "feature\na\n"), layout: .samplesInColumns),
                       "t.csv: line 1: a samples-in-columns file needs a feature-name column and at least one sample column")
        XCTAssertEqual(dataTable(try files.write("g2.csv", "feature,s1\n,1\n"), layout: .samplesInColumns),
                       "t.csv: line 2, column 1 ('feature'): a feature row has no name")
    }

    func testLongLinesAndManyBlocksStreamIntact() throws {
        // Rows longer than a read block (1.2 MB each, cells of 100 digits), several blocks: every
        // cell arrives once.
        let columns = 12_000
        let long = "2345.678" + String(repeating: "0", count: 92)
        var text = "id," + (1...columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        for r in 0..<2 { text += "r\(r)," + String(repeating: "\(r)\(long),", count: columns - 1) + "\(r)\n" }
        let path = try files.write("wide.csv", text)
        for file in [path, try gzip(path)] {
            let blocks = try InputBlocks(path: file)
            let table = try DataTable.samplesInRows(blocks, file: file, delimiter: .comma) { header, _ in
                DataTable.Request(numeric: Array(header.indices.dropFirst()), text: [0])
            }
            XCTAssertEqual(table.sampleCount, 2)
            XCTAssertEqual(table.values.cols, columns)
            for r in 0..<2 {
                XCTAssertEqual(table.values[r, columns - 1], Double(r))
                XCTAssertEqual(table.values[r, 17], Double(r) * 10_000 + 2345.678)
            }
            XCTAssertEqual(table.texts[0], ["r0", "r1"])
        }
    }

    func testDamagedGzipFilesAreErrorsNamingTheFileAndTheReason() throws {
        let plain = try files.write("d.csv", "a,b\n" + String(repeating: "1.25,2.5\n", count: 5_000))
        let gz = try gzip(plain)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: gz)))
        func read(_ name: String, _ content: [UInt8]) throws -> String {
            let path = try writeBytes(name, content)
            return dataTable(path).replacingOccurrences(of: path, with: name)
        }
        let cut = try read("cut.csv.gz", Array(bytes.prefix(bytes.count / 2)))
        XCTAssertTrue(cut.hasPrefix("t.csv: line ") && cut.contains(": truncated gzip file: it ends before its gzip stream does ("), cut)
        XCTAssertTrue(try read("cut.csv.gz", Array(bytes.prefix(bytes.count - 4))).contains("truncated gzip file"))
        XCTAssertTrue(try read("empty.csv.gz", []).contains("t.csv: line 1: truncated gzip file"))
        XCTAssertTrue(try read("plain.csv.gz", Array("a,b\n1,2\n".utf8)).contains("not a readable gzip stream (zlib: incorrect header check"))
        XCTAssertTrue(try read("tail.csv.gz", bytes + Array("garbage".utf8)).contains("not a readable gzip stream"))
        bytes[bytes.count / 2] ^= 0xFF
        let flipped = try read("flip.csv.gz", bytes)
        XCTAssertTrue(flipped.contains("not a readable gzip stream (zlib: "), flipped)
        // Two gzip members (cat a.gz b.gz) are one stream, as gzip -d reads them.
        let second = try gzip(try files.write("e.csv", "3,4\n"))
        let first = Array(try Data(contentsOf: URL(fileURLWithPath: try gzip(try files.write("f.csv", "a,b\n1,2\n")))))
        let joined = try writeBytes("two.csv.gz", first + Array(try Data(contentsOf: URL(fileURLWithPath: second))))
        XCTAssertEqual(dataTable(joined), "[\"a\", \"b\"] [\"b\"] [2.0, 4.0] [[\"1\", \"3\"]]")
    }
}

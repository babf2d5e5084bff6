import CCHScenario
import CCHTestSupport
import Foundation
import XCTest

/// The one CSV reader (`CSVLine`, `CSVFile`): its quoting rule, the places and reasons of its
/// errors, and reading files (docs/files.md, "CSV").
final class CSVReaderTests: XCTestCase {
    private func fields(_ line: String) throws -> [String] {
        try CSVLine.fields(Array(line.utf8)[...], file: "t.csv", lineNumber: 7)
    }

    private func error(_ text: String) -> String {
        do { _ = try CSVFile(file: "t.csv", text: text); return "no error" } catch { return error.description }
    }

    func testQuotingRule() throws {
        XCTAssertEqual(try fields("a,b,,c"), ["a", "b", "", "c"])
        XCTAssertEqual(try fields(" a , \tb\t,c "), ["a", "b", "c"])
        XCTAssertEqual(try fields("\"x, y\",\" kept \",\"\"\"q\"\"\",\"\""), ["x, y", " kept ", "\"q\"", ""])
        XCTAssertEqual(try fields("  \"quoted\"  ,z"), ["quoted", "z"])
        // A quote inside an unquoted field is an ordinary character.
        XCTAssertEqual(try fields("5\" disk,b"), ["5\" disk", "b"])
        XCTAssertEqual(try fields(""), [""])
        XCTAssertEqual(try fields("\u{e9}t\u{e9},\"na\u{ef}ve, \u{fc}\""), ["\u{e9}t\u{e9}", "na\u{ef}ve, \u{fc}"])
    }

    func testLineErrorsNameTheLineAndColumn() {
        XCTAssertThrowsError(try fields("a,\"b")) { XCTAssertEqual("\($0)", "t.csv: line 7, column 2: unterminated quote") }
        XCTAssertThrowsError(try fields("a,\"b\"c,d")) { XCTAssertEqual("\($0)", "t.csv: line 7, column 2: text after a closing quote") }
    }

    func testNeedsQuotesIsWhatTheReaderNeeds() throws {
        for text in ["plain", "a,b", "say \"hi\"", " lead", "trail\t", "", "in side"] {
            let quoted = CSVLine.needsQuotes(Array(text.utf8)[...])
            let written = quoted ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            XCTAssertEqual(try fields(written + ",end"), [text, "end"], text)
            XCTAssertEqual(quoted, text.contains(",") || text.contains("\"") || text.hasPrefix(" ") || text.hasSuffix("\t"), text)
        }
    }

    func testFileLayoutBlankLinesCRLFAndByteOrderMark() throws {
        let table = try CSVFile(file: "t.csv", text: "\u{FEFF}\n  \nt,s\r\n1,2\r\n\n3,\"4\"\n")
        XCTAssertEqual(table.header, ["t", "s"])
        XCTAssertEqual(table.headerLine, 3)
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertEqual([table.line(ofRow: 0), table.line(ofRow: 1)], [4, 6])
        XCTAssertEqual(table.field(row: 1, column: 1), "4")
        XCTAssertEqual(try table.numericColumns(["s", "t"]).elements, [2, 1, 4, 3])
        XCTAssertEqual(table.rows.map(\.line), [4, 6])
        XCTAssertEqual(table.rows.map(\.fields), [["1", "2"], ["3", "4"]])
    }

    func testFileErrors() {
        XCTAssertEqual(error(""), "t.csv: empty file, expected a header row of column names")
        XCTAssertEqual(error("a,,c\n"), "t.csv: line 1: header column 2 has no name")
        XCTAssertEqual(error("a,b\n1,2\n1\n"), "t.csv: line 3: 1 fields, but the header has 2 columns")
        XCTAssertEqual(error("a,b\n1,2\n\n1,\"2\n"), "t.csv: line 4, column 2: unterminated quote")
    }

    func testColumnsAndNumbers() throws {
        let table = try CSVFile(file: "t.csv", text: "v,w,v,x\n1,,3,0x10\n2,abc,inf,1e3\n")
        XCTAssertThrowsError(try table.column(named: "v")) {
            XCTAssertEqual("\($0)", "t.csv: line 1: the column name 'v' is ambiguous (columns 1, 3)")
        }
        XCTAssertThrowsError(try table.column(named: "y")) {
            XCTAssertEqual("\($0)", "t.csv: no column named 'y'; the header has 'v', 'w', 'v', 'x'")
        }
        XCTAssertEqual(try table.column(named: "x"), 3)
        let cases: [(Int, Int, String)] = [
            (0, 1, "t.csv: line 2, column 2 ('w'): an empty cell is not a number (a missing value)"),
            (1, 1, "t.csv: line 3, column 2 ('w'): 'abc' is not a number"),
            (1, 2, "t.csv: line 3, column 3 ('v'): 'inf' is not a finite number"),
            (0, 3, "t.csv: line 2, column 4 ('x'): '0x10' is not a decimal number (hexadecimal and other notations are refused)"),
        ]
        for (row, column, message) in cases {
            XCTAssertThrowsError(try table.number(row: row, column: column)) { XCTAssertEqual("\($0)", message) }
        }
        XCTAssertEqual(try table.number(row: 1, column: 3), 1000)
    }

    func testReadingFilesSaysWhyNot() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let dir = files.directory.path
        let good = try files.write("good.csv", "a\n1\n")
        XCTAssertEqual(try InputFile.text(good), "a\n1\n")
        try Data([0x61, 0xFF, 0x0A]).write(to: files.directory.appendingPathComponent("latin.csv"))
        let cases: [(String, String)] = [
            (dir + "/absent.csv", "\(dir)/absent.csv: no such file"),
            (good + "/x.csv", "\(good)/x.csv: a part of the path is a file, not a directory"),
            (good + "/", "\(good)/: a part of the path is a file, not a directory"),
            (dir, "\(dir): is a directory, expected a file"),
            ("/dev/zero", "/dev/zero: is a device, expected a regular file"),
            (dir + "/latin.csv", "\(dir)/latin.csv: not UTF-8 text"),
        ]
        for (path, message) in cases {
            XCTAssertThrowsError(try InputFile.text(path)) { XCTAssertEqual("\($0)", message) }
        }
        XCTAssertNil(try InputFile.bytesIfPresent(dir + "/absent.csv"))
        XCTAssertEqual(try InputFile.names(inDirectory: dir), ["good.csv", "latin.csv"])
        XCTAssertThrowsError(try InputFile.names(inDirectory: dir + "/none")) { XCTAssertEqual("\($0)", "\(dir)/none: no such directory") }
        XCTAssertThrowsError(try InputFile.names(inDirectory: good)) { XCTAssertEqual("\($0)", "\(good): is a file, not a directory") }
    }
}

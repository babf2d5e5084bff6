import CCHTestSupport
import CCHScenario
@testable import CCHSimCLI
@testable import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// Issue 10, defects 6 and 7: wide CSVs read in linear time; overflow, file-type and echo errors
/// that say what is wrong; only decimal numbers in CSVs.
final class InputErrorTests: XCTestCase {
    private var files: TestFiles!
    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    private func estimate(_ arguments: [String]) throws -> String { try CCHSimCommand.EstimateMI.parse(arguments).output() }

    /// The error a CSV gives, as the user sees it.
    private func csvError(_ text: String, columns: (String, String, String) = ("t", "s", "y")) throws -> String {
        let path = try files.write("e.csv", text)
        do {
            _ = try estimate(["--csv", path, "--teacher", columns.0, "--student", columns.1, "--label", columns.2, "--replicates", "0"])
            return "no error"
        } catch { return String(describing: error) }
    }

    /// A CSV of `rows` rows and `columns` columns whose t, s, y sit at the start, middle and end.
    private static func wideCSV(columns: Int, rows: Int) -> String {
        var names = (0..<columns).map { "c\($0)" }
        names[0] = "t"; names[columns / 2] = "s"; names[columns - 1] = "y"
        var lines = [names.joined(separator: ",")]
        for r in 0..<rows { lines.append((0..<columns).map { "\(Double(($0 * 7 + r * r * 13) % 101) / 10)" }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reading must be linear in the file size: 8 times the columns may take about 8 times as
    /// long (the quadratic header check took 64 times: 26 s at 100,000 columns).
    func testWideCSVsAreReadInLinearTime() throws {
        func seconds(_ columns: Int) throws -> Double {
            let text = Self.wideCSV(columns: columns, rows: 6)
            var best = Double.infinity
            for _ in 0..<3 {
                let start = Date()
                let table = try CSVFile(file: "w.csv", text: text)
                XCTAssertEqual(try table.numericColumns(["t", "s", "y"]).rows, 6)
                best = min(best, Date().timeIntervalSince(start))
            }
            return best
        }
        let narrow = try seconds(5_000), wide = try seconds(40_000)
        XCTAssertLessThan(wide / narrow, 24, "5,000 columns: \(narrow) s, 40,000 columns: \(wide) s")
    }

    func testHexadecimalAndOtherNotationsAreRefused() throws {
        for cell in ["0x10", "0x1p3", "nan(0x5)", "1_000"] {
            let message = try csvError("t,s,y\n1,2,3\n2,\(cell),1\n3,1,2\n")
            XCTAssertTrue(message.contains("line 3, column 2 ('s')"), message)
            XCTAssertTrue(message.contains("not a decimal number") || message.contains("is not a number") || message.contains("not a finite number"), message)
        }
        XCTAssertTrue(try csvError("t,s,y\n1,2,3\n2,0x10,1\n3,1,2\n").hasSuffix("'0x10' is not a decimal number (hexadecimal and other notations are refused)"))
        // Decimal spellings still read: signs, exponents, a leading point.
        XCTAssertEqual(try CSVFile(file: "d.csv", text: "a\n-1.5e3\n+.25\n2E-2\n").numericColumns(["a"]).elements, [-1500, 0.25, 0.02])
    }

    func testAHugeFieldIsNotEchoedWhole() throws {
        let field = String(repeating: "9", count: 4_000_000) + "x"
        let message = try csvError("t,s,y\n1,2,3\n2,\(field),1\n3,1,2\n")
        XCTAssertLessThan(message.count, 300)
        XCTAssertTrue(message.contains("line 3, column 2 ('s'): '\(String(repeating: "9", count: 60))...' (4000001 characters) is not a number"), message)
        // Header names listed in a missing-column error are cut after ten.
        let header = (0..<5_000).map { "c\($0)" }.joined(separator: ",")
        let missing = try csvError(header + "\n" + (0..<5_000).map { _ in "1" }.joined(separator: ",") + "\n")
        XCTAssertTrue(missing.hasSuffix("no column named 't'; the header has 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', ... (5000 columns)"), missing)
        // A huge array in a scenario is echoed by its first items and its length.
        let array = "[" + Array(repeating: "7", count: 100_000).joined(separator: ", ") + "]"
        XCTAssertThrowsError(try Scenario(file: "a.toml", text: "[model]\nkind = \"correlations\"\nrho_ts = 0.1\nrho_sy = 0.1\nrho_ty = 0.1\n[student]\nn = \(array)\n")) { error in
            let text = String(describing: error)
            XCTAssertLessThan(text.count, 300, text)
            XCTAssertTrue(text.hasSuffix("student.n: expected a positive integer or \"inf\", got [7, 7, 7, 7, 7, 7, 7, 7, ... (100000 items)]"), text)
        }
    }

    /// Data near the largest doubles: the plug-in information is scale invariant, so scaling the
    /// columns by 1e300 changes nothing (it used to overflow and call the covariance singular).
    func testDataNearTheLargestDoublesGiveTheSameEstimates() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let data = GaussianSampler(model: model).draw(300, from: RandomStream(seed: 3))
        func csv(scale: Double) throws -> String {
            var text = "t,s,y\n"
            for r in 0..<data.rows { text += "\(data[r, 0] * scale),\(data[r, 1] * scale),\(data[r, 2] * scale)\n" }
            return try files.write("scale-\(scale).csv", text)
        }
        func estimates(_ path: String) throws -> [String: Any] {
            try jsonObject(try estimate(["--csv", path, "--teacher", "t", "--student", "s", "--label", "y", "--replicates", "0", "--json"]))
        }
        let plain = try estimates(try csv(scale: 1)), huge = try estimates(try csv(scale: 1e306))
        for key in ["gaussian_mi_ts", "gaussian_mi_sy", "ksg_mi_ts", "ksg_mi_sy"] {
            let a = try XCTUnwrap(plain[key] as? Double), b = try XCTUnwrap(huge[key] as? Double, "\(key): \(huge)")
            assertClose(a, b, absolute: 1e-9, relative: 1e-9, "\(key): \(a) vs \(b)")
        }
    }

    /// A latent noise or loading whose square overflows is refused by its own key (it used to be
    /// called a singular covariance, or blamed on teacher.scale).
    func testOverflowingLatentScalesAreBlamedOnTheirKeys() throws {
        func decodeError(_ line: String) -> ScenarioError? {
            let text = """
                [model]
                kind = "latent"
                teacher_loadings = [1.0, 0.2]
                student_loadings = [0.6, 0.5]
                label_loadings = [1.0, 0.4]
                \(line)
                [student]
                n = 20
                """
            do { _ = try KDAnalysis(of: Scenario(file: "l.toml", text: text)); return nil } catch { return error }
        }
        for (line, key) in [("label_noise = 1e155", "model.label_noise"), ("label_noise = 1e154", "model.label_noise"),
                            ("teacher_noise = 1e60", "model.teacher_noise")] {
            let e = decodeError(line)
            XCTAssertEqual(e?.key, key, line)
            XCTAssertTrue(e?.reason.contains("at most 1e+50") == true, "\(String(describing: e))")
        }
        XCTAssertNil(decodeError("label_noise = 1e40"))  // large but representable: analysed
        // A covariance entry beyond 1e100 is refused by the matrix key.
        let covariance = "[model]\nkind = \"covariance\"\ndt = 1\nds = 1\nmatrix = [[1e101, 0, 0], [0, 1, 0.5], [0, 0.5, 1]]\n[student]\nn = 20\n"
        XCTAssertThrowsError(try KDAnalysis(of: Scenario(file: "c.toml", text: covariance))) { error in
            XCTAssertEqual((error as? ScenarioError)?.key, "model.matrix")
        }
    }

    /// Things that are not regular files get errors that say what they are.
    func testFilesThatAreNotRegularFilesAreNamedForWhatTheyAre() throws {
        let dir = files.directory.path
        let scenario = try files.write("s.toml", "[model]\nkind = \"correlations\"\n")
        let fifo = dir + "/pipe.toml"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let loop = dir + "/loop.toml"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let cases: [(String, String)] = [
            ("/dev/null", "/dev/null: is a device, expected a regular file"),
            (fifo, "\(fifo): is a FIFO (named pipe), expected a regular file"),
            (loop, "\(loop): too many levels of symbolic links (a symlink loop?)"),
            (scenario + "/", "\(scenario)/: a part of the path is a file, not a directory"),
            (scenario + "/x.toml", "\(scenario)/x.toml: a part of the path is a file, not a directory"),
            (dir, "\(dir): is a directory, expected a file"),
            (dir + "/absent.toml", "\(dir)/absent.toml: no such file"),
        ]
        for (path, expected) in cases {
            let r = try CCHSimProcess.run(["analyze", path], timeout: 20)
            XCTAssertEqual(r.ending, .exit(1), path)
            XCTAssertEqual(r.err, "Error: \(expected)\n", path)
        }
    }

    /// Directories and unreadable files: the path and the reason in words, never Foundation's
    /// "The operation could not be completed" (docs/files.md, "Error messages").
    func testDirectoryAndPermissionErrorsSayTheReasonInWords() throws {
        let scenario = try files.write("s.toml", "[model]\nkind = \"correlations\"\n")
        let noSweeps = files.directory.appendingPathComponent("no-sweeps").path
        try FileManager.default.createDirectory(atPath: noSweeps, withIntermediateDirectories: true)
        try ScenarioFixtures.example.write(toFile: noSweeps + "/a.toml", atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["figures", "--scenarios", noSweeps], "\(noSweeps): no scenario file with a [sweep] or [data] table"),
            (["figures", "--scenarios", "no-such-dir"], "no-such-dir: no such directory (--scenarios names the directory of scenario files)"),
            (["figures", "--scenarios", scenario], "\(scenario): is a file, not a directory (--scenarios names the directory of scenario files)"),
            (["figures", "--scenarios", scenario + "/sub"],
             "\(scenario)/sub: a part of the path is a file, not a directory (--scenarios names the directory of scenario files)"),
            (["run", SizeLimitTests.shipped("fig3-gain-vs-lambda.toml"), "--out", scenario],
             "\(scenario): is a file, not a directory (the output directory)"),
            (["run", SizeLimitTests.shipped("fig3-gain-vs-lambda.toml"), "--out", scenario + "/out"],
             "\(scenario)/out: cannot use the output directory: a part of the path is a file, not a directory"),
        ]
        for (arguments, expected) in cases {
            let r = try CCHSimProcess.run(arguments, timeout: 20)
            XCTAssertEqual(r.ending, .exit(1), "\(arguments)")
            XCTAssertEqual(r.err, "Error: \(expected)\n", "\(arguments)")
        }
    }

    /// Permission denied, reading a file and writing into a directory. Root reads and writes
    /// whatever the mode bits say, so only a test run by another user can see it.
    func testPermissionDeniedIsSaidInWords() throws {
        let dir = files.directory.path
        guard geteuid() != 0 else { throw XCTSkip("running as root: mode 000 does not deny root reading a file") }
        let locked = try files.write("locked.toml", "[model]\nkind = \"correlations\"\n")
        XCTAssertEqual(chmod(locked, 0), 0)
        let r = try CCHSimProcess.run(["analyze", locked], timeout: 20)
        XCTAssertEqual(r.err, "Error: \(locked): permission denied\n")
        let readOnly = dir + "/read-only"
        XCTAssertEqual(mkdir(readOnly, 0o555), 0)
        let w = try CCHSimProcess.run(["run", SizeLimitTests.shipped("fig3-gain-vs-lambda.toml"), "--out", readOnly], timeout: 20)
        XCTAssertEqual(w.err, "Error: \(readOnly): cannot write into the output directory: permission denied\n")
    }

    /// The TOML parser inside TOMLKit aborts on a table header that cannot start with a key (found
    /// by the fuzzer: `[` alone on a line); such headers are syntax errors with their place.
    func testTableHeadersWithoutAKeyAreSyntaxErrorsNotAborts() throws {
        let bad: [(String, Int, Int)] = [("[\nx = 1\n", 1, 2), ("a = 1\n  [ \n", 2, 5), ("[[\n", 1, 3), ("[=]\n", 1, 2),
                                         ("[ # note\n", 1, 3), ("[\u{E9}]\n", 1, 2), ("[a]\n[\r\n", 2, 2)]
        for (text, line, column) in bad {
            XCTAssertThrowsError(try ScenarioDocument(file: "h.toml", text: text), text.debugDescription) { error in
                XCTAssertEqual(String(describing: error),
                               "h.toml: TOML syntax error at line \(line), column \(column): a table header needs a key after '[' (a bare or a quoted key)")
            }
        }
        // Brackets that open arrays on continuation lines, and inside strings, are not headers.
        let good = """
            # [ a comment
            matrix = [
              [
                1, 2
              ],
            [3, 4]]
            text = \"\"\"
            [
            \"\"\"
            literal = '''
            [ '''
            quoted = "[\\" # ["
            ["a b".c]
            [[ list ]]
            """
        XCTAssertNoThrow(try ScenarioDocument(file: "g.toml", text: good))
    }
}

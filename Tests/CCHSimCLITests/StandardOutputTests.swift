import CCHTestSupport
import Foundation
import XCTest

/// Issue 10, defect 5: a report that cannot be written (full disk, closed stdout) is an error with
/// exit 1, not a silent exit 0.
final class StandardOutputTests: XCTestCase {
    func testAFullDiskIsAnErrorWithExitOne() throws {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let example = SizeLimitTests.shipped("example.toml")
        for arguments in [["analyze", "--json", example], ["analyze", example], ["estimate-mi", example, "--n", "50", "--replicates", "0"],
                          ["analyze", "--help"]] {
            let r = try CCHSimProcess.run(arguments, stdout: full)
            XCTAssertEqual(r.ending, .exit(1), "\(arguments)")
            XCTAssertEqual(r.err, "Error: cannot write to standard output: no space left on the device\n", "\(arguments)")
        }
    }

    func testAClosedStandardOutputIsAnErrorAndNoFileTakesItsPlace() throws {
        let files = try TestFiles()
        defer { files.remove() }
        // A sweep opens files: with descriptor 1 closed, one of them would take its number and
        // receive the report. /bin/sh closes stdout for cchsim (`>&-`).
        let binary = try CCHSimExecutable.url.path
        let scenario = SizeLimitTests.shipped("fig3-gain-vs-lambda.toml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "SWIFT_BACKTRACE=enable=no \"$0\" run \"$1\" --out \"$2\" --no-plots >&- 2>\"$2/err\"",
                             binary, scenario, files.directory.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let err = try String(contentsOf: files.directory.appendingPathComponent("err"), encoding: .utf8)
        XCTAssertEqual(err, "Error: cannot write to standard output: it is closed\n")
        let csv = try String(contentsOf: files.directory.appendingPathComponent("fig3-gain-vs-lambda.csv"), encoding: .utf8)
        XCTAssertFalse(csv.contains("CCH agreement"), "the report went into the CSV")
        XCTAssertTrue(csv.hasPrefix("point,"), String(csv.prefix(80)))
    }
}

import CCHTestSupport
import Foundation
import XCTest

/// The same option gets the same check, message and exit code (64, a usage error) in every
/// command that has it.
final class OptionConsistencyTests: XCTestCase {
    func testTrialsIsCheckedAlikeInSimulateAndClassify() throws {
        let path = try CommandLineTests.scenarioFile(ScenarioFixtures.example)
        for command in ["simulate", "classify"] {
            let r = try CommandLineTests.run([command, path, "--trials", "1"])
            XCTAssertEqual(r.status, 64, "\(command): \(r.err)")
            XCTAssert(r.err.contains("--trials must be at least 2, got 1"), "\(command): \(r.err)")
            XCTAssertFalse(r.err.contains("s.toml: trials"), "\(command) names a key that is not in the file: \(r.err)")
        }
    }

    func testThreadsIsCheckedAlikeInRunFiguresAndSimulate() throws {
        let path = try CommandLineTests.scenarioFile(ScenarioFixtures.example)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for arguments in [["run", path], ["figures", "--scenarios", directory, "--out", directory], ["simulate", path]] {
            let r = try CommandLineTests.run(arguments + ["--threads", "0"])
            XCTAssertEqual(r.status, 64, "\(arguments[0]): \(r.err)")
            XCTAssert(r.err.contains("--threads must be at least 1, got 0"), "\(arguments[0]): \(r.err)")
        }
    }

    func testEnumOptionsListTheirValuesInHelp() throws {
        let r = try CommandLineTests.run(["simulate", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssert(r.out.contains("values: moments, triples"), r.out)
    }
}

/// Missing or wrong paths are named, with the reason in words.
final class PathErrorTests: XCTestCase {
    func testFiguresNamesAMissingScenarioDirectory() throws {
        let missing = try TestDirectory.make().appendingPathComponent("no-such-dir").path
        let r = try CommandLineTests.run(["figures", "--scenarios", missing, "--out", missing + "-out"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssert(r.err.contains("\(missing): no such directory"), r.err)
        XCTAssertFalse(r.err.contains("The operation could not be completed"), r.err)
    }
}

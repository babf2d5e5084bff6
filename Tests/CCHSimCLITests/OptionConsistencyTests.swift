import CCHTestSupport
import Foundation
import XCTest

/// The same option gets the same check, message and exit code (64, a usage error) in every
/// command that has it.
final class OptionConsistencyTests: XCTestCase {
    func testTrialsIsCheckedAlikeInSimulateAndClassify() throws {
        let path = try TestDirectory.file(ScenarioFixtures.example)
        for command in ["simulate", "classify"] {
            let r = try CCHSimExecutable.run([command, path, "--trials", "1"])
            XCTAssertEqual(r.status, 64, "\(command): \(r.err)")
            XCTAssert(r.err.contains("--trials must be at least 2, got 1"), "\(command): \(r.err)")
            XCTAssertFalse(r.err.contains("s.toml: trials"), "\(command) names a key that is not in the file: \(r.err)")
        }
    }

    func testThreadsIsCheckedAlikeInRunFiguresAndSimulate() throws {
        let path = try TestDirectory.file(ScenarioFixtures.example)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for arguments in [["run", path], ["figures", "--scenarios", directory, "--out", directory], ["simulate", path]] {
            let r = try CCHSimExecutable.run(arguments + ["--threads", "0"])
            XCTAssertEqual(r.status, 64, "\(arguments[0]): \(r.err)")
            XCTAssert(r.err.contains("--threads must be at least 1, got 0"), "\(arguments[0]): \(r.err)")
        }
    }

    /// Every option error is a usage error: exit 64, one `Error:` line naming the option, and the
    /// usage line, whether the parser, a `validate()` or the command's own check finds it.
    func testEveryOptionErrorExits64() throws {
        let path = try TestDirectory.file(ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.1, 0.5]"))
        let out = try TestDirectory.make().path
        let cases: [(arguments: [String], message: String)] = [
            (["run", path, "--out", out, "--shard", "4/3"], "The value '4/3' is invalid for '--shard <shard>': expected i/N with 1 <= i <= N"),
            (["run", path, "--out", out, "--shard", "two"], "invalid for '--shard <shard>'"),
            (["run", path, "--out", out, "--formats", "gif"], "--formats"),
            (["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--target", "logits"],
             "The value 'logits' is invalid for '--target <target>'. Please provide one of 'prediction' and 'representation'"),
            (["analyze", "--rho-ts", "0.5", "--rho-sy", "0.2", "--rho-ty", "0.1", "--n", "many"], "--n must be an integer or 'inf'"),
            (["estimate-mi", path, "--estimators", "mine"], "unknown estimator 'mine'"),
            (["estimate-mi", path, "--level", "2"], "--level must lie strictly between 0 and 1"),
            (["reliability", path, "--n", "1"], "--n needs sample sizes of at least 2"),
            (["simulate", path, "--trails", "3"], "Unknown option '--trails'. Did you mean '--trials'?"),
            (["analyse", path], "unknown subcommand 'analyse' (did you mean analyze?)"),
        ]
        for c in cases {
            let r = try CCHSimExecutable.run(c.arguments)
            XCTAssertEqual(r.status, 64, "\(c.arguments): \(r.err)")
            XCTAssert(r.err.hasPrefix("Error: ") && r.err.contains(c.message), "\(c.arguments): \(r.err)")
            XCTAssert(r.err.contains("Usage: cchsim"), "\(c.arguments): \(r.err)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [], "an option error writes nothing")
    }

    /// Every command that writes files into a directory writes into the current directory unless
    /// told otherwise, and says so in its help.
    func testTheDefaultOutputDirectoryIsTheCurrentOne() throws {
        for command in ["run", "figures", "teachers"] {
            let r = try CCHSimExecutable.run([command, "--help"])
            XCTAssert(r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("Output directory, created when missing (default: the current directory)."), "\(command): \(r.out)")
        }
        let directory = try TestDirectory.make()
        let path = directory.appendingPathComponent("s.toml").path
        try ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.1, 0.5]").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CCHSimExecutable.run(["run", "s.toml", "--no-plots"], directory: directory.path)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssert(FileManager.default.fileExists(atPath: directory.appendingPathComponent("grid.csv").path))
    }

    /// The shells complete scenario files (`.toml`) and directories for the scenario argument,
    /// directories for --out, and the values of enum options.
    func testCompletionOffersScenarioFilesDirectoriesAndValues() throws {
        let directory = try TestDirectory.make()
        for name in ["a.toml", "b.csv"] { try "".write(toFile: directory.appendingPathComponent(name).path, atomically: true, encoding: .utf8) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let script = try CCHSimExecutable.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(script.status, 0, script.err)
        let file = directory.appendingPathComponent("completion.bash").path
        try script.out.write(toFile: file, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> Set<String> {
            let line = words.joined(separator: " ")
            let shell = "source \(file); cd \(directory.path); COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); "
                + "COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=\(line.count); _cchsim cchsim '' '\(words[words.count - 2])'; printf '%s\\n' \"${COMPREPLY[@]}\""
            let r = try Subprocess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", shell])
            return Set(r.out.split(separator: "\n").map(String.init))
        }
        let scenario = try complete(["cchsim", "analyze", ""])
        XCTAssert(scenario.contains("a.toml") && scenario.contains { $0.hasPrefix("sub") } && !scenario.contains("b.csv"), "\(scenario)")
        let out = try complete(["cchsim", "run", "a.toml", "--out", ""])
        XCTAssert(out.contains { $0.hasPrefix("sub") } && !out.contains("a.toml"), "\(out)")
        XCTAssertEqual(try complete(["cchsim", "analyze", "--target", ""]), ["prediction", "representation"])
        XCTAssertEqual(try complete(["cchsim", "run", "a.toml", "--formats", ""]), ["png", "pdf", "svg"])
    }

    func testEnumOptionsListTheirValuesInHelp() throws {
        let r = try CCHSimExecutable.run(["simulate", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssert(r.out.contains("values: moments, triples"), r.out)
    }
}

/// Missing or wrong paths are named, with the reason in words.
final class PathErrorTests: XCTestCase {
    func testFiguresNamesAMissingScenarioDirectory() throws {
        let missing = try TestDirectory.make().appendingPathComponent("no-such-dir").path
        let r = try CCHSimExecutable.run(["figures", "--scenarios", missing, "--out", missing + "-out"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssert(r.err.contains("\(missing): no such directory"), r.err)
        XCTAssertFalse(r.err.contains("The operation could not be completed"), r.err)
    }
}

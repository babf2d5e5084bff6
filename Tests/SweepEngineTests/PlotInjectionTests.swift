import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import Foundation
import XCTest

/// Issue 10, defect 1: no text from a scenario, a CSV, a file name or an option is ever
/// interpreted by gnuplot or a shell. Hostile text goes into every field that reaches a plot
/// (title, name, scenario file name, output directory, the scenario text a merge reads from a
/// shard's metadata, the CSV's invalid_reason); each attempt would create a marker file if it ran.
final class PlotInjectionTests: XCTestCase {
    /// Attacks on gnuplot's parser, each creating `marker` if it were executed: backquotes, a double
    /// quote closing the string, a single quote closing it and calling system(), a newline starting
    /// a shell escape (`!`), a macro, a trailing backslash (line continuation), a shell substitution.
    static func attacks(_ marker: String) -> [String] {
        [
            "a `touch \(marker)` b",
            "q\" . system(\"touch \(marker)\") . \"",
            "s' . system('touch \(marker)') . '",
            "line\n!touch \(marker)\n#",
            "@outfile `touch \(marker)`",
            "trailing \\",
            "$(touch \(marker)) ${HOME} ;touch \(marker)",
            "{/Symbol a} x_1^2 & ~ ρ_{ts} \\n \\` ''",
        ]
    }

    /// The gnuplot expression `GnuplotText.string` writes evaluates to the text itself (control
    /// characters as spaces, line breaks kept), and nothing in it runs.
    func testStringsAreDataForGnuplot() throws {
        guard let gnuplot = Gnuplot.executable else { throw XCTSkip("gnuplot is not installed: escaping not checked against gnuplot") }
        let dir = try SweepRunTests.directory()
        let marker = dir + "/pwned"
        let texts = Self.attacks(marker) + ["bell\u{7} tab\t cr\r del\u{7F} ls\u{2028} end", "", "'", "''", "\"", "\n"]
        for (i, text) in texts.enumerated() {
            let script = "set print 'out-\(i).txt'\nprint \(GnuplotText.string(text))\n"
            try script.write(toFile: dir + "/print-\(i).gp", atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gnuplot)
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            process.arguments = ["print-\(i).gp"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "gnuplot accepts the string of \(text.debugDescription)")
            let printed = try String(contentsOfFile: dir + "/out-\(i).txt", encoding: .utf8)
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 != "\n" && ScenarioText.isControl($0) ? " " : $0 }))
            XCTAssertEqual(printed, expected + "\n", "round trip of \(text.debugDescription)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "an attack ran")
    }

    func testEnhancedLiteralAndComments() {
        XCTAssertEqual(GnuplotText.literal("a_b^c@d&e~f{g}h\\i"), "a\\_b\\^c\\@d\\&e\\~f\\{g\\}h\\\\i")
        XCTAssertEqual(GnuplotText.comment("x\n!touch y\r\u{7}z"), "x !touch y  z")
        XCTAssertEqual(GnuplotText.string("it's\nfine"), "'it'.\"'\".'s'.\"\\n\".'fine'")
    }

    /// Names that would escape the output directory, hide a file, read as an option or span lines
    /// are refused with the file and key; titles may hold line breaks but no other control character.
    func testBadNamesAndTitlesAreRefused() throws {
        let cases: [(String, String, String)] = [
            ("name = \"a\\n!touch pwned\\n#\"", "name", "control character U+000A"),
            ("name = \"../up\"", "name", "path separator"),
            ("name = \"a/b\"", "name", "path separator"),
            ("name = \"a\\\\b\"", "name", "path separator"),
            ("name = \".hidden\"", "name", "may not start with '.'"),
            ("name = \"-rf\"", "name", "may not start with '.', '-'"),
            ("name = \"<cmd\"", "name", "may not start with"),
            ("name = \"\"", "name", "is empty"),
            ("name = \"\(String(repeating: "x", count: 121))\"", "name", "longer than 120"),
            ("name = \"ok\"\n[output]\ntitle = \"bell\\u0007\"", "output.title", "control character U+0007"),
        ]
        for (toml, key, reason) in cases {
            let text = ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.1, 0.2]").replacingOccurrences(of: "name = \"grid\"", with: toml)
            XCTAssertThrowsError(try Sweep(file: "bad.toml", text: text), toml) {
                XCTAssert("\($0)".contains("bad.toml") && "\($0)".contains(key) && "\($0)".contains(reason), "\(toml): \($0)")
            }
        }
        let multiline = ScenarioFixtures.sweepScenario("[output]\ntitle = \"first\\nsecond\"\n[sweep]\n\"student.lambda\" = [0.1, 0.2]")
        XCTAssertEqual(try Sweep(file: "ok.toml", text: multiline).output.title, "first\nsecond")
    }

    /// Every script cchsim writes, for every plot kind, with hostile text in each field: outside
    /// single-quoted strings there is no backquote, no macro and no system(), and the only
    /// double-quoted strings are cchsim's constants; gnuplot renders each script and no marker appears.
    func testHostileTextInEveryFieldReachesNoShell() throws {
        let dir = try SweepRunTests.directory()
        let marker = dir + "/pwned"
        let attacks = Self.attacks(marker)
        let title = attacks.joined(separator: " | ")
        let name = "n`touch pwned`'\"$(touch pwned)@x{y}"  // a name holds no '/': relative markers
        let kinds = [
            ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [-0.6, 0.2, 0.6, 0.95]\n\"model.rho_sy\" = [-0.4, 0.4]"),  // maps, invalid points
            ScenarioFixtures.sweepScenario("[monte_carlo]\ntrials = 50\n[sweep]\n\"model.rho_ts\" = [0.2, 0.5, 0.95]\n\"student.lambda\" = [0.1, 0.5]",
                                    student: "n = 20\nlambda = 0.3"),  // curves with Monte Carlo and an invalid point
            ScenarioFixtures.sweepScenario("[sweep]\n\"model.draw\" = { from = 0, to = 19, steps = 20 }", model: "kind = \"random-latent\""),  // scatter
            ScenarioFixtures.sweepScenario("[estimation]\nrepeats = 20\n[sweep]\n\"estimation.n\" = [20, 200]"),  // reliability
        ]
        for (k, kind) in kinds.enumerated() {
            let out = dir + "/o`touch pwned`'\"$(touch pwned)-\(k)"
            var text = kind
            text = text.replacingOccurrences(of: "name = \"grid\"", with: "name = \(JSONText.quote(name))")
            text += "[output]\ntitle = \(JSONText.quote(title))\n"
            let file = try SweepRunTests.file(text, "f`touch pwned`$(touch pwned)'\(k).toml", in: dir)
            let outcome = try SweepRunTests.runSweep(file, options: SweepRunTests.options(out, plots: true))
            let scripts = outcome.plotFiles.filter { $0.hasSuffix(".gp") }
            XCTAssertFalse(scripts.isEmpty, "kind \(k) draws plots")
            for script in scripts { try Self.checkScript(try String(contentsOfFile: script, encoding: .utf8), script) }
            if Gnuplot.executable != nil {
                XCTAssertEqual(outcome.plotWarnings, [], "kind \(k)")
                XCTAssertEqual(outcome.plotFiles.filter { $0.hasSuffix(".png") }.count, scripts.count, "kind \(k) renders")
            }
        }
        XCTAssertEqual(Self.markers(in: dir), [], "an attack ran")
        if Gnuplot.executable == nil { throw XCTSkip("gnuplot is not installed: scripts checked, not rendered") }
    }

    /// `merge` draws from the scenario text in the shards' metadata and from their CSV rows: a
    /// hostile title there and a hostile invalid_reason in a row run nothing either.
    func testMergeOfHostileShardsRunsNothing() throws {
        let dir = try SweepRunTests.directory()
        let marker = dir + "/pwned"
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [-0.6, 0.2, 0.6, 0.95]\n\"model.rho_sy\" = [-0.4, 0.4]")
            + "[output]\ntitle = \(JSONText.quote(Self.attacks(marker).joined(separator: " ")))\n"
        let path = try SweepRunTests.file(text, in: dir)
        var shards: [String] = []
        for i in 1...2 {
            shards.append(try SweepRunTests.runSweep(path, options: SweepRunTests.options(dir, shard: Shard(index: i, count: 2))).csvPath)
        }
        var rows = try SweepRunTests.lines(shards[1])
        let invalid = try XCTUnwrap(rows.firstIndex { $0.contains("violate") })
        rows[invalid] = rows[invalid].replacingOccurrences(of: "violate", with: "violate `touch \(marker)` $(touch \(marker)) @x '")
        let edited = rows.joined(separator: "\n") + "\n"
        try edited.write(toFile: shards[1], atomically: true, encoding: .utf8)
        // An attacker who edits a shard also rewrites the SHA-256 its metadata holds (merge checks it).
        let meta = ShardMerge.metadataPath(ofCSV: shards[1])
        try String(contentsOfFile: meta, encoding: .utf8)
            .replacingOccurrences(of: #""csv_sha256":\s*"[0-9a-f]+""#, with: "\"csv_sha256\":\"\(SHA256.hex(edited))\"", options: .regularExpression)
            .write(toFile: meta, atomically: true, encoding: .utf8)
        let merged = try ShardMerge(csvPaths: shards, outDirectory: dir + "/merged", plots: true).run()
        for script in merged.plotFiles.filter({ $0.hasSuffix(".gp") }) { try Self.checkScript(try String(contentsOfFile: script, encoding: .utf8), script) }
        XCTAssertEqual(Self.markers(in: dir), [], "an attack ran")
        if Gnuplot.executable == nil { throw XCTSkip("gnuplot is not installed: scripts checked, not rendered") }
        XCTAssertEqual(merged.plotFiles.filter { $0.hasSuffix(".png") }.count, merged.plotFiles.filter { $0.hasSuffix(".gp") }.count)
        XCTAssertEqual(merged.plotWarnings, [])
    }

    /// The files named `pwned` anywhere under `directory`.
    static func markers(in directory: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return all.filter { $0 == "pwned" || $0.hasSuffix("/pwned") }
    }

    /// Outside single-quoted strings a script line has no backquote, no `@`, no `system`, no `!`
    /// at its start, and double-quoted strings only from cchsim's fixed set; comments are one line.
    static func checkScript(_ script: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let allowedDouble: Set<String> = ["\"outfile\"", "\"format\"", "\"\\n\"", "\"'\"", "\"black\""]
        for text in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if text.hasPrefix("#") { continue }
            var outside = "", doubles: [String] = []
            var rest = Substring(text)
            while let c = rest.first {
                rest = rest.dropFirst()
                guard c == "'" || c == "\"" else {
                    outside.append(c)
                    continue
                }
                guard let close = rest.firstIndex(of: c) else {
                    XCTFail("\(path): unterminated string in \(text)", file: file, line: line)
                    break
                }
                if c == "\"" { doubles.append("\"" + rest[..<close] + "\"") }
                rest = rest[rest.index(after: close)...]
            }
            XCTAssertFalse(outside.contains("`") || outside.contains("@") || outside.contains("system") || outside.hasPrefix("!"),
                           "\(path): \(text)", file: file, line: line)
            for literal in doubles {
                let colour = literal.count == 9 && literal.dropFirst().hasPrefix("#")
                XCTAssert(colour || allowedDouble.contains(literal), "\(path): double-quoted \(literal) in \(text)", file: file, line: line)
            }
        }
    }
}

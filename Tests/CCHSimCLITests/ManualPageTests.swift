import CCHTestSupport
import Foundation
import XCTest

/// scripts/man-page.py, which `make install` runs over the generated man page: examples become
/// literal displays, blank lines paragraph breaks, cited documents their installed paths; the
/// installed page itself is linted by `make install-check` (mandoc, man).
final class ManualPageTests: XCTestCase {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/man-page.py")

    func testExamplesBecomeLiteralDisplaysAndDocsTheirInstalledPaths() throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else { throw XCTSkip("python3 is not installed") }
        let generated = """
            .Nd "Test the hypothesis."
            .It Em analyze
            Give a scenario file. See docs/scenarios.md for the keys.

            Example: cchsim analyze s.toml --json
            .Bl -tag -width 6n
            .It Fl -target Ar target
            KD target.
            .Pp
            .It Fl -json
            Examples:
              cchsim estimate-mi s.toml --n 2000
              make data && cchsim teachers d.toml
              cchsim analyze --rho-ts 0.6 --rho-sy 0.4 --rho-ty 0.3 --n inf --ridge 0.05 --lambda 0.2
            .El
            """
        let input = try TestFiles()
        defer { input.remove() }
        let path = try input.write("in.1", generated + "\n")
        let r = try Subprocess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "'\(python.path)' '\(Self.script.path)' /p/share/doc/cchsim < '\(path)'"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
            .Nd "Test the hypothesis"
            .It Em analyze
            Give a scenario file.
            See \\%/\\:p/\\:share/\\:doc/\\:cchsim/\\:scenarios.md for the keys.
            .Pp
            Example:
            .Bd -literal -offset indent
            cchsim analyze s.toml --json
            .Ed
            .Bl -tag -width 6n
            .It Fl -target Ar target
            KD target.
            .It Fl -json
            Examples:
            .Bd -literal -offset indent
            cchsim estimate-mi s.toml --n 2000
            make data && cchsim teachers d.toml
            cchsim analyze --rho-ts 0.6 --rho-sy 0.4 --rho-ty 0.3 \\e
                --n inf --ridge 0.05 --lambda 0.2
            .Ed
            .El

            """)
    }
}

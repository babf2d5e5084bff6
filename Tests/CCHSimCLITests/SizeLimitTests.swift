import CCHTestSupport
import CCHScenario
import CrossModalKD
import Foundation
import XCTest

/// Issue 10, defect 4: sizes out of range (near 2^63, or samples of terabytes) are clean errors
/// naming the key or option and the largest value accepted (or the memory needed), found before
/// anything is allocated; they used to trap on overflow (exit 132) or abort on allocation (134).
final class SizeLimitTests: XCTestCase {
    private var files: TestFiles!
    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")
    static func shipped(_ name: String) -> String { scenarios.appendingPathComponent(name).path }

    /// `cchsim arguments` fails cleanly and its message holds every one of `parts`.
    private func assertCleanError(_ arguments: [String], mentions parts: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CCHSimProcess.run(arguments, timeout: 60)
        XCTAssertTrue(r.isCleanError, "\(arguments): \(r.ending), stderr: \(r.err.prefix(300))", file: file, line: line)
        for part in parts { XCTAssertTrue(r.err.contains(part), "\(arguments): '\(part)' missing from \(r.err.prefix(300))", file: file, line: line) }
    }

    /// `shipped` with the first line matching `pattern` (a regular expression) replaced by `line`.
    private func variant(_ name: String, replacing pattern: String, with replacement: String) throws -> String {
        let text = try String(contentsOfFile: Self.shipped(name), encoding: .utf8)
        guard let range = text.range(of: pattern, options: .regularExpression) else { throw CocoaError(.fileReadCorruptFile) }
        return try files.write(name, text.replacingCharacters(in: range, with: replacement))
    }

    func testCommandLineCountsNear2To63AreUsageErrorsNamingTheBound() throws {
        let example = Self.shipped("example.toml"), sweep = Self.shipped("fig1-paper-regime-map.toml")
        let huge = String(Int.max)
        try assertCleanError(["simulate", example, "--threads", "2305843009213693952"], mentions: ["--threads", "at most 1024"])
        try assertCleanError(["run", sweep, "--threads", "2305843009213693952", "--out", files.directory.path, "--no-plots"],
                             mentions: ["--threads", "at most 1024"])
        try assertCleanError(["estimate-mi", example, "--k", huge], mentions: ["--k", "at most \(SizeLimits.maximumSampleSize)"])
        try assertCleanError(["estimate-mi", example, "--n", huge], mentions: ["--n", "at most \(SizeLimits.maximumSampleSize)"])
        try assertCleanError(["reliability", example, "--n", huge], mentions: ["--n", "at most"])
        try assertCleanError(["simulate", example, "--threads", "-1"], mentions: ["--threads must be at least 1, got -1"])
    }

    func testSamplesBeyondTheMemoryCeilingNameTheMemoryAndTheLargestRowCount() throws {
        let example = Self.shipped("example.toml"), cls = Self.shipped("cls-noisy-labels.toml")
        // example: dt = ds = 1, so 3 numbers per row and at most 2^30 / 24 rows.
        let rows = SizeLimits.maximumRows(numbersPerRow: 3)
        XCTAssertEqual(rows, 44_739_242)
        try assertCleanError(["estimate-mi", example, "--n", "100000000000"],
                             mentions: [example, "--n", "2.2 TiB", "at most \(rows) rows"])
        try assertCleanError(["classify", cls, "--trials", "4", "--test-n", "100000000000"], mentions: [cls, "--test-n", "TiB"])
        // The ceiling itself is accepted: one row more is refused.
        try assertCleanError(["estimate-mi", example, "--n", String(rows + 1)], mentions: ["at most \(rows) rows, got \(rows + 1)"])
    }

    func testScenarioSizesNear2To63AreErrorsNamingTheKey() throws {
        let tooBig = "9223372036854775000"
        let teacher = try variant("cls-clean-teacher-noisy-student.toml", replacing: "\nn = 400", with: "\nn = \(tooBig)")
        try assertCleanError(["classify", teacher, "--trials", "4"], mentions: ["teacher.n", "at most \(SizeLimits.maximumSampleSize)"])
        let student = try variant("cls-clean-teacher-noisy-student.toml", replacing: "\nn = 40\n", with: "\nn = \(tooBig)\n")
        try assertCleanError(["classify", student, "--trials", "4"], mentions: ["student.n", "at most"])
        let logistic = try variant("cls-clean-teacher-noisy-student.toml", replacing: "\nn = 40\n", with: "\nn = 1000000000000\n")
        try assertCleanError(["classify", logistic, "--trials", "4"], mentions: ["student.n", "50.9 TiB", "at most 19173961 rows"])
        let covariance = try files.write("cov.toml", """
            [model]
            kind = "covariance"
            dt = \(Int.max)
            ds = 1
            matrix = [[1, 0, 0], [0, 1, 0.5], [0, 0.5, 1]]
            [student]
            n = 10
            """)
        try assertCleanError(["analyze", covariance], mentions: ["model.dt", "at most 1000"])
        let rows = Array(repeating: "[1.0, 0.5]", count: 100_000).joined(separator: ", ")
        let latent = try files.write("latent.toml", """
            [model]
            kind = "latent"
            teacher_loadings = [\(rows)]
            student_loadings = [[1.0, 0.2]]
            label_loadings = [1, 1]
            [student]
            n = 10
            """)
        try assertCleanError(["analyze", latent], mentions: ["model.teacher_loadings", "100000 rows", "at most 1000"])
    }

    /// Every integer key of a scenario with a ceiling, decoded in-process: the error names the key.
    func testEveryCeilingOfTheScenarioDecoderNamesItsKey() throws {
        let base = try String(contentsOfFile: Self.shipped("example.toml"), encoding: .utf8)
        let cases: [(table: String, key: String, value: Int)] = [
            ("monte_carlo", "threads", SizeLimits.maximumThreads + 1),
            ("monte_carlo", "test_n", SizeLimits.maximumSampleSize + 1),
            ("monte_carlo", "trials", SizeLimits.maximumTrials + 1),
            ("estimation", "repeats", SizeLimits.maximumStoredTrials + 1),
            ("estimation", "k", SizeLimits.maximumSampleSize + 1),
            ("estimation", "n", SizeLimits.maximumRows(numbersPerRow: 3) + 1),
        ]
        for c in cases {
            let text = base + "\n[\(c.table)]\n\(c.key) = \(c.value)\n"
            XCTAssertThrowsError(try Scenario(file: "s.toml", text: text), "\(c.table).\(c.key)") { error in
                let e = error as? ScenarioError
                XCTAssertEqual(e?.key, "\(c.table).\(c.key)")
                XCTAssertTrue(e?.reason.contains("at most") == true, "\(String(describing: e))")
            }
        }
    }
}

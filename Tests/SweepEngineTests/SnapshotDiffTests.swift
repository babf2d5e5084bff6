@testable import CCHTestSupport
import Foundation
import Testing

/// The mismatch message of `assertSnapshot` (CCHTestSupport/Snapshot.swift): a unified diff of the
/// snapshot (-) against the text produced now (+), in hunks with three lines of context.
struct SnapshotDiffTests {
    static let ten = (1...10).map { "line \($0)\n" }.joined()

    @Test func equalTextsHaveNoDiff() {
        #expect(Snapshot.unifiedDiff(expected: Self.ten, actual: Self.ten) == nil)
    }

    @Test func aChangedLineIsOneHunkWithItsContext() {
        let changed = Self.ten.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(Snapshot.unifiedDiff(expected: Self.ten, actual: changed) == """
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8
            """)
    }

    @Test func distantChangesAreSeparateHunksAndCountTheirLines() {
        let changed = "line 0\n" + Self.ten.replacingOccurrences(of: "line 10\n", with: "")
        #expect(Snapshot.unifiedDiff(expected: Self.ten, actual: changed) == """
            @@ -1,3 +1,4 @@
            +line 0
             line 1
             line 2
             line 3
            @@ -7,4 +8,3 @@
             line 7
             line 8
             line 9
            -line 10
            """)
    }

    @Test func aMissingFinalNewlineIsShown() throws {
        let diff = try #require(Snapshot.unifiedDiff(expected: "a\nb\n", actual: "a\nb"))
        #expect(diff == "@@ -1,2 +1,3 @@\n a\n b\n+\\ No newline at end of text", "\(diff)")
    }

    /// A snapshot file sits in `Snapshots/` beside the test file that names it.
    @Test func snapshotsLiveBesideTheirTestFile() {
        #expect(Snapshot.directory(besides: "/repo/Tests/SweepEngineTests/X.swift").path == "/repo/Tests/SweepEngineTests/Snapshots")
    }
}

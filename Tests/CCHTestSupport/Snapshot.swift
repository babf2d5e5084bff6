import Foundation

/// Compares a text that cchsim produces (a help text, a gnuplot script) with its snapshot file, in
/// the `Snapshots` directory beside the calling test file, and reports a mismatch as a unified diff
/// (the pattern of swift-argument-parser's `assertSnapshot` in `ArgumentParserTestHelpers`).
///
/// With the environment variable `CCHSIM_RECORD_SNAPSHOTS=1` the snapshot is (re)written from
/// `actual` instead, and the check passes; `make snapshots` runs every snapshot test so, and
/// `git diff Tests/` shows what changed (docs/testing.md). A missing snapshot fails unless recording,
/// so a new command or figure cannot pass without its snapshot being committed.
///
/// - Parameters:
///   - actual: the text produced now.
///   - name: the snapshot's file name, e.g. `help-run.txt` (one path component).
public func assertSnapshot(_ actual: String, named name: String,
                           fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column) {
    let site = CallSite(fileID: fileID, filePath: filePath, line: line, column: column)
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
        return site.fail("snapshot name \(name.debugDescription) is not a plain file name")
    }
    let url = Snapshot.directory(besides: "\(filePath)").appendingPathComponent(name)
    if Snapshot.recording {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
        } catch {
            site.fail("cannot record snapshot \(url.path): \(error)")
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        return site.fail("no snapshot \(url.path); record it with \(Snapshot.recordVariable)=1 (make snapshots)")
    }
    let expected = String(decoding: data, as: UTF8.self)
    if let diff = Snapshot.unifiedDiff(expected: expected, actual: actual) {
        site.fail("\(name) differs from its snapshot (- snapshot, + now); if the change is meant, "
                  + "re-record with \(Snapshot.recordVariable)=1 (make snapshots):\n\(diff)")
    }
}

/// The names of the snapshot files beside the calling test file (none when it has no `Snapshots/`),
/// for a test that no snapshot outlives what it was recorded from.
public func snapshotNames(filePath: StaticString = #filePath) -> [String] {
    let directory = Snapshot.directory(besides: "\(filePath)")
    return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
}

/// Where snapshots live, the record switch, and the diff of a mismatch.
enum Snapshot {
    /// The environment variable that turns checking into recording.
    static let recordVariable = "CCHSIM_RECORD_SNAPSHOTS"

    static var recording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// `Snapshots/` in the directory of the test file `path`.
    static func directory(besides path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("Snapshots", isDirectory: true)
    }

    /// The lines of `text` ("a\n" is one line; a missing final newline shows as a marker line).
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() } else { lines.append("\\ No newline at end of text") }
        return lines
    }

    /// The hunks in which `actual` differs from `expected`, with `context` unchanged lines around each
    /// change, in unified-diff form (`@@ -a,n +b,m @@`, then ` `, `-` and `+` lines); nil when equal.
    static func unifiedDiff(expected: String, actual: String, context: Int = 3) -> String? {
        guard expected != actual else { return nil }
        let old = lines(expected), new = lines(actual)
        let difference = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The edit script as (kind, old index, new index), walking both texts in step.
        var script: [(mark: Character, old: Int, new: Int)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                script.append(("-", i, j)); i += 1
            } else if j < new.count, inserted.contains(j) {
                script.append(("+", i, j)); j += 1
            } else {
                script.append((" ", i, j)); i += 1; j += 1
            }
        }
        let changed = script.indices.filter { script[$0].mark != " " }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        var out: [String] = []
        for hunk in hunks {
            let entries = script[hunk]
            let oldCount = entries.filter { $0.mark != "+" }.count, newCount = entries.filter { $0.mark != "-" }.count
            guard let first = entries.first else { continue }
            out.append("@@ -\(first.old + 1),\(oldCount) +\(first.new + 1),\(newCount) @@")
            for entry in entries {
                out.append("\(entry.mark)" + (entry.mark == "+" ? new[entry.new] : old[entry.old]))
            }
        }
        return out.joined(separator: "\n")
    }
}

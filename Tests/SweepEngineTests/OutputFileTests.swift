import CCHScenario
import CCHTestSupport
@testable import SweepEngine
import Foundation
import XCTest

/// The engine's file primitives (docs/files.md): atomic whole-file writes that leave nothing
/// behind when they fail, the appended CSV and its resume cut, the output directory, line reading.
final class OutputFileTests: XCTestCase {
    private var files: TestFiles!
    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    private var names: [String] { (try? InputFile.names(inDirectory: files.directory.path)) ?? ["?"] }

    func testAtomicWriteReplacesWholeAndAFailedOneLeavesNothing() throws {
        let dir = files.directory.path
        let target = dir + "/meta.json"
        try AtomicFile.write("first\n", to: target)
        try AtomicFile.write("second\n", to: target)
        XCTAssertEqual(try InputFile.text(target), "second\n")
        XCTAssertEqual(names, ["meta.json"])
        // A directory where the file should go: the rename fails, the temporary file is removed,
        // and the message names the target, not the temporary file.
        XCTAssertEqual(mkdir(dir + "/taken", 0o755), 0)
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/taken")) {
            XCTAssertEqual("\($0)", "\(dir)/taken: cannot write: is a directory, expected a file")
        }
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/missing/file")) {
            XCTAssertEqual("\($0)", "\(dir)/missing/file: cannot write: no such directory \(dir)/missing")
        }
        XCTAssertEqual(names, ["meta.json", "taken"])
    }

    /// The streamed file keeps the SHA-256 of its bytes across a resume cut, and a resume refuses
    /// what is missing.
    func testAppendFileResumesCutToItsCheckpoint() throws {
        let path = files.directory.path + "/.g.csv.partial"
        let file = try AppendFile(creating: path)
        try file.append(Array("header\nrow 1\nrow 2 cut sh".utf8))
        try file.close()
        XCTAssertEqual(file.digest.hex, SHA256.hex("header\nrow 1\nrow 2 cut sh"))
        var kept = SHA256()
        kept.update(Array("header\nrow 1\n".utf8))
        let resumed = try AppendFile(resuming: path, length: 13, digest: kept)
        try resumed.append(Array("row 2\n".utf8))
        try resumed.close()
        XCTAssertEqual(try InputFile.text(path), "header\nrow 1\nrow 2\n")
        XCTAssertEqual(resumed.digest.hex, SHA256.hex("header\nrow 1\nrow 2\n"))
        XCTAssertEqual(names, [".g.csv.partial"], "created under a temporary name and renamed: nothing else is left")
        XCTAssertThrowsError(try AppendFile(resuming: path + "-absent", length: 0, digest: SHA256())) {
            XCTAssertEqual("\($0)", "\(path)-absent: cannot reopen: no such file")
        }
    }

    /// SHA-256 given in pieces of every size across the 64-byte blocks equals the one-shot digest,
    /// and the FIPS 180-4 vector of a million 'a's.
    func testSHA256InPiecesEqualsTheWholeMessage() {
        var random = SplitMix(seed: 22)
        let message = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        for piece in [1, 7, 63, 64, 65, 200] {
            var hash = SHA256()
            for start in stride(from: 0, to: message.count, by: piece) { hash.update(message[start..<min(message.count, start + piece)]) }
            XCTAssertEqual(hash.hex, SHA256.hex(message), "pieces of \(piece)")
        }
        var million = SHA256()
        let thousand = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { million.update(thousand) }
        XCTAssertEqual(million.hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testOutputDirectoryIsCreatedWithItsParentsOrRefused() throws {
        let dir = files.directory.path
        let nested = try OutputDirectory(dir + "/a/b/c")
        XCTAssertEqual(nested.file("x.csv"), dir + "/a/b/c/x.csv")
        XCTAssertEqual(try InputFile.names(inDirectory: dir + "/a/b/c"), [], "the write probe is removed")
        XCTAssertEqual(try OutputDirectory(dir + "/a/").file("y"), dir + "/a/y")
        let plain = try files.write("plain", "x")
        XCTAssertThrowsError(try OutputDirectory("")) { XCTAssertEqual("\($0)", "'': an empty path names no output directory") }
        XCTAssertThrowsError(try OutputDirectory(plain)) { XCTAssertEqual("\($0)", "\(plain): is a file, not a directory (the output directory)") }
    }

    func testLineReaderReadsEveryLineAndNamesWhatItCannotOpen() throws {
        let path = try files.write("l.csv", "a,b\n\n1,\"2\"\nlast")
        let reader = try LineReader(path)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        XCTAssertEqual(lines, ["a,b", "", "1,\"2\"", "last"])
        XCTAssertEqual(reader.lineNumber, 4)
        XCTAssertThrowsError(try LineReader(files.directory.path + "/none.csv")) {
            XCTAssertEqual("\($0)", "\(self.files.directory.path)/none.csv: no such file")
        }
        XCTAssertThrowsError(try LineReader(files.directory.path)) {
            XCTAssertEqual("\($0)", "\(self.files.directory.path): is a directory, expected a file")
        }
    }
}

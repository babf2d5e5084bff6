import Foundation

/// Temporary directories for tests. Every directory lives under one root per test process,
/// which is removed when the process exits, so no test leaves files behind even when it fails
/// before its own clean-up.
public enum TestDirectory {
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cchsim-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestDirectory.root) }
        return url
    }()

    /// A fresh, empty directory.
    public static func make() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `text` written as `name` in a fresh directory; returns its path.
    public static func file(_ text: String, name: String = "s.toml") throws -> String {
        let url = try make().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// A fresh temporary directory to write test inputs into; `remove()` deletes it at once.
public struct TestFiles {
    public let directory: URL

    public init() throws {
        directory = try TestDirectory.make()
    }

    /// Writes `text` to `name` in the directory and returns its path.
    public func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Values of a one-line JSON object printed by a command (numbers, booleans and strings).
public func jsonObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
    return dictionary
}

import Foundation

/// Runs an executable and collects its output. Both pipes are drained concurrently while the
/// process runs, so a child that fills one pipe (say, a large stderr) while the parent reads the
/// other cannot deadlock.
public enum Subprocess {
    /// Runs `executable` with `arguments`, and `environment` added to this process's environment,
    /// in `directory` (default: this process's); returns (exit code, stdout, stderr).
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                           directory: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// The built `cchsim` executable, which the tests run as a user does (any test target: on Linux
/// every test target is one bundle, a child of the build products directory, beside `cchsim`).
public enum CCHSimExecutable {
    /// The tests were started without `cchsim` built next to them.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "cchsim is not built next to the tests; run `swift build --build-tests` first" }
    }

    /// The executable's location. - Throws: `NotBuilt`.
    public static var url: URL {
        get throws {
            let bundle = Bundle(for: BundleAnchor.self).bundleURL
            let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("cchsim") }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw NotBuilt()
            }
            return found
        }
    }

    /// Runs `cchsim arguments`; returns (exit code, stdout, stderr). A crashed child must not leave
    /// Swift's backtracer holding the pipes (docs/robustness.md), so the backtracer is off.
    public static func run(_ arguments: [String], directory: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try Subprocess.run(url, arguments, environment: ["SWIFT_BACKTRACE": "enable=no"], directory: directory)
    }

    /// A class of this module, whose bundle is the test bundle.
    private final class BundleAnchor {}
}

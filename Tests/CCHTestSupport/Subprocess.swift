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

    /// The built `cchsim` executable next to the test bundle whose class is `anchor` (Linux: the
    /// bundle is a child of the build products directory).
    public static func cchsim(besides anchor: AnyClass) -> URL? {
        let bundle = Bundle(for: anchor).bundleURL
        return [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("cchsim") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

import Foundation

/// The built `cchsim` run as a child process with a time bound, as the robustness tests and the
/// fuzzer need it: stdout and stderr go to files (no pipe to fill up), the outcome says whether the
/// process exited or died of a signal, and Swift's crash backtracer is off (`SWIFT_BACKTRACE=enable=no`)
/// so that a crash is reported as the signal at once instead of leaving a backtrace process behind.
public struct CCHSimProcess {
    public enum Ending: Equatable, Sendable {
        case exit(Int32)
        case signal(Int32)
        /// Still running after the time bound (then killed).
        case timeout
    }

    public let ending: Ending
    public let out: String
    public let err: String
    public let seconds: Double

    /// Runs `cchsim arguments` in `directory`; stdout goes to `stdout` when given (e.g. /dev/full).
    public static func run(_ arguments: [String], in directory: URL? = nil, stdout: FileHandle? = nil,
                    timeout: Double = 60) throws -> CCHSimProcess {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cchsim-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = try CCHSimExecutable.url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout ?? outHandle
        process.standardError = errHandle
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let ending: Ending = timedOut ? .timeout
            : process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus) : .exit(process.terminationStatus)
        return CCHSimProcess(ending: ending, out: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                             err: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", seconds: Date().timeIntervalSince(start))
    }

    /// Whether the run ended as a clean failure: exit 1 (bad input) or 64 (usage), one `Error:` line
    /// on stderr, no signal, no timeout.
    public var isCleanError: Bool {
        (ending == .exit(1) || ending == .exit(64)) && err.hasPrefix("Error: ")
    }
}

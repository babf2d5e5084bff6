import Foundation

/// Running gnuplot on the scripts cchsim writes. The scripts are plain gnuplot files next to their
/// data, so a user can edit and re-run them (`gnuplot NAME-heatmap.gp`).
public enum Gnuplot {
    /// The gnuplot executable on PATH, nil when it is not installed.
    public static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/gnuplot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A gnuplot double-quoted string (quotes and line breaks escaped).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// Renders `script` (a file name in `directory`) to `png` (also there), atomically: gnuplot
    /// writes a temporary file that is renamed when it succeeded.
    /// - Returns: gnuplot's warnings (empty when none). - Throws: `CLIError` with gnuplot's messages.
    static func render(script: String, png: String, in directory: OutputDirectory, gnuplot: String) throws -> String {
        let target = directory.file(png)
        let temporary = AtomicFile.temporaryPath(for: target)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gnuplot)
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.arguments = ["-e", "outfile='\(URL(fileURLWithPath: temporary).lastPathComponent)'", script]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw CLIError("cannot run \(gnuplot): \(POSIXText.reason(of: error))") }
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: temporary) else {
            unlink(temporary)
            throw CLIError("gnuplot failed on \(directory.file(script)):\n\(messages)")
        }
        try AtomicFile.rename(temporary, to: target)
        return messages.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

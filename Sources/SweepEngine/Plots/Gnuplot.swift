import CCHScenario
import Foundation
import SystemPackage

/// Running gnuplot on the scripts cchsim writes. The scripts are plain gnuplot files next to their
/// data, so a user can edit and re-run them (`gnuplot NAME-heatmap.gp`).
public enum Gnuplot {
    /// The gnuplot executable on PATH, nil when it is not installed.
    public static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/gnuplot" }.first { (try? FilePath($0).stat().type) == .regular && access($0, X_OK) == 0 }
    }

    /// Renders `script` (a file name in `directory`) to `image` (also there) in `format`,
    /// atomically: gnuplot writes a temporary file that is renamed when it succeeded. A PDF's
    /// creation date is set to `PDFDate.epoch`, so the same figure gives the same bytes.
    /// - Returns: gnuplot's warnings (empty when none). - Throws: `RunError` with gnuplot's messages.
    static func render(script: String, image: String, format: FigureFormat, in directory: OutputDirectory,
                       gnuplot: String) throws -> String {
        let target = directory.file(image)
        let temporary = AtomicFile.temporaryPath(for: target)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gnuplot)
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let variables = "format=\(GnuplotText.string(format.rawValue)); "
            + "outfile=\(GnuplotText.string(FilePath(temporary).lastComponent?.string ?? temporary))"
        process.arguments = ["-e", variables, script]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(PDFDate.epoch)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Errno(rawValue: Int32($0.code)) }
            throw FileError(path: gnuplot, action: "cannot run", reason: code?.words() ?? error.localizedDescription)
        }
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, (try? FilePath(temporary).stat()) != nil else {
            try? FilePath(temporary).remove()
            throw RunError("gnuplot failed on \(directory.file(script)):\n\(messages)")
        }
        if format == .pdf {
            do { try PDFDate.normalise(temporary) } catch {
                try? FilePath(temporary).remove()
                throw error
            }
        }
        try AtomicFile.commit(temporary, to: target)
        return messages.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

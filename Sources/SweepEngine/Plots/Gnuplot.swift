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
    /// atomically: gnuplot writes its image to its standard output, which is a new temporary file
    /// cchsim created beside `image` (`AppendFile`: gnuplot opens no file of its own in the
    /// directory), and the file is renamed to `image` only after gnuplot exited 0 and the image is
    /// complete (not empty, ending with its format's trailer) and on the disk. A PDF's creation
    /// date is set to `PDFDate.epoch`, so the same figure gives the same bytes.
    /// - Returns: gnuplot's warnings (empty when none). - Throws: `GnuplotError` with gnuplot's messages,
    ///   `FileError` naming `image` when it cannot be written whole (e.g. on a full disk).
    static func render(script: String, image: String, format: FigureFormat, in directory: OutputDirectory,
                       gnuplot: String) throws -> String {
        let target = directory.file(image)
        let file = try AppendFile(temporaryFor: target)
        do {
            let messages = try run(gnuplot, script: script, format: format, into: file, in: directory)
            do throws(FileError) {
                var bytes = try file.contents()
                if let missing = format.incompleteness(of: bytes) {
                    throw FileError(path: target, action: "cannot write", reason: "gnuplot's image is incomplete (\(bytes.count) bytes, \(missing)); "
                                    + "is the disk full?")
                }
                if format == .pdf, let dated = PDFDate.normalised(bytes) {
                    bytes = dated
                    try file.overwrite(bytes)
                }
                try file.commit(to: target)
            } catch {
                throw error.path == target ? error : FileError(path: target, action: "cannot write", reason: error.reason, code: error.code)
            }
            return messages
        } catch {
            file.discard()
            throw error
        }
    }

    /// Runs gnuplot on `script` with its standard output going into `file`.
    /// - Returns: gnuplot's messages. - Throws: `GnuplotError` when it fails, `FileError` when it cannot be started.
    private static func run(_ gnuplot: String, script: String, format: FigureFormat, into file: AppendFile,
                            in directory: OutputDirectory) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gnuplot)
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        // The script's `set output outfile` opens the standard output cchsim handed it.
        process.arguments = ["-e", "format=\(GnuplotText.string(format.rawValue)); outfile=\(GnuplotText.string("/dev/stdout"))", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(PDFDate.epoch)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle(fileDescriptor: try file.openDescriptor().rawValue, closeOnDealloc: false)
        do { try process.run() } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Errno(rawValue: Int32($0.code)) }
            throw FileError(path: gnuplot, action: "cannot run", reason: code?.words() ?? error.localizedDescription)
        }
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw GnuplotError.failed(script: directory.file(script), messages: messages)
        }
        return messages.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension FigureFormat {
    /// What an image file of this format lacks to be complete (`bytes` empty, or not ending with
    /// the format's trailer: PNG's IEND chunk, PDF's `%%EOF`, SVG's `</svg>`), nil when it is complete.
    /// An image cut short by a full disk or a killed gnuplot lacks its trailer.
    func incompleteness(of bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return "it is empty" }
        let trailer: [UInt8], name: String
        var end = bytes.endIndex
        switch self {
        case .png:
            trailer = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]
            name = "the IEND chunk"
        case .pdf, .svg:
            trailer = Array((self == .pdf ? "%%EOF" : "</svg>").utf8)
            name = "'\(String(decoding: trailer, as: UTF8.self))'"
            while end > bytes.startIndex, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[end - 1]) { end -= 1 }
        }
        return bytes[..<end].suffix(trailer.count).elementsEqual(trailer) ? nil : "without \(name) at its end"
    }
}

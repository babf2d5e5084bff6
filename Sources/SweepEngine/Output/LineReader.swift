import CCHScenario
import SystemPackage

/// Reads a text file line by line in large blocks (CSV files of a million rows), without the line
/// breaks. Used to merge shard CSVs and to read a finished CSV back for the plots. Only a regular
/// file is opened (`InputFile.openRegular`), so a FIFO named as a shard never blocks the merge;
/// the file is streamed, so `SizeLimits.maximumInputFileBytes` does not apply.
final class LineReader {
    let path: String
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Number of lines returned so far.
    private(set) var lineNumber = 0

    /// Opens the file at `path`. - Throws: `FileError` naming the path and the reason.
    init(_ path: String) throws(FileError) {
        self.path = path
        descriptor = try InputFile.openRegular(path).0
    }

    deinit { try? descriptor.close() }

    /// The next line's bytes, nil at the end of the file. - Throws: `FileError` when reading fails.
    func next() throws(FileError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let kept = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: 1 << 20))
            let count: Int
            do { count = try buffer[kept...].withUnsafeMutableBytes { try descriptor.read(into: $0) } } catch {
                throw FileError(path: path, action: "cannot read", error)
            }
            buffer.removeSubrange((kept + count)...)
            if count == 0 { atEnd = true }
        }
    }
}

import CCHScenario
import SystemPackage

/// Reads a CSV file that cchsim wrote line by line in large blocks (files of a million rows),
/// without the line breaks. Used to merge shard CSVs, to check a partial CSV against its
/// checkpoint and to read a finished CSV back for the plots. Only a regular file of the user that
/// is not a symbolic link is opened (`InputFile.openRegular`, `FileOrigin.ownOutput`), so a FIFO
/// named as a shard never blocks the merge and a file planted by another account is never read;
/// the file is streamed, so `SizeLimits.maximumInputFileBytes` does not apply.
final class LineReader {
    let path: String
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Bytes still to read when only a prefix of the file is read, nil for the whole file.
    private var remaining: Int?
    /// Number of lines returned so far.
    private(set) var lineNumber = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0
    /// SHA-256 of the bytes read so far, when asked for (`hashing`).
    private(set) var digest: SHA256?
    /// Whether the last line returned ended with a line break (false: the file or prefix ends mid-line).
    private(set) var lastLineEnded = true

    /// Opens the file at `path`, to read its first `byteLimit` bytes (nil: all of it), hashing
    /// them when `hashing`. - Throws: `FileError` naming the path and the reason.
    init(_ path: String, byteLimit: Int? = nil, hashing: Bool = false) throws(FileError) {
        self.path = path
        remaining = byteLimit
        digest = hashing ? SHA256() : nil
        descriptor = try InputFile.openRegular(path, origin: .ownOutput).0
    }

    deinit { try? descriptor.close() }

    /// The next line's bytes, nil at the end of the file. - Throws: `FileError` when reading fails.
    func next() throws(FileError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                lastLineEnded = true
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                lastLineEnded = false
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let kept = buffer.count
            let block = min(1 << 20, remaining ?? Int.max)
            buffer.append(contentsOf: repeatElement(0, count: block))
            let count: Int
            do { count = block == 0 ? 0 : try buffer[kept...].withUnsafeMutableBytes { try descriptor.read(into: $0) } } catch {
                throw FileError(path: path, action: "cannot read", error)
            }
            buffer.removeSubrange((kept + count)...)
            bytesRead += count
            remaining = remaining.map { $0 - count }
            digest?.update(buffer[kept...])
            if count == 0 { atEnd = true }
        }
    }
}

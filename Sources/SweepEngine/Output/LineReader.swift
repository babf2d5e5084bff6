import Foundation

/// Reads a text file line by line in large blocks (CSV files of a million rows), without the line
/// breaks. Used to merge shard CSVs and to read a finished CSV back for the plots.
final class LineReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Number of lines returned so far.
    private(set) var lineNumber = 0

    init(_ path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunError("\(path): cannot open for reading (\(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line's bytes, nil at the end of the file.
    func next() throws -> ArraySlice<UInt8>? {
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
            let block: Data?
            do { block = try handle.read(upToCount: 1 << 20) } catch {
                throw RunError("\(path): cannot read: \(POSIXText.reason(of: error))")
            }
            if let block, !block.isEmpty { buffer.append(contentsOf: block) } else { atEnd = true }
        }
    }

    /// The next line as text.
    func nextText() throws -> String? {
        try next().map { String(decoding: $0, as: UTF8.self) }
    }
}

import CZlib
import CrossModalKD
import SystemPackage

/// An input file read block by block, so a large data file is never held whole: the bytes of a
/// regular file, or, when its name ends in `.gz`, the bytes of the gzip stream it holds, inflated
/// as they are read (zlib; several concatenated gzip members are one stream, as `gzip -d` has it).
///
/// The discipline of `InputFile.bytes`: only a regular file, at most
/// `SizeLimits.maximumInputFileBytes` bytes, counted after inflating (so a small compressed file
/// cannot expand without bound), and every failure a `FileError` naming the path and the reason:
/// a damaged gzip stream (zlib's message and how many bytes had been inflated), a file that ends
/// before its gzip stream does (a truncated download), bytes after the stream's end.
public final class InputBlocks {
    public let path: String
    /// Whether the file is read through gzip (its name ends in `.gz`).
    public let isCompressed: Bool
    private let descriptor: FileDescriptor
    /// Bytes handed out so far (after inflating).
    public private(set) var count = 0
    private var input: [UInt8]
    private var inputStart = 0, inputEnd = 0
    private var atEndOfFile = false, finished = false
    private let stream: UnsafeMutablePointer<z_stream>?

    /// Bytes read from the file per call, and the most a call hands out.
    static let blockSize = 1 << 20

    /// Opens the regular file at `path`. - Throws: `FileError` when it cannot be opened or read.
    public init(path: String) throws(FileError) {
        self.path = path
        let (descriptor, status) = try InputFile.openRegular(path)
        self.descriptor = descriptor
        isCompressed = path.lowercased().hasSuffix(".gz")
        input = [UInt8](repeating: 0, count: Self.blockSize)
        if isCompressed {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // 15 + 16: a window of 2^15 bytes, a gzip header and trailer (not raw deflate or zlib).
            guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                try? descriptor.close()
                throw FileError(path: path, reason: "cannot start reading the gzip stream (zlib could not allocate its state)")
            }
            self.stream = stream
        } else {
            stream = nil
            guard status.size <= Int64(SizeLimits.maximumInputFileBytes) else {
                try? descriptor.close()
                throw Self.tooLarge(path, bytes: Double(status.size), compressed: false)
            }
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        try? descriptor.close()
    }

    /// Appends the next bytes of the file (at most `blockSize`) to `buffer`.
    /// - Returns: false at the end of the file (nothing appended).
    /// - Throws: `FileError` for a read error, a damaged or truncated gzip stream, or more bytes
    ///   than `SizeLimits.maximumInputFileBytes`.
    public func append(to buffer: inout [UInt8]) throws(FileError) -> Bool {
        let before = buffer.count
        if stream == nil {
            guard try fill() else { return false }
            buffer.append(contentsOf: input[inputStart..<inputEnd])
            inputStart = inputEnd
        } else {
            guard try inflateBlock(into: &buffer) else { return false }
        }
        count += buffer.count - before
        guard count <= SizeLimits.maximumInputFileBytes else {
            throw Self.tooLarge(path, bytes: Double(count), compressed: isCompressed)
        }
        return true
    }

    /// Reads the next block of the file into `input` when it is used up; false at the end of the file.
    private func fill() throws(FileError) -> Bool {
        if inputStart < inputEnd { return true }
        guard !atEndOfFile else { return false }
        let n: Int
        do { n = try input.withUnsafeMutableBytes { try descriptor.read(into: $0) } } catch {
            throw FileError(path: path, action: "cannot read", error)
        }
        inputStart = 0
        inputEnd = n
        if n == 0 { atEndOfFile = true }
        return n > 0
    }

    /// Inflates until some bytes are appended or the stream ends; false at its end.
    private func inflateBlock(into buffer: inout [UInt8]) throws(FileError) -> Bool {
        guard let stream else { return false }
        var output = [UInt8](repeating: 0, count: Self.blockSize)
        while true {
            let hasInput = try fill()
            if finished {
                // Bytes after the gzip stream's end: another member (`cat a.gz b.gz`) or garbage.
                guard hasInput else { return false }
                inflateReset(stream)
                finished = false
            }
            guard hasInput else {
                throw FileError(path: path, reason: "truncated gzip file: it ends before its gzip stream does "
                                + "(\(count) bytes inflated); the file may be an incomplete download")
            }
            let start = inputStart
            let (status, consumed, produced) = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_in = inBuffer.baseAddress.map { $0 + start }
                    stream.pointee.avail_in = UInt32(inputEnd - start)
                    stream.pointee.next_out = outBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outBuffer.count)
                    let status = inflate(stream, Z_NO_FLUSH)
                    return (status, inputEnd - start - Int(stream.pointee.avail_in), outBuffer.count - Int(stream.pointee.avail_out))
                }
            }
            inputStart += consumed
            switch status {
            case Z_STREAM_END: finished = true
            case Z_OK, Z_BUF_ERROR: break
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw FileError(path: path, reason: "not a readable gzip stream (zlib: \(message), after \(count + produced) bytes inflated)")
            }
            if produced > 0 {
                buffer.append(contentsOf: output[..<produced])
                return true
            }
        }
    }

    private static func tooLarge(_ path: String, bytes: Double, compressed: Bool) -> FileError {
        FileError(path: path, reason: "\(SizeLimits.formatBytes(bytes))\(compressed ? " (inflated)" : "") is more than cchsim reads "
                  + "(at most \(SizeLimits.formatBytes(Double(SizeLimits.maximumInputFileBytes))) per input file)")
    }
}

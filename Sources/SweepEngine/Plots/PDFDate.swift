import Foundation

/// Reproducible PDF bytes: cairo writes the time of drawing into a PDF's `/CreationDate` (cairo
/// 1.16, the version of Debian 12, ignores `SOURCE_DATE_EPOCH`; later versions honour it). cchsim
/// overwrites the date's 14 digits (`D:YYYYMMDDHHmmSS`) in place, keeping every byte offset of the
/// file, with `SOURCE_DATE_EPOCH` when set and 1970-01-01 00:00:00 UTC otherwise, so the same
/// figure always gives the same file (docs/figures.md, "Reproducible bytes").
enum PDFDate {
    /// Seconds since 1970 written as the date of every PDF: `SOURCE_DATE_EPOCH`, or 0.
    static var epoch: Int {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }.map { max(0, min($0, 253_402_300_799)) } ?? 0
    }

    /// The 14 digits `YYYYMMDDHHmmSS` of `epoch` in UTC.
    static var digits: [UInt8] {
        var time = time_t(epoch)
        var parts = tm()
        gmtime_r(&time, &parts)
        let text = String(format: "%04d%02d%02d%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                          parts.tm_hour, parts.tm_min, parts.tm_sec)
        return Array(text.utf8)
    }

    /// The PDF `bytes` with their creation and modification dates rewritten in place (the same
    /// length, so every byte offset of the file holds); nil when there is no date to rewrite.
    static func normalised(_ bytes: [UInt8]) -> [UInt8]? {
        var bytes = bytes
        let stamp = digits
        var changed = false
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var i = 0
            while let start = find(pattern, in: bytes, from: i) {
                let first = start + pattern.count
                guard first + stamp.count <= bytes.count, bytes[first..<first + stamp.count].allSatisfy({ (48...57).contains($0) }) else {
                    i = first
                    continue
                }
                bytes.replaceSubrange(first..<first + stamp.count, with: stamp)
                changed = true
                i = first + stamp.count
            }
        }
        return changed ? bytes : nil
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count, start <= bytes.count - pattern.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0] && bytes[i..<i + pattern.count].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}

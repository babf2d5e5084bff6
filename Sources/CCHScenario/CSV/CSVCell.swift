#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one data cell holds, read from its bytes: a missing value, a finite decimal number, or
/// neither (text). The one definition of both for every data file cchsim reads.
public enum CSVCell {
    /// Whether the cell's bytes spell a missing value: an empty cell, `?`, or `NA` or `NaN` in any
    /// case (`na`, `nan`, `NAN`, ...), the spellings of R, pandas and the UCI repository.
    public static func isMissing(_ cell: ArraySlice<UInt8>) -> Bool {
        switch cell.count {
        case 0: return true
        case 1: return cell.first == 63  // ?
        case 2, 3:
            let i = cell.startIndex
            guard cell[i] | 32 == 110, cell[i + 1] | 32 == 97 else { return false }  // n, a
            return cell.count == 2 || cell[i + 2] | 32 == 110
        default: return false
        }
    }

    /// The finite number a cell spells in decimal notation (an optional sign, digits with an
    /// optional point, an optional exponent `e` or `E` with optional sign and digits), correctly
    /// rounded; nil for anything else: text, a missing value, hexadecimal, `inf`, `nan`, digit
    /// separators, and a number too large for a double.
    ///
    /// Most data cells have at most 15 significant digits and a small exponent: their digits are an
    /// exact double and so is the power of ten (10^0 ... 10^22), so one multiplication or division
    /// gives the correctly rounded value (Clinger's fast path), about six times faster than
    /// `Double(Substring)` (docs/real-data.md, "Reading"). The rest go to the C library's
    /// `strtod` (correctly rounded too) on the already validated bytes.
    public static func decimal(_ cell: ArraySlice<UInt8>) -> Double? {
        cell.withUnsafeBufferPointer { decimal($0) }
    }

    /// `decimal(_:)` on a buffer of bytes.
    public static func decimal(_ c: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = c.count
        var i = 0
        var negative = false
        if i < n, c[i] == 45 || c[i] == 43 { negative = c[i] == 45; i += 1 }
        // The significand's leading digits (up to 19, exact in a UInt64) and the decimal exponent.
        var significand: UInt64 = 0, digits = 0, exponent = 0, sawDigit = false, truncated = false
        var fraction = false
        while i < n {
            let d = c[i] &- 48
            if d < 10 {
                sawDigit = true
                if significand == 0, d == 0 {
                    if fraction { exponent -= 1 }
                } else if digits < 19 {
                    significand = significand &* 10 &+ UInt64(d)
                    digits += 1
                    if fraction { exponent -= 1 }
                } else {
                    truncated = true
                    if !fraction { exponent += 1 }
                }
            } else if c[i] == 46, !fraction {
                fraction = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < n, c[i] | 32 == 101 {
            i += 1
            var negativeExponent = false
            if i < n, c[i] == 45 || c[i] == 43 { negativeExponent = c[i] == 45; i += 1 }
            var e = 0, sawExponentDigit = false
            while i < n, c[i] &- 48 < 10 {
                if e < 1_000_000 { e = e * 10 + Int(c[i] &- 48) }
                sawExponentDigit = true
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += negativeExponent ? -e : e
        }
        guard i == n else { return nil }
        if !truncated, significand < 1 << 53, (-22...22).contains(exponent) {
            let magnitude = exponent >= 0 ? Double(significand) * powersOfTen[exponent] : Double(significand) / powersOfTen[-exponent]
            return negative ? -magnitude : magnitude
        }
        return correctlyRounded(c)
    }

    /// Why a cell that `decimal(_:)` refused is not a number, quoting its text.
    public static func notANumber(_ text: String) -> String {
        if isMissing(ArraySlice(text.utf8)) {
            return text.isEmpty ? "an empty cell is not a number (a missing value)" : "\(EchoedInput.quoted(text)) is a missing value, not a number"
        }
        let lower = text.lowercased()
        if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lower) {
            return "\(EchoedInput.quoted(text)) is not a finite number"
        }
        if Double(text) != nil {
            let decimalBytes = text.utf8.allSatisfy { (48...57).contains($0) || $0 == 46 || $0 == 43 || $0 == 45 || $0 | 32 == 101 }
            return decimalBytes ? "\(EchoedInput.quoted(text)) is not a finite number (too large for a double)"
                : "\(EchoedInput.quoted(text)) is not a decimal number (hexadecimal and other notations are refused)"
        }
        return "\(EchoedInput.quoted(text)) is not a number"
    }

    /// 10^0 ... 10^22, each exact in a double.
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// The C library's correctly rounded conversion of validated decimal bytes (the C locale's
    /// decimal point, which a Swift program keeps unless it calls `setlocale`); nil when infinite.
    private static func correctlyRounded(_ c: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: c.count + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for i in 0..<c.count { buffer[i] = CChar(bitPattern: c[i]) }
            buffer[c.count] = 0
            let x = strtod(base, nil)
            return x.isFinite ? x : nil
        }
    }
}

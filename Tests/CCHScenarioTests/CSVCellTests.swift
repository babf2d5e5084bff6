import CCHScenario
import CCHTestSupport
import XCTest

/// `CSVCell`: the one definition of a missing value and of a decimal number in a data cell; the
/// fast path and `strtod` against Swift's own `Double(String)` (an independent conversion).
final class CSVCellTests: XCTestCase {
    private func decimal(_ text: String) -> Double? { CSVCell.decimal(ArraySlice(text.utf8)) }

    func testMissingValueSpellings() {
        for text in ["", "?", "NA", "na", "Na", "nA", "NaN", "nan", "NAN", "nAn"] {
            XCTAssertTrue(CSVCell.isMissing(ArraySlice(text.utf8)), text)
        }
        for text in ["N", "NAA", "n/a", "??", "0", "-", "none", "NULL", " ", "nana"] {
            XCTAssertFalse(CSVCell.isMissing(ArraySlice(text.utf8)), text)
        }
    }

    func testDecimalNumbersEqualSwiftsConversionBitForBit() {
        var random = SplitMix(seed: 17)
        var texts = ["0", "-0", "+0.0", "1", "1.", ".5", "-.5", "007", "1e0", "1E+2", "2.5e-3", "123456789012345",
                     "1234567890123456", "12345678901234567890", "0.1", "0.30000000000000004", "1.7976931348623157e308",
                     "2.2250738585072014e-308", "4.9e-324", "1e-400", "9007199254740993", "1e22", "1e23", "123.456e-20",
                     "0.000000000000000000000000001", "100000000000000000000000", String(repeating: "9", count: 400)]
        for _ in 0..<20_000 {
            let digits = 1 + Int(random.next() % 20), point = Int(random.next() % UInt64(digits + 1))
            var text = random.next() % 3 == 0 ? "-" : ""
            for d in 0..<digits {
                if d == point, d > 0 { text += "." }
                text += String(random.next() % 10)
            }
            if random.next() % 3 == 0 { text += "e" + String(Int(random.next() % 61) - 30) }
            texts.append(text)
        }
        for text in texts {
            guard let expected = Double(text), expected.isFinite else {
                XCTAssertNil(decimal(text), text)
                continue
            }
            XCTAssertEqual(decimal(text)?.bitPattern, expected.bitPattern, text)
        }
    }

    func testNotationsOtherThanFiniteDecimalAreRefused() {
        for text in ["0x10", "0x1p3", "inf", "-inf", "infinity", "nan", "NaN", "1e", "1e+", "--1", "+-1", ".", "+", "-", "e5",
                     "1_000", "1,5", "1.2.3", " 1", "1 ", "١٢", "1e400", "-1e400", "\u{FEFF}1", "1d5", "0b1"] {
            XCTAssertNil(decimal(text), text)
        }
        XCTAssertEqual(CSVCell.notANumber("0x10"), "'0x10' is not a decimal number (hexadecimal and other notations are refused)")
        XCTAssertEqual(CSVCell.notANumber("-inf"), "'-inf' is not a finite number")
        XCTAssertEqual(CSVCell.notANumber("1e400"), "'1e400' is not a finite number (too large for a double)")
        XCTAssertEqual(CSVCell.notANumber("NA"), "'NA' is a missing value, not a number")
        XCTAssertEqual(CSVCell.notANumber(""), "an empty cell is not a number (a missing value)")
        XCTAssertEqual(CSVCell.notANumber("abc"), "'abc' is not a number")
    }
}

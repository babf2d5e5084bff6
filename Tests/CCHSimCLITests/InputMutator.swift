import CCHTestSupport
import Foundation

/// A seeded mutation fuzzer's source of hostile inputs: it rewrites real scenario files and CSVs
/// with values at the edges (numbers at the limits of double precision and of Int, NaN and
/// infinities, hex, wrong types, unicode, huge arrays, deep nesting, huge fields), missing or
/// repeated keys and lines, and truncations; and the families of the hostile-input reports
/// (issues 17 and 22): deep dotted keys and headers, NUL bytes and escapes, unquoted dotted and
/// Monte Carlo sweep keys, the triples sampler at n = 10^12, a `}` inside an array. Deterministic for a seed (SplitMix64), so a failing
/// input is reproduced by its seed and index (docs/robustness.md, "Fuzzing").
struct InputMutator {
    private var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Numbers and values that break naive code: the ends of Double and Int, non-finite values,
    /// zero and negatives, hex and other non-decimal spellings, wrong types.
    static let extremeNumbers = [
        "0", "-0.0", "-1", "1", "2", "1e308", "-1e308", "1.7976931348623157e308", "1e-320", "5e-324", "1e154", "1e155",
        "1e-154", "9223372036854775807", "-9223372036854775808", "2305843009213693952", "4611686018427387904",
        "1000000000000", "100000000000", "1000000", "0.999999999999", "-0.999999999999", "1e15", "nan", "inf", "-inf",
        "+nan", "0x7fffffffffffffff", "0o777", "0b101", "1_000", "2.5",
    ]
    static let otherValues = [
        "\"1\"", "\"inf\"", "true", "false", "[]", "[1, 2, 3]", "[[1, 2], [3]]", "{}", "{ from = 1, to = 2, steps = 3 }",
        "\"é🙂\\u0000\"", "\"\"", "1979-05-27T07:32:00Z", "1979-05-27T:00", "1989-01-27 9", "\"\\n!touch x\\n\"",
    ]

    /// A mutated copy of TOML text.
    mutating func mutateTOML(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<(1 + below(3)) {
            let i = below(lines.count)
            switch below(16) {
            case 0, 1, 2, 3:  // a value replaced by an extreme number
                lines[i] = replacingValue(lines[i], with: pick(Self.extremeNumbers))
            case 4:  // a value of another type
                lines[i] = replacingValue(lines[i], with: pick(Self.otherValues))
            case 5:  // a huge array or a long string
                let big = pick(["[" + Array(repeating: "0.5", count: 1_000 + below(20_000)).joined(separator: ",") + "]",
                                "[" + Array(repeating: "[1.0, 0.5]", count: 1_001 + below(5_000)).joined(separator: ",") + "]",
                                "\"" + String(repeating: "a", count: 100_000) + "\""])
                lines[i] = replacingValue(lines[i], with: big)
            case 6:  // deep nesting: arrays or inline tables, around the nesting limit or far past it
                let depth = pick([30, 31, 32, 33, 10 + below(3_000)])
                lines[i] = replacingValue(lines[i], with: pick([
                    String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth),
                    String(repeating: "{ b = ", count: depth) + "1" + String(repeating: " }", count: depth),
                ]))
            case 7:  // a missing line (key or table header)
                lines.remove(at: i)
            case 8:  // a repeated line
                lines.insert(lines[i], at: i)
            case 9:  // an unknown or misplaced key
                lines.insert(pick(["bogus = 1", "n = 10", "kind = \"latent\"", "[student]", "[sweep]", "\"model.rho_ts\" = [0.1, 2]",
                                   "\"student.n\" = { from = 2, to = 1000000000000, steps = 3 }", "trials = 2", "threads = 0"]), at: i)
            case 10:  // a line cut short
                let line = lines[i]
                lines[i] = String(line.prefix(below(line.count + 1)))
            case 12:  // a deep dotted key or table header (a 12,000-part header overflowed the stack)
                let parts = Array(repeating: pick(["a", "model", "\"x.y\""]), count: pick([31, 32, 33, 100, 12_000])).joined(separator: ".")
                lines.insert(pick(["[\(parts)]", "[[\(parts)]]", "\(parts) = 1", "x = { \(parts) = 1 }"]), at: i)
            case 13:  // a NUL: a raw byte anywhere (it silently ended the file), or an escape in a string
                let line = lines[i]
                let at = line.index(line.startIndex, offsetBy: below(line.count + 1))
                lines[i] = String(line[..<at]) + pick(["\u{0}", "\\u0000", "\\U00000000", "\\\\u0000"]) + String(line[at...])
            case 14:  // hostile sweeps and counts: unquoted dotted keys, Monte Carlo keys without their
                // table, keys of many parts, the triples sampler at n = 10^12, huge replicates
                lines.insert(pick(["[sweep]\nstudent.lambda = [0.1, 0.2]", "[sweep]\nmodel.rho_ts = { from = 0, to = 0.5, steps = 3 }",
                                   "[sweep]\n\"monte_carlo.trials\" = [2, 3]", "[sweep]\n\"estimation.repeats\" = [2, 3]",
                                   "[sweep]\n\"" + Array(repeating: "a", count: 5_000).joined(separator: ".") + "\" = [1]",
                                   "[monte_carlo]\nsampler = \"triples\"\ntrials = 2", "n = 1000000000000\nsampler = \"triples\"",
                                   "replicates = 1000000000000", "test_n = 1000000000000"]), at: i)
            case 15:  // a '}' or ']' where an array or inline table expects a value (toml++ asserted on `[1, }]`)
                let line = lines[i]
                if let at = line.indices.filter({ "[,{=".contains(line[$0]) }).last {
                    lines[i] = String(line[...at]) + pick([" }", "}", " ]", "\n}", " # c\n}"]) + String(line[line.index(after: at)...])
                }
            default:  // a number nudged by digits
                lines[i] = lines[i].replacingOccurrences(of: "0.", with: pick(["9.", "0.0000", "1e3", "-0."]))
            }
            if lines.isEmpty { lines = [""] }
        }
        return lines.joined(separator: "\n")
    }

    /// `line` with the text after its first `=` replaced (the line itself when it has none).
    private func replacingValue(_ line: String, with value: String) -> String {
        guard let eq = line.firstIndex(of: "=") else { return line }
        return line[...eq] + " " + value
    }

    /// A short or truncated CSV: the header alone without a final line end (bare, or ending in a
    /// CR, a blank, a NUL or a BOM), the text cut after a few bytes, or an environment-like
    /// `A=1\0B=2\0` (`/proc/self/environ`).
    mutating func shortCSV(_ text: String) -> String {
        let header = String(text.prefix { $0 != "\n" && $0 != "\r\n" })
        switch below(4) {
        case 0: return header + pick(["", "\r", " ", "\t", "\0", "\u{FEFF}", "\r\r", "\"", ","])
        case 1: return String(text.prefix(below(24)))
        case 2: return String(text.prefix(header.count + 1 + below(40)))
        default: return pick(["A=1\0", "A=1\0B=2\0", "\0", "\u{FEFF}", "\r", "\"", "t,s,y\n\0", "t,s,y\n1,2"])
        }
    }

    /// A mutated copy of a CSV text with a header row.
    mutating func mutateCSV(_ text: String) -> String {
        // Short and truncated inputs as a whole (issue 17: a header without a final line end trapped).
        if below(6) == 0 { return shortCSV(text) }
        var rows = text.components(separatedBy: "\n").map { $0.components(separatedBy: ",") }
        for _ in 0..<(1 + below(3)) {
            let r = below(rows.count), c = below(rows[r].count)
            switch below(11) {
            case 0, 1, 2:  // a cell replaced by an extreme or malformed number
                rows[r][c] = pick(Self.extremeNumbers + ["", "\"1\"", "\"", "1e400", "0x1p3", " 3 ", "1,5", "١٢", "abc", "1e", "--1", "\u{FEFF}1"])
            case 3:  // a huge field (4 MB now and then)
                rows[r][c] = String(repeating: "9", count: below(8) == 0 ? 4_000_000 : 10_000)
            case 4:  // a cell removed or added
                if below(2) == 0, rows[r].count > 1 { rows[r].remove(at: c) } else { rows[r].insert("1", at: c) }
            case 5:  // a whole column set to one value (singular), or to huge numbers
                let value = pick(["1", "1e307", "-1e307", "1e-310"])
                for i in 1..<rows.count where rows[i].count > c { rows[i][c] = value }
            case 6:  // rows repeated (duplicate points)
                rows.append(contentsOf: rows.dropFirst().prefix(1 + below(30)))
            case 7:  // header damage: a duplicate name, unicode, an empty name, a BOM
                rows[0][c] = pick([rows[0][(c + 1) % rows[0].count], "é🙂", "", "\u{FEFF}t1", "\"t1\""])
            case 8:  // truncated at a random place
                let joined = rows.map { $0.joined(separator: ",") }.joined(separator: "\n")
                rows = String(joined.prefix(below(joined.count + 1))).components(separatedBy: "\n").map { $0.components(separatedBy: ",") }
            case 9:  // a NUL byte in a cell (it ends C strings: text after it must not vanish)
                rows[r][c] = pick(["\0", rows[r][c] + "\0", "\0" + rows[r][c], "1\02"])
            default:  // line ends and blank lines
                rows.insert([pick(["", " ", "\r"])], at: 1 + below(rows.count))
            }
            if rows.isEmpty { rows = [[""]] }
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: pick(["\n", "\n", "\r\n"]))
    }
}

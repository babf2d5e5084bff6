@testable import CCHScenario
import CCHTestSupport
import CrossModalKD
import SweepEngine
import Testing

/// Issue 17 items 1 and 2, issue 22 item 5: hostile scenario text is a clear error naming the line
/// and column (or the key) before anything recurses or silently drops input.
struct ScenarioTextCheckTests {
    static let limit = SizeLimits.maximumNestingDepth

    /// The error message of reading `text`, nil when it reads.
    static func message(_ text: String) -> String? {
        do {
            _ = try ScenarioDocument(file: "h.toml", text: text)
            return nil
        } catch {
            return error.description
        }
    }

    static func tooDeep(line: Int, column: Int) -> String {
        "h.toml: line \(line), column \(column): nested more than \(limit) levels deep (each part of a dotted key or table header, "
            + "each array and each inline table is a level); cchsim reads at most \(limit)"
    }

    /// The reproducer (a 12,000-part header overflowed the stack, exit 139) and its family: every
    /// way of nesting, each refused at the level past the limit, and accepted at the limit.
    @Test func nestingBeyondTheLimitIsAnErrorAtItsLineAndColumn() {
        func dotted(_ parts: Int) -> String { Array(repeating: "a", count: parts).joined(separator: ".") }
        // The column of level limit + 1 in a header "[a.a.a...": 1 + 2 per part before it.
        #expect(Self.message("[" + dotted(12_000) + "]\n") == Self.tooDeep(line: 1, column: 2 + 2 * Self.limit))
        #expect(Self.message("x = 1\n[[" + dotted(40) + "]]\n") == Self.tooDeep(line: 2, column: 3 + 2 * (Self.limit - 1)))
        #expect(Self.message(dotted(100_000) + " = 1\n") == Self.tooDeep(line: 1, column: 1 + 2 * Self.limit))
        #expect(Self.message("a = " + String(repeating: "[", count: 3_000) + "1" + String(repeating: "]", count: 3_000))
                    == Self.tooDeep(line: 1, column: 5 + Self.limit - 1))
        #expect(Self.message("a = " + String(repeating: "{b = ", count: 40) + "1" + String(repeating: "}", count: 40))?
                    .hasPrefix("h.toml: line 1, column ") == true)
        // Inside a multi-line array, on a later line; and a quoted part counts as one.
        #expect(Self.message("a = [\n" + String(repeating: "[", count: 40) + "]\n") == Self.tooDeep(line: 2, column: Self.limit - 1))
        #expect(Self.message("[\"a.b.c\"." + dotted(Self.limit) + "]\n") == Self.tooDeep(line: 1, column: 10 + 2 * (Self.limit - 1)))
        // At the limit the text is read (and the decoder then names what it does not know).
        #expect(Self.message("[" + dotted(Self.limit) + "]\n") == nil)
        #expect(Self.message("a = " + String(repeating: "[", count: Self.limit - 1) + "1" + String(repeating: "]", count: Self.limit - 1)) == nil)
        do {
            _ = try Scenario(file: "h.toml", text: ScenarioFixtures.example + "\n[" + dotted(Self.limit) + "]\n")
            Issue.record("a table of \(Self.limit) levels named a is not a scenario's")
        } catch {
            #expect(error.key == "a")
        }
    }

    /// toml++ asserts (exit 134) on a `}` where an array expects a value (found by libFuzzer):
    /// any `}` inside an array is a syntax error at its place; `}` closing an inline table in an
    /// array is not.
    @Test func aBraceInsideAnArrayIsASyntaxErrorNotAnAbort() {
        let cases: [(String, Int, Int)] = [("a = [1, }]\n", 1, 9), ("a = [}]\n", 1, 6), ("a = [ # c\n}]\n", 2, 1), ("a = [[1], }]\n", 1, 11),
                                           ("a = [{}, }]\n", 1, 10), ("a = { b = [ } ] }\n", 1, 13), ("a = [1 }\n", 1, 8)]
        for (text, line, column) in cases {
            #expect(Self.message(text) == "h.toml: TOML syntax error at line \(line), column \(column): '}' inside an array, where it closes no inline table",
                    "\(text.debugDescription)")
        }
        #expect(Self.message("a = [{ b = 1 }, { c = [2] }]\nd = { e = [3, 4] }\n") == nil)
    }

    /// toml++ asserts (exit 134) on a date and `T` without a time after it (found by libFuzzer,
    /// minimised to `l=1979-05-27T:`): a syntax error at the place of the missing time.
    @Test func aDateTimeWithoutItsTimeIsASyntaxErrorNotAnAbort() {
        let reason = "a date-time needs a time (HH:MM:SS) after its 'T'"
        for (text, column) in [("l=1979-05-27T:\n", 14), ("l = 1979-05-27t:00:00\n", 16), ("l = [1, 1979-05-27T:]\n", 20), ("l=1979-05-27T:", 14)] {
            #expect(Self.message(text) == "h.toml: TOML syntax error at line 1, column \(column): \(reason)", "\(text.debugDescription)")
        }
        // A date, a blank and one digit (libFuzzer, minimised to `a=0989-0\u{1}-27 9\t`).
        let lone = "a date followed by a lone digit; a date-time's time is HH:MM:SS"
        for (text, column) in [("a=1989-01-27 9\n", 14), ("a = [1989-01-27 9]\n", 17), ("a=0989-0\u{1}-27 9\t\n", 14)] {
            #expect(Self.message(text) == "h.toml: TOML syntax error at line 1, column \(column): \(lone)", "\(text.debugDescription)")
        }
        #expect(TOMLTextCheck.firstProblem(in: "a = 1989-01-27 07:32:00\nb = [1989-01-27, 9]\nc = 1989-01-27 # 9\n") == nil)
        // Real date-times, dates, and such text in strings and keys pass to the parser (and the
        // decoder then says that dates are no scenario values).
        #expect(TOMLTextCheck.firstProblem(in: "a = 1979-05-27T07:32:00Z\nb = 1979-05-27\nc = \"1979-05-27T:\"\n1979-05-27T = 1\n") == nil)
        #expect(Self.message("a = 1979-05-27T07:32:00Z\n") == "h.toml: a: dates and times are not scenario values")
    }

    /// The key-order scanner reads text that failed to parse (to name a redefined key): it stood
    /// still on a `}` inside an array, for ever (found by libFuzzer). It ends on malformed text.
    @Test func theKeyOrderScannerEndsOnMalformedText() {
        for text in ["a = [1, }]\n", "a = {b = ]}\nc = 1\n", "x = [[2.0, 0.0,  ].0\n0, [1]]\n", "a = [1, # c\n}]\nb = 2\n", "a = [,,]\n"] {
            #expect(TOMLKeyOrder(text: text).paths.first == ["a"] || TOMLKeyOrder(text: text).paths.first == ["x"], "\(text.debugDescription)")
        }
    }

    /// The one lexer of both readings (the checks and the key order): a `[` is a header at a
    /// statement's start and an array after `=`, a bare word a key before `=` and a value after,
    /// a quoted key decoded, and a `#` or a bracket inside a string is part of the string.
    @Test func theLexerTellsHeadersFromArraysAndKeysFromValues() {
        var lexer = TOMLLexer(bytes: Array("[sweep] # x\n\"a.b\" = [1, \"]#\"]\nc = {d = true}\n".utf8))
        var kinds: [String] = []
        while let token = lexer.next() {
            switch token.kind {
            case .header(let arrayOfTables, let key): kinds.append("header\(arrayOfTables ? "s" : "") \(key?.path ?? [])@\(token.at.line)")
            case .key(let key): kinds.append("key \(key.path)@\(token.at.line):\(token.at.column(in: lexer.bytes))")
            case .equals: kinds.append("=")
            case .string: kinds.append("string")
            case .scalar(let range): kinds.append("scalar \(String(decoding: lexer.bytes[range], as: UTF8.self))")
            case .open(let table): kinds.append(table ? "{" : "[")
            case .close(let table): kinds.append(table ? "}" : "]")
            case .comma: kinds.append(",")
            case .lineBreak: kinds.append("\\n")
            case .nulEscape: kinds.append("nul")
            }
        }
        #expect(kinds == ["header [\"sweep\"]@1", "]", "\\n", "key [\"a.b\"]@2:1", "=", "[", "scalar 1", ",", "string", "]", "\\n",
                          "key [\"c\"]@3:1", "=", "{", "key [\"d\"]@3:6", "=", "scalar true", "}", "\\n"])
        #expect(TOMLKeyOrder(text: "[sweep] # x\n\"a.b\" = [1, \"]#\"]\nc = {d = true}\n").paths.elements
                == [["sweep"], ["sweep", "a.b"], ["sweep", "c"], ["sweep", "c", "d"]])
    }

    /// Brackets and braces inside strings and comments are not levels.
    @Test func stringsAndCommentsDoNotNest() {
        let brackets = String(repeating: "[{", count: 100)
        #expect(Self.message("a = \"\(brackets)\"\nb = '\(brackets)'\nc = \"\"\"\n\(brackets)\n\"\"\"\n# \(brackets)\n") == nil)
    }

    /// The reproducer (everything after a raw NUL was ignored: `lambda = 0.9` read as 0.5) and its
    /// family: a NUL anywhere, and the escapes that decode to one, are errors at their place.
    @Test func aNULByteOrEscapeIsAnErrorAtItsLineAndColumn() {
        let raw = "a NUL byte (U+0000); a scenario is text, and the TOML reader would drop everything after it"
        let escape = "the escape \\u0000 (or \\U00000000) is a NUL character, which a scenario's strings cannot hold"
        let cases: [(String, Int, Int, String)] = [
            ("name = \"t\"\n[student]\nn = 50\n\u{0}lambda = 0.9\n", 4, 1, raw),
            ("# a comment \u{0} here\n", 1, 13, raw),
            ("name = 'é\u{0}'\n", 1, 10, raw),
            ("name = \"e\\u0000x\"\n", 1, 10, escape),
            ("[model]\nkind = \"é\\U00000000\"\n", 2, 10, escape),
            ("\"k\\u0000\" = 1\n", 1, 3, escape),
            ("t = \"\"\"\nline\n\\u0000\"\"\"\n", 3, 1, escape),
            ("t = \"\"\"\\\n  trimmed \\\n\\u0000\"\"\"\n", 3, 1, escape),
        ]
        for (text, line, column, reason) in cases {
            #expect(Self.message(text) == "h.toml: line \(line), column \(column): \(reason)", "\(text.debugDescription)")
        }
        // An escaped backslash before u0000, and a literal string, hold no NUL.
        #expect(Self.message("a = \"\\\\u0000\"\nb = 'x\\u0000'\nc = \"\\u0001\"\n") == nil)
    }

    /// The decoded value is what was written: `lambda = 0.9` after the line that held the NUL.
    @Test func aScenarioWithoutTheNULReadsEveryLine() throws {
        let text = ScenarioFixtures.example.replacingOccurrences(of: "lambda = 0.5", with: "lambda = 0.9")
        #expect(try Scenario(file: "h.toml", text: text).student.lambda == 0.9)
        #expect(throws: ScenarioError.self) { try Scenario(file: "h.toml", text: text.replacingOccurrences(of: "lambda = 0.9", with: "\u{0}lambda = 0.9")) }
    }

    /// Issue 22 item 5: `[sweep]` with `student.lambda = [...]` unquoted is a nested table; the
    /// error says so and how to write it, for lists and ranges; a table of scalars stays a range.
    @Test func anUnquotedDottedSweepKeyIsNamedWithItsFix() {
        for entry in ["student.lambda = [0.1, 0.2]", "student.lambda = { from = 0.1, to = 0.2, steps = 2 }"] {
            #expect(throws: ScenarioError(file: "s.toml", key: "sweep.student",
                                          reason: "is a table, not a sweep entry: the key student.lambda is written without quotes, which TOML "
                                              + "reads as nested tables; write it quoted, \"student.lambda\" = [...] or \"student.lambda\" = "
                                              + "{ from = a, to = b, steps = k }")) {
                try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n" + entry))
            }
        }
        #expect(throws: ScenarioError(file: "s.toml", key: "sweep.\"student.lambda\".from", reason: "missing (required)")) {
            try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = { start = 0, stop = 1 }"))
        }
    }

    /// Issue 22 item 5: a key written twice is named as written (toml++ said
    /// `'"ststudent.lambda" '`), in `[sweep]` and elsewhere; arrays of tables may repeat keys.
    @Test func aRedefinedKeyIsNamedAsWritten() {
        let sweep = ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.1, 0.2]\n\"student.lambda\" = [0.3]")
        #expect(Self.message(sweep) == "h.toml: sweep.\"student.lambda\": TOML syntax error at line 16: defined a second time (a key or table is written once)")
        #expect(Self.message("[model]\nkind = 1\n[model]\n") == "h.toml: model: TOML syntax error at line 3: defined a second time (a key or table is written once)")
        #expect(Self.message("a = { b = 1, b = 2 }\n") == "h.toml: a.b: TOML syntax error at line 1: defined a second time (a key or table is written once)")
        #expect(Self.message("[[v]]\nname = 1\n[[v]]\nname = 2\n") == nil)
        // A syntax error before the redefinition keeps the parser's own message.
        #expect(Self.message("a = \nb = 1\nb = 2\n")?.contains("line 1") == true)
    }

    /// A sweep key of more dotted parts than a scenario nests is refused before it makes tables.
    @Test func aSweptKeyOfTooManyPartsIsRefused() {
        let key = Array(repeating: "a", count: 5_000).joined(separator: ".")
        #expect(throws: ScenarioError.self) { try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"\(key)\" = [1, 2]")) }
        do {
            _ = try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"\(key)\" = [1, 2]"))
        } catch {
            #expect(error.key == "sweep")
            #expect(error.reason.hasPrefix("a swept key of 5000 dotted parts ('a.a.a"))
        }
    }

    /// Issue 22 item 5: sweeping a `[monte_carlo]` key asks for the Monte Carlo, table or not.
    @Test func aSweptMonteCarloKeyCountsAsTheTable() throws {
        let swept = try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"monte_carlo.trials\" = [10, 20]",
                                                                                  student: "n = 50\nlambda = 0.5"))
        #expect(!swept.document.hasMonteCarloSettings)
        #expect(swept.hasMonteCarloSettings)
        #expect(try swept.scenario(at: 1).monteCarlo.trials == 20)
        let analytic = try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"student.lambda\" = [0.1, 0.2]"))
        #expect(!analytic.hasMonteCarloSettings && !analytic.hasEstimationSettings)
        let estimation = try Sweep(file: "s.toml", text: ScenarioFixtures.sweepScenario("[sweep]\n\"estimation.repeats\" = [5, 6]"))
        #expect(estimation.hasEstimationSettings)
    }

    /// Issue 22 item 5: a data scenario's half-sample replicates are capped as --replicates is.
    @Test func dataScenarioReplicatesHaveTheCeilingOfTheOption() throws {
        let text = DataScenarioText.data(label: "y.csv", column: "y", views: [("a", "a.csv"), ("b", "b.csv")])
            + "\n[estimation]\nreplicates = 1000000000000\n"
        #expect(throws: ScenarioError(file: "d.toml", key: "estimation.replicates",
                                      reason: SizeLimits.excess(1_000_000_000_000, limit: SizeLimits.maximumStoredTrials) ?? "")) {
            try DataScenario(document: try ScenarioDocument(file: "d.toml", text: text))
        }
        let allowed = text.replacingOccurrences(of: "1000000000000", with: "\(SizeLimits.maximumStoredTrials)")
        #expect(try DataScenario(document: try ScenarioDocument(file: "d.toml", text: allowed)).information.replicates == SizeLimits.maximumStoredTrials)
    }

    /// Issue 22 item 5: a Monte Carlo that would draw more than `maximumMonteCarloDraws` random
    /// numbers (the triples sampler at n = 10^12 ran for hours) is refused before it starts, at
    /// the key that makes it costly.
    @Test func aMonteCarloBeyondItsDrawCeilingIsRefusedAtItsCostliestKey() throws {
        func refusal(_ student: String, _ monteCarlo: String) throws -> ScenarioError? {
            let text = ScenarioFixtures.sweepScenario("[monte_carlo]\n" + monteCarlo, student: student)
            do {
                _ = try MonteCarloExperiment(of: Scenario(file: "m.toml", text: text))
                return nil
            } catch {
                return error
            }
        }
        let triples = try #require(try refusal("n = 1000000000000", "trials = 2\nsampler = \"triples\""))
        #expect(triples.key == "student.n")
        #expect(triples.reason.hasPrefix("2 trials would draw 6e+12 random numbers (per trial: 3e+12 for the student n); a Monte Carlo run draws at most 1e+11"))
        #expect(triples.reason.hasSuffix("or sampler = \"moments\", which draws a sample's sufficient statistics, as many whatever n"))
        let test = try #require(try refusal("n = 50", "trials = 2\ntest_n = 1000000000000"))
        #expect(test.key == "monte_carlo.test_n")
        #expect(!test.reason.contains("moments"))
        // Many cheap trials: the trials are blamed. 10^8 trials of 1,000 triples (3,000 numbers).
        #expect(try refusal("n = 1000", "trials = 100000000\nsampler = \"triples\"")?.key == "monte_carlo.trials")
        // The same sample with the moments sampler, and a large but affordable triples run, start.
        #expect(try refusal("n = 1000000000000", "trials = 2") == nil)
        #expect(try refusal("n = 10000000", "trials = 3000\nsampler = \"triples\"") == nil)
    }
}

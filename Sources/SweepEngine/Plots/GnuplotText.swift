import CCHScenario

/// The one way text reaches a gnuplot script or data file, so that no text from a scenario, a
/// CSV or an option is ever interpreted by gnuplot or a shell (docs/figures.md, "Escaping").
///
/// gnuplot runs shell commands from backquotes (`` `cmd` ``) inside double-quoted strings and
/// anywhere outside strings, expands `@macro`s, ends a command at a newline and reads a data file
/// named `'< cmd'` from a pipe. Inside a single-quoted string it does none of this: the only
/// special character is the quote itself. So every string cchsim writes into a script is made of
/// single-quoted pieces without quotes, joined (gnuplot's `.` operator) by the constants `"'"` where
/// the text has a quote and `"\n"` where it has a line break: `it's` becomes `'it'."'".'s'`.
/// (gnuplot's own doubled quote, `'it''s'`, is misread when the text starts with a quote.) Other
/// control characters are replaced by a space. Text meant to read literally in gnuplot's enhanced mode (where `_`, `^`,
/// `@`, `&`, `~`, `{`, `}` and `\` are markup) is first passed through `literal`.
enum GnuplotText {
    /// A gnuplot string expression whose value is `markup` (enhanced text written by cchsim, with
    /// any user text in it passed through `literal`): single-quoted pieces joined by `"'"` at
    /// quotes and `"\n"` at line breaks, other control characters replaced by spaces.
    static func string(_ markup: String) -> String {
        markup.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            printable(String(line)).split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
                .joined(separator: ".\"'\".")
        }.joined(separator: ".\"\\n\".")
    }

    /// `text` shown literally in gnuplot's enhanced mode: each markup character is escaped by a
    /// backslash (the form a single-quoted string needs; see `string`).
    static func literal(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\_^@&~{}".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// `text` on one line, for a `#` comment of a script or a data file: every control character
    /// (line breaks included) replaced by a space, so nothing after it can start a command or a row.
    static func comment(_ text: String) -> String { printable(text.replacingOccurrences(of: "\n", with: " ")) }

    /// `text` with every control character (C0, DEL, C1 and the Unicode line and paragraph
    /// separators) replaced by a space.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ScenarioText.isControl($0) ? " " : $0 }))
    }
}

/// Input text quoted in an error message, cut short: a message names the bad value without
/// echoing a 4 MB field or a 100,000-element array whole.
public enum EchoedInput {
    /// The most characters of the input a message quotes.
    public static let limit = 60

    /// `text` in single quotes, or its first `limit` characters and the length when longer:
    /// `'99999...' (4000000 characters)`; control characters escaped (`escaped`).
    public static func quoted(_ text: some StringProtocol) -> String {
        "'" + shortened(text) + "'" + (text.count > limit ? " (\(text.count) characters)" : "")
    }

    /// `text`, or its first `limit` characters followed by "..." when longer; control characters
    /// escaped (`escaped`).
    public static func shortened(_ text: some StringProtocol) -> String {
        escaped(text.count > limit ? String(text.prefix(limit)) + "..." : String(text))
    }

    /// `text` with every control character written out, so that a message shows what the input
    /// holds instead of letting the terminal act on it (a header cell `c8\r` prints as `c8\r`, not
    /// as `c8` with the rest of the line overwritten): `\n`, `\r`, `\t`, and `\u{HEX}` for the
    /// other C0 and C1 controls, DEL, and the bidirectional formatting characters (U+202A-U+202E,
    /// U+2066-U+2069), which reorder what a terminal shows. `keepingNewlines` leaves `\n` alone,
    /// for a whole message whose lines are its own structure.
    public static func escaped(_ text: some StringProtocol, keepingNewlines: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingNewlines: out.unicodeScalars.append(scalar)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Input text quoted in an error message, cut short: a message names the bad value without
/// echoing a 4 MB field or a 100,000-element array whole.
public enum EchoedInput {
    /// The most characters of the input a message quotes.
    public static let limit = 60

    /// `text` in single quotes, or its first `limit` characters and the length when longer:
    /// `'99999...' (4000000 characters)`.
    public static func quoted(_ text: some StringProtocol) -> String {
        "'" + shortened(text) + "'" + (text.count > limit ? " (\(text.count) characters)" : "")
    }

    /// `text`, or its first `limit` characters followed by "..." when longer.
    public static func shortened(_ text: some StringProtocol) -> String {
        text.count > limit ? String(text.prefix(limit)) + "..." : String(text)
    }
}

import ArgumentParser

/// A structured option value (a list, a count or `inf`, an `i/N`) that cchsim reads from the
/// option's text and refuses in its own words: which item was bad, why, the allowed values, the
/// limits. The argument parser's own refusal of a value (`init?(argument:)` returning nil, or a
/// throwing `transform`) always reads "The value 'x' is invalid for '--opt <opt>'", which loses
/// that detail; so the parser reads the text (`Checked`) and the command's `validate()` turns it
/// into the value, a usage error (exit 64) with cchsim's message when it is not one.
protocol CheckedArgument {
    /// `text` read as the value of `option` (e.g. "--n", named in the message).
    /// - Throws: the usage error saying what is wrong with `text`.
    init(_ text: String, option: String) throws(ValidationError)

    /// The values (or list items) the option takes, listed in its help and offered by the shell
    /// completion; empty when any number or name goes.
    static var allValueStrings: [String] { get }
}

extension CheckedArgument {
    static var allValueStrings: [String] { [] }
}

/// An option's text, read by the argument parser (so help, completion and the option's default
/// come from the type) and checked as a `Value` by `value(_:)`, which the command's `validate()`
/// calls before any work so a bad value is a usage error naming the option.
struct Checked<Value: CheckedArgument>: ExpressibleByArgument {
    /// The option's text as given.
    let text: String

    init(argument: String) { text = argument }

    /// The value `text` spells for `option`. - Throws: cchsim's usage error for a bad value.
    func value(_ option: String) throws(ValidationError) -> Value { try Value(text, option: option) }

    var defaultValueDescription: String { text }
    static var allValueStrings: [String] { Value.allValueStrings }
    static var defaultCompletionKind: CompletionKind { allValueStrings.isEmpty ? .default : .list(allValueStrings) }
}

import CCHScenario

/// A CSV row that is not the row this cchsim writes for its grid point (a shard or a partial file
/// cut mid-row or edited by hand, `SummaryColumns.check`): the file, the 1-based line, the point
/// the row should hold and what is wrong with it, printed as `FILE: line L: WHAT`.
public struct SweepRowError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String, line: Int
    /// The grid point the row should hold.
    public let point: Int
    public let problem: Problem

    /// What is wrong with the row; values found in the file are kept as written.
    public enum Problem: Equatable, Sendable {
        /// `found` columns instead of the header's `expected`.
        case columnCount(found: Int, expected: Int)
        /// The point column holds `found`.
        case pointNumber(found: String)
        /// The swept key `key` holds `found`; the grid's value at the point is written `expected`.
        case sweptValue(key: ScenarioKey, found: String, expected: String)
        /// The 0/1 column `column` holds `found` (an answer may also be empty when `emptyAllowed`).
        case flag(column: String, found: String, emptyAllowed: Bool)
        /// The numeric column `column` holds `found`.
        case notANumber(column: String, found: String)
        /// A valid point whose invalid_reason is not empty.
        case validWithReason
    }

    public init(file: String, line: Int, point: Int, _ problem: Problem) {
        self.file = file
        self.line = line
        self.point = point
        self.problem = problem
    }

    public var description: String {
        let place = "\(file): line \(line)"
        switch problem {
        case .columnCount(let found, let expected):
            return "\(place): has \(found) of the \(expected) columns (a row cut short, or edited?); it should hold point \(point)"
        case .pointNumber(let found):
            return "\(place): should hold point \(point), found point \(EchoedInput.quoted(found))"
        case .sweptValue(let key, let found, let expected):
            return "\(place): point \(point) has \(key) = \(EchoedInput.quoted(found)), but the grid's value is \(expected)"
        case .flag(let column, let found, let emptyAllowed):
            return "\(place): \(column) = \(EchoedInput.quoted(found)) at point \(point); it is 0 or 1\(emptyAllowed ? " (or empty)" : "")"
        case .notANumber(let column, let found):
            return "\(place): \(column) = \(EchoedInput.quoted(found)) at point \(point) is not a number"
        case .validWithReason:
            return "\(place): point \(point) is valid but has an invalid_reason"
        }
    }
}

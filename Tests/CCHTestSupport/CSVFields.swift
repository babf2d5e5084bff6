import CCHScenario

/// The fields of one line of a CSV that cchsim wrote, read by the one CSV reader (`CSVLine`);
/// a malformed line gives no fields (the test then fails on what it expected).
public func csvFields(_ line: some StringProtocol) -> [String] {
    (try? CSVLine.fields(Array(line.utf8)[...], file: "test output", lineNumber: 1)) ?? []
}

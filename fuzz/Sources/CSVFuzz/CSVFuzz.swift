import CCHScenario

/// libFuzzer's entry for data CSVs: the bytes as a CSV's text (UTF-8 checked as `InputFile.text`
/// does), read by `CSVFile`, every column looked up by its header name and every cell read as text
/// and as a number, as `estimate-mi --csv` and `cchsim teachers` read them. Errors are the expected
/// outcome; a finding is a trap, a crash, a hang or memory past libFuzzer's -rss_limit_mb.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    guard let text = String(validating: bytes, as: UTF8.self),
          let csv = try? CSVFile(file: "fuzz.csv", text: text) else { return 0 }
    for name in csv.header { _ = try? csv.column(named: name) }
    for r in 0..<csv.rowCount {
        _ = csv.line(ofRow: r)
        for c in csv.header.indices {
            _ = csv.field(row: r, column: c)
            _ = try? csv.number(row: r, column: c)
        }
    }
    return 0
}

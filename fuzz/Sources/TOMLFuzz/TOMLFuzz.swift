import CCHScenario
import CrossModalKD

/// libFuzzer's entry for scenario files: the bytes as a scenario's text (UTF-8 checked as
/// `InputFile.text` does), through every decoder a command runs before it computes: the TOML
/// document, a model scenario, its sweep, a data scenario; then the model and, for models small
/// enough to analyse in milliseconds, the analytic answer. Errors are the expected outcome; a
/// finding is a trap, a crash, a hang (libFuzzer's -timeout) or memory past its -rss_limit_mb.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    guard let text = String(validating: bytes, as: UTF8.self),
          let document = try? ScenarioDocument(file: "fuzz.toml", text: text) else { return 0 }
    if document.modelOrigin == .data {
        _ = try? DataScenario(document: document)
        return 0
    }
    guard let scenario = try? Scenario(document: document) else { return 0 }
    if document.hasSweep { _ = try? Sweep(document: document) }
    if scenario.numbersPerSampleRow <= 12 { _ = try? scenario.analyzeByFormula() }
    return 0
}

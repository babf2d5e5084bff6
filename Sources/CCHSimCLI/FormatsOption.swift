import ArgumentParser
import CCHScenario

/// `--formats png,pdf,svg` of `run`, `merge` and `figures`: the figure formats, overriding the
/// scenario's `[output] formats` (docs/figures.md, "Formats").
struct FormatsOption: ParsableArguments {
    @Option(help: "Figure formats, comma-separated: png, pdf, svg (default: the scenario's [output] formats, else png).",
            completion: .list(FigureFormat.allCases.map(\.rawValue)))
    var formats: String?

    /// The formats given, nil without the option.
    var list: [FigureFormat]? {
        get throws {
            guard let formats else { return nil }
            do { return try FigureFormat.list(formats) } catch { throw ValidationError("--formats: \(error.description)") }
        }
    }

    func validate() throws { _ = try list }
}

import ArgumentParser
import CCHScenario

/// `--formats png,pdf,svg` of `run`, `merge` and `figures`: the figure formats, overriding the
/// scenario's `[output] formats` (docs/figures.md, "Formats").
struct FormatsOption: ParsableArguments {
    @Option(help: "Figure formats, comma-separated (default: the scenario's [output] formats, else png).")
    var formats: Checked<FigureFormatList>?

    /// The formats given (each once, in the order given), nil without the option.
    var list: [FigureFormat]? {
        get throws(ValidationError) { try formats?.value("--formats").formats }
    }

    func validate() throws { _ = try list }
}

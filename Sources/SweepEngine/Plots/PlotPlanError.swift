import CCHScenario

/// Why the `[output]` table of the sweep in a file asks for a figure the sweep cannot draw,
/// found before anything is computed (`PlotPlan`): the file, the key and what the sweep lacks,
/// printed as `FILE: output.KEY: REASON`.
public enum PlotPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `output.KEY` (`log_x`, `log_y`) asks for a log scale on the 0-based `axis`, which is not a numeric swept key.
    case logScaleNeedsNumericAxis(file: String, key: ScenarioKey.Output, axis: Int)
    /// `output.KEY` asks for a log scale on the swept key `axis`, which takes the value `value` <= 0.
    case logScaleNeedsPositiveValues(file: String, key: ScenarioKey.Output, axis: ScenarioKey, value: Double)
    /// `output.plots` names `kind`, which the sweep cannot draw.
    case doesNotFit(file: String, PlotKind, Misfit)

    /// What a sweep lacks for a plot kind.
    public enum Misfit: Equatable, Sendable {
        /// A map of adding modalities needs a model with at least two teacher modalities.
        case needsTeacherSets
        /// The kind's leading swept keys (two for a map, one otherwise) are not numeric with two values or more.
        case needsNumericAxes
        /// The kind would draw `count` maps or lines, more than `PlotPlan` allows.
        case tooMany(Int)
        /// A reliability plot needs an `[estimation]` table.
        case needsEstimation
        /// The kind is a figure of `cchsim teachers` (a data scenario), not of a sweep; `OutputSpec`
        /// refuses it when decoding, so a sweep reaches this only when built in code.
        case drawnByTeachers
    }

    public var description: String {
        switch self {
        case .logScaleNeedsNumericAxis(let file, let key, let axis):
            "\(file): \(key.dotted): a log scale needs a numeric [sweep] key number \(axis + 1)"
        case .logScaleNeedsPositiveValues(let file, let key, let axis, let value):
            "\(file): \(key.dotted): a log scale needs positive values, but \(axis) takes \(PlotLabels.number(value))"
        case .doesNotFit(let file, let kind, let misfit):
            "\(file): \(ScenarioKey.Output.plots.dotted): \(Self.reason(kind, misfit))"
        }
    }

    /// Why `kind` does not fit, in the words of the kind's family (maps, curves, reliability).
    private static func reason(_ kind: PlotKind, _ misfit: Misfit) -> String {
        switch (kind, misfit) {
        case (_, .needsTeacherSets):
            "a \(kind.rawValue) compares teacher sets: it needs a model with at least two teacher modalities (docs/multi-teacher.md)"
        case (_, .drawnByTeachers):
            "a \(kind.rawValue) is a figure of `cchsim teachers` (a [data] scenario), not of a sweep"
        case (_, .needsEstimation):
            "a reliability plot needs an [estimation] table (decision reliability)"
        case (.curves, .needsNumericAxes):
            "curves need the first [sweep] key to be numeric, with at least two values"
        case (.curves, .tooMany(let lines)):
            "curves draw one line per combination of the [sweep] keys after the first: \(lines) lines, more than \(PlotPlan.maximumCurves)"
        case (.reliability, .needsNumericAxes):
            "a reliability plot needs the first [sweep] key to be numeric, e.g. \(ScenarioKey.estimation(.n))"
        case (.reliability, .tooMany(let combinations)):
            "a reliability plot draws lines per combination of the [sweep] keys after the first: "
                + "\(combinations) combinations, more than \(PlotPlan.maximumCurves)"
        case (_, .needsNumericAxes):
            "a \(kind.rawValue) needs the first two [sweep] keys to be numeric, with at least two values each"
        case (_, .tooMany(let maps)):
            "a \(kind.rawValue) is drawn for every combination of the [sweep] keys after the first two: "
                + "\(maps) maps, more than \(PlotPlan.maximumMaps)"
        }
    }
}

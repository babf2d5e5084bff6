import CrossModalKD

/// A scenario file with its `[sweep]`: the grid and the scenario at every grid point.
///
/// A grid point's scenario is the file with each swept key's value written in (the leaf of the
/// document overridden) and decoded by `Scenario(document:)`, so swept values are validated exactly
/// like written ones. Every value of every axis is checked when the sweep is read, so an unknown
/// key path or a value outside its domain (a correlation of 1.2, a lambda of -0.1, a negative noise)
/// is an error before anything is computed. What only a combination can break (a covariance that is
/// not positive definite, n too small for the regime) is left to each point.
public struct Sweep: Sendable {
    /// The file as written (with its `[sweep]`).
    public let document: ScenarioDocument
    public let grid: SweepGrid
    public let output: OutputSpec
    /// The scenario at grid point 0: name, seed and every setting that is not swept.
    public let first: Scenario
    /// The document without `[sweep]` and `[output]`, into which points write their values.
    private let base: ScenarioDocument
    /// Typed setters of the axes when every swept value patches to what decoding gives
    /// (`SweepPatch`); nil when points must be decoded.
    private let patches: [SweepPatch.Setter]?

    /// Reads the sweep of `document` and validates every swept value.
    /// - Throws: `ScenarioError` naming the file and the key at fault.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        self.document = document
        grid = try SweepGrid(document: document)
        output = try OutputSpec(document: document)
        base = document.removing(ScenarioKey.Table.sweep).removing(ScenarioKey.Table.output)
        var firstValues = grid.axes.map { $0.values[0] }
        let origin = try Self.decode(base, grid.axes, firstValues, changed: nil)
        var setters: [SweepPatch.Setter]? = grid.axes.compactMap { SweepPatch.setter(for: $0.key) }
        if setters?.count != grid.axes.count { setters = nil }
        for (a, axis) in grid.axes.enumerated() {
            for value in axis.values.dropFirst() {
                firstValues[a] = value
                let decoded = try Self.decode(base, grid.axes, firstValues, changed: a)
                var patched = origin
                if let set = setters?[a], !(set(&patched, value) && patched.sameSettings(as: decoded)) { setters = nil }
            }
            firstValues[a] = axis.values[0]
        }
        first = origin
        patches = setters
    }

    /// Reads and validates a scenario file's text.
    public init(file: String, text: String) throws(ScenarioError) {
        try self.init(document: try ScenarioDocument(file: file, text: text))
    }

    /// Whether the points have a `[monte_carlo]` table: written in the file, or made by a swept
    /// `monte_carlo.*` key, which asks for the Monte Carlo as the table does (the table's other
    /// keys then take their defaults). Deciding by the file alone ran such a sweep analytically
    /// and ignored the swept key.
    public var hasMonteCarloSettings: Bool { first.document.hasMonteCarloSettings }
    /// Whether the points have an `[estimation]` table, written or made by a swept `estimation.*` key.
    public var hasEstimationSettings: Bool { first.document.hasEstimationSettings }

    /// The scenario's name (also the stem of its output files).
    public var name: String { first.name }
    public var file: String { document.file }

    /// The document of grid point `point`: the file with the point's swept values written in.
    public func document(at point: Int) throws(ScenarioError) -> ScenarioDocument {
        try Self.write(grid.values(at: point), of: grid.axes, into: base)
    }

    /// The scenario at grid point `point`. - Throws: `ScenarioError` when the point's combination
    /// of values does not decode (rare: every value alone was checked).
    ///
    /// When every axis has a checked typed setter (`SweepPatch`), the point's values are written
    /// into the decoded first point instead of decoding the point's document; the settings are the
    /// same, but `document` is then the first point's (use `document(at:)` for the point's own).
    public func scenario(at point: Int) throws(ScenarioError) -> Scenario {
        guard let patches else { return try Scenario(document: try document(at: point)) }
        var scenario = first
        for (set, value) in zip(patches, grid.values(at: point)) { _ = set(&scenario, value) }
        return scenario
    }

    /// Whether points are made by typed setters rather than decoded (see `scenario(at:)`).
    public var patchesPoints: Bool { patches != nil }

    private static func write(_ values: [ScenarioValue], of axes: [SweepAxis], into base: ScenarioDocument) throws(ScenarioError) -> ScenarioDocument {
        var doc = base
        for (axis, value) in zip(axes, values) { doc = try doc.setting(value, at: axis.key.dotted) }
        return doc
    }

    /// Decodes the base with `values` written in and checks the model's per-parameter domains;
    /// errors caused by axis `changed` say which sweep value it was.
    private static func decode(_ base: ScenarioDocument, _ axes: [SweepAxis], _ values: [ScenarioValue],
                               changed: Int?) throws(ScenarioError) -> Scenario {
        do throws(ScenarioError) {
            let scenario = try Scenario(document: try write(values, of: axes, into: base))
            do { _ = try scenario.model.build() } catch {
                // Only a parameter outside its own domain is fatal; a combination of valid values
                // that is not positive definite is a point's business.
                if case .invalid = error {
                    throw ScenarioError(file: base.file, error)
                }
            }
            return scenario
        } catch {
            let swept = axes.firstIndex { (axis: SweepAxis) in
                let key = axis.key.dotted
                return error.key == key || error.key.hasPrefix(key + ".") || key.hasPrefix(error.key + ".")
            }
            guard let a = swept ?? changed else { throw error }
            let detail = error.key == axes[a].key.dotted ? "" : " (swept key \"\(axes[a].key.dotted)\")"
            throw ScenarioError(file: error.file, key: error.key,
                                reason: "\(error.reason)\(detail); the value \(values[a]) comes from [sweep]")
        }
    }
}

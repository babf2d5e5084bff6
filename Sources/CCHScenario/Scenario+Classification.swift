import CrossModalKD

extension Scenario {
    /// The class-label informations (I(S;C), I(T;C), the CCH gap with C) when `label` is
    /// `sign`, nil for a continuous label. - Throws: `ScenarioError` for an invalid model.
    public func classInformation() throws(ScenarioError) -> ClassInformationSummary? {
        guard label == .sign else { return nil }
        return ClassInformationSummary(model: try buildModel())
    }

    /// `[model] label`: "continuous" (default) or "sign".
    static func decodeLabel(_ r: TableReader) throws(ScenarioError) -> LabelKind {
        let name = try r.choice("label", LabelKind.allCases.map(\.rawValue), default: LabelKind.continuous.rawValue)
        return LabelKind(rawValue: name) ?? .continuous
    }
}

/// What a scenario file describes, read from its TOML structure (never from its text): a joint
/// Gaussian model given one of four ways (`[model] kind`), or real multi-view data (a `[data]`
/// table). Commands use it to say which command a file is for (docs/scenarios.md, "Scenario kinds").
public enum ModelOrigin: String, CaseIterable, Sendable, Equatable {
    /// `[model] kind = "correlations"`: rho_ts, rho_sy, rho_ty of scalar T, S, Y.
    case correlations
    /// `[model] kind = "covariance"`: the covariance matrix of (T, S, Y).
    case covariance
    /// `[model] kind = "latent"`: loadings on latent factors plus noise.
    case latent
    /// `[model] kind = "random-latent"`: loadings drawn from the scenario's seed.
    case randomLatent = "random-latent"
    /// A `[data]` table: real multi-view data, for `cchsim teachers`.
    case data

    /// The `[model] kind` values, in the order error messages list them.
    public static let modelKinds: [ModelOrigin] = [.correlations, .latent, .covariance, .randomLatent]

    /// Whether the scenario is a model (analyze, simulate, classify, reliability, estimate-mi, run)
    /// rather than data (teachers).
    public var isModel: Bool { self != .data }
}

extension ScenarioDocument {
    /// What the file describes: `.data` when it has a `[data]` table, else its `[model] kind`; nil
    /// without either, or for a kind cchsim does not know (the decoders report what is wrong).
    public var modelOrigin: ModelOrigin? {
        if root[ScenarioKey.Table.data.name] != nil { return .data }
        guard case .table(let model)? = root[ScenarioKey.Table.model.name], case .string(let name)? = model[ScenarioKey.Model.kind.name],
              let origin = ModelOrigin(rawValue: name), origin.isModel else { return nil }
        return origin
    }
}

/// Scenario texts shared by the test targets.
public enum ScenarioFixtures {
    /// The documented scenario layout (Scenarios/example.toml, the README's worked example): correlations (0.6, 0.4, 0.3), an oracle
    /// prediction teacher, n = 50 students with lambda = 0.5.
    public static let example = """
        name = "example"
        seed = 7
        [model]
        kind = "correlations"
        rho_ts = 0.6
        rho_sy = 0.4
        rho_ty = 0.3
        [teacher]
        target = "prediction"
        fit = "oracle"
        n = 200
        scale = 1.0
        [student]
        n = 50
        ridge = 0.0
        lambda = 0.5
        """

    /// A correlations scenario with `sweep` appended (its `[sweep]` table and anything after it).
    public static func sweepScenario(_ sweep: String, model: String = "kind = \"correlations\"\nrho_ts = 0.6\nrho_sy = 0.4\nrho_ty = 0.0",
                         teacher: String = "target = \"representation\"", student: String = "n = \"inf\"\nridge = 0.05\nlambda = 0.05") -> String {
        "name = \"grid\"\nseed = 9\n[model]\n\(model)\n[teacher]\n\(teacher)\n[student]\n\(student)\n\(sweep)\n"
    }
}

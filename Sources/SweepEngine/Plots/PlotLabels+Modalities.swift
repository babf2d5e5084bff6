import CCHScenario

/// Labels of the swept keys that belong to one named teacher modality (docs/multi-teacher.md): the
/// strength of a modality (`model.teachers.B.rho_ty`), the teachers' mutual correlation
/// (`model.teachers.B.rho_with_A`), a latent modality's noise or an ensemble weight
/// (`teacher.weights.A`). The plots label these axes by the modality's name; names are shown
/// literally (`GnuplotText.literal`).
extension PlotLabels {
    /// The modality `T_{name}` in enhanced text.
    private static func t(_ name: String) -> String { "T_{\(GnuplotText.literal(name))}" }

    /// The short name of a modality's key, nil for a key of no modality (or its loadings).
    static func modalitySymbol(_ key: ScenarioKey) -> String? {
        switch key {
        case .modality(let b, .rhoTS): "ρ(\(t(b)), S)"
        case .modality(let b, .rhoTY): "ρ(\(t(b)), Y)"
        case .modality(let b, .rhoWith(let a)): "ρ(\(t(a)), \(t(b)))"
        case .modality(let b, .noise): "σ_{\(GnuplotText.literal(b))}"
        case .teacherWeight(let a): "w_{\(GnuplotText.literal(a))}"
        default: nil
        }
    }

    /// The axis label of a modality's key, the symbol and its meaning; nil as for `modalitySymbol`.
    static func modalityAxis(_ key: ScenarioKey) -> String? {
        guard let symbol = modalitySymbol(key) else { return nil }
        return switch key {
        case .modality(let b, .rhoTS): "\(symbol): corr. of teacher modality \(GnuplotText.literal(b)) with the student"
        case .modality(let b, .rhoTY): "\(symbol): corr. of teacher modality \(GnuplotText.literal(b)) with the label (its strength)"
        case .modality(let b, .rhoWith(let a)):
            "\(symbol): corr. of teacher modalities \(GnuplotText.literal(a)) and \(GnuplotText.literal(b))"
        case .modality(let b, _): "\(symbol): noise of teacher modality \(GnuplotText.literal(b)) (standard deviation)"
        case .teacherWeight(let a): "\(symbol): ensemble weight of teacher \(GnuplotText.literal(a)) (weights normalised to sum 1)"
        default: nil
        }
    }

}

/// A swept key that belongs to one named teacher modality (docs/multi-teacher.md): the strength of
/// a modality (`model.teachers.B.rho_ty`), the teachers' mutual correlation
/// (`model.teachers.B.rho_with_A`) or an ensemble weight (`teacher.weights.A`). The plots label
/// these axes by the modality's name; names are shown literally (`GnuplotText.literal`).
enum ModalityKey: Equatable {
    /// rho(T_name, S) and rho(T_name, Y) of the correlations model.
    case withStudent(String), withLabel(String)
    /// rho(T_other, T_name).
    case mutual(String, other: String)
    /// The noise standard deviation of a latent modality.
    case noise(String)
    /// The weight of a modality's teacher in the ensemble.
    case weight(String)

    /// The key's meaning, nil for a key of no modality.
    init?(_ key: String) {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 3 where parts[0] == "teacher" && parts[1] == "weights":
            self = .weight(parts[2])
        case 4 where parts[0] == "model" && parts[1] == "teachers":
            let name = parts[2], leaf = parts[3], mutual = "rho_with_"
            switch leaf {
            case "rho_ts": self = .withStudent(name)
            case "rho_ty": self = .withLabel(name)
            case "noise": self = .noise(name)
            case _ where leaf.hasPrefix(mutual) && leaf.count > mutual.count: self = .mutual(name, other: String(leaf.dropFirst(mutual.count)))
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The modality `T_{name}` in enhanced text.
    private static func t(_ name: String) -> String { "T_{\(GnuplotText.literal(name))}" }

    /// The short name, for legends and panel titles.
    var symbol: String {
        switch self {
        case .withStudent(let b): "ρ(\(Self.t(b)), S)"
        case .withLabel(let b): "ρ(\(Self.t(b)), Y)"
        case .mutual(let b, let a): "ρ(\(Self.t(a)), \(Self.t(b)))"
        case .noise(let b): "σ_{\(GnuplotText.literal(b))}"
        case .weight(let a): "w_{\(GnuplotText.literal(a))}"
        }
    }

    /// The axis label: the symbol and its meaning.
    var axis: String {
        switch self {
        case .withStudent(let b): "\(symbol): corr. of teacher modality \(GnuplotText.literal(b)) with the student"
        case .withLabel(let b): "\(symbol): corr. of teacher modality \(GnuplotText.literal(b)) with the label (its strength)"
        case .mutual(let b, let a): "\(symbol): corr. of teacher modalities \(GnuplotText.literal(a)) and \(GnuplotText.literal(b))"
        case .noise(let b): "\(symbol): noise of teacher modality \(GnuplotText.literal(b)) (standard deviation)"
        case .weight(let a): "\(symbol): ensemble weight of teacher \(GnuplotText.literal(a)) (weights normalised to sum 1)"
        }
    }
}

import CCHScenario
import CrossModalKD

/// Why `cchsim fit` writes no scenario: the file is a model scenario, a view it is asked for does
/// not exist, the fit refuses the pair (`GaussianFitError`), or (a defect) the scenario it wrote
/// does not encode or read back. Each message names the option or the key the user can change.
public enum FittedScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The scenario in `file` has no `[data]` table: it is a Gaussian already.
    case modelScenario(file: String)
    /// The data scenario in `file` has no view `view` (asked for by `role`'s option); `views` are its views.
    case unknownView(Role, view: String, file: String, views: [String])
    /// The fit of the data scenario in `file` refuses the pair.
    case fitRefused(file: String, GaussianFitError)
    /// A defect: the encoder failed (`reason`).
    case unencodable(reason: String)
    /// A defect: the text written does not decode (`reason`).
    case unreadable(reason: String)

    /// Which view of the pair an option names.
    public enum Role: String, Sendable {
        case teacher = "--teacher", student = "--student"
    }

    public var description: String {
        switch self {
        case .modelScenario(let file):
            "\(file): a model scenario (no [data] table); `cchsim fit` fits a Gaussian to real data and needs a data scenario "
                + "(docs/real-data.md). A model scenario is a Gaussian already: run `cchsim analyze \(file)`"
        case .unknownView(let role, let view, let file, let views):
            "\(role.rawValue): \(file) has no view \(FittedScenarioFile.quoted(view)); its views are "
                + views.map(FittedScenarioFile.quoted).joined(separator: ", ")
        case .fitRefused(let file, let error):
            switch error {
            case .sameView: "\(Role.teacher.rawValue), \(Role.student.rawValue): \(error)"
            case .multiClassLabel: "\(file): \(ScenarioKey.data(.label)): \(error)"
            default: "\(file): \(ScenarioKey.data(.components)): \(error)"
            }
        case .unencodable(let reason):
            "cchsim fit could not encode its scenario (a defect; please report it): \(reason)"
        case .unreadable(let reason):
            "cchsim fit wrote a scenario it cannot read back (a defect; please report it): \(reason)"
        }
    }
}

/// What the label of a scenario is: the continuous Y of the joint Gaussian model, or the class
/// label C = sign(Y) (docs/theory.md section 2.2). The raw values are the scenario-file spellings.
public enum LabelKind: String, Sendable, CaseIterable {
    /// Y itself (regression).
    case continuous
    /// C = sign(Y), a balanced binary class (Y has mean zero).
    case sign
}

/// What the label of a model scenario is: the continuous Y of the joint Gaussian model, or the
/// class label C = sign(Y) it defines (docs/theory.md section 2.2), whose informations and Bayes
/// accuracies have closed forms. The raw values are the scenario-file spellings. (Real data's
/// label is read, not derived: `MultiViewLabel`, of kind `MultiViewLabel.Kind`.)
public enum LabelKind: String, Sendable, CaseIterable {
    /// Y itself (regression).
    case continuous
    /// C = sign(Y), a balanced binary class (Y has mean zero).
    case sign
}

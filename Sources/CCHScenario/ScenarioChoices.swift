// The choices a scenario file spells as strings and the decoders switch on: each an enumeration
// whose raw values are the file's spellings, read by `TableReader.choice(_:default:)`, so that a
// wrong value's error lists the cases in declaration order.

/// `teacher.fit` of a squared-loss scenario: the oracle (population) teacher or one fitted on n rows.
enum TeacherFitChoice: String, CaseIterable {
    case oracle, ols, ridge
}

/// `student.loss`: the squared loss (regression on Y) or the logistic loss (classifying sign(Y)).
enum StudentLoss: String, CaseIterable {
    case squared, logistic
}

/// `teacher.fit` of a logistic student: the posterior of C given T, or a fitted logistic teacher.
enum LogisticTeacherFitChoice: String, CaseIterable {
    case oracle, logistic
}

/// `teacher.combine`: one teacher on the chosen modalities, or an ensemble of one teacher each.
enum TeacherCombineChoice: String, CaseIterable {
    case set, ensemble
}

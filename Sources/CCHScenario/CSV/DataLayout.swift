/// How a data file lays out its samples and features (a data scenario's per-view `layout` key).
///
/// - `samplesInRows` (the default): a header row of column names, then one row per sample, one
///   column per feature (the tidy layout of pandas and R data frames).
/// - `samplesInColumns`: one row per feature, one column per sample, the usual layout of an
///   expression matrix (genes x samples): the header row's first cell names the feature-name column
///   (any text) and its other cells are the sample IDs; each following row is a feature's name in
///   the first column, then its value in every sample.
public enum DataLayout: String, Sendable, CaseIterable {
    case samplesInRows = "samples-in-rows"
    case samplesInColumns = "samples-in-columns"
}

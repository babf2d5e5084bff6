/// Why a sweep's CSV cannot be read back for its plots (`PlotTable`): the file and what it lacks,
/// printed as `FILE: REASON`. The CSV is cchsim's own output, so each case means a file edited or
/// replaced since the run wrote it, or a plot asked of a sweep that has nothing for it.
public enum PlotTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file at `file` is empty.
    case empty(file: String)
    /// Its header is not the one the sweep writes.
    case header(file: String)
    /// The sweep's schema has no column with role `role`.
    case noColumn(file: String, role: ColumnRole)
    /// The sweep has no CCH prediction and truth (no verdict to plot).
    case noVerdict(file: String)
    /// The sweep compares no teacher sets.
    case noTeacherSets(file: String)
    /// The 1-based `line` is not a row of the sweep (wrong number of fields, or no point of the grid).
    case notARow(file: String, line: Int)

    public var description: String {
        switch self {
        case .empty(let file): "\(file): empty file, expected a CSV header"
        case .header(let file): "\(file): its header is not the one this sweep writes"
        case .noColumn(let file, let role): "\(file): no column with role \(role)"
        case .noVerdict(let file): "\(file): the sweep has no CCH prediction and truth to plot"
        case .noTeacherSets(let file): "\(file): the sweep has no teacher sets to compare"
        case .notARow(let file, let line): "\(file): line \(line) is not a row of this sweep"
        }
    }
}

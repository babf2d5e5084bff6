import CCHScenario
import CrossModalKD

/// A comma-separated table with a header row of distinct column names, as a user exports
/// representations: `t1,t2,s1,y` then one row of numbers per observation (parsed by `CSVFile`).
/// Every error names the file, the line (and column) and the reason.
public struct CSVTable {
    let csv: CSVFile

    public init(file: String, text: String) throws(CLIError) {
        do { csv = try CSVFile(file: file, text: text) } catch { throw CLIError(error.description) }
        let header = csv.header
        for (i, name) in header.enumerated() {
            if let j = header[..<i].firstIndex(of: name) {
                throw CLIError("\(file): line \(csv.headerLine): the column name '\(name)' appears twice (columns \(j + 1) and \(i + 1))")
            }
        }
    }

    /// The named columns as a rows x names.count matrix of finite numbers.
    public func numericColumns(_ names: [String]) throws(CLIError) -> Matrix {
        var indices: [Int] = []
        for name in names {
            guard let i = csv.header.firstIndex(of: name) else {
                throw CLIError("\(csv.file): no column named '\(name)'; the header has \(csv.header.map { "'\($0)'" }.joined(separator: ", "))")
            }
            indices.append(i)
        }
        var out = Matrix(rows: csv.rows.count, cols: names.count)
        do {
            for r in 0..<csv.rows.count { for (j, i) in indices.enumerated() { out[r, j] = try csv.number(row: r, column: i) } }
        } catch { throw CLIError(error.description) }
        return out
    }
}

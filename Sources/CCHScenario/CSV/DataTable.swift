import CrossModalKD

/// The cells of one data file that a data scenario uses, read once in one streaming pass
/// (`CSVRecords`): numeric cells parsed straight into a samples x features matrix (NaN for a
/// missing value, `CSVCell.isMissing`), and the text of a few columns (sample IDs, class labels).
/// Nothing else of the file is kept, so reading needs about the matrix's memory (8 bytes a number)
/// whatever the file's size in text.
public struct DataTable: Sendable {
    public let file: String
    public let layout: DataLayout
    /// The header row's names, in file order (samples in columns: the feature-name column's name,
    /// then the sample IDs).
    public let header: [String]
    public let headerLine: Int
    /// Numeric cells, samples x features, NaN where the cell was a missing value.
    public let values: Matrix
    /// The features, in `values`'s column order: their names, and the 0-based column (samples in
    /// rows) or the 1-based number among the feature rows (samples in columns) of each.
    public let featureNames: [String]
    public let featureOrigins: [Int]
    /// Samples in columns: each feature's 1-based line; samples in rows: empty.
    private let featureLines: [Int]
    /// Samples in rows: each sample's 1-based line; samples in columns: empty (sample i is column i + 2).
    private let sampleLines: [Int]
    /// The text of each requested text column, per sample.
    public let texts: [[String]]

    /// Number of samples.
    public var sampleCount: Int { values.rows }

    /// Where the cell of `sample` and `feature` (0-based, in `values`) sits: line, 1-based
    /// column and that column's header name.
    public func place(sample: Int, feature: Int) -> (line: Int, column: Int, columnName: String) {
        switch layout {
        case .samplesInRows:
            (sampleLines[sample], featureOrigins[feature] + 1, header[featureOrigins[feature]])
        case .samplesInColumns:
            (featureLines[feature], sample + 2, header[sample + 1])
        }
    }

    /// The line of `sample` (samples in rows) or of the header (samples in columns, whose samples
    /// are columns of every line).
    public func line(ofSample sample: Int) -> Int { layout == .samplesInRows ? sampleLines[sample] : headerLine }

    /// The sample IDs of a samples-in-columns file: its header's cells after the first.
    public var columnSampleIDs: [String] { Array(header.dropFirst()) }

    /// What to take from a samples-in-rows file, once its header is known.
    public struct Request {
        /// 0-based columns read as numbers, and columns kept as text.
        public var numeric: [Int], text: [Int]
        public init(numeric: [Int], text: [Int]) {
            self.numeric = numeric
            self.text = text
        }
    }

    /// Reads a samples-in-rows file: the columns `request` names once the header is known.
    /// - Throws: `DataFileError` naming the line, column and reason (a malformed line, a row of the
    ///   wrong length, a cell that is neither a decimal number nor a missing value), and what
    ///   `request` throws.
    public static func samplesInRows(_ blocks: InputBlocks, file: String, delimiter: FieldDelimiter,
                                     request: ([String], Int) throws(DataFileError) -> Request) throws(DataFileError) -> DataTable {
        var header: [String]?, headerLine = 0
        var wanted = Request(numeric: [], text: [])
        var values: [Double] = [], lines: [Int] = []
        var texts: [[String]] = []
        try CSVRecords.forEach(in: blocks, file: file, delimiter: delimiter) { (record) throws(DataFileError) in
            guard let names = header else {
                let names = try headerNames(record, file: file)
                header = names
                headerLine = record.number
                wanted = try request(names, record.number)
                texts = Array(repeating: [], count: wanted.text.count)
                return
            }
            guard record.fields.count == names.count else {
                throw DataFileError(file: file, line: record.number, reason: "\(record.fields.count) fields, but the header has \(names.count) columns")
            }
            for c in wanted.numeric { values.append(try number(record, c, file: file, columnName: names[c])) }
            for (k, c) in wanted.text.enumerated() { texts[k].append(record.text(c)) }
            lines.append(record.number)
        }
        guard let header else { throw DataFileError(file: file, reason: "empty file, expected a header row of column names") }
        return DataTable(file: file, layout: .samplesInRows, header: header, headerLine: headerLine,
                         values: Matrix(rows: lines.count, cols: wanted.numeric.count, elements: values),
                         featureNames: wanted.numeric.map { header[$0] }, featureOrigins: wanted.numeric, featureLines: [],
                         sampleLines: lines, texts: texts)
    }

    /// Reads a samples-in-columns file: every feature row that `keep` (given the feature's name
    /// and its 1-based number among the feature rows) accepts.
    /// - Throws: `DataFileError` as `samplesInRows`, and for an empty feature name.
    public static func samplesInColumns(_ blocks: InputBlocks, file: String, delimiter: FieldDelimiter,
                                        keep: (String, Int) -> Bool) throws(DataFileError) -> DataTable {
        var header: [String]?, headerLine = 0
        var byFeature: [Double] = [], names: [String] = [], numbers: [Int] = [], lines: [Int] = []
        var featureNumber = 0
        try CSVRecords.forEach(in: blocks, file: file, delimiter: delimiter) { (record) throws(DataFileError) in
            guard let columns = header else {
                let columns = try headerNames(record, file: file)
                guard columns.count >= 2 else {
                    throw DataFileError(file: file, line: record.number, reason: "a samples-in-columns file needs a feature-name column and at least one sample column")
                }
                header = columns
                headerLine = record.number
                return
            }
            guard record.fields.count == columns.count else {
                throw DataFileError(file: file, line: record.number, reason: "\(record.fields.count) fields, but the header has \(columns.count) columns")
            }
            featureNumber += 1
            let name = record.text(0)
            guard !name.isEmpty else {
                throw DataFileError(file: file, line: record.number, column: 1, columnName: columns[0], reason: "a feature row has no name")
            }
            guard keep(name, featureNumber) else { return }
            for c in 1..<columns.count { byFeature.append(try number(record, c, file: file, columnName: columns[c])) }
            names.append(name)
            numbers.append(featureNumber)
            lines.append(record.number)
        }
        guard let header else { throw DataFileError(file: file, reason: "empty file, expected a header row of sample IDs") }
        let samples = header.count - 1, features = names.count
        var values = Matrix(rows: samples, cols: features)
        values.elements.withUnsafeMutableBufferPointer { out in
            for f in 0..<features { for s in 0..<samples { out[s * features + f] = byFeature[f * samples + s] } }
        }
        return DataTable(file: file, layout: .samplesInColumns, header: header, headerLine: headerLine, values: values,
                         featureNames: names, featureOrigins: numbers, featureLines: lines, sampleLines: [], texts: [])
    }

    /// The header's names. - Throws: for an empty name.
    private static func headerNames(_ record: CSVRecords.Record, file: String) throws(DataFileError) -> [String] {
        let names = record.fields.indices.map { record.text($0) }
        for (i, name) in names.enumerated() where name.isEmpty {
            throw DataFileError(file: file, line: record.number, reason: "header column \(i + 1) has no name")
        }
        return names
    }

    /// Field `c` as a number, NaN for a missing value. - Throws: for anything else that is not a
    /// finite decimal number.
    @inline(__always)
    private static func number(_ record: CSVRecords.Record, _ c: Int, file: String, columnName: String) throws(DataFileError) -> Double {
        let raw = record.raw(c)
        if let x = CSVCell.decimal(raw) { return x }
        if !record.fields[c].quoted || !raw.contains(34), CSVCell.isMissing(raw) { return .nan }
        throw DataFileError(file: file, line: record.number, column: c + 1, columnName: columnName, reason: CSVCell.notANumber(record.text(c)))
    }
}

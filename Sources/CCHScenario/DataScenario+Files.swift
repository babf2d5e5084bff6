import CrossModalKD
import OrderedCollections

/// Reading a data scenario's files: each distinct file once (a file that is the label's and a
/// view's, or two views', is read in one pass for all of them), with only the cells they use.
extension DataScenario {
    /// One file as read, and where each of its users finds its cells.
    struct SourceFile {
        let path: String
        let table: DataTable
        /// The sample IDs (samples in rows: the `id` column's texts), nil without `[data] id`.
        let ids: [String]?
        /// The label's cell: a text column (class label) or a feature of `table.values` (continuous),
        /// and its 0-based column in the file.
        let label: LabelCell?
        let labelColumn: Int?
    }

    /// Where a read file keeps the label's cells: a column of its texts (a class label, whose
    /// classes `ClassLabels` finds) or a feature of its numbers (a continuous label). A position in
    /// the file's tables, not the label's kind (`LabelSource.kind` decides which it is).
    enum LabelCell { case text(Int), number(Int) }

    /// A view's cells: its file (an index into the files) and features (columns of its `values`).
    struct ViewCells {
        let file: Int
        let features: [Int]
    }

    /// Reads every file once. - Throws: `DataFileError` naming the file, line, column and reason.
    func readFiles() throws(DataFileError) -> (files: [SourceFile], views: [ViewCells]) {
        // Each file once, the label's first, then in the order the views name them, with the views it holds.
        var usersOf: OrderedDictionary<String, [Int]> = [label.path: []]
        for (v, view) in views.enumerated() { usersOf[view.path, default: []].append(v) }
        var files: [SourceFile] = []
        var viewCells = [ViewCells?](repeating: nil, count: views.count)
        for (f, (path, users)) in usersOf.enumerated() {
            let key = path == label.path ? ScenarioKey.dataLabel(.file).dotted : views[users[0]].keyPath(.file)
            let blocks: InputBlocks
            do { blocks = try InputBlocks(path: path) } catch { throw Self.readError(error, key: key, scenario: file) }
            let layout = path == label.path ? DataLayout.samplesInRows : views[users[0]].layout
            let delimiter = path == label.path ? label.delimiter : views[users[0]].delimiter
            if layout == .samplesInColumns {
                let (table, features) = try readSamplesInColumns(blocks, path: path, delimiter: delimiter, users: users)
                for (v, cells) in zip(users, features) { viewCells[v] = ViewCells(file: f, features: cells) }
                files.append(SourceFile(path: path, table: table, ids: idColumn == nil ? nil : table.columnSampleIDs, label: nil, labelColumn: nil))
                continue
            }
            var labelCell: LabelCell?, idIndex: Int?, labelColumnIndex: Int?
            var columnsOfView: [Int: [Int]] = [:]
            let table = try DataTable.samplesInRows(blocks, file: path, delimiter: delimiter) { (header, line) throws(DataFileError) in
                var numeric: [Int] = [], text: [Int] = []
                var labelColumn: Int?
                if let id = idColumn {
                    let c = try Self.idColumnIndex(id, in: header, file: path, headerLine: line)
                    idIndex = text.count
                    text.append(c)
                }
                if path == label.path {
                    let c = try Self.resolve(label.column, in: header, file: path, headerLine: line, key: ScenarioKey.dataLabel(.column).dotted)
                    labelColumn = c
                    labelColumnIndex = c
                    if label.isClass { labelCell = .text(text.count); text.append(c) }
                }
                var used = Set<Int>()
                for v in users {
                    var excluded = Set<Int>()
                    for reference in views[v].exclude {
                        excluded.insert(try Self.resolve(reference, in: header, file: path, headerLine: line, key: views[v].keyPath(.exclude)))
                    }
                    if let labelColumn { excluded.insert(labelColumn) }
                    if let id = idIndex { excluded.insert(text[id]) }
                    let columns = header.indices.filter { !excluded.contains($0) }
                    columnsOfView[v] = columns
                    used.formUnion(columns)
                }
                if let labelColumn, !label.isClass { used.insert(labelColumn) }
                numeric = used.sorted()
                if let labelColumn, !label.isClass, let j = numeric.firstIndex(of: labelColumn) { labelCell = .number(j) }
                return DataTable.Request(numeric: numeric, text: text)
            }
            let position = Dictionary(uniqueKeysWithValues: table.featureOrigins.enumerated().map { ($0.element, $0.offset) })
            for v in users { viewCells[v] = ViewCells(file: f, features: (columnsOfView[v] ?? []).compactMap { position[$0] }) }
            let ids: [String]? = idIndex.map { table.texts[$0] }
            files.append(SourceFile(path: path, table: table, ids: ids, label: labelCell, labelColumn: labelColumnIndex))
        }
        return (files, viewCells.compactMap { $0 })
    }

    /// Reads a samples-in-columns file for the views `users`: every feature row some view keeps.
    /// - Returns: the table and, per view, its features (columns of `values`).
    /// - Throws: for an excluded name or number that is not a feature row, and the reader's errors.
    private func readSamplesInColumns(_ blocks: InputBlocks, path: String, delimiter: FieldDelimiter, users: [Int])
        throws(DataFileError) -> (DataTable, [[Int]]) {
        var seen = Set<String>(), rows = 0
        let excluded = users.map { Set(views[$0].exclude) }
        let table = try DataTable.samplesInColumns(blocks, file: path, delimiter: delimiter) { name, number in
            seen.insert(name)
            rows = number
            return excluded.contains { !$0.contains(.name(name)) && !$0.contains(.number(number)) }
        }
        for v in users {
            for reference in views[v].exclude {
                switch reference {
                case .name(let s) where !seen.contains(s):
                    throw DataFileError(file: path, reason: "\(views[v].keyPath(.exclude)): no feature row named \(EchoedInput.quoted(s)) (first column)")
                case .number(let k) where k > rows:
                    throw DataFileError(file: path, reason: "\(views[v].keyPath(.exclude)): feature row \(k) does not exist; the file has \(rows) feature rows")
                default: break
                }
            }
        }
        let features = excluded.map { dropped in
            table.featureNames.indices.filter { !dropped.contains(.name(table.featureNames[$0])) && !dropped.contains(.number(table.featureOrigins[$0])) }
        }
        return (table, features)
    }

    /// The 0-based index of a referenced column of `header`.
    /// - Throws: unknown or ambiguous names, numbers past the end.
    static func resolve(_ reference: ColumnReference, in header: [String], file: String, headerLine: Int, key: String) throws(DataFileError) -> Int {
        switch reference {
        case .number(let k):
            guard k <= header.count else {
                throw DataFileError(file: file, reason: "\(key): column \(k) does not exist; the header has \(header.count) columns")
            }
            return k - 1
        case .name(let s):
            do { return try CSVFile.column(named: s, in: header, file: file, headerLine: headerLine) } catch {
                let ambiguous = header.filter { $0 == s }.count > 1
                throw DataFileError(file: file, line: error.line, reason: "\(key): \(error.reason)" + (ambiguous ? ": name it by number" : ""))
            }
        }
    }

    /// The 0-based index of the sample-ID column `id` in `header`. - Throws: when it is absent or ambiguous.
    private static func idColumnIndex(_ id: String, in header: [String], file: String, headerLine: Int) throws(DataFileError) -> Int {
        do { return try CSVFile.column(named: id, in: header, file: file, headerLine: headerLine) } catch {
            throw DataFileError(file: file, line: error.line, reason: "\(ScenarioKey.data(.id)): \(error.reason) (every samples-in-rows file needs the sample-ID column)")
        }
    }

    /// A data file that cannot be opened or read, naming the scenario key that names it.
    static func readError(_ error: FileError, key: String, scenario: String) -> DataFileError {
        let hint = error.code == .noSuchFileOrDirectory ? "; `make data` fetches the shipped data sets" : ""
        return DataFileError(file: error.path, reason: "\(error.explanation) (\(key) in \(scenario)\(hint))")
    }
}

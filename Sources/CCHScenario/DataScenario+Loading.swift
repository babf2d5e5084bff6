import CrossModalKD
import SystemPackage

/// A data scenario's files read, validated and reduced to representations.
public struct LoadedData: Sendable {
    public let data: MultiViewData
    /// Per view: what was used.
    public let views: [View]
    /// Class names and their row counts (empty for a continuous label).
    public let classCounts: [(name: String, count: Int)]
    /// Remarks for the user (dropped constant columns, ...).
    public let warnings: [String]

    public struct View: Sendable {
        public let name: String
        public let file: String
        /// Feature columns used (after exclusions and constant columns).
        public let columns: Int
        /// Header names of the constant columns dropped.
        public let droppedConstant: [String]
        /// Principal components kept, and the share of the standardised variance they carry.
        public let components: Int
        public let explainedFraction: Double
        /// How the components were computed (the smaller Gram matrix of the view).
        public let method: PrincipalComponents.Method
    }
}

extension DataScenario {
    /// Reads every data file, validates it, drops constant columns (with a warning naming them)
    /// and computes each view's principal-component representation (label-free, on all rows).
    /// The label column is never a feature, also when it sits in a view's file.
    /// - Throws: `DataFileError` naming the file, line, column and reason.
    public func load() throws(DataFileError) -> LoadedData {
        var cache: [String: CSVFile] = [:]
        func csv(_ path: String, _ key: String) throws(DataFileError) -> CSVFile {
            if let c = cache[path] { return c }
            let c = try CSVFile(file: path, text: try Self.readText(path, key: key, scenario: file))
            cache[path] = c
            return c
        }
        let labelFile = try csv(label.path, "data.label.file")
        let labelColumn = try Self.resolve(label.column, in: labelFile, key: "data.label.column")
        guard labelFile.rowCount >= 2 else {
            throw DataFileError(file: label.path, reason: "\(labelFile.rowCount) data row(s); the label needs at least 2")
        }
        let n = labelFile.rowCount
        let labelValue: MultiViewLabel
        var classCounts: [(String, Int)] = []
        if label.isClass {
            var texts: [String] = []
            for r in 0..<n {
                let cell = labelFile.field(row: r, column: labelColumn)
                guard !cell.isEmpty else {
                    throw DataFileError(file: label.path, line: labelFile.line(ofRow: r), column: labelColumn + 1,
                                        columnName: labelFile.header[labelColumn], reason: "an empty cell (a missing label)")
                }
                texts.append(cell)
            }
            let (indices, names) = ClassLabels.code(texts)
            guard names.count >= 2 else {
                throw DataFileError(file: label.path, column: labelColumn + 1, columnName: labelFile.header[labelColumn],
                                    reason: "the class label has \(names.count) class (\(names.first ?? "")); at least two are needed")
            }
            labelValue = .classes(indices: indices, names: names)
            classCounts = names.enumerated().map { c in (c.element, indices.filter { $0 == c.offset }.count) }
        } else {
            var values: [Double] = []
            for r in 0..<n { values.append(try labelFile.number(row: r, column: labelColumn)) }
            guard Set(values).count >= 2 else {
                throw DataFileError(file: label.path, column: labelColumn + 1, columnName: labelFile.header[labelColumn], reason: "the label is constant")
            }
            labelValue = .continuous(values)
        }

        var representations: [Matrix] = [], summaries: [LoadedData.View] = [], warnings: [String] = []
        for view in views {
            let table = try csv(view.path, "\(view.key).file")
            guard table.rowCount == n else {
                throw DataFileError(file: view.path, reason: "\(table.rowCount) data rows, but the label file \(label.path) has \(n) (view \"\(view.name)\", \(view.key))")
            }
            var excluded = Set<Int>()
            for reference in view.exclude { excluded.insert(try Self.resolve(reference, in: table, key: "\(view.key).exclude")) }
            if view.path == label.path { excluded.insert(labelColumn) }
            let columns = (0..<table.header.count).filter { !excluded.contains($0) }
            var matrix = Matrix(rows: n, cols: columns.count)
            for r in 0..<n { for (j, c) in columns.enumerated() { matrix[r, j] = try table.number(row: r, column: c) } }
            let constant = Self.constantColumns(matrix)
            let droppedNames = constant.map { table.header[columns[$0]] }
            if !droppedNames.isEmpty {
                warnings.append("view \"\(view.name)\" (\(view.file)): dropped \(droppedNames.count) constant column(s) carrying no information: "
                                + droppedNames.map { "'\($0)'" }.joined(separator: ", "))
            }
            let width = columns.count - constant.count
            guard width > 0 else {
                throw DataFileError(file: view.path, reason: "view \"\(view.name)\" has no non-constant feature column left (\(view.key))")
            }
            if !constant.isEmpty { matrix = Self.dropping(constant, from: matrix) }
            let pca: PrincipalComponents
            // The view's matrix is handed over (its last use): standardised in place, no copy.
            do { pca = try PrincipalComponents(consume matrix, components: components) } catch {
                throw DataFileError(file: view.path, reason: "view \"\(view.name)\": \(Self.reason(error))")
            }
            representations.append(pca.scores)
            summaries.append(.init(name: view.name, file: view.file, columns: width, droppedConstant: droppedNames,
                                   components: pca.components, explainedFraction: pca.explainedFraction, method: pca.method))
        }
        let data: MultiViewData
        do { data = try MultiViewData(viewNames: views.map(\.name), representations: representations, label: labelValue) } catch {
            throw DataFileError(file: file, reason: Self.reason(error))
        }
        return LoadedData(data: data, views: summaries, classCounts: classCounts, warnings: warnings)
    }

    /// The indices of the columns of `m` whose every row equals the first, ascending (one pass
    /// over the rows).
    static func constantColumns(_ m: Matrix) -> [Int] {
        var varies = [Bool](repeating: false, count: m.cols)
        m.elements.withUnsafeBufferPointer { e in
            for i in 1..<max(m.rows, 1) { for j in 0..<m.cols where e[i * m.cols + j] != e[j] { varies[j] = true } }
        }
        return varies.indices.filter { !varies[$0] }
    }

    /// `m` without the columns `dropped` (ascending indices).
    static func dropping(_ dropped: [Int], from m: Matrix) -> Matrix {
        let gone = Set(dropped), kept = (0..<m.cols).filter { !gone.contains($0) }
        var out = Matrix(rows: m.rows, cols: kept.count)
        for i in 0..<m.rows { for (j, c) in kept.enumerated() { out[i, j] = m[i, c] } }
        return out
    }

    /// What a library error says is wrong with the data: a `SampleError`'s reason (its subject is
    /// the file's view), else the whole description.
    private static func reason(_ error: any Error) -> String { (error as? SampleError)?.reason ?? "\(error)" }

    /// The 0-based index of a referenced column. - Throws: unknown or ambiguous names, numbers past the end.
    static func resolve(_ reference: ColumnReference, in table: CSVFile, key: String) throws(DataFileError) -> Int {
        switch reference {
        case .number(let k):
            guard k <= table.header.count else {
                throw DataFileError(file: table.file, reason: "\(key): column \(k) does not exist; the header has \(table.header.count) columns")
            }
            return k - 1
        case .name(let s):
            do { return try table.column(named: s) } catch {
                let ambiguous = table.columns(named: s).count > 1
                throw DataFileError(file: table.file, line: error.line, reason: "\(key): \(error.reason)" + (ambiguous ? ": name it by number" : ""))
            }
        }
    }

    /// The UTF-8 text of a data file. - Throws: naming the file, the scenario key and the reason.
    static func readText(_ path: String, key: String, scenario: String) throws(DataFileError) -> String {
        do { return try InputFile.text(path) } catch {
            let hint = error.code == .noSuchFileOrDirectory ? "; `make data` fetches the shipped data sets" : ""
            throw DataFileError(file: path, reason: "\(error.explanation) (\(key) in \(scenario)\(hint))")
        }
    }
}

import CrossModalKD

/// A data scenario's files read, validated and reduced to representations.
public struct LoadedData: Sendable {
    public let data: MultiViewData
    /// Per view: what was used.
    public let views: [View]
    /// Class names and their row counts (empty for a continuous label).
    public let classCounts: [(name: String, count: Int)]
    /// Remarks for the user (samples left out by the ID join or for missing values, dropped
    /// constant columns, ...).
    public let warnings: [String]
    /// Samples dropped because a used cell was missing (`missing = "drop-rows"`; 0 otherwise).
    public let droppedForMissingValues: Int
    /// With `[data] id`: per file (path), how many of its samples the join left out.
    public let leftOutByID: [(file: String, count: Int)]

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
    /// Reads every data file once, matches the samples (by `id`, else by position), applies the
    /// missing-value policy, drops constant columns (with a warning naming them) and computes each
    /// view's principal-component representation (label-free, on all used samples). The label
    /// column and the ID column are never features, also when they sit in a view's file.
    /// - Throws: `DataFileError` naming the file, line, column (or ID) and reason.
    public func load() throws(DataFileError) -> LoadedData {
        let (files, viewCells) = try readFiles()
        let (samples, dropped) = try applyMissingPolicy(try matchSamples(files, views: viewCells), files: files, views: viewCells)
        var warnings: [String] = []
        if let id = idColumn, samples.leftOut.contains(where: { $0.count > 0 }) {
            warnings.append("\(ScenarioKey.data(.id)) \(EchoedInput.quoted(id)): \(samples.count + dropped) sample(s) are in every file; left out as not in every file: "
                            + samples.leftOut.map { "\($0.file) \($0.count)" }.joined(separator: ", "))
        }
        if dropped > 0 {
            warnings.append("missing = \"drop-rows\": dropped \(dropped) of \(samples.count + dropped) sample(s) with a missing value; \(samples.count) remain")
        }
        let (labelValue, classCounts) = try labelValues(files[0], rows: samples.rows[0])
        let n = samples.count

        var representations: [Matrix] = [], summaries: [LoadedData.View] = []
        for (view, cells) in zip(views, viewCells) {
            let table = files[cells.file].table
            let rows = samples.rows[cells.file]
            let constant = cells.features.filter { j in rows.allSatisfy { table.values[$0, j] == table.values[rows[0], j] } }
            let constantSet = Set(constant)
            let kept = cells.features.filter { !constantSet.contains($0) }
            let droppedNames = constant.map { table.featureNames[$0] }
            if !droppedNames.isEmpty {
                warnings.append("view \"\(view.name)\" (\(view.file)): dropped \(droppedNames.count) constant column(s) carrying no information: "
                                + droppedNames.map { "'\($0)'" }.joined(separator: ", "))
            }
            guard !kept.isEmpty else {
                throw DataFileError(file: view.path, reason: "view \"\(view.name)\" has no non-constant feature column left (\(view.key))")
            }
            // Each column times the power of two that brings it below 1 in magnitude: exact, and the
            // standardised columns are then the same numbers, but data of any scale (1e-300, 1e300)
            // standardise without underflow or overflow.
            var features = Matrix(rows: n, cols: kept.count)
            for (k, j) in kept.enumerated() {
                let scale = rows.reduce(0) { max($0, abs(table.values[$1, j])) }.binaryScale(intoBinade: -1)
                for (r, s) in rows.enumerated() { features[r, k] = table.values[s, j] * scale }
            }
            let pca: PrincipalComponents
            // The view's matrix is handed over (its last use): standardised in place, no copy.
            do { pca = try PrincipalComponents(consume features, components: view.components ?? components) } catch {
                throw DataFileError(file: view.path, reason: "view \"\(view.name)\": \(Self.reason(error))")
            }
            representations.append(pca.scores)
            summaries.append(.init(name: view.name, file: view.file, columns: kept.count, droppedConstant: droppedNames,
                                   components: pca.components, explainedFraction: pca.explainedFraction, method: pca.method))
        }
        let data: MultiViewData
        do {
            data = try MultiViewData(viewNames: views.map(\.name), representations: representations, label: labelValue, teacherSets: teacherSets)
        } catch {
            throw DataFileError(file: file, reason: Self.reason(error))
        }
        return LoadedData(data: data, views: summaries, classCounts: classCounts, warnings: warnings,
                          droppedForMissingValues: dropped, leftOutByID: idColumn == nil ? [] : samples.leftOut)
    }

    /// The label of the used samples `rows` of the label file, and the class counts.
    /// - Throws: for fewer than two classes or a constant continuous label.
    private func labelValues(_ file: SourceFile, rows: [Int]) throws(DataFileError) -> (MultiViewLabel, [(name: String, count: Int)]) {
        let column = file.labelColumn ?? 0
        let name = file.table.header[column]
        switch file.label {
        case .text(let k)?:
            let classes = ClassLabels(rows.map { file.table.texts[k][$0] })
            guard classes.names.count >= 2 else {
                throw DataFileError(file: label.path, column: column + 1, columnName: name,
                                    reason: "the class label has \(classes.names.count) class (\(classes.names.first ?? "")); at least two are needed")
            }
            return (.classes(indices: classes.indices, names: classes.names), Array(zip(classes.names, classes.counts)))
        case .number(let j)?:
            let values = rows.map { file.table.values[$0, j] }
            guard Set(values).count >= 2 else {
                throw DataFileError(file: label.path, column: column + 1, columnName: name, reason: "the label is constant")
            }
            return (.continuous(values), [])
        case nil:
            throw DataFileError(file: label.path, reason: "\(ScenarioKey.data(.label)): no label column was read")
        }
    }

    /// What a library error says is wrong with the data: a `SampleError`'s reason (its subject is
    /// the file's view), else the whole description.
    private static func reason(_ error: any Error) -> String { (error as? SampleError)?.reason ?? "\(error)" }
}

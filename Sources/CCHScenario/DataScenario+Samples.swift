import CrossModalKD

/// Which samples a data scenario uses: the files' rows matched by sample ID (`[data] id`, an inner
/// join in the label file's order) or by position, then the samples with a missing value refused
/// or dropped (`[data] missing`).
extension DataScenario {
    /// The used samples: per file, each used sample's index in that file, in the label file's order.
    struct MatchedSamples {
        var rows: [[Int]]
        /// Samples of each file left out by the join (IDs not in every file), per file path.
        var leftOut: [(file: String, count: Int)] = []
        var count: Int { rows.first?.count ?? 0 }
    }

    /// How many of an ID list's problems an error names at most.
    private static let shownPlaces = 5

    /// Matches the files' samples. - Throws: `DataFileError` for a missing or duplicate ID, files
    /// of different lengths (by position), or fewer than two samples in common.
    func matchSamples(_ files: [SourceFile], views viewCells: [ViewCells]) throws(DataFileError) -> MatchedSamples {
        let labelTable = files[0].table
        guard idColumn != nil else {
            let n = labelTable.sampleCount
            guard n >= 2 else { throw DataFileError(file: label.path, reason: "\(n) data row(s); the label needs at least 2") }
            for (v, cells) in viewCells.enumerated() where files[cells.file].table.sampleCount != n {
                throw DataFileError(file: views[v].path, reason: "\(files[cells.file].table.sampleCount) sample(s), but the label file \(label.path) "
                                    + "has \(n) (view \"\(views[v].name)\", \(views[v].key)); without [data] id, rows are matched by position")
            }
            return MatchedSamples(rows: files.map { _ in Array(0..<n) })
        }
        var positions: [[String: Int]] = []
        for file in files { positions.append(try Self.idPositions(file)) }
        let order = files[0].ids ?? []
        let common = order.indices.filter { i in positions.allSatisfy { $0[order[i]] != nil } }
        var matched = MatchedSamples(rows: positions.map { p in common.map { p[order[$0]] ?? 0 } })
        matched.leftOut = files.map { ($0.path, $0.table.sampleCount - common.count) }
        guard common.count >= 2 else {
            throw DataFileError(file: label.path, reason: "\(ScenarioKey.data(.id)): \(common.count) sample ID(s) are in every file; at least 2 are needed ("
                                + files.map { "\($0.path): \($0.table.sampleCount) samples" }.joined(separator: ", ") + ")")
        }
        return matched
    }

    /// Each sample ID of `file` and its sample index. - Throws: for an empty or missing ID, and
    /// for IDs that occur more than once (naming them and their lines).
    private static func idPositions(_ file: SourceFile) throws(DataFileError) -> [String: Int] {
        let ids = file.ids ?? []
        let table = file.table
        var positions: [String: Int] = [:], duplicates: [String: [Int]] = [:]
        for (i, id) in ids.enumerated() {
            guard !CSVCell.isMissing(ArraySlice(id.utf8)) else {
                let where_ = table.layout == .samplesInRows ? "" : " (header column \(i + 2))"
                throw DataFileError(file: file.path, line: table.line(ofSample: i),
                                    reason: "a missing sample ID \(EchoedInput.quoted(id))\(where_): every sample needs its ID (\(ScenarioKey.data(.id)))")
            }
            if let first = positions[id] {
                duplicates[id, default: [first]].append(i)
            } else {
                positions[id] = i
            }
        }
        if !duplicates.isEmpty {
            let shown = duplicates.sorted { $0.value[0] < $1.value[0] }.prefix(shownPlaces).map { id, samples in
                EchoedInput.quoted(id) + " (" + samples.map { table.layout == .samplesInRows ? "line \(table.line(ofSample: $0))" : "column \($0 + 2)" }
                    .joined(separator: ", ") + ")"
            }
            throw DataFileError(file: file.path, reason: "\(duplicates.count) duplicate sample ID(s) (\(ScenarioKey.data(.id))): " + shown.joined(separator: ", ")
                                + (duplicates.count > shownPlaces ? ", ..." : "") + "; each sample must occur once per file")
        }
        return positions
    }

    /// One used cell holding a missing value.
    private struct MissingCell {
        let file: Int, feature: String, line: Int, column: Int
    }

    /// Applies `missing` to the matched samples: refuses any missing value in a used cell, or
    /// drops the samples that have one. - Returns: the samples kept and how many were dropped.
    /// - Throws: `DataFileError` saying how many cells are missing per column and where the first are.
    func applyMissingPolicy(_ matched: MatchedSamples, files: [SourceFile], views viewCells: [ViewCells]) throws(DataFileError)
        -> (samples: MatchedSamples, dropped: Int) {
        var usedFeatures = files.map { _ in Set<Int>() }
        for cells in viewCells { usedFeatures[cells.file].formUnion(cells.features) }
        if case .number(let j)? = files[0].label { usedFeatures[0].insert(j) }
        let featureLists = usedFeatures.map { $0.sorted() }
        var missingCells: [MissingCell] = [], keep: [Int] = []
        for r in 0..<matched.count {
            var complete = true
            for (f, file) in files.enumerated() {
                let s = matched.rows[f][r]
                for j in featureLists[f] where file.table.values[s, j].isNaN {
                    complete = false
                    let place = file.table.place(sample: s, feature: j)
                    let name = file.table.layout == .samplesInRows ? place.columnName : file.table.featureNames[j]
                    missingCells.append(MissingCell(file: f, feature: name, line: place.line, column: place.column))
                }
                if case .text(let k)? = file.label, let c = file.labelColumn, CSVCell.isMissing(ArraySlice(file.table.texts[k][s].utf8)) {
                    complete = false
                    missingCells.append(MissingCell(file: f, feature: file.table.header[c], line: file.table.line(ofSample: s), column: c + 1))
                }
            }
            if complete { keep.append(r) }
        }
        guard let first = missingCells.first else { return (matched, 0) }
        if self.missing == .dropRows {
            var kept = matched
            kept.rows = matched.rows.map { rows in keep.map { rows[$0] } }
            guard kept.count >= 2 else {
                throw DataFileError(file: files[first.file].path, reason: "missing = \"drop-rows\" leaves \(kept.count) of \(matched.count) samples: "
                                    + "every other has a missing value; at least 2 are needed")
            }
            return (kept, matched.count - kept.count)
        }
        let inFirst = missingCells.filter { $0.file == first.file }
        var byFeature: [(name: String, cells: [MissingCell])] = []
        for cell in inFirst {
            if let i = byFeature.firstIndex(where: { $0.name == cell.feature }) { byFeature[i].cells.append(cell) } else { byFeature.append((cell.feature, [cell])) }
        }
        let columnsText = byFeature.prefix(Self.shownPlaces).map { feature in
            EchoedInput.quoted(feature.name) + " \(feature.cells.count) ("
                + feature.cells.prefix(3).map { "line \($0.line) column \($0.column)" }.joined(separator: ", ")
                + (feature.cells.count > 3 ? ", ..." : "") + ")"
        }.joined(separator: ", ") + (byFeature.count > Self.shownPlaces ? ", and \(byFeature.count - Self.shownPlaces) more columns" : "")
        let others = files.indices.filter { $0 != first.file }.compactMap { f -> String? in
            let count = missingCells.filter { $0.file == f }.count
            return count == 0 ? nil : "\(files[f].path) \(count)"
        }
        throw DataFileError(file: files[first.file].path, line: first.line, column: first.column, columnName: first.feature,
                            reason: "a missing value (an empty, NA, NaN or ? cell); \(inFirst.count) used cell(s) of this file are missing, "
                            + "per column: " + columnsText + (others.isEmpty ? "" : "; other files: " + others.joined(separator: ", "))
                            + ". [data] missing = \"drop-rows\" drops the \(matched.count - keep.count) sample(s) that have one")
    }
}

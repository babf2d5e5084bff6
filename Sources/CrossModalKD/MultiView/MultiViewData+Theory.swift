extension MultiViewData {
    /// The label as the theory's scalar Y: a continuous label as is; two classes as -1 for the
    /// first and +1 for the second (`FittedGaussian.LabelCoding`).
    /// - Throws: `GaussianFitError.multiClassLabel` for more than two classes (no scalar label).
    public func theoryLabel() throws(GaussianFitError) -> (values: [Double], coding: FittedGaussian.LabelCoding) {
        switch label {
        case .continuous(let y): return (y, .continuous)
        case .classes(let indices, let names):
            guard names.count == 2 else { throw .multiClassLabel(classes: names) }
            return (indices.map { $0 == 0 ? -1 : 1 }, .binary(negative: names[0], positive: names[1]))
        }
    }

    /// The data with the label coded by `theoryLabel()`, as a continuous label: the input of the
    /// theory's learner (`DistillationExperiment` with a continuous label).
    /// - Throws: `GaussianFitError.multiClassLabel` for more than two classes (no scalar label).
    public func codedForTheory() throws(GaussianFitError) -> (data: MultiViewData, coding: FittedGaussian.LabelCoding) {
        let (values, coding) = try theoryLabel()
        return (MultiViewData(self, label: .continuous(values)), coding)
    }

    /// Every view column and a continuous label centred over all rows, as the centred model of
    /// the theory (and `FittedGaussian`'s moments) sees them. A class label is left as it is.
    func centred() -> MultiViewData {
        func centre(_ x: [Double]) -> [Double] {
            let mean = x.reduce(0, +) / Double(max(1, x.count))
            return x.map { $0 - mean }
        }
        let views = representations.map { m in
            let columns = (0..<m.cols).map { j in centre((0..<m.rows).map { m[$0, j] }) }
            return Matrix((0..<m.rows).map { i in columns.map { $0[i] } })
        }
        let centredLabel: MultiViewLabel
        if case .continuous(let y) = label { centredLabel = .continuous(centre(y)) } else { centredLabel = label }
        return MultiViewData(self, representations: views, label: centredLabel)
    }

    /// `data` with other representations or another label of the same shape (so nothing to check).
    init(_ data: MultiViewData, representations: [Matrix]? = nil, label: MultiViewLabel) {
        viewNames = data.viewNames
        self.representations = representations ?? data.representations
        self.label = label
        teachers = data.teachers
    }

    /// Two views of `data`'s rows and label (e.g. a teacher set's concatenation and a student
    /// view), taught by each other only.
    init(_ data: MultiViewData, viewNames: [String], representations: [Matrix]) {
        self.viewNames = viewNames
        self.representations = representations
        label = data.label
        teachers = TeacherCandidate.all(views: representations.count, sets: [])
    }
}

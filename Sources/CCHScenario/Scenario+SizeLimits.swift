import CrossModalKD

/// The scenario's sizes against `SizeLimits`, checked while decoding, before any model is built
/// or sample drawn. Single integer keys get their ceilings where they are read
/// (`TableReader.integer(_:minimum:maximum:)`); what depends on several keys is checked here:
/// the latent model's dimensions (rows and columns of the loadings) and the samples a command
/// holds in memory at once (rows of dt + ds + 1 numbers, `GaussianSampler`).
extension Scenario {
    /// The latent loadings' dimensions: dt and ds (rows) and the factors k (columns).
    static func checkLatentDimensions(_ r: TableReader, teacher: Matrix, student: Matrix, label: [Double]) throws(ScenarioError) {
        let limit = SizeLimits.maximumDimension
        for (key, loadings, dimension) in [(ModelKey.teacherLoadings, teacher, ModelKey.dt), (.studentLoadings, student, .ds)] {
            if loadings.rows > limit {
                throw r.error(key, "\(loadings.rows) rows (the dimension \(dimension.name)); at most \(limit) (the largest dimension cchsim accepts)")
            }
            if loadings.cols > limit {
                throw r.error(key, "\(loadings.cols) columns (latent factors); at most \(limit) (the largest dimension cchsim accepts)")
            }
        }
        if label.count > limit {
            throw r.error(ModelKey.labelLoadings, "\(label.count) entries (latent factors); at most \(limit) (the largest dimension cchsim accepts)")
        }
    }

    /// Numbers per drawn row: dt + ds + 1.
    public var numbersPerSampleRow: Int {
        switch model {
        case .correlations: 3
        case .latent(let f): f.teacherLoadings.rows + f.studentLoadings.rows + 1
        case .covariance(let dt, let ds, _): dt + ds + 1
        case .modalityCorrelations(let c): c.modalityCount + 2
        }
    }

    /// Throws unless `rows` drawn rows of this model fit in `SizeLimits.sampleMemoryBytes`.
    /// `key` is the scenario key (or command-line option) that asked for them.
    public func checkHeldRows(_ rows: Int, key: String, what: String) throws(ScenarioError) {
        if let reason = SizeLimits.memoryExcess(rows: rows, numbersPerRow: numbersPerSampleRow, what: what) {
            throw ScenarioError(file: file, key: key, reason: reason)
        }
    }

    /// Throws unless `trials` outcomes may be kept until the summary (`SizeLimits.maximumStoredTrials`).
    public func checkStoredTrials(_ trials: Int, key: String) throws(ScenarioError) {
        if let reason = SizeLimits.excess(trials, limit: SizeLimits.maximumStoredTrials) {
            throw ScenarioError(file: file, key: key, reason: reason + " (every trial's outcome is kept until the summary)")
        }
    }

    /// The samples the scenario's own settings hold in memory: a logistic experiment's teacher,
    /// training and test rows (with every trial's outcome kept), and the estimation samples.
    func checkHeldSamples() throws(ScenarioError) {
        if let spec = classification {
            if case .fitted(let nt, _) = spec.teacher { try checkHeldRows(nt, key: ScenarioKey.teacher(.n).dotted, what: "the teacher's training rows") }
            try checkHeldRows(spec.samples, key: ScenarioKey.student(.n).dotted, what: "the student's training rows")
            if let m = monteCarlo.testSamples { try checkHeldRows(m, key: ScenarioKey.monteCarlo(.testN).dotted, what: "the test rows") }
            try checkStoredTrials(monteCarlo.trials, key: ScenarioKey.monteCarlo(.trials).dotted)
        }
        for n in estimation.sampleSizes { try checkHeldRows(n, key: ScenarioKey.estimation(.n).dotted, what: "the rows of one sample") }
    }
}

/// The keys of the table this file reads, spelled by `ScenarioKey`.
private typealias ModelKey = ScenarioKey.Model

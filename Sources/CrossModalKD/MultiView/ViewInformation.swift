/// The information estimates of a multi-view data set: I(T;S) for every pair of views and
/// I(S;Y) for every view, by each applicable `ViewGapEstimator`, with half-sample intervals
/// (as `GapResampling`: replicate b re-estimates everything on the random half of the rows drawn
/// from the stream (seed, [tag, b]); intervals are the full estimate shifted by the quantiles of
/// the replicates about their mean). Every quantity sees the same halves, so gaps are paired.
public struct ViewInformation: Sendable {
    /// Settings of the estimators.
    public struct Settings: Sendable {
        /// KSG neighbours.
        public var neighbours = 3
        /// Half-sample replicates (0: no intervals; else at least 2).
        public var replicates = 40
        /// Confidence level of the intervals.
        public var level = 0.95
        /// Folds and ridge of the probe (cross-validated softmax).
        public var folds = 5
        public var ridge = 1e-3
        public var seed: UInt64 = 0
        public init() {}
    }

    /// One estimator's numbers for one ordered pair.
    public struct PairGap: Sendable {
        public let teacherStudent: Double
        public let studentLabel: Double
        public var gap: Double { teacherStudent - studentLabel }
        /// Intervals (nil without replicates).
        public let teacherStudentInterval: ConfidenceInterval?, studentLabelInterval: ConfidenceInterval?, gapInterval: ConfidenceInterval?
        /// Fraction of half-sample replicates whose centred gap has the other sign than `gap`:
        /// the estimated probability that CCH's verdict from this estimate is wrong.
        public let signErrorProbability: Double?
        /// CCH's verdict: KD from the teacher helps when the gap is positive.
        public var predictsGain: Bool { gap > 0 }
    }

    public let estimators: [ViewGapEstimator]
    public let settings: Settings
    /// gaps[e][p]: estimator `estimators[e]`, ordered pair `pairs[p]`.
    public let pairs: [ViewPair]
    public let gaps: [[PairGap]]

    /// Stream tag of the half-samples ("mv-half").
    static let streamTag: UInt64 = 0x6D76_2D68_616C_66

    /// Runs every estimator on `data`. `parallel` spreads replicates over the cores (the numbers
    /// do not depend on it). - Throws: `ParameterError` for the settings, `SampleError` naming the
    /// quantity an estimator could not estimate on this data.
    public init(_ data: MultiViewData, settings: Settings, parallel: Bool = true) throws {
        guard settings.replicates == 0 || settings.replicates >= 2 else {
            throw ParameterError.invalid(parameter: .replicates, reason: "must be 0 or at least 2, got \(settings.replicates)")
        }
        let estimators = ViewGapEstimator.applicable(to: data.label)
        let layout = Layout(data)
        let full = try layout.estimate(rows: Array(0..<data.rows), estimators: estimators, settings: settings, replicate: nil, parallel: parallel)
        let results = Parallel.map(settings.replicates, parallel: parallel) { b -> Result<Layout.Estimates, any Error> in
            let rows = Self.halfSample(data, seed: settings.seed, replicate: b)
            do {
                return .success(try layout.estimate(rows: rows, estimators: estimators, settings: settings, replicate: b, parallel: false))
            } catch { return .failure(error) }
        }
        var halves: [Layout.Estimates] = []
        for r in results {
            switch r {
            case .success(let e): halves.append(e)
            case .failure(let e as SampleError): throw SampleError(e.subject, "on a half-sample of \(data.rows / 2) rows: \(e.reason)")
            case .failure(let e): throw e
            }
        }
        let pairs = data.orderedPairs
        func centred(_ value: Double, _ replicates: [Double]) -> (ConfidenceInterval, [Double])? {
            guard !replicates.isEmpty else { return nil }
            let mean = replicates.reduce(0, +) / Double(replicates.count)
            let shifted = replicates.map { value + $0 - mean }.sorted()
            let level = settings.level
            return (ConfidenceInterval(lower: ConfidenceInterval.quantile(shifted, (1 - level) / 2),
                                       upper: ConfidenceInterval.quantile(shifted, (1 + level) / 2), level: level), shifted)
        }
        gaps = estimators.indices.map { e in
            pairs.map { pair in
                let ts = full.teacherStudent[e][layout.unordered(pair)], sy = full.studentLabel[e][pair.student]
                let tsHalves = halves.map { $0.teacherStudent[e][layout.unordered(pair)] }
                let syHalves = halves.map { $0.studentLabel[e][pair.student] }
                let gapHalves = zip(tsHalves, syHalves).map { $0 - $1 }
                let gapCentred = centred(ts - sy, gapHalves)
                let wrong = gapCentred.map { c in Double(c.1.filter { ($0 > 0) != (ts - sy > 0) }.count) / Double(c.1.count) }
                return PairGap(teacherStudent: ts, studentLabel: sy, teacherStudentInterval: centred(ts, tsHalves)?.0,
                               studentLabelInterval: centred(sy, syHalves)?.0, gapInterval: gapCentred?.0, signErrorProbability: wrong)
            }
        }
        self.estimators = estimators
        self.settings = settings
        self.pairs = pairs
    }

    /// Rows of half-sample `b`: with a class label, half of each class (stratified, so that every
    /// class keeps enough rows for the kNN estimator: nutrimouse has 8 mice per diet); otherwise
    /// `GapResampling.halfSample`. Drawn from the stream (seed, [tag, b]); sorted.
    static func halfSample(_ data: MultiViewData, seed: UInt64, replicate b: Int) -> [Int] {
        guard case .classes(let labels, let names) = data.label else {
            return GapResampling.halfSample(data.rows, seed: seed, replicate: b).sorted()
        }
        let stream = RandomStream(seed: seed, ids: [streamTag, UInt64(b)])
        var rows: [Int] = []
        for c in 0..<names.count {
            var members = labels.indices.filter { labels[$0] == c }
            for i in 0..<(members.count / 2) { members.swapAt(i, i + stream.index(below: members.count - i)) }
            rows += members.prefix(members.count / 2)
        }
        return rows.sorted()
    }

    /// The estimate of `estimator` for `pair` (nil when the estimator does not apply).
    public func gap(_ estimator: ViewGapEstimator, _ pair: ViewPair) -> PairGap? {
        guard let e = estimators.firstIndex(of: estimator), let p = pairs.firstIndex(of: pair) else { return nil }
        return gaps[e][p]
    }

    /// Joint matrices of the data for the estimators.
    private struct Layout: Sendable {
        struct Estimates: Sendable {
            /// [estimator][unordered pair index]
            let teacherStudent: [[Double]]
            /// [estimator][view]
            let studentLabel: [[Double]]
        }

        let data: MultiViewData
        /// Unordered pairs (a < b) and their joint matrices [view a | view b].
        let unorderedPairs: [(Int, Int)]
        let pairJoint: [Matrix]
        /// [view | label value].
        let viewLabel: [Matrix]

        init(_ data: MultiViewData) {
            self.data = data
            var pairs: [(Int, Int)] = []
            for a in 0..<data.viewCount { for b in (a + 1)..<data.viewCount { pairs.append((a, b)) } }
            unorderedPairs = pairs
            pairJoint = pairs.map { data.representations[$0.0].joinedColumns(data.representations[$0.1]) }
            let y = Matrix.column(data.label.values)
            viewLabel = data.representations.map { $0.joinedColumns(y) }
        }

        func unordered(_ pair: ViewPair) -> Int {
            let a = min(pair.teacher, pair.student), b = max(pair.teacher, pair.student)
            return unorderedPairs.firstIndex { $0 == (a, b) } ?? 0
        }

        func estimate(rows: [Int], estimators: [ViewGapEstimator], settings: Settings, replicate: Int?,
                      parallel: Bool) throws -> Estimates {
            var ts: [[Double]] = [], sy: [[Double]] = []
            for e in estimators {
                var pairValues: [Double] = []
                for (p, (a, b)) in unorderedPairs.enumerated() {
                    let ka = data.representations[a].cols, kb = data.representations[b].cols
                    let sample = SampleRows(pairJoint[p], indices: rows)
                    let left = Array(0..<ka), right = Array(ka..<(ka + kb))
                    let quantity = "I(\(data.viewNames[a]);\(data.viewNames[b])) by \(e.rawValue)"
                    do {
                        switch e {
                        case .gaussian, .probe: pairValues.append(try GaussianPlugInEstimator.mutualInformation(sample, left, right))
                        case .ksg: pairValues.append(try KSGEstimator(k: settings.neighbours).mutualInformation(sample, left, right, parallel: parallel))
                        }
                    } catch let error as EstimationError { throw SampleError(quantity, error.description) }
                }
                ts.append(pairValues)
                var viewValues: [Double] = []
                for v in 0..<data.viewCount {
                    viewValues.append(try studentLabel(e, view: v, rows: rows, settings: settings, replicate: replicate, parallel: parallel))
                }
                sy.append(viewValues)
            }
            return Estimates(teacherStudent: ts, studentLabel: sy)
        }

        /// I(S;Y) of view `v` on `rows` by estimator `e`.
        func studentLabel(_ e: ViewGapEstimator, view v: Int, rows: [Int], settings: Settings, replicate: Int?,
                          parallel: Bool) throws -> Double {
            let k = data.representations[v].cols
            let sample = SampleRows(viewLabel[v], indices: rows)
            let quantity = "I(\(data.viewNames[v]);Y) by \(e.rawValue)"
            func kNN(_ body: (KSGEstimator) throws(EstimationError) -> Double) throws -> Double {
                let ksg = try KSGEstimator(k: settings.neighbours)
                do throws(EstimationError) { return try body(ksg) } catch { throw SampleError(quantity, error.description) }
            }
            switch (e, data.label) {
            case (.gaussian, .continuous):
                do throws(EstimationError) { return try GaussianPlugInEstimator.mutualInformation(sample, Array(0..<k), [k]) } catch {
                    throw SampleError(quantity, error.description)
                }
            case (.ksg, .continuous):
                return try kNN { (ksg) throws(EstimationError) in try ksg.mutualInformation(sample, Array(0..<k), [k], parallel: parallel) }
            case (.ksg, .classes):
                return try kNN { (ksg) throws(EstimationError) in try ksg.mutualInformation(sample, Array(0..<k), discrete: k, parallel: parallel) }
            case (.gaussian, .classes(let labels, let names)):
                do {
                    return try ClassLabelInformation.gaussianPosterior(data.representations[v], labels: labels, classes: names.count, rows: rows)
                } catch let error as SampleError { throw SampleError(quantity, error.reason) }
            case (.probe, .classes(let labels, let names)):
                let seed = RandomStream.derivedSeed(seed: settings.seed, ids: [UInt64(v), UInt64(replicate.map { $0 + 1 } ?? 0)])
                do {
                    return try ClassLabelInformation.heldOutBound(data.representations[v], labels: labels, classes: names.count, rows: rows,
                                                                  folds: settings.folds, ridge: settings.ridge, seed: UInt64(seed))
                } catch let error as SampleError { throw SampleError(quantity, error.reason) }
            case (.probe, .continuous):
                throw SampleError(quantity, "the probe needs a class label")
            }
        }
    }
}

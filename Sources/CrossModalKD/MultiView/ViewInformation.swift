/// The information estimates of a multi-view data set: I(T;S) for every pair of views, I(T_set;S)
/// for every teacher set and student view outside it (on the set's concatenated representations;
/// its ensemble shares it) and I(S;Y) for every view, by each chosen estimator (`MIEstimatorKind`), with half-sample intervals
/// (as `GapResampling`: replicate b re-estimates everything on the random half of the rows drawn
/// from the stream (seed, [tag, b]); intervals are the full estimate shifted by the quantiles of
/// the replicates about their mean). Every quantity sees the same halves, so gaps are paired.
///
/// Work items: one per (quantity, sample), the sample being all rows or one half-sample; they run
/// on the caller's threads (`ResumableWork`), every estimator inside an item on one thread, so the
/// numbers are the same for any thread count and for a run resumed from any finished items.
///
/// An estimator that cannot estimate a quantity on this data (a singular covariance, a class
/// with too few rows for the kNN estimator, a column constant on a half-sample) makes that
/// estimator `Unavailable` for the pairs that need the quantity, with the reason; every other
/// estimate is still made. Tied rows (integer pixels, counts, repeated rows) would make the kNN
/// distance of KSG zero: where a quantity's sample has a row occurring more than k times, KSG
/// runs on its columns plus the tiny seeded noise of scikit-learn's `mutual_info_*`
/// (`NearestNeighbourNoise`), and only there, so estimates on continuous data are unchanged.
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
        /// The estimators to run, in this order; nil: every one that applies to the label
        /// (`MIEstimatorKind.applicable`).
        public var estimators: [MIEstimatorKind]? = nil
        public init() {}
    }

    /// One estimator's numbers for one ordered pair.
    public struct PairGap: Sendable, Equatable {
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

    /// One quantity (I(T;S) or I(S;Y)) by one estimator: the estimate on all rows and its interval
    /// (nil without replicates).
    public struct QuantityEstimate: Sendable, Equatable {
        public let value: Double
        public let interval: ConfidenceInterval?
    }

    /// Why an estimator has no estimate of a quantity on this data.
    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        /// The quantity, e.g. `I(pixel;Y) by ksg`.
        public let quantity: String
        /// The estimator's reason.
        public let reason: String
        /// The half-sample it failed on (0-based replicate and its rows); nil: on all rows.
        public let halfSample: (replicate: Int, rows: Int)?

        public var description: String {
            let sample = halfSample.map { " on half-sample \($0.replicate + 1) (\($0.rows) rows)" } ?? ""
            return "\(quantity)\(sample): \(reason)"
        }

        public static func == (a: Unavailable, b: Unavailable) -> Bool {
            a.quantity == b.quantity && a.reason == b.reason && a.halfSample?.replicate == b.halfSample?.replicate
                && a.halfSample?.rows == b.halfSample?.rows
        }
    }

    /// One work item's outcome: the estimate, or the estimator's reason it has none.
    public enum ItemOutcome: Sendable, Equatable {
        case value(Double)
        case unavailable(reason: String)
    }

    public let estimators: [MIEstimatorKind]
    public let settings: Settings
    /// gaps[e][p]: estimator `estimators[e]`, ordered pair `pairs[p]`.
    public let pairs: [ViewPair]
    public let gaps: [[Result<PairGap, Unavailable>]]
    /// The two quantities of each gap on their own (one may exist when the other does not):
    /// teacherStudent[e][p] and studentLabel[e][p], `pairs[p]`'s I(T;S) and its student's I(S;Y).
    public let teacherStudent: [[Result<QuantityEstimate, Unavailable>]], studentLabel: [[Result<QuantityEstimate, Unavailable>]]
    /// The quantities KSG estimated on noisy columns (a row occurred more than k times), e.g.
    /// `I(pixel;Y) by ksg`.
    public let jittered: [String]

    /// Stream tag of the half-samples ("mv-half").
    static let streamTag: UInt64 = 0x6D76_2D68_616C_66

    /// The number of work items for `data` and `settings` (for a progress bar and a checkpoint).
    public static func itemCount(_ data: MultiViewData, settings: Settings) -> Int {
        let estimators = settings.estimators ?? MIEstimatorKind.applicable(to: data.label)
        return (settings.replicates + 1) * estimators.count * Layout.quantitiesPerEstimator(data)
    }

    /// Runs every estimator on `data`, `threads` workers; `work` holds items finished before and
    /// the hooks called as items finish. - Throws: `ParameterError` for the settings, `SampleError`
    /// for an estimator that does not apply to the label, `WorkStopped` when `work` stopped it.
    public init(_ data: MultiViewData, settings: Settings, threads: Int,
                work: ResumableWork<ItemOutcome> = ResumableWork()) throws {
        guard settings.replicates == 0 || settings.replicates >= 2 else {
            throw ParameterError.invalid(parameter: .replicates, reason: "must be 0 or at least 2, got \(settings.replicates)")
        }
        let applicable = MIEstimatorKind.applicable(to: data.label)
        let estimators = settings.estimators ?? applicable
        if let other = estimators.first(where: { !applicable.contains($0) }) {
            throw SampleError("the \(other.rawValue) estimator", "does not apply to a \(data.label.classCount == nil ? "continuous" : "class") label")
        }
        let layout = try Layout(data, estimators: estimators, settings: settings)
        let q = layout.quantities.count
        let outcomes = try work.run(count: (settings.replicates + 1) * q, threads: threads) { item in
            layout.estimate(layout.quantities[item % q], replicate: item / q == 0 ? nil : item / q - 1)
        }
        let pairs = data.orderedPairs
        let halfRows = settings.replicates > 0 ? Self.halfSample(data, seed: settings.seed, replicate: 0).count : 0
        /// Quantity `index`'s full estimate and replicates, or the first reason it has none.
        func quantity(_ index: Int) -> Result<(Double, [Double]), Unavailable> {
            var values: [Double] = []
            for r in 0...settings.replicates {
                switch outcomes[r * q + index] {
                case .value(let x): values.append(x)
                case .unavailable(let reason):
                    return .failure(Unavailable(quantity: layout.quantities[index].name, reason: reason,
                                                halfSample: r == 0 ? nil : (r - 1, halfRows)))
                }
            }
            return .success((values[0], Array(values.dropFirst())))
        }
        /// The half-sampling interval of `value` and its shifted replicates; nil without replicates.
        func interval(_ value: Double, _ replicates: [Double]) -> (ConfidenceInterval, [Double])? {
            replicates.isEmpty ? nil : ConfidenceInterval.centred(value, replicates, level: settings.level)
        }
        let results = (0..<q).map(quantity)
        func single(_ index: Int) -> Result<QuantityEstimate, Unavailable> {
            results[index].map { value, halves in QuantityEstimate(value: value, interval: interval(value, halves)?.0) }
        }
        teacherStudent = estimators.indices.map { e in pairs.map { single(layout.index(estimator: e, teacherStudent: $0)) } }
        studentLabel = estimators.indices.map { e in pairs.map { single(layout.index(estimator: e, studentLabel: $0.student)) } }
        gaps = estimators.indices.map { e in
            pairs.map { pair in
                results[layout.index(estimator: e, teacherStudent: pair)].flatMap { ts, tsHalves in
                    results[layout.index(estimator: e, studentLabel: pair.student)].map { sy, syHalves in
                        let gapHalves = zip(tsHalves, syHalves).map { $0 - $1 }
                        let gapCentred = interval(ts - sy, gapHalves)
                        let wrong = gapCentred.map { SignError.probability($0.1, against: ts - sy) }
                        return PairGap(teacherStudent: ts, studentLabel: sy, teacherStudentInterval: interval(ts, tsHalves)?.0,
                                       studentLabelInterval: interval(sy, syHalves)?.0, gapInterval: gapCentred?.0, signErrorProbability: wrong)
                    }
                }
            }
        }
        jittered = layout.quantities.filter { $0.noisy != nil }.map(\.name)
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

    /// The estimate of `estimator` for `pair` (nil when the estimator was not run or has none).
    public func gap(_ estimator: MIEstimatorKind, _ pair: ViewPair) -> PairGap? {
        try? estimate(estimator, pair)?.get()
    }

    /// Why `estimator` has no estimate for `pair` (nil when it has one or was not run).
    public func unavailable(_ estimator: MIEstimatorKind, _ pair: ViewPair) -> Unavailable? {
        guard case .failure(let reason)? = estimate(estimator, pair) else { return nil }
        return reason
    }

    /// I(T;S) and I(S;Y) of `estimator` for `pair`, each or why it has none; nil when the estimator was not run.
    public func quantities(_ estimator: MIEstimatorKind, _ pair: ViewPair)
        -> (teacherStudent: Result<QuantityEstimate, Unavailable>, studentLabel: Result<QuantityEstimate, Unavailable>)? {
        guard let e = estimators.firstIndex(of: estimator), let p = pairs.firstIndex(of: pair) else { return nil }
        return (teacherStudent[e][p], studentLabel[e][p])
    }

    /// The estimate of `estimator` for `pair` or why there is none; nil when the estimator was not run.
    public func estimate(_ estimator: MIEstimatorKind, _ pair: ViewPair) -> Result<PairGap, Unavailable>? {
        guard let e = estimators.firstIndex(of: estimator), let p = pairs.firstIndex(of: pair) else { return nil }
        return gaps[e][p]
    }

    /// The quantities of the data and how each is estimated.
    private struct Layout: Sendable {
        /// One estimated quantity: I(T;S) of an unordered pair of views, I(S;Y) of a view, or
        /// I(T_set;S) of `setPairs[i]`.
        struct Quantity: Sendable {
            enum Target: Sendable { case teacherStudent(Int, Int), studentLabel(Int), setStudent(Int) }
            /// Index of its estimator in `estimators`.
            let estimator: Int
            let target: Target
            /// The matrix KSG reads, with the noise added (nil: no noise needed, or not KSG).
            let noisy: Matrix?
            let name: String
        }

        let data: MultiViewData
        let settings: Settings
        /// The estimators, in the order of `ViewInformation.estimators`.
        let estimators: [any InformationEstimator]
        /// Unordered pairs (a < b) and their joint matrices [view a | view b].
        let unorderedPairs: [(Int, Int)]
        let pairJoint: [Matrix]
        /// [view | label value].
        let viewLabel: [Matrix]
        /// (concatenated teacher, student view outside its set), and their joint matrices
        /// [the set's views side by side | student view].
        let setPairs: [(teacher: Int, student: Int)]
        let setJoint: [Matrix]
        /// Per estimator: the unordered pairs' I(T;S), then the views' I(S;Y), then the sets' I(T_set;S).
        let quantities: [Quantity]

        /// (concatenated teacher, student) in teacher order, students in view order.
        static func setPairs(_ data: MultiViewData) -> [(teacher: Int, student: Int)] {
            data.teachers.indices.filter { data.teachers[$0].kind == .concatenated }.flatMap { t in
                (0..<data.viewCount).filter { !data.teachers[t].uses($0) }.map { (teacher: t, student: $0) } }
        }

        static func quantitiesPerEstimator(_ data: MultiViewData) -> Int {
            data.viewCount * (data.viewCount - 1) / 2 + data.viewCount + setPairs(data).count
        }

        init(_ data: MultiViewData, estimators kinds: [MIEstimatorKind], settings: Settings) throws(ParameterError) {
            self.data = data
            self.settings = settings
            var estimators: [any InformationEstimator] = []
            for kind in kinds { estimators.append(try kind.estimator(k: settings.neighbours, folds: settings.folds, ridge: settings.ridge)) }
            self.estimators = estimators
            var pairs: [(Int, Int)] = []
            for a in 0..<data.viewCount { for b in (a + 1)..<data.viewCount { pairs.append((a, b)) } }
            unorderedPairs = pairs
            let pairJoint = pairs.map { data.representations[$0.0].joinedColumns(data.representations[$0.1]) }
            let y = Matrix.column(data.label.values)
            let viewLabel = data.representations.map { $0.joinedColumns(y) }
            self.pairJoint = pairJoint
            self.viewLabel = viewLabel
            let setPairs = Self.setPairs(data)
            let setJoint = setPairs.map { data.representation(of: data.teachers[$0.teacher].views).joinedColumns(data.representations[$0.student]) }
            self.setPairs = setPairs
            self.setJoint = setJoint
            let names = data.viewNames, k = settings.neighbours, seed = settings.seed
            // The noise of a quantity depends on the data and the seed only: one draw per
            // quantity, shared by all rows and every half-sample (which select rows of it).
            var noisyPairs: [Matrix?] = [], noisyViews: [Matrix?] = [], noisySets: [Matrix?] = []
            if estimators.contains(where: \.needsDistinctRows) {
                noisyPairs = pairJoint.enumerated().map { p, m in
                    NearestNeighbourNoise.needed(m, columns: Array(0..<m.cols), k: k)
                        ? NearestNeighbourNoise.added(to: m, columns: 0..<m.cols, seed: seed, ids: [0, UInt64(p)]) : nil
                }
                // A continuous label is a coordinate of KSG's space and gets the noise too; a
                // class label is compared exactly (Ross's estimator) and does not.
                let labelColumns = data.label.classCount == nil ? 1 : 0
                noisyViews = viewLabel.enumerated().map { v, m in
                    NearestNeighbourNoise.needed(m, columns: Array(0..<m.cols), k: k)
                        ? NearestNeighbourNoise.added(to: m, columns: 0..<(m.cols - 1 + labelColumns), seed: seed, ids: [1, UInt64(v)]) : nil
                }
                noisySets = setJoint.enumerated().map { i, m in
                    NearestNeighbourNoise.needed(m, columns: Array(0..<m.cols), k: k)
                        ? NearestNeighbourNoise.added(to: m, columns: 0..<m.cols, seed: seed, ids: [2, UInt64(i)]) : nil
                }
            }
            var quantities: [Quantity] = []
            for (e, estimator) in estimators.enumerated() {
                let name = estimator.kind.rawValue, noisy = estimator.needsDistinctRows
                for (p, (a, b)) in pairs.enumerated() {
                    quantities.append(Quantity(estimator: e, target: .teacherStudent(a, b), noisy: noisy ? noisyPairs[p] : nil,
                                               name: "I(\(names[a]);\(names[b])) by \(name)"))
                }
                for v in 0..<data.viewCount {
                    quantities.append(Quantity(estimator: e, target: .studentLabel(v), noisy: noisy ? noisyViews[v] : nil,
                                               name: "I(\(names[v]);Y) by \(name)"))
                }
                for (i, pair) in setPairs.enumerated() {
                    quantities.append(Quantity(estimator: e, target: .setStudent(i), noisy: noisy ? noisySets[i] : nil,
                                               name: "I(\(data.teacherName(pair.teacher));\(names[pair.student])) by \(name)"))
                }
            }
            self.quantities = quantities
        }

        /// The quantity of `pair`'s I(T;S): of its two views, or of its teacher set (an ensemble's
        /// is its set's concatenated teacher's).
        func index(estimator e: Int, teacherStudent pair: ViewPair) -> Int {
            let teacher = data.teachers[pair.teacher]
            guard teacher.kind == .view else {
                let concatenated = data.teachers.firstIndex(of: TeacherCandidate(kind: .concatenated, views: teacher.views)) ?? pair.teacher
                let i = setPairs.firstIndex { $0 == (concatenated, pair.student) } ?? 0
                return e * Self.quantitiesPerEstimator(data) + unorderedPairs.count + data.viewCount + i
            }
            let a = min(teacher.views[0], pair.student), b = max(teacher.views[0], pair.student)
            return e * Self.quantitiesPerEstimator(data) + (unorderedPairs.firstIndex { $0 == (a, b) } ?? 0)
        }

        func index(estimator e: Int, studentLabel v: Int) -> Int {
            e * Self.quantitiesPerEstimator(data) + unorderedPairs.count + v
        }

        /// `quantity` on all rows (`replicate` nil) or on half-sample `replicate`.
        func estimate(_ quantity: Quantity, replicate: Int?) -> ItemOutcome {
            let rows = replicate.map { ViewInformation.halfSample(data, seed: settings.seed, replicate: $0) } ?? Array(0..<data.rows)
            do {
                switch quantity.target {
                case .teacherStudent(let a, let b):
                    let p = unorderedPairs.firstIndex { $0 == (a, b) } ?? 0
                    return .value(try teacherStudent(quantity, joint: pairJoint[p], teacherColumns: data.representations[a].cols, rows: rows))
                case .setStudent(let i):
                    let teacherColumns = setJoint[i].cols - data.representations[setPairs[i].student].cols
                    return .value(try teacherStudent(quantity, joint: setJoint[i], teacherColumns: teacherColumns, rows: rows))
                case .studentLabel(let v):
                    return .value(try studentLabel(quantity, view: v, rows: rows, replicate: replicate))
                }
            } catch let error as EstimationError {
                return .unavailable(reason: error.description)
            } catch let error as SampleError {
                return .unavailable(reason: error.reason)
            } catch {
                return .unavailable(reason: "\(error)")
            }
        }

        /// I(T;S) on `rows` of `joint` = [teacher's first `teacherColumns` columns | student's] (or
        /// of the quantity's noisy copy of it).
        func teacherStudent(_ quantity: Quantity, joint: Matrix, teacherColumns kt: Int, rows: [Int]) throws -> Double {
            let sample = SampleRows(quantity.noisy ?? joint, indices: rows)
            return try estimators[quantity.estimator].mutualInformation(sample, Array(0..<kt), Array(kt..<joint.cols), parallel: false)
        }

        /// I(S;Y) of view `v` on `rows`.
        func studentLabel(_ quantity: Quantity, view v: Int, rows: [Int], replicate: Int?) throws -> Double {
            let k = data.representations[v].cols
            let sample = SampleRows(quantity.noisy ?? viewLabel[v], indices: rows)
            let label: SampleLabel
            switch data.label {
            case .continuous:
                label = .continuous(column: k)
            case .classes(let labels, let names):
                // The probe's folds: a stream of its own per view and sample.
                let seed = RandomStream.derivedSeed(seed: settings.seed, ids: [UInt64(v), UInt64(replicate.map { $0 + 1 } ?? 0)])
                label = .classes(column: k, codes: ClassCodes(labels: labels, count: names.count, seed: UInt64(seed)))
            }
            let estimator = estimators[quantity.estimator]
            guard let information = try estimator.labelInformation(sample, Array(0..<k), label, parallel: false) else {
                throw SampleError(quantity.name, "the \(estimator.kind.rawValue) estimator does not apply to this label")
            }
            return information
        }
    }
}

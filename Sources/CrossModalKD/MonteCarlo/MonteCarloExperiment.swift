import Foundation

/// The Monte Carlo KD experiment at one grid point: paired trials of the student fitted without and
/// with KD on the same sample, summarised and set beside the analytic answer.
///
/// A trial (docs/theory.md section 3): fit the teacher (oracle weights, or OLS / ridge on nt fresh
/// pairs), draw n training samples, fit the student by ridge regression of Y (lambda = 0) and of
/// z = (1 - lambda) Y + lambda u (lambda) on S, and score both fits exactly or on a test set.
/// How samples are drawn: `MonteCarloSampler`.
///
/// Reproducibility: trials are grouped in chunks of `trialsPerChunk` (fixed by the scenario, never
/// by the thread count), chunk c of grid point k draws from the GSL stream
/// `RandomStream(seed:, ids: [streamTag, k, c])`, and chunk results are merged in chunk order.
/// So a point's summary is the same bit for bit for any thread count, order of points or
/// sharding of a grid, and trial i is the same trial whatever the total number of trials.
///
/// Usage (a sweep calls this per grid point):
///
///     let experiment = try MonteCarloExperiment(model: m, teacher: t, student: s, settings: mc)
///     let summary = try experiment.run(seed: scenario.seed, pointIndex: k, threads: 2)
public struct MonteCarloExperiment: Sendable {
    public let model: JointGaussian
    public let teacher: TeacherSpec
    public let student: StudentSpec
    public let settings: MonteCarloSettings
    /// The informations of the teaching modalities T_J with S and Y (all of T for one teacher).
    public let information: InformationSummary
    /// The analytic answer beside the Monte Carlo one, when a formula of docs/theory.md section 4 applies.
    public let analysis: KDAnalysis?
    /// Why there is no analytic answer (nil when `analysis` is set).
    public let analysisUnavailable: ParameterError?
    /// Set when a sample is drawn otherwise than `settings.sampler` asks (too small for a Wishart
    /// draw), saying which and why.
    public let samplerNote: String?
    /// Trials per random-stream chunk: up to 1024, fewer for costly trials (about 65,536 random
    /// numbers per chunk, at least 8 trials).
    public let trialsPerChunk: Int

    let plan: TrialPlan
    let frame: WhitenedFrame
    /// The power of two by which the trials' model multiplies the covariance (1 for a model whose
    /// largest variance lies in [1, 4)): trial risks are divided by it on the way out.
    let varianceFactor: Double

    /// The first identifier of every Monte Carlo stream ("mc"), so that other random work of a
    /// scenario (with other tags) never shares its numbers.
    public static let streamTag: UInt64 = 0x6D63

    /// Validates the experiment and prepares its constants.
    /// - Throws: `ParameterError` naming the parameter at fault (`.studentSamples` for a singular
    ///   student system or an infinite n, `.teacherSamples`, `.trials`, ...).
    public init(model m: JointGaussian, teacher t: TeacherSpec, student s: StudentSpec,
                settings mc: MonteCarloSettings) throws(ParameterError) {
        guard mc.trials >= 2 else {
            throw .invalid(parameter: .trials, reason: "must be at least 2 (for a standard error), got \(mc.trials)")
        }
        guard mc.trials <= MonteCarloSettings.maximumTrials else {
            throw .invalid(parameter: .trials, reason: "must be at most \(MonteCarloSettings.maximumTrials), got \(mc.trials)")
        }
        if let test = mc.testSamples, test < 1 {
            throw .invalid(parameter: .testSamples, reason: "must be at least 1, got \(test)")
        }
        if let threads = mc.threads, threads < 1 {
            throw .invalid(parameter: .threads, reason: "must be at least 1, got \(threads)")
        }
        try ParameterError.checkLambda(s.lambda)
        guard s.ridge.isFinite, s.ridge >= 0 else {
            throw .invalid(parameter: .studentRidge, reason: "must be finite and >= 0, got \(s.ridge)")
        }
        guard case .finite(let n) = s.samples else {
            throw .invalid(parameter: .studentSamples,
                           reason: "Monte Carlo needs a finite number of training samples", remedies: [.populationFormula])
        }
        guard n >= 1 else { throw .invalid(parameter: .studentSamples, reason: "must be at least 1, got \(n)") }
        guard s.ridge > 0 || n > m.ds else {
            throw .invalid(parameter: .studentSamples,
                           reason: "with ridge 0 the student's system S'S is singular for n <= ds = \(m.ds) (got n = \(n))",
                           remedies: [.atLeast(.studentSamples, m.ds + 1), .positive(.studentRidge)])
        }

        // Trials run on the binary-scaled model (`JointGaussian.binaryScaled`), so that the products
        // of variances in a trial's accuracy and the squares behind the standard errors neither
        // underflow nor overflow; `summary` and `outcomes` give risks back in the model's units.
        let (sm, factor) = try m.binaryScaled()
        let st = try t.scaled(varianceBy: factor), ss = try s.scaled(varianceBy: factor)
        varianceFactor = factor
        let fixedWeights = try TeacherSignal(model: sm, spec: st.oracle).weights
        let components = try st.combination.components(in: sm)
        if t.rows == .student, t.combination != .allModalities {
            throw .invalid(parameter: .teacherRows, reason: "\"student\" applies to one teacher on all of T, not to a teacher set or an ensemble")
        }
        let teacherFit: TrialPlan.TeacherFit
        var teacherSamples = 0
        switch st.fit {
        case .oracle:
            guard t.rows == .own else {
                throw .invalid(parameter: .teacherRows, reason: "\"student\" applies to a fitted teacher (fit = \"ols\" or \"ridge\")")
            }
            teacherFit = .fixed
        case .ols(let nt), .ridge(let nt, _):
            guard t.target == .prediction else {
                throw .invalid(parameter: .teacherFit, reason: "a fitted teacher applies to the prediction target only")
            }
            guard nt >= 1 else { throw .invalid(parameter: .teacherSamples, reason: "must be at least 1, got \(nt)") }
            if t.rows == .student, nt != n {
                throw .invalid(parameter: .teacherSamples,
                               reason: "a teacher fitted on the student's rows has the student's n = \(n) samples, got \(nt)")
            }
            teacherSamples = nt
            if case .ridge(_, let penalty) = st.fit {
                guard penalty.isFinite, penalty > 0 else {
                    throw .invalid(parameter: .teacherRidge, reason: "a ridge teacher needs a finite penalty > 0, got \(penalty)")
                }
                teacherFit = .ridge(samples: nt, penalty: penalty)
            } else {
                let largest = components.map(\.dimension).max() ?? m.dt
                guard nt > largest else {
                    throw .invalid(parameter: .teacherSamples,
                                   reason: "an OLS teacher's system T'T is singular for n <= dt = \(largest) (got n = \(nt)); "
                                       + "use n > dt or fit = \"ridge\"")
                }
                teacherFit = .ols(samples: nt)
            }
        }

        // The moments sampler needs a Bartlett factor: at least as many samples as dimensions.
        let moments = mc.sampler == .moments
        let studentMoments = moments && n >= m.ds
        let fittedOrders = teacherSamples > 0 ? components.map(\.dimension) : []
        let teacherMoments = fittedOrders.map { moments && teacherSamples >= $0 }
        var notes: [String] = []
        if moments && !studentMoments {
            notes.append("the student's n = \(n) samples (fewer than ds = \(m.ds)) are drawn as triples")
        }
        if moments, let order = zip(fittedOrders, teacherMoments).first(where: { !$0.1 })?.0 {
            notes.append("the teacher's n = \(teacherSamples) samples (fewer than dt = \(order)) are drawn as triples")
        }
        var coupled: StudentRowsTrial?
        if t.rows == .student {
            notes = ["the teacher is fitted on the student's rows: rows (T, S, Y) are drawn one by one"]
            var penalty = 0.0
            if case .ridge(_, let p) = st.fit { penalty = p }
            coupled = StudentRowsTrial(model: sm, scale: t.scale, teacherPenalty: penalty, samples: n, studentRidge: ss.ridge,
                                       lambda: s.lambda, testSamples: mc.testSamples)
        } else if !notes.isEmpty {
            notes = [notes.joined(separator: "; ") + ": a Wishart matrix with fewer degrees of freedom than its order has no Bartlett factor"]
        }
        samplerNote = notes.first

        plan = TrialPlan(teacher: teacherFit, teacherOrders: fittedOrders, teacherUsesMoments: teacherMoments, studentSamples: n, studentRidge: ss.ridge,
                         studentUsesMoments: studentMoments, lambda: s.lambda, testSamples: mc.testSamples,
                         studentRows: coupled)
        try Self.checkWork(plan, trials: mc.trials, ds: m.ds, dt: m.dt)
        frame = try WhitenedFrame(model: sm, fixedWeights: fixedWeights, scale: t.scale, teachers: teacherSamples > 0 ? components : [])
        var size = 1024
        while size > 8 && Double(size) * plan.drawsPerTrial(ds: m.ds, dt: m.dt) > 65536 { size /= 2 }
        trialsPerChunk = size

        do {
            analysis = try KDAnalysis(model: m, teacher: t, student: s)
            analysisUnavailable = nil
        } catch {
            analysis = nil
            analysisUnavailable = error
        }
        information = try t.combination.information(in: m)
        model = m
        teacher = t
        student = s
        settings = mc
    }

    /// Throws unless the experiment draws at most `SizeLimits.maximumMonteCarloDraws` random
    /// numbers, blaming the part of a trial that draws most (or the trials when every part is
    /// small): the triples sampler at n = 10^12 ran for hours without a word.
    static func checkWork(_ plan: TrialPlan, trials: Int, ds: Int, dt: Int) throws(ParameterError) {
        let parts = plan.draws(ds: ds, dt: dt)
        let total = Double(trials) * parts.reduce(0) { $0 + $1.count }
        let limit = Double(SizeLimits.maximumMonteCarloDraws)
        guard total > limit, let largest = parts.max(by: { $0.count < $1.count }) else { return }
        let parameter = largest.count * 1000 < limit ? Parameter.trials : largest.parameter
        func count(_ x: Double) -> String { String(format: "%.3g", x) }
        // Rows drawn one by one where the moments sampler could draw their Wishart statistics.
        let rowByRow = plan.studentRows == nil
            && ((parameter == .studentSamples && !plan.studentUsesMoments) || (parameter == .teacherSamples && plan.teacherUsesMoments.contains(false)))
        throw .invalid(parameter: parameter, reason: "\(trials) trials would draw \(count(total)) random numbers "
            + "(per trial: " + parts.map { "\(count($0.count)) for the \($0.parameter)" }.joined(separator: ", ") + "); "
            + "a Monte Carlo run draws at most \(count(limit)) (tens of minutes on one core): use fewer trials or smaller samples"
            + (rowByRow ? ", or sampler = \"moments\", which draws a sample's sufficient statistics, as many whatever n" : ""))
    }

    /// Runs `settings.trials` trials of grid point `pointIndex` on `threads` threads.
    /// - Throws: `ParameterError` when a trial's system is numerically singular or a result is not finite.
    public func run(seed: UInt64, pointIndex: Int, threads: Int) throws(ParameterError) -> MonteCarloSummary {
        try Self.run([(self, pointIndex)], seed: seed, threads: threads)[0].get()
    }

    /// Runs several grid points at once, parallel over all their chunks of trials: the summaries
    /// are those `run(seed:pointIndex:threads:)` gives for each point alone, in the given order.
    public static func run(_ points: [(experiment: MonteCarloExperiment, pointIndex: Int)], seed: UInt64,
                           threads: Int) -> [Result<MonteCarloSummary, ParameterError>] {
        // Work item i is chunk i - starts[p] of point p, for the p with starts[p] <= i < starts[p + 1].
        var offsets = [0]
        for point in points { offsets.append(offsets[offsets.count - 1] + point.experiment.chunkCount) }
        let starts = offsets
        let totals = PointTotals(points: points.count)
        ParallelChunks.run(
            count: starts[points.count], threads: threads,
            makeState: { Worker(seed: seed, points: points.count) },
            body: { item, worker in
                let p = Self.point(of: item, starts: starts)
                return worker.run(points[p].experiment, point: p, pointIndex: points[p].pointIndex, chunk: item - starts[p])
            },
            consume: { item, result in totals.add(result, point: Self.point(of: item, starts: starts)) })
        return points.indices.map { p in
            totals.failures[p].map { .failure($0) } ?? .success(points[p].experiment.summary(totals.moments[p]))
        }
    }

    /// The point whose chunks contain work item `item` (binary search of the chunk offsets).
    private static func point(of item: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= item { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The outcomes of trials `range` of grid point `pointIndex`, one by one (the same trials `run`
    /// summarises; trial indices from 0): for histograms, and tests of the sampling distribution.
    public func outcomes(seed: UInt64, pointIndex: Int, trials range: Range<Int>) throws(ParameterError) -> [TrialOutcome] {
        precondition(range.lowerBound >= 0, "trial indices start at 0")
        guard !range.isEmpty else { return [] }
        let worker = Worker(seed: seed, points: 1)
        var out: [TrialOutcome] = []
        for chunk in (range.lowerBound / trialsPerChunk)...((range.upperBound - 1) / trialsPerChunk) {
            let first = chunk * trialsPerChunk
            let stream = worker.stream(pointIndex: pointIndex, chunk: chunk)
            let workspace = worker.workspace(self, point: 0)
            for trial in first..<min(first + trialsPerChunk, range.upperBound) {
                let outcome: TrialOutcome
                do { outcome = try workspace.run(stream) } catch { throw describe(error, trial: trial) }
                if trial >= range.lowerBound { out.append(outcome.risksTimes(1 / varianceFactor)) }
            }
        }
        return out
    }

    /// Number of chunks the trials are split into.
    public var chunkCount: Int { (settings.trials + trialsPerChunk - 1) / trialsPerChunk }

    private func summary(_ m: TrialMoments) -> MonteCarloSummary {
        let unit = 1 / varianceFactor
        return MonteCarloSummary(
            trials: m.count, sampler: settings.sampler, samplerNote: samplerNote, testSamples: settings.testSamples,
            lambda: student.lambda, riskNoKD: m.estimate(0).times(unit), riskKD: m.estimate(1).times(unit),
            gain: m.estimate(2).times(unit), accuracyNoKD: m.estimate(3), accuracyKD: m.estimate(4),
            riskCurve: m.riskCurve(risksTimes: unit),
            analysis: analysis, analysisUnavailable: analysisUnavailable)
    }

    fileprivate func describe(_ failure: TrialFailure, trial: Int) -> ParameterError {
        switch failure {
        case .studentSingular:
            return .invalid(parameter: .studentSamples,
                            reason: "trial \(trial): the student's least-squares system is numerically singular "
                                + "(n = \(plan.studentSamples), ds = \(model.ds), ridge = \(student.ridge)); use more samples or ridge > 0")
        case .teacherSingular:
            return .invalid(parameter: .teacherSamples,
                            reason: "trial \(trial): the teacher's least-squares system is numerically singular (dt = \(model.dt)); "
                                + "use more teacher samples or a ridge teacher")
        case .notFinite:
            return .invalid(parameter: .monteCarlo, reason: "trial \(trial) gave a non-finite risk or accuracy")
        }
    }
}

/// Per grid point, the chunk results merged so far (in chunk order) and the first failure.
/// Written only by `ParallelChunks.run`'s `consume`, which never runs concurrently.
private final class PointTotals: @unchecked Sendable {
    var moments: [TrialMoments]
    var failures: [ParameterError?]

    init(points: Int) {
        moments = Array(repeating: TrialMoments(), count: points)
        failures = Array(repeating: nil, count: points)
    }

    func add(_ chunk: Result<TrialMoments, ParameterError>, point: Int) {
        switch chunk {
        case .success(let m): moments[point] = moments[point].merged(with: m)
        case .failure(let e): if failures[point] == nil { failures[point] = e }
        }
    }
}

/// One thread's random stream and trial buffers (per grid point, made on first use).
private final class Worker {
    private let seed: UInt64
    private let random: RandomStream
    private var workspaces: [TrialWorkspace?]

    init(seed: UInt64, points: Int) {
        self.seed = seed
        random = RandomStream(seed: seed)
        workspaces = Array(repeating: nil, count: points)
    }

    /// The stream of chunk `chunk` of grid point `pointIndex`, from its start.
    func stream(pointIndex: Int, chunk: Int) -> RandomStream {
        random.reseed(seed: seed, ids: [MonteCarloExperiment.streamTag, UInt64(truncatingIfNeeded: pointIndex),
                                        UInt64(truncatingIfNeeded: chunk)])
        return random
    }

    func workspace(_ e: MonteCarloExperiment, point: Int) -> TrialWorkspace {
        if let w = workspaces[point] { return w }
        let w = TrialWorkspace(plan: e.plan, frame: e.frame)
        workspaces[point] = w
        return w
    }

    /// The moments of one chunk's trials, or the failure of its first failing trial.
    func run(_ e: MonteCarloExperiment, point: Int, pointIndex: Int, chunk: Int) -> Result<TrialMoments, ParameterError> {
        let stream = self.stream(pointIndex: pointIndex, chunk: chunk)
        let workspace = self.workspace(e, point: point)
        let first = chunk * e.trialsPerChunk
        var moments = TrialMoments()
        for trial in first..<min(first + e.trialsPerChunk, e.settings.trials) {
            do { moments.add(try workspace.run(stream)) } catch { return .failure(e.describe(error, trial: trial)) }
        }
        return .success(moments)
    }
}

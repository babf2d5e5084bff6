import Foundation

/// Monte Carlo of classification KD with a logistic student (`LogisticKDSpec`): paired trials of
/// the student fitted without KD (lambda = 0, hard labels) and with KD (soft targets from the
/// teacher's logit) on the same sample, scored by their accuracy for C = sign(Y).
///
/// A trial: fit the teacher (the posterior logit needs no data; a fitted teacher draws nt fresh
/// (T, C) pairs, or with `teacherRows = .student` is fitted on the (T, C) of the student's n
/// training rows), draw n training rows (T, S, C), fit both students, and score them exactly
/// (Sheppard: accuracy = 1/2 + asin(corr(w'S, Y)) / pi) or on `testSamples` fresh rows.
/// Trial t of grid point k draws from the stream (seed, [tag, k, t]) in the order teacher sample,
/// training sample, test sample, so a summary is the same whatever the thread count, and trial t
/// is the same trial whatever the number of trials.
public struct LogisticKDExperiment: Sendable {
    public let model: JointGaussian
    public let spec: LogisticKDSpec
    public let trials: Int
    /// Size of a sampled test set per trial; nil scores exactly.
    public let testSamples: Int?

    /// Stream tag of the classification trials ("cls-kd").
    static let streamTag: UInt64 = 0x636C_732D_6B64

    /// - Throws: `ParameterError` naming the parameter at fault.
    public init(model: JointGaussian, spec: LogisticKDSpec, trials: Int, testSamples: Int? = nil) throws(ParameterError) {
        guard trials >= 2 else { throw .invalid(parameter: .trials, reason: "must be at least 2 (for a standard error), got \(trials)") }
        guard spec.samples >= 1 else { throw .invalid(parameter: .studentSamples, reason: "must be at least 1, got \(spec.samples)") }
        guard spec.ridge.isFinite, spec.ridge >= 0 else {
            throw .invalid(parameter: .studentRidge, reason: "must be finite and >= 0, got \(spec.ridge)")
        }
        try ParameterError.checkLambda(spec.lambda)
        guard spec.temperature.isFinite, spec.temperature > 0 else {
            throw .invalid(parameter: .temperature, reason: "must be finite and > 0, got \(spec.temperature)")
        }
        if case .fitted(let nt, let ridge) = spec.teacher {
            guard nt >= 1 else { throw .invalid(parameter: .teacherSamples, reason: "must be at least 1, got \(nt)") }
            guard ridge.isFinite, ridge >= 0 else {
                throw .invalid(parameter: .teacherRidge, reason: "must be finite and >= 0, got \(ridge)")
            }
            if spec.teacherRows == .student, nt != spec.samples {
                throw .invalid(parameter: .teacherSamples,
                               reason: "a teacher fitted on the student's rows has the student's n = \(spec.samples) samples, got \(nt)")
            }
        } else if spec.teacherRows == .student {
            throw .invalid(parameter: .teacherRows, reason: "\"student\" applies to a fitted teacher (fit = \"logistic\")")
        }
        if let test = testSamples, test < 1 {
            throw .invalid(parameter: .testSamples, reason: "must be at least 1, got \(test)")
        }
        self.model = model
        self.spec = spec
        self.trials = trials
        self.testSamples = testSamples
    }

    /// Runs every trial (in parallel when `parallel`) and summarises them.
    public func run(seed: UInt64, point: Int = 0, parallel: Bool = true) -> LogisticKDSummary {
        let outcomes = Parallel.map(trials, parallel: parallel) { t in trial(t, seed: seed, point: point) }
        return LogisticKDSummary(outcomes, experiment: self)
    }

    /// One paired trial.
    public func trial(_ t: Int, seed: UInt64, point: Int = 0) -> LogisticKDTrial {
        let stream = RandomStream(seed: seed, ids: [Self.streamTag, UInt64(point), UInt64(t)])
        let sampler = GaussianSampler(model: model)
        let tCols = model.teacherIndices, sCols = model.studentIndices, c = model.labelIndex
        func classes(_ rows: Matrix) -> [Double] { (0..<rows.rows).map { rows[$0, c] > 0 ? 1 : 0 } }

        func fitTeacher(_ rows: Matrix, ridge: Double) -> LogisticFit {
            Self.fit(features: rows.submatrix(rows: Array(0..<rows.rows), cols: tCols), labels: classes(rows), ridge: ridge)
        }
        var teacherFit: LogisticFit?
        if case .fitted(let nt, let ridge) = spec.teacher, spec.teacherRows == .own {
            teacherFit = fitTeacher(sampler.draw(nt, label: .sign, from: stream), ridge: ridge)
        }
        let n = spec.samples
        let train = sampler.draw(n, label: .sign, from: stream)
        if case .fitted(_, let ridge) = spec.teacher, spec.teacherRows == .student {
            teacherFit = fitTeacher(train, ridge: ridge)
        }
        let logit: TeacherLogit = teacherFit.map { .linear($0.weights) } ?? TeacherLogit(posteriorOf: model)
        let features = train.submatrix(rows: Array(0..<n), cols: sCols)
        let labels = classes(train)
        let u = (0..<n).map { logit.value(train, row: $0, columns: tCols) }
        let plain = Self.fit(features: features, labels: labels, ridge: spec.ridge)
        let kd = Self.fit(features: features, labels: labels, logits: u, lambda: spec.lambda,
                          temperature: spec.temperature, ridge: spec.ridge)

        let teacherAccuracy: Double
        switch logit {
        case .posterior: teacherAccuracy = SignLabelInformation.bayesAccuracy(model, block: tCols)
        case .linear(let v): teacherAccuracy = SignAccuracy.of(weights: v, block: tCols, in: model)
        }
        let accuracies: (Double, Double)
        if let m = testSamples {
            let test = sampler.draw(m, label: .sign, from: stream)
            func score(_ w: [Double]) -> Double {
                var hits = 0
                for r in 0..<m {
                    var s = 0.0
                    for (j, col) in sCols.enumerated() { s += w[j] * test[r, col] }
                    if (s > 0) == (test[r, c] > 0) { hits += 1 }
                }
                return Double(hits) / Double(m)
            }
            accuracies = (score(plain.weights), score(kd.weights))
        } else {
            accuracies = (SignAccuracy.of(weights: plain.weights, in: model), SignAccuracy.of(weights: kd.weights, in: model))
        }
        return LogisticKDTrial(accuracyNoKD: accuracies.0, accuracyKD: accuracies.1, teacherAccuracy: teacherAccuracy,
                               noKD: plain, kd: kd, teacher: teacherFit)
    }

    /// A fit whose inputs were validated by `init` (so the logistic problem is well formed).
    static func fit(features: Matrix, labels: [Double], logits: [Double]? = nil, lambda: Double = 0,
                    temperature: Double = 1, ridge: Double) -> LogisticFit {
        do {
            return try LogisticRegression(features: features, labels: labels, teacherLogits: logits, lambda: lambda,
                                          temperature: temperature, ridge: ridge).fit()
        } catch {
            preconditionFailure("LogisticKDExperiment validated its settings: \(error)")
        }
    }
}

/// One paired trial: the two students' accuracies, the teacher's, and how each fit went.
public struct LogisticKDTrial: Sendable {
    public let accuracyNoKD: Double, accuracyKD: Double, teacherAccuracy: Double
    public let noKD: LogisticFit, kd: LogisticFit
    /// nil for the posterior teacher.
    public let teacher: LogisticFit?
}

/// The Monte Carlo answer for classification KD: mean accuracies without and with KD, the paired
/// gain with its standard error, and how many fits needed the separation remedy.
public struct LogisticKDSummary: Sendable {
    public let trials: Int
    /// Means and standard errors over trials.
    public let accuracyNoKD: Double, accuracyNoKDSE: Double
    public let accuracyKD: Double, accuracyKDSE: Double
    /// Paired gain accuracy(KD) - accuracy(no KD): mean and standard error.
    public let gain: Double, gainSE: Double
    /// Share of trials where KD scored strictly higher.
    public let fractionKDBetter: Double
    /// Mean accuracy of the teacher's sign(u) for C (exact).
    public let teacherAccuracy: Double
    /// Accuracy of the Bayes classifier on S: no student does better.
    public let bayesAccuracyStudent: Double
    /// Fits that needed the L2 floor because the data were separable, and fits that reached the
    /// iteration cap (or a singular Hessian): students without KD, with KD, teachers.
    public let separableNoKD: Int, separableKD: Int, separableTeacher: Int
    public let notConverged: Int
    /// Whether accuracies were scored exactly (nil) or on this many test rows per trial.
    public let testSamples: Int?

    /// z = gain / SE: beyond +-2 the sign of the gain is settled.
    public var gainZ: Double { gainSE > 0 ? gain / gainSE : (gain == 0 ? 0 : gain.sign == .minus ? -.infinity : .infinity) }
    /// The Monte Carlo truth: KD raises the mean accuracy.
    public var kdHelps: Bool { gain > 0 }

    init(_ outcomes: [LogisticKDTrial], experiment: LogisticKDExperiment) {
        func meanSE(_ values: [Double]) -> (Double, Double) {
            let e = SampleStatistics.estimate(values)
            return (e.mean, e.standardError)
        }
        trials = outcomes.count
        (accuracyNoKD, accuracyNoKDSE) = meanSE(outcomes.map(\.accuracyNoKD))
        (accuracyKD, accuracyKDSE) = meanSE(outcomes.map(\.accuracyKD))
        (gain, gainSE) = meanSE(outcomes.map { $0.accuracyKD - $0.accuracyNoKD })
        fractionKDBetter = Double(outcomes.filter { $0.accuracyKD > $0.accuracyNoKD }.count) / Double(outcomes.count)
        teacherAccuracy = outcomes.reduce(0) { $0 + $1.teacherAccuracy } / Double(outcomes.count)
        bayesAccuracyStudent = SignLabelInformation.bayesAccuracy(experiment.model, block: experiment.model.studentIndices)
        func count(_ fit: (LogisticKDTrial) -> LogisticFit?, _ reason: LogisticFit.Remedy.Reason) -> Int {
            outcomes.filter { fit($0)?.remedy?.reason == reason }.count
        }
        separableNoKD = count(\.noKD, .separable)
        separableKD = count(\.kd, .separable)
        separableTeacher = count(\.teacher, .separable)
        notConverged = count(\.noKD, .notConverged) + count(\.kd, .notConverged) + count(\.teacher, .notConverged)
        testSamples = experiment.testSamples
    }
}

/// The result of one paired trial: one training sample, the student fitted on it without KD
/// (lambda = 0) and with KD (the scenario's lambda), both scored the same way.
public struct TrialOutcome: Sendable, Equatable {
    /// Test risk E(Y - w'S)^2 without and with KD: exact (Var(Y|S) + |w - w*|^2_Sss), or the mean
    /// squared error on the trial's test set when one is sampled.
    public let riskNoKD: Double, riskKD: Double
    /// Sign-label accuracy P(sign(w'S) = sign(Y)) without and with KD: Sheppard's formula, or the
    /// fraction of agreeing signs on the test set.
    public let accuracyNoKD: Double, accuracyKD: Double
    /// This trial's risk as a function of the KD weight is exactly quadratic (the fitted weights
    /// are linear in l): R(l) = riskNoKD + riskSlope l + riskCurvature l^2, scored the same way.
    public let riskSlope: Double, riskCurvature: Double
    /// The paired KD gain riskNoKD - riskKD.
    public var gain: Double { riskNoKD - riskKD }

    public init(riskNoKD: Double, riskKD: Double, accuracyNoKD: Double, accuracyKD: Double,
                riskSlope: Double, riskCurvature: Double) {
        self.riskNoKD = riskNoKD
        self.riskKD = riskKD
        self.accuracyNoKD = accuracyNoKD
        self.accuracyKD = accuracyKD
        self.riskSlope = riskSlope
        self.riskCurvature = riskCurvature
    }

    /// R(l) of this trial's fits.
    public func risk(at l: Double) -> Double { riskNoKD + l * (riskSlope + l * riskCurvature) }

    /// The outcome with its risks (and their slope and curvature in l) multiplied by the power of
    /// two `factor`: a trial of a binary-scaled model in the original model's units.
    func risksTimes(_ factor: Double) -> TrialOutcome {
        TrialOutcome(riskNoKD: riskNoKD * factor, riskKD: riskKD * factor, accuracyNoKD: accuracyNoKD, accuracyKD: accuracyKD,
                     riskSlope: riskSlope * factor, riskCurvature: riskCurvature * factor)
    }
}

/// Why a trial gave no outcome.
enum TrialFailure: Error {
    /// The teacher's or the student's least-squares system was numerically singular.
    case teacherSingular, studentSingular
    /// A risk or accuracy came out NaN or infinite.
    case notFinite
}

/// What one trial does, fixed per experiment.
struct TrialPlan: Sendable {
    enum TeacherFit: Sendable {
        /// Oracle or representation target: the teacher's weights are fixed.
        case fixed
        case ols(samples: Int)
        case ridge(samples: Int, penalty: Double)
    }

    let teacher: TeacherFit
    /// d_J of each fitted teacher, in the order they draw (one for a teacher set, one per member
    /// of an ensemble; empty for a fixed teacher).
    let teacherOrders: [Int]
    /// Whether each fitted teacher's sample is drawn as Wishart statistics (else as rows).
    let teacherUsesMoments: [Bool]
    let studentSamples: Int
    let studentRidge: Double
    let studentUsesMoments: Bool
    let lambda: Double
    let testSamples: Int?
    /// Set when the teacher is fitted on the student's rows: the trial is this one instead.
    var studentRows: StudentRowsTrial? = nil

    /// Random numbers one trial draws (a chi-squared draw counted as one): sizes the stream chunks.
    /// A Double, so that absurd sample sizes cannot overflow.
    func drawsPerTrial(ds: Int, dt: Int) -> Double {
        draws(ds: ds, dt: dt).reduce(0) { $0 + $1.count }
    }

    /// The random numbers of one trial by the parameter whose size they follow: the student's
    /// rows (or their Wishart statistics), the fitted teacher's rows, the test rows.
    func draws(ds: Int, dt: Int) -> [(parameter: Parameter, count: Double)] {
        if let studentRows { return [(.studentSamples, studentRows.drawsPerTrial)] }
        let d = Double(ds), t = Double(dt)  // t: the student rows carry all of T
        var parts: [(parameter: Parameter, count: Double)] = [
            (.studentSamples, studentUsesMoments ? d * (d + 1) / 2 + 2 * d : Double(studentSamples) * (d + 1 + t)),
        ]
        switch teacher {
        case .fixed: break
        case .ols(let nt), .ridge(let nt, _):
            for (order, moments) in zip(teacherOrders, teacherUsesMoments) {
                let t = Double(order)
                parts.append((.teacherSamples, moments ? t * (t + 1) / 2 + t : Double(nt) * (t + 1)))
            }
        }
        if let m = testSamples { parts.append((.testSamples, Double(m) * (d + 1))) }
        return parts
    }
}

/// One worker's buffers for running trials of one experiment: nothing is allocated per trial.
final class TrialWorkspace {
    private let plan: TrialPlan
    private let ds: Int, dt: Int
    private let labelNoise: Double, labelVariance: Double
    private let studentSample: WhitenedSample
    /// Constants of the frame (see `WhitenedFrame`).
    private let beta, studentMetric: DoubleBuffer
    private let fixedMu, fixedNu: DoubleBuffer
    private let fixedKappa: Double
    /// The fitted teachers' samples and constants, in drawing order.
    private let teachers: [FittedTeacherBuffers]
    /// Per-trial vectors: signal parts mu and nu, whitened student weights.
    private let mu, nu, weightsLabel, weightsSignal, weightsNoKD, weightsKD, testRow: DoubleBuffer

    /// One fitted teacher's sample, frame constants (`WhitenedFrame.FittedTeacher`) and weights phi.
    private struct FittedTeacherBuffers {
        let order: Int
        let noise: Double
        let sample: WhitenedSample
        let signal, metric, muMap, kappaMap, nuMap, phi: DoubleBuffer

        init(_ t: WhitenedFrame.FittedTeacher) {
            order = t.order
            noise = t.noise
            sample = WhitenedSample(order: t.order, sources: 1, extraPerRow: 0)
            signal = DoubleBuffer(copying: t.signal)
            metric = DoubleBuffer(copying: t.ridgeMetric)
            muMap = DoubleBuffer(copying: t.muMap)
            kappaMap = DoubleBuffer(copying: t.kappaMap)
            nuMap = DoubleBuffer(copying: t.nuMap)
            phi = DoubleBuffer(count: t.order)
        }
    }

    init(plan: TrialPlan, frame f: WhitenedFrame) {
        self.plan = plan
        ds = f.ds
        dt = f.dt
        labelNoise = f.labelNoise
        labelVariance = f.labelVariance
        studentSample = WhitenedSample(order: f.ds, sources: 2, extraPerRow: f.dt)
        beta = DoubleBuffer(copying: f.beta)
        studentMetric = DoubleBuffer(copying: f.studentRidgeMetric)
        teachers = f.fittedTeachers.map(FittedTeacherBuffers.init)
        fixedMu = DoubleBuffer(copying: f.fixedSignal.mu)
        fixedNu = DoubleBuffer(copying: f.fixedSignal.nu)
        fixedKappa = f.fixedSignal.kappa
        mu = DoubleBuffer(count: f.ds)
        nu = DoubleBuffer(count: f.dt)
        weightsLabel = DoubleBuffer(count: f.ds)
        weightsSignal = DoubleBuffer(count: f.ds)
        weightsNoKD = DoubleBuffer(count: f.ds)
        weightsKD = DoubleBuffer(count: f.ds)
        testRow = DoubleBuffer(count: f.ds + 1)
    }

    /// One paired trial drawing from `stream` (order of draws: see `MonteCarloSampler`).
    func run(_ stream: RandomStream) throws(TrialFailure) -> TrialOutcome {
        if let studentRows = plan.studentRows { return try studentRows.run(stream) }
        let (signalMu, kappa, signalNu) = try teacherSignalDecomposition(stream)
        let nuNorm = DenseKernels.dot(signalNu, signalNu, dt).squareRoot()

        // The student's sample, fitted to Y (weightsLabel) and to u (weightsSignal).
        let sample = studentSample, n = plan.studentSamples
        if plan.studentUsesMoments {
            sample.drawMoments(samples: n, scales: (1, nuNorm), from: stream)
        } else {
            sample.drawTriples(samples: n, extraWeights: signalNu, from: stream)
        }
        if plan.studentRidge == 0 {
            guard sample.prepareOLS() else { throw .studentSingular }
            sample.olsWeights(signal: beta.base, coefficients: (labelNoise, 0), into: weightsLabel.base)
            sample.olsWeights(signal: signalMu, coefficients: (kappa, 1), into: weightsSignal.base)
        } else {
            guard sample.prepareRidge(penalty: Double(n) * plan.studentRidge, metric: studentMetric.base) else {
                throw .studentSingular
            }
            sample.ridgeWeights(signal: beta.base, coefficients: (labelNoise, 0), into: weightsLabel.base)
            sample.ridgeWeights(signal: signalMu, coefficients: (kappa, 1), into: weightsSignal.base)
        }
        // z = (1 - l) Y + l u is linear in the response, so are the fitted weights.
        let l = plan.lambda
        for i in 0..<ds {
            weightsNoKD.base[i] = weightsLabel.base[i]
            weightsKD.base[i] = (1 - l) * weightsLabel.base[i] + l * weightsSignal.base[i]
        }
        let outcome = plan.testSamples.map { scoreOnTestSet($0, stream) } ?? scoreExactly()
        guard outcome.riskNoKD.isFinite, outcome.riskKD.isFinite, outcome.accuracyNoKD.isFinite, outcome.accuracyKD.isFinite,
              outcome.riskSlope.isFinite, outcome.riskCurvature.isFinite else { throw .notFinite }
        return outcome
    }

    /// mu, kappa, nu of this trial's teacher signal: fixed, or the sum of the parts of the fitted
    /// teachers, each fitted on a sample of its own (drawn in order).
    private func teacherSignalDecomposition(_ stream: RandomStream) throws(TrialFailure)
        -> (UnsafeMutablePointer<Double>, Double, UnsafeMutablePointer<Double>) {
        let nt: Int
        switch plan.teacher {
        case .fixed: return (fixedMu.base, fixedKappa, fixedNu.base)
        case .ols(let m), .ridge(let m, _): nt = m
        }
        var kappa = 0.0
        for (k, t) in teachers.enumerated() {
            let sample = t.sample, p = t.order, phi = t.phi.base
            if plan.teacherUsesMoments[k] {
                sample.drawMoments(samples: nt, scales: (1, 0), from: stream)
            } else {
                sample.drawTriples(samples: nt, extraWeights: phi, from: stream)
            }
            if case .ridge(_, let penalty) = plan.teacher {
                guard sample.prepareRidge(penalty: Double(nt) * penalty, metric: t.metric.base) else { throw .teacherSingular }
                sample.ridgeWeights(signal: t.signal.base, coefficients: (t.noise, 0), into: phi)
            } else {
                guard sample.prepareOLS() else { throw .teacherSingular }
                sample.olsWeights(signal: t.signal.base, coefficients: (t.noise, 0), into: phi)
            }
            // The first teacher's part is the signal (as for a single teacher); later ones add to it.
            for i in 0..<ds {
                let part = DenseKernels.dot(t.muMap.base + i * p, phi, p)
                mu.base[i] = k == 0 ? part : mu.base[i] + part
            }
            for i in 0..<dt {
                let part = DenseKernels.dot(t.nuMap.base + i * p, phi, p)
                nu.base[i] = k == 0 ? part : nu.base[i] + part
            }
            let part = DenseKernels.dot(t.kappaMap.base, phi, p)
            kappa = k == 0 ? part : kappa + part
        }
        return (mu.base, kappa, nu.base)
    }

    /// Exact risk sigma_y^2 + |v - beta|^2 and Sheppard accuracy with r = v'beta / (|v| sqrt(Syy));
    /// with d = v_u - v_Y (fits to u and to Y), R(l) has slope 2 d'(v_Y - beta) and curvature |d|^2.
    private func scoreExactly() -> TrialOutcome {
        let b = beta.base, v0 = weightsLabel.base, vu = weightsSignal.base
        var slope = 0.0, curvature = 0.0
        for i in 0..<ds {
            let d = vu[i] - v0[i]
            slope += 2 * d * (v0[i] - b[i])
            curvature += d * d
        }
        func score(_ v: UnsafePointer<Double>) -> (risk: Double, accuracy: Double) {
            var excess = 0.0, vb = 0.0, vv = 0.0
            for i in 0..<ds {
                let d = v[i] - b[i]
                excess += d * d
                vb += v[i] * b[i]
                vv += v[i] * v[i]
            }
            let accuracy = vv > 0 ? SignAccuracy.of(correlation: vb / (vv * labelVariance).squareRoot()) : 0.5
            return (labelNoise * labelNoise + excess, accuracy)
        }
        let a = score(weightsNoKD.base), k = score(weightsKD.base)
        return TrialOutcome(riskNoKD: a.risk, riskKD: k.risk, accuracyNoKD: a.accuracy, accuracyKD: k.accuracy,
                            riskSlope: slope, riskCurvature: curvature)
    }

    /// Mean squared error and sign agreement on `m` fresh test pairs (S, Y) = (L_SS xi, beta'xi + sigma_y eps),
    /// each drawn as ds + 1 innovations; w'S = v'xi. With f_u the fit to u's prediction, the test
    /// error at l is mean (y - f0 - l (f_u - f0))^2: slope -2 mean (y - f0)(f_u - f0), curvature mean (f_u - f0)^2.
    private func scoreOnTestSet(_ m: Int, _ stream: RandomStream) -> TrialOutcome {
        let row = testRow.base, b = beta.base, v0 = weightsNoKD.base, vl = weightsKD.base, vu = weightsSignal.base
        var score = TestSetScore()
        for _ in 0..<m {
            stream.fillGaussian(row, count: ds + 1)
            var y = labelNoise * row[ds], f0 = 0.0, fl = 0.0, fu = 0.0
            for i in 0..<ds {
                y += b[i] * row[i]
                f0 += v0[i] * row[i]
                fl += vl[i] * row[i]
                fu += vu[i] * row[i]
            }
            score.add(label: y, plain: f0, kd: fl, signal: fu)
        }
        return score.outcome
    }
}

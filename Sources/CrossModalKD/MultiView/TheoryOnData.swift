/// What the Gaussian theory predicts for the KD experiment on real data: for every ordered pair of
/// views, the joint Gaussian of (teacher representation, student representation, coded label)
/// fitted to all rows (`FittedGaussian`) and the expected test-MSE gain of the theory's learner
/// (an OLS teacher, OLS students with the quadratic KD penalty; `FittedKDSetting`) at the
/// experiment's n, teacher rows and lambda
/// (docs/real-data.md, "The theory beside the measurement").
///
/// Method per pair: the exact regime `KDAnalysis` chooses (docs/theory.md section 4(b)/4(c), or
/// `exact-ols-student-rows` for a teacher on the student's rows with dt = ds = 1). A teacher on the
/// student's rows with dt or ds > 1 has no closed form (docs/privileged-information.md): then the
/// fitted model's Monte Carlo expected gain over `monteCarloTrials` paired trials, seeded by the
/// experiment's seed and the pair's index (the same numbers for any thread count).
public struct TheoryOnData: Sendable {
    /// One pair's prediction, or why there is none.
    public struct Prediction: Sendable {
        public let pair: ViewPair
        /// Expected test MSE without KD and the expected gain E R(0) - E R(lambda) (squared coded-label
        /// units), each with its standard error (0 for an exact regime).
        public let riskNoKD: MonteCarloEstimate, gain: MonteCarloEstimate
        /// How the gain was obtained: the exact regime `KDAnalysis` chose (e.g. `.exactOLSFittedTeacher`)
        /// or `.monteCarlo`; its raw value is what reports and the `theory_method` column show.
        public let regime: Regime

        public init(pair: ViewPair, riskNoKD: MonteCarloEstimate, gain: MonteCarloEstimate, regime: Regime) {
            self.pair = pair
            self.riskNoKD = riskNoKD
            self.gain = gain
            self.regime = regime
        }
    }

    /// Paired Monte Carlo trials per pair where no closed form applies.
    public static let monteCarloTrials = 20_000

    /// How the label became the model's scalar Y.
    public let coding: FittedGaussian.LabelCoding
    /// Per ordered pair (`MultiViewData.orderedPairs` order): the prediction, or the reason there is
    /// none for that pair (e.g. a singular fitted covariance, too few rows for OLS).
    public let predictions: [Result<Prediction, TheoryUnavailable>]

    /// Fits and predicts every ordered pair of `data` for the experiment `settings`; `trials` paired
    /// Monte Carlo trials where no closed form applies. The pairs are `work`'s items (in
    /// `orderedPairs` order), one at a time, each Monte Carlo on `threads` workers.
    /// - Throws: `GaussianFitError.multiClassLabel` when the label has more than two classes;
    ///   `WorkStopped` when `work` stopped it.
    public init(_ data: MultiViewData, settings: DistillationExperiment.Settings, threads: Int,
                trials: Int = monteCarloTrials,
                work: ResumableWork<Result<Prediction, TheoryUnavailable>> = ResumableWork()) throws {
        coding = try data.codedForTheory().coding
        let setting = FittedKDSetting(settings)
        let pairs = data.orderedPairs
        predictions = try work.run(count: pairs.count, threads: 1) { index in
            do throws(TheoryUnavailable) {
                return .success(try Self.predict(data, pair: pairs[index], index: index, settings: settings, setting: setting,
                                                 trials: trials, threads: threads))
            } catch { return .failure(error) }
        }
    }

    /// The joint Gaussian of `pair`'s teacher representation (a set's: its views side by side),
    /// student view and label. - Throws: `GaussianFitError` (`.ensembleTeacher` for an ensemble,
    /// whose target is no one linear teacher's).
    static func fit(_ data: MultiViewData, pair: ViewPair) throws(GaussianFitError) -> FittedGaussian {
        let teacher = data.teachers[pair.teacher]
        if teacher.kind == .view { return try FittedGaussian(data, pair: pair) }
        guard let representation = data.teacherRepresentation(pair.teacher) else { throw .ensembleTeacher(data.teacherName(pair.teacher)) }
        let twoViews = MultiViewData(data, viewNames: [data.teacherName(pair.teacher), data.viewNames[pair.student]],
                                     representations: [representation, data.representations[pair.student]])
        return try FittedGaussian(twoViews, pair: ViewPair(teacher: 0, student: 1))
    }

    /// Whether `settings` with a pair of these widths needs the Monte Carlo: a teacher on the
    /// student's rows with a view wider than one component.
    public static func needsMonteCarlo(_ settings: DistillationExperiment.Settings, dt: Int, ds: Int) -> Bool {
        settings.teacherRows == .student && (dt > 1 || ds > 1)
    }

    static func predict(_ data: MultiViewData, pair: ViewPair, index: Int, settings: DistillationExperiment.Settings,
                        setting: FittedKDSetting, trials: Int, threads: Int) throws(TheoryUnavailable) -> Prediction {
        let fit: FittedGaussian
        do { fit = try Self.fit(data, pair: pair) } catch { throw TheoryUnavailable(error.description) }
        do throws(ParameterError) {
            guard Self.needsMonteCarlo(settings, dt: fit.model.dt, ds: fit.model.ds) else {
                let analysis = try KDAnalysis(model: fit.model, teacher: setting.teacher, student: setting.student)
                return Prediction(pair: pair, riskNoKD: .exact(analysis.riskNoKD), gain: .exact(analysis.kdGain), regime: analysis.regime)
            }
            let experiment = try MonteCarloExperiment(model: fit.model, teacher: setting.teacher, student: setting.student,
                                                      settings: MonteCarloSettings(trials: trials))
            let summary = try experiment.run(seed: settings.seed, pointIndex: index, threads: threads)
            return Prediction(pair: pair, riskNoKD: summary.riskNoKD, gain: summary.gain, regime: .monteCarlo)
        } catch { throw TheoryUnavailable(error.description) }
    }
}

/// Why the theory has no prediction for a pair (the fit's or the analysis' reason, in words).
public struct TheoryUnavailable: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension MonteCarloEstimate {
    /// An exactly known value: standard deviation and error 0.
    static func exact(_ value: Double) -> MonteCarloEstimate {
        MonteCarloEstimate(mean: value, standardDeviation: 0, standardError: 0)
    }
}

import CrossModalKD

/// The theory on the data for `cchsim teachers`
/// (docs/real-data.md, "The theory beside the measurement"): per ordered pair, the fitted Gaussian theory's expected MSE gain (`TheoryOnData`) and the gain of
/// the theory's own learner measured on the same splits (OLS teacher, OLS students with the
/// quadratic KD penalty, on the coded label). For a continuous label the measured experiment *is*
/// that learner, so its gains are reused; for two classes the learner runs on the coded label; for
/// more classes there is no scalar label and nothing is computed (`unavailable` says why).
struct TeacherSelectionTheory: Sendable {
    /// How the label became a number; nil when the theory does not apply.
    let coding: FittedGaussian.LabelCoding?
    /// Why the theory does not apply to this data set at all; nil when it does.
    let unavailable: String?
    /// Per ordered pair: the theory's prediction or why there is none.
    let predictions: [ViewPair: Result<TheoryOnData.Prediction, TheoryUnavailable>]
    /// Per ordered pair: the theory's learner's measured gain (test MSE without KD minus with).
    let learner: [ViewPair: DistillationGain]
    /// Why the theory's learner could not be measured (e.g. a singular OLS system); nil otherwise.
    let learnerUnavailable: String?

    /// The rule of `theory_agrees_linear`.
    static let agreementRule = "the theory agrees with its learner when |theory gain - measured linear gain| <= 1.96 sqrt(SE_theory^2 + SE_linear^2)"

    /// The learner's work items (teacher and student items; for the progress bar): none for a
    /// continuous or a multi-class label.
    static func learnerItems(_ data: MultiViewData, settings: DistillationExperiment.Settings) -> Int {
        data.label.classCount == 2
            ? DistillationExperiment.teacherItemCount(data, settings: settings) + DistillationExperiment.studentItemCount(data, settings: settings) : 0
    }

    /// The theory's work items (one per ordered pair; for the progress bar): none for a multi-class label.
    static func theoryItems(_ data: MultiViewData) -> Int {
        (data.label.classCount ?? 2) == 2 ? data.orderedPairs.count : 0
    }

    /// The hooks of the theory's two phases: the fitted theory per pair, and its learner's experiment.
    struct Work: Sendable {
        var theory = ResumableWork<Result<TheoryOnData.Prediction, TheoryUnavailable>>()
        var learner = DistillationExperiment.Work()
    }

    /// Computes the theory and its learner for `data`; `experiment` is the measured experiment
    /// (reused as the learner for a continuous label). - Throws: `WorkStopped` when `work` stopped it.
    init(_ data: MultiViewData, settings: DistillationExperiment.Settings, experiment: DistillationExperiment, threads: Int,
         work: Work = Work()) throws {
        let coded: (data: MultiViewData, coding: FittedGaussian.LabelCoding)
        let theory: TheoryOnData
        do {
            coded = try data.codedForTheory()
            theory = try TheoryOnData(data, settings: settings, threads: threads, work: work.theory)
        } catch let error as GaussianFitError {
            self.init(coding: nil, unavailable: error.description, predictions: [:], learner: [:], learnerUnavailable: nil)
            return
        }
        var predictions: [ViewPair: Result<TheoryOnData.Prediction, TheoryUnavailable>] = [:]
        for (pair, prediction) in zip(data.orderedPairs, theory.predictions) { predictions[pair] = prediction }
        var learner: [ViewPair: DistillationGain] = [:], learnerUnavailable: String?
        do {
            let measured = data.label.classCount == nil ? experiment
                : try DistillationExperiment(coded.data, settings: settings, threads: threads, work: work.learner)
            for result in measured.results { learner[result.pair] = DistillationGain(result, continuous: true) }
        } catch let stop as WorkStopped {
            throw stop
        } catch { learnerUnavailable = "the theory's learner (OLS) could not be fitted: \(error)" }
        self.init(coding: coded.coding, unavailable: nil, predictions: predictions, learner: learner, learnerUnavailable: learnerUnavailable)
    }

    private init(coding: FittedGaussian.LabelCoding?, unavailable: String?, predictions: [ViewPair: Result<TheoryOnData.Prediction, TheoryUnavailable>],
                 learner: [ViewPair: DistillationGain], learnerUnavailable: String?) {
        self.coding = coding
        self.unavailable = unavailable
        self.predictions = predictions
        self.learner = learner
        self.learnerUnavailable = learnerUnavailable
    }

    /// The pair's prediction, nil when there is none.
    func prediction(_ pair: ViewPair) -> TheoryOnData.Prediction? { try? predictions[pair]?.get() }

    /// Why a pair has no prediction (nil when it has one).
    func reason(_ pair: ViewPair) -> String? {
        if let unavailable { return unavailable }
        if case .failure(let e) = predictions[pair] { return e.description }
        return nil
    }

    /// The methods used, in words, for reports.
    var methodText: String {
        guard unavailable == nil else { return "none" }
        let regimes = Set(predictions.values.compactMap { try? $0.get().regime }).sorted { $0.rawValue < $1.rawValue }
        return regimes.map { $0 == .monteCarlo
            ? "monte-carlo (\(TheoryOnData.monteCarloTrials) paired trials of the fitted model; no closed form for a teacher on the student's rows with dt or ds > 1)"
            : "\($0.rawValue) (exact, docs/theory.md section 4)" }.joined(separator: "; ")
    }
}

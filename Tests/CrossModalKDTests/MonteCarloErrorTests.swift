import CrossModalKD
import XCTest

/// Settings no trial can run with are errors naming the parameter and the reason; settings with no
/// analytic formula run, and say why the analytic side is missing.
final class MonteCarloErrorTests: XCTestCase {
    private var model: JointGaussian { get throws { try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3) } }

    private func assertRejected(_ student: StudentSpec, teacher: TeacherSpec = TeacherSpec(),
                                settings: MonteCarloSettings = MonteCarloSettings(), model m: JointGaussian? = nil,
                                parameter: Parameter, reason: String, line: UInt = #line) {
        XCTAssertThrowsError(try MonteCarloExperiment(model: m ?? (try model), teacher: teacher, student: student, settings: settings),
                             line: line) { error in
            guard let e = error as? ParameterError else { return XCTFail("unexpected \(error)", line: line) }
            XCTAssertEqual(e.parameter, parameter, "\(e)", line: line)
            XCTAssertTrue(e.reason.contains(reason), "\(e)", line: line)
        }
    }

    func testSettingsNoTrialCanRunWithAreRejected() throws {
        let ds3 = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 1)
        assertRejected(StudentSpec(samples: .finite(3)), model: ds3, parameter: .studentSamples,
                       reason: "with ridge 0 the student's system S'S is singular for n <= ds = 3 (got n = 3)")
        assertRejected(StudentSpec(samples: .infinite), parameter: .studentSamples, reason: "finite number of training samples")
        assertRejected(StudentSpec(samples: .finite(9)), teacher: TeacherSpec(fit: .ols(samples: 2)), model: ds3, parameter: .teacherSamples,
                       reason: "OLS teacher's system T'T is singular for n <= dt = 2")
        assertRejected(StudentSpec(samples: .finite(9)), teacher: TeacherSpec(fit: .ridge(samples: 5, penalty: 0)), parameter: .teacherRidge,
                       reason: "finite penalty > 0")
        assertRejected(StudentSpec(samples: .finite(9)), teacher: TeacherSpec(target: .representation, fit: .ridge(samples: 5, penalty: 1)),
                       parameter: .teacherFit, reason: "prediction target only")
        assertRejected(StudentSpec(samples: .finite(9), lambda: 1.5), parameter: .lambda, reason: "[0, 1]")
        assertRejected(StudentSpec(samples: .finite(9)), settings: MonteCarloSettings(trials: 1), parameter: .trials,
                       reason: "at least 2")
        assertRejected(StudentSpec(samples: .finite(9)), settings: MonteCarloSettings(testSamples: 0), parameter: .testSamples,
                       reason: "at least 1")
        assertRejected(StudentSpec(samples: .finite(9)), settings: MonteCarloSettings(threads: 0), parameter: .threads,
                       reason: "at least 1")
    }

    /// A ridge teacher: Monte Carlo runs; the analytic side says no exact formula applies and gives
    /// no z-score (rather than a wrong number).
    func testRidgeTeacherHasNoAnalyticFormula() throws {
        let e = try MonteCarloExperiment(model: model, teacher: TeacherSpec(fit: .ridge(samples: 10, penalty: 0.5)),
                                         student: StudentSpec(samples: .finite(20)), settings: MonteCarloSettings(trials: 500))
        XCTAssertNil(e.analysis)
        XCTAssertEqual(e.analysisUnavailable?.parameter, .teacherFit)
        XCTAssertEqual(e.analysisUnavailable?.reason.hasPrefix("no exact formula applies to a ridge-fitted teacher"), true,
                       e.analysisUnavailable?.reason ?? "")
        let summary = try e.run(seed: 1, pointIndex: 0, threads: 2)
        XCTAssertNil(summary.zGain)
        XCTAssertNil(summary.zRiskNoKD)
        XCTAssertTrue(summary.gain.mean.isFinite && summary.gain.standardError > 0)
        // The ridge teacher's shrunk prediction is a worse target than the oracle's, not a useless one:
        // at lambda = 0.5 it still beats the label alone here (n = 20, scalar).
        XCTAssertGreaterThan(summary.gain.lower95, 0)
        XCTAssertThrowsError(try KDAnalysis(model: model, teacher: TeacherSpec(fit: .ridge(samples: 10, penalty: 0.5)),
                                            student: StudentSpec(samples: .finite(20))))
    }

    /// n = ds + 1 at ridge 0: the system is regular, so trials run, but the exact formula needs
    /// n > ds + 1 (the expected risk is infinite there): no analytic value, and the reason.
    func testBoundaryOfTheExactRegimeRunsWithoutAnalyticValue() throws {
        let e = try MonteCarloExperiment(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(2)),
                                         settings: MonteCarloSettings(trials: 100))
        XCTAssertNil(e.analysis)
        guard case .regimeDoesNotApply(.studentSamples, let reason, _)? = e.analysisUnavailable else { return XCTFail("\(String(describing: e.analysisUnavailable))") }
        XCTAssertTrue(reason.hasPrefix("exact OLS needs n > ds + 1 = 2"), reason)
        XCTAssertEqual(try e.run(seed: 1, pointIndex: 0, threads: 1).trials, 100)
    }
}

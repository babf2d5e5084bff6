import CrossModalKD
import XCTest

/// Monte Carlo of teacher sets and ensembles (the set teacher fitted on its own rows of (T_J, Y),
/// each ensemble member on its own rows of (T_j, Y)) against their exact risks, |z| <= 4, in
/// every exact regime Monte Carlo can run (finite n: the population regime has no trials), and
/// the deterministic equivalent within 2%.
final class MultiTeacherMonteCarloTests: XCTestCase {
    static let combinations: [(String, TeacherCombination)] = [
        ("set {0, 2}", .set([0, 2])), ("set {1}", .set([1])), ("ensemble 0.6/0.4 of {0, 2}", .ensemble(weights: [0.6, 0, 0.4])),
        ("equal ensemble of all", .ensemble(weights: [1, 1, 1])),
    ]

    static func run(_ model: JointGaussian, _ teacher: TeacherSpec, _ student: StudentSpec, trials: Int = 4000,
             sampler: MonteCarloSampler = .moments, seed: UInt64) throws -> (MonteCarloSummary, KDAnalysis) {
        let experiment = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                                  settings: MonteCarloSettings(trials: trials, sampler: sampler))
        let summary = try experiment.run(seed: seed, pointIndex: 0, threads: 2)
        return (summary, try XCTUnwrap(summary.analysis, "\(summary.analysisUnavailable.map(String.init(describing:)) ?? "")"))
    }

    func testExactRegimesAgreeWithinFourStandardErrors() throws {
        let model = try MultiTeacherRiskTests.model(ds: 2, seed: 43)
        let scalarStudent = try MultiTeacherRiskTests.model(ds: 1, seed: 44)
        let regimes: [(String, JointGaussian, TeacherFit, StudentSpec, Regime)] = [
            ("oracle, OLS student", model, .oracle, StudentSpec(samples: .finite(8), lambda: 0.5), .exactOLS),
            ("OLS teachers, OLS student", model, .ols(samples: 12), StudentSpec(samples: .finite(10), lambda: 0.6), .exactOLSFittedTeacher),
            ("OLS teachers, scalar ridge student", scalarStudent, .ols(samples: 12), StudentSpec(samples: .finite(6), ridge: 0.3, lambda: 0.5),
             .exactScalarRidge),
        ]
        for (r, (name, m, fit, student, regime)) in regimes.enumerated() {
            for (c, (label, combination)) in Self.combinations.enumerated() {
                let teacher = TeacherSpec(fit: fit, scale: 0.9, combination: combination)
                let sampler: MonteCarloSampler = c == 0 ? .triples : .moments
                let (summary, analysis) = try Self.run(m, teacher, student, sampler: sampler, seed: UInt64(10 * r + c))
                XCTAssertEqual(analysis.regime, regime, name)
                let what = "\(name), \(label), \(sampler)"
                MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "\(what): gain")
                MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "\(what): risk with KD")
                MonteCarloFixtures.assertAgrees(summary.riskNoKD, analysis.riskNoKD, "\(what): risk without KD")
            }
        }
    }

    /// A representation target on a teacher set (scalar T_B itself, and a'T_J for the vector set
    /// {0, 2}), and an OLS ensemble drawn row by row.
    func testRepresentationSetsAndTriplesEnsembleAgree() throws {
        let model = try MultiTeacherRiskTests.model(ds: 2, seed: 46)
        let student = StudentSpec(samples: .finite(9), lambda: 0.4)
        let cases: [(String, TeacherSpec)] = [
            ("representation of B", TeacherSpec(target: .representation, scale: 0.7, combination: .set([1]))),
            ("representation of {0, 2}", TeacherSpec(target: .representation, combination: .set([0, 2]))),
            ("OLS ensemble, triples", TeacherSpec(fit: .ols(samples: 9), combination: .ensemble(weights: [1, 2, 0]))),
        ]
        for (c, (label, teacher)) in cases.enumerated() {
            let (summary, analysis) = try Self.run(model, teacher, student, sampler: .triples, seed: UInt64(50 + c))
            MonteCarloFixtures.assertAgrees(summary.gain, analysis.kdGain, "\(label): gain")
            MonteCarloFixtures.assertAgrees(summary.riskKD, analysis.riskKD, "\(label): risk with KD")
        }
    }

    func testDeterministicEquivalentIsClose() throws {
        let model = try MultiTeacherRiskTests.model(ds: 12, seed: 45)
        let student = StudentSpec(samples: .finite(40), ridge: 0.2, lambda: 0.5)
        for (label, combination) in [Self.combinations[0], Self.combinations[2]] {
            let (summary, analysis) = try Self.run(model, TeacherSpec(fit: .ols(samples: 20), combination: combination), student, trials: 2000, seed: 9)
            XCTAssertEqual(analysis.regime, .deterministicEquivalent)
            XCTAssertEqual(summary.riskKD.mean, analysis.riskKD, accuracy: 0.02 * analysis.riskKD, label)
        }
    }

    /// A ridge-fitted ensemble has no formula, but its members fitted on their own rows still run,
    /// and an ensemble draws one sample per member: more random numbers than one teacher.
    func testRidgeEnsembleRunsWithoutAnAnalyticValue() throws {
        let model = try MultiTeacherRiskTests.model(ds: 2)
        let experiment = try MonteCarloExperiment(
            model: model, teacher: TeacherSpec(fit: .ridge(samples: 10, penalty: 0.5), combination: .ensemble(weights: [1, 1, 1])),
            student: StudentSpec(samples: .finite(10)), settings: MonteCarloSettings(trials: 50))
        XCTAssertNil(experiment.analysis)
        XCTAssertEqual(experiment.analysisUnavailable?.parameter, .teacherFit)
        XCTAssertTrue(try experiment.run(seed: 1, pointIndex: 0, threads: 1).gain.mean.isFinite)
    }
}

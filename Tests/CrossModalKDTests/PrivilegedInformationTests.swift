import CCHTestSupport
import CrossModalKD
import XCTest

/// `teacher.rows = "student"` (learning using privileged information): the Monte Carlo engine
/// against an independent brute-force simulation written here, the exact regimes where the
/// coupling does not matter (lambda = 0, n = infinity), the size of the coupling effect against the
/// independent-rows formula, and the settings that are refused.
final class PrivilegedInformationTests: XCTestCase {
    /// The brute force: n rows V = L x, teacher and student solved from their normal equations
    /// written out here, risk Var(Y|S) + |w - w*|^2_Sss. Returns per-trial (risk without, with KD).
    private func bruteForce(_ m: JointGaussian, n: Int, lambda: Double, scale: Double, teacherRidge: Double,
                            trials: Int, seed: UInt64) throws -> [(Double, Double)] {
        let stream = RandomStream(seed: seed, ids: [0xB7])
        let d = m.dt + m.ds + 1, l = m.cholesky.lower
        func solve(_ cols: [Int], _ rows: [[Double]], _ response: [Double], penalty: Double) throws -> [Double] {
            var gram = Matrix(rows: cols.count, cols: cols.count)
            var rhs = [Double](repeating: 0, count: cols.count)
            for (r, row) in rows.enumerated() {
                for (a, i) in cols.enumerated() {
                    rhs[a] += row[i] * response[r]
                    for (b, j) in cols.enumerated() { gram[a, b] += row[i] * row[j] }
                }
            }
            for a in cols.indices { gram[a, a] += penalty }
            return try Cholesky(gram).solve(rhs)
        }
        var out: [(Double, Double)] = []
        for _ in 0..<trials {
            let rows: [[Double]] = (0..<n).map { _ in
                let x = (0..<d).map { _ in stream.gaussian() }
                return (0..<d).map { i in (0...i).reduce(0) { $0 + l[i, $1] * x[$1] } }
            }
            let y = rows.map { $0[m.labelIndex] }
            let theta = try solve(m.teacherIndices, rows, y, penalty: Double(n) * teacherRidge)
            let u = rows.map { row in scale * zip(m.teacherIndices, theta).reduce(0) { $0 + row[$1.0] * $1.1 } }
            let z = zip(y, u).map { (1 - lambda) * $0 + lambda * $1 }
            func risk(_ w: [Double]) -> Double { m.labelVarianceGivenStudent + Vec.quadratic(Vec.sub(w, m.bayesWeights), m.sss) }
            out.append((risk(try solve(m.studentIndices, rows, y, penalty: 0)), risk(try solve(m.studentIndices, rows, z, penalty: 0))))
        }
        return out
    }

    private func meanAndSE(_ x: [Double]) -> (mean: Double, se: Double) {
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
        return (mean, (variance / Double(x.count)).squareRoot())
    }

    /// OLS and ridge teachers on the student's rows, vector T and S: the engine's means agree with
    /// the brute force within 4 combined standard errors (risk with KD and paired gain).
    func testEngineAgreesWithBruteForce() throws {
        let cases: [(dt: Int, ds: Int, n: Int, fit: TeacherFit, ridge: Double)] = [
            (1, 1, 8, .ols(samples: 8), 0), (2, 3, 12, .ols(samples: 12), 0), (3, 2, 10, .ridge(samples: 10, penalty: 0.3), 0.3),
        ]
        for (index, c) in cases.enumerated() {
            let seed = UInt64(300 + index)
            let model = try MonteCarloFixtures.latentModel(dt: c.dt, ds: c.ds, seed: seed)
            let teacher = TeacherSpec(fit: c.fit, scale: 0.9, rows: .student)
            let student = StudentSpec(samples: .finite(c.n), lambda: 0.6)
            let summary = try MonteCarloExperiment(model: model, teacher: teacher, student: student,
                                                   settings: MonteCarloSettings(trials: 1500)).run(seed: seed, pointIndex: 0, threads: 2)
            let brute = try bruteForce(model, n: c.n, lambda: 0.6, scale: 0.9, teacherRidge: c.ridge, trials: 1500, seed: seed)
            let kd = meanAndSE(brute.map(\.1)), gain = meanAndSE(brute.map { $0.0 - $0.1 })
            for (what, engine, reference) in [("risk with KD", summary.riskKD, kd), ("gain", summary.gain, gain)] {
                let z = (engine.mean - reference.mean) / (engine.standardError * engine.standardError + reference.se * reference.se).squareRoot()
                XCTAssertLessThan(abs(z), 4, "case \(index) \(what): engine \(engine.mean) +- \(engine.standardError), brute force \(reference.mean) +- \(reference.se)")
            }
            if c.dt == 1 && c.ds == 1 {
                XCTAssertEqual(summary.analysis?.regime, .exactOLSStudentRows, "case \(index)")
            } else {
                XCTAssertNil(summary.analysis, "case \(index): no analytic risk for vector T or S")
                XCTAssertEqual(summary.analysisUnavailable?.parameter, .teacherRows)
            }
            XCTAssertTrue(summary.samplerNote?.contains("student's rows") == true)
        }
    }

    /// Same seed, same numbers, whatever the thread count; trial i is the same trial whatever the total.
    func testReproducibleAcrossThreadCounts() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 2, seed: 12)
        let experiment = try MonteCarloExperiment(model: model, teacher: TeacherSpec(fit: .ols(samples: 9), rows: .student),
                                                  student: StudentSpec(samples: .finite(9), lambda: 0.3),
                                                  settings: MonteCarloSettings(trials: 700))
        let one = try experiment.run(seed: 8, pointIndex: 4, threads: 1), two = try experiment.run(seed: 8, pointIndex: 4, threads: 2)
        XCTAssertEqual(one.riskKD, two.riskKD)
        XCTAssertEqual(one.gain, two.gain)
        XCTAssertEqual(try experiment.outcomes(seed: 8, pointIndex: 4, trials: 650..<660),
                       Array(try experiment.outcomes(seed: 8, pointIndex: 4, trials: 0..<700)[650..<660]))
    }

    /// At lambda = 0 the teacher is unused: the student's risk is the exact OLS risk
    /// Var(Y|S) + Var(Y|S) ds / (n - ds - 1) within 4 SE.
    func testNoKDRiskIsTheExactOLSRisk() throws {
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 3, seed: 41)
        let n = 14
        let summary = try MonteCarloExperiment(model: model, teacher: TeacherSpec(fit: .ols(samples: n), rows: .student),
                                               student: StudentSpec(samples: .finite(n), lambda: 0.5),
                                               settings: MonteCarloSettings(trials: 6000)).run(seed: 41, pointIndex: 0, threads: 2)
        let s2 = model.labelVarianceGivenStudent
        MonteCarloFixtures.assertAgrees(summary.riskNoKD, s2 * (1 + 3.0 / Double(n - 3 - 1)), "risk without KD")
    }

    /// The coupling is not a detail: a teacher fitted on the student's 20 rows gives a KD gain far
    /// below the exact gain of a teacher fitted on 20 rows of its own (THEORY (c)), by > 8 SE.
    func testCouplingChangesTheGain() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.7)
        let student = StudentSpec(samples: .finite(20), lambda: 0.5)
        let own = try KDAnalysis(model: model, teacher: TeacherSpec(fit: .ols(samples: 20)), student: student)
        let summary = try MonteCarloExperiment(model: model, teacher: TeacherSpec(fit: .ols(samples: 20), rows: .student),
                                               student: student, settings: MonteCarloSettings(trials: 8000))
            .run(seed: 5, pointIndex: 0, threads: 2)
        XCTAssertLessThan(summary.gain.zScore(against: own.kdGain), -8,
                          "student rows \(summary.gain.mean) +- \(summary.gain.standardError) vs own rows \(own.kdGain)")
        XCTAssertGreaterThan(summary.gain.lower95, 0, "KD still helps here")
    }

    /// At n = infinity the teacher fitted on the student's rows is the oracle: the analysis is the
    /// oracle's. At finite n with vector T or S (or a ridge teacher, or a ridge student), analyze
    /// says there is no formula, naming teacher.rows.
    func testAnalysisIsTheOracleAtInfiniteNAndRefusedAtFiniteN() throws {
        let scalar = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.3, rhoTY: 0.6)
        let population = StudentSpec(samples: .infinite, ridge: 0.1, lambda: 0.4)
        let coupled = try KDAnalysis(model: scalar, teacher: TeacherSpec(fit: .ols(samples: 50), rows: .student), student: population)
        let oracle = try KDAnalysis(model: scalar, teacher: TeacherSpec(), student: population)
        assertClose(coupled.riskKD, oracle.riskKD, absolute: 1e-15)
        let model = try MonteCarloFixtures.latentModel(dt: 2, ds: 1, seed: 3)
        XCTAssertThrowsError(try KDAnalysis(model: model, teacher: TeacherSpec(fit: .ols(samples: 50), rows: .student),
                                            student: StudentSpec(samples: .finite(50), lambda: 0.4))) { error in
            guard case ParameterError.regimeDoesNotApply(let parameter, let reason, let remedies) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(parameter, .teacherRows)
            XCTAssertTrue(reason.contains("docs/privileged-information.md"), reason)
            XCTAssertEqual(remedies, [.monteCarlo])
        }
    }

    /// An oracle teacher has no rows; a fitted one on the student's rows has the student's n.
    func testRefusedSettings() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.5, rhoSY: 0.3, rhoTY: 0.6)
        let student = StudentSpec(samples: .finite(20), lambda: 0.4)
        func parameter(_ teacher: TeacherSpec) -> Parameter? {
            do { _ = try MonteCarloExperiment(model: model, teacher: teacher, student: student, settings: MonteCarloSettings(trials: 10)) } catch {
                return error.parameter
            }
            return nil
        }
        XCTAssertEqual(parameter(TeacherSpec(rows: .student)), .teacherRows)
        XCTAssertEqual(parameter(TeacherSpec(fit: .ols(samples: 19), rows: .student)), .teacherSamples)
        XCTAssertNil(parameter(TeacherSpec(fit: .ols(samples: 20), rows: .student)))
        let logistic = LogisticKDSpec(teacher: .posterior, samples: 20, teacherRows: .student)
        XCTAssertThrowsError(try LogisticKDExperiment(model: model, spec: logistic, trials: 10)) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, .teacherRows)
        }
    }

    /// A logistic teacher on the student's rows is the logistic fit of C on the T of exactly the
    /// rows the student is trained on (rebuilt here from the trial's stream).
    func testLogisticTeacherIsFittedOnTheStudentsRows() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.7)
        let spec = LogisticKDSpec(teacher: .fitted(samples: 30, ridge: 0.01), samples: 30, lambda: 0.5, teacherRows: .student)
        let experiment = try LogisticKDExperiment(model: model, spec: spec, trials: 4)
        for t in 0..<4 {
            let trial = experiment.trial(t, seed: 9, point: 2)
            let stream = RandomStream(seed: 9, ids: [0x636C_732D_6B64, 2, UInt64(t)])
            let train = GaussianSampler(model: model).draw(30, label: .sign, from: stream)
            let labels = (0..<30).map { train[$0, model.labelIndex] > 0 ? 1.0 : 0.0 }
            let fit = try LogisticRegression(features: train.submatrix(rows: Array(0..<30), cols: model.teacherIndices),
                                             labels: labels, ridge: 0.01).fit()
            XCTAssertEqual(try XCTUnwrap(trial.teacher).weights, fit.weights, "trial \(t)")
        }
    }
}

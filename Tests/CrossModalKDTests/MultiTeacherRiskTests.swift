import CrossModalKD
import XCTest

/// Teacher sets and ensembles of several teacher modalities (docs/theory.md section 3.6) against
/// independent computations: a set teacher against the single-teacher formula on the marginal
/// model (T_J, S, Y) built as a covariance model of its own, an oracle ensemble against a scalar
/// teacher U = u built by hand, the OLS ensemble's error covariance against its block formula.
final class MultiTeacherRiskTests: XCTestCase {
    /// Three modalities of dimensions 2, 1, 2 beside a student of dimension `ds`.
    static func model(ds: Int, seed: UInt64 = 41) throws -> JointGaussian {
        let base = try MonteCarloFixtures.latentModel(dt: 5, ds: ds, seed: seed)
        return try base.withTeacherBlocks([2, 1, 2])
    }

    /// The model of (T_J, S, Y) alone, the single teacher T_J.
    static func marginal(_ m: JointGaussian, _ indices: [Int]) throws -> JointGaussian {
        try JointGaussian(dt: indices.count, ds: m.ds, covariance: m.sigma.principal(indices + m.studentIndices + [m.labelIndex]))
    }

    static let students: [(String, StudentSpec)] = [
        ("population, ridge", StudentSpec(samples: .infinite, ridge: 0.1, lambda: 0.4)),
        ("exact OLS", StudentSpec(samples: .finite(15), lambda: 0.4)),
        ("deterministic equivalent", StudentSpec(samples: .finite(30), ridge: 0.2, lambda: 0.6)),
    ]

    func assertSame(_ a: KDAnalysis, _ b: KDAnalysis, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.regime, b.regime, what, file: file, line: line)
        for (x, y, name) in [(a.riskNoKD, b.riskNoKD, "E R(0)"), (a.riskKD, b.riskKD, "E R(lambda)"), (a.lambdaOpt, b.lambdaOpt, "lambda*"),
                             (a.kdGainOpt, b.kdGainOpt, "best gain"), (a.information.cchGap, b.information.cchGap, "CCH gap"),
                             (a.information.teacherLabelGivenStudent, b.information.teacherLabelGivenStudent, "I(T;Y|S)")] {
            XCTAssertEqual(x, y, accuracy: 1e-10 * max(1, abs(y)), "\(what): \(name)", file: file, line: line)
        }
    }

    func testSetTeacherIsTheSingleTeacherOfTheMarginalModel() throws {
        let m = try Self.model(ds: 3)
        for set in [[0], [1], [2], [0, 2], [1, 2], [0, 1, 2]] {
            let indices = m.teacherIndices(ofModalities: set)
            let marginal = try Self.marginal(m, indices)
            for (name, student) in Self.students {
                for fit in [TeacherFit.oracle, .ols(samples: 12)] {
                    for target in [TeacherTarget.prediction, .representation] where fit == .oracle || target == .prediction {
                        let on = TeacherSpec(target: target, fit: fit, scale: 0.8, combination: .set(set))
                        let single = TeacherSpec(target: target, fit: fit, scale: 0.8)
                        assertSame(try KDAnalysis(model: m, teacher: on, student: student),
                                   try KDAnalysis(model: marginal, teacher: single, student: student), "set \(set), \(name), \(fit), \(target)")
                    }
                }
            }
        }
    }

    /// The set of every modality is the single teacher on all of T, to the last bit.
    func testTheFullSetIsTheSingleTeacherExactly() throws {
        let m = try Self.model(ds: 2)
        for (_, student) in Self.students {
            let all = try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: 9)), student: student)
            let set = try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: 9), combination: .set([2, 0, 1])), student: student)
            XCTAssertEqual(all.riskCurve.a0, set.riskCurve.a0)
            XCTAssertEqual(all.riskCurve.a1, set.riskCurve.a1)
            XCTAssertEqual(all.riskCurve.a2, set.riskCurve.a2)
        }
    }

    /// An oracle ensemble's target u = c sum_j w_j theta_j'T_j is a scalar teacher U of its own: the
    /// model of (U, S, Y), built from Cov(U, S) = c sum_j w_j theta_j'S_js etc., with the
    /// representation target u = U gives the same risks.
    func testOracleEnsembleIsTheScalarTeacherOfItsTarget() throws {
        let m = try Self.model(ds: 2)
        let weights = [0.7, 0.0, 0.3], c = 1.3
        var u = [Double](repeating: 0, count: m.dt)  // u = a'T
        for (j, w) in weights.enumerated() where w > 0 {
            let block = Array(m.teacherBlocks[j])
            let theta = try Cholesky(m.stt.principal(block)).solve(block.map { m.sty[$0] })
            for (k, i) in block.enumerated() { u[i] += c * w * theta[k] }
        }
        let d = m.ds + 2
        var cov = Matrix(rows: d, cols: d)
        cov[0, 0] = Vec.quadratic(u, m.stt)
        for (a, s) in m.studentIndices.enumerated() {
            let su = m.teacherIndices.reduce(0) { $0 + u[$1] * m.sigma[$1, s] }
            cov[0, a + 1] = su
            cov[a + 1, 0] = su
            for (b, s2) in m.studentIndices.enumerated() { cov[a + 1, b + 1] = m.sigma[s, s2] }
            cov[a + 1, d - 1] = m.sigma[s, m.labelIndex]
            cov[d - 1, a + 1] = m.sigma[s, m.labelIndex]
        }
        cov[0, d - 1] = Vec.dot(u, m.sty)
        cov[d - 1, 0] = cov[0, d - 1]
        cov[d - 1, d - 1] = m.syy
        let scalar = try JointGaussian(dt: 1, ds: m.ds, covariance: cov)
        for (name, student) in Self.students {
            let ensemble = try KDAnalysis(model: m, teacher: TeacherSpec(scale: c, combination: .ensemble(weights: weights)), student: student)
            let byHand = try KDAnalysis(model: scalar, teacher: TeacherSpec(target: .representation, scale: 1), student: student)
            XCTAssertEqual(ensemble.riskNoKD, byHand.riskNoKD, accuracy: 1e-12, name)
            XCTAssertEqual(ensemble.riskKD, byHand.riskKD, accuracy: 1e-10, name)
            XCTAssertEqual(ensemble.lambdaOpt, byHand.lambdaOpt, accuracy: 1e-8, name)
        }
        // Weights are normalised: (7, 0, 3) is (0.7, 0, 0.3).
        let scaled = try KDAnalysis(model: m, teacher: TeacherSpec(scale: c, combination: .ensemble(weights: [7, 0, 3])),
                                    student: Self.students[1].1)
        let unit = try KDAnalysis(model: m, teacher: TeacherSpec(scale: c, combination: .ensemble(weights: weights)), student: Self.students[1].1)
        XCTAssertEqual(scaled.riskKD, unit.riskKD, accuracy: 1e-13)
    }

    /// Each member fitted on its own nt rows: the error covariance is
    /// blockdiag(w_j^2 c^2 Var(Y|T_j) S_jj^-1 / (nt - d_j - 1)), and the risk adds
    /// l^2 [tr(Sts Sss^-1 Sst C) + ds / (n - ds - 1) tr(Stt|s C)] to the oracle ensemble's (section 4(c)).
    func testOLSEnsembleErrorIsBlockDiagonal() throws {
        let m = try Self.model(ds: 2)
        let weights = [1.0, 2.0, 1.0], c = 0.9, nt = 11, n = 14, l = 0.5
        let spec = TeacherSpec(fit: .ols(samples: nt), scale: c, combination: .ensemble(weights: weights))
        let cov = try XCTUnwrap(TeacherSignal(model: m, spec: spec).errorCovariance)
        var expected = Matrix(rows: m.dt, cols: m.dt)
        for (j, w) in weights.enumerated() {
            let block = Array(m.teacherBlocks[j]), share = w / 4
            let sjj = m.stt.principal(block), sjy = block.map { m.sty[$0] }
            let inverse = try Cholesky(sjj).inverse
            let residual = m.syy - Vec.quadratic(sjy, inverse)
            let factor = share * share * c * c * residual / Double(nt - block.count - 1)
            for (a, i) in block.enumerated() { for (b, k) in block.enumerated() { expected[i, k] = factor * inverse[a, b] } }
        }
        for i in 0..<m.dt { for k in 0..<m.dt { XCTAssertEqual(cov[i, k], expected[i, k], accuracy: 1e-14, "C[\(i), \(k)]") } }

        let student = StudentSpec(samples: .finite(n), lambda: l)
        let fitted = try KDAnalysis(model: m, teacher: spec, student: student)
        let oracle = try KDAnalysis(model: m, teacher: spec.oracle, student: student)
        let gain = try Cholesky(m.sss).solve(m.sts.transposed)  // Sss^-1 Sst
        let sttGivenS = m.stt - m.sts * gain
        let extra = l * l * ((m.sts * gain * expected).trace + Double(m.ds) / Double(n - m.ds - 1) * (sttGivenS * expected).trace)
        XCTAssertEqual(fitted.riskKD - oracle.riskKD, extra, accuracy: 1e-12)
        XCTAssertEqual(fitted.regime, .exactOLSFittedTeacher)
    }

    /// An ensemble of one member is that member's teacher set.
    func testEnsembleOfOneIsTheSet() throws {
        let m = try Self.model(ds: 2)
        for (name, student) in Self.students {
            let one = try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: 10), combination: .ensemble(weights: [0, 0, 2])),
                                     student: student)
            let set = try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: 10), combination: .set([2])), student: student)
            assertSame(one, set, name)
        }
    }

    func testComparisonCoversEverySetAndEnsemble() throws {
        let m = try Self.model(ds: 2)
        let student = StudentSpec(samples: .finite(15), lambda: 0.4)
        let c = try TeacherSetComparison(model: m, teacher: TeacherSpec(fit: .ols(samples: 12)), student: student)
        XCTAssertEqual(c.choices.map(\.modalities), [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2], [0, 1], [0, 2], [1, 2], [0, 1, 2]])
        XCTAssertEqual(c.choices.map(\.combination.isSet), Array(repeating: true, count: 7) + Array(repeating: false, count: 4))
        for choice in c.choices {
            let marginal = try Self.marginal(m, m.teacherIndices(ofModalities: choice.modalities))
            XCTAssertEqual(choice.cchGap, InformationSummary(model: marginal).cchGap, accuracy: 1e-12)
        }
        let gains = c.choices.map { $0.kdGainOpt ?? -.infinity }
        XCTAssertEqual(c.bestByTruth, gains.firstIndex(of: gains.max()!))
        let gaps = c.choices.map(\.cchGap)
        XCTAssertEqual(c.bestByCCH, gaps.firstIndex(of: gaps.max()!))
        // A representation target has no ensembles; nt <= d_J + 1 leaves that set without a formula.
        let representation = try TeacherSetComparison(model: m, teacher: TeacherSpec(target: .representation), student: student)
        XCTAssertEqual(representation.choices.count, 7)
        let few = try TeacherSetComparison(model: m, teacher: TeacherSpec(fit: .ols(samples: 4)), student: student)
        XCTAssertNil(few.choices[6].kdGainOpt, "d_J = 5 needs nt > 6")
        XCTAssertNotNil(few.choices[1].kdGainOpt, "d_J = 1")
    }

    func testBadCombinationsAreErrors() throws {
        let m = try Self.model(ds: 2)
        let student = StudentSpec(samples: .finite(15))
        func reason(_ c: TeacherCombination, target: TeacherTarget = .prediction) -> String? {
            do { _ = try KDAnalysis(model: m, teacher: TeacherSpec(target: target, combination: c), student: student) } catch { return error.reason }
            return nil
        }
        XCTAssertEqual(reason(.ensemble(weights: [0, 0, 0])), "the weights are all zero: at least one teacher needs a positive weight")
        XCTAssertEqual(reason(.ensemble(weights: [1, -1, 0])), "a weight must be finite and >= 0, got -1.0")
        XCTAssertEqual(reason(.ensemble(weights: [1, .nan, 0])), "a weight must be finite and >= 0, got nan")
        XCTAssertEqual(reason(.ensemble(weights: [1, 1])), "needs one weight per teacher modality (3), got 2")
        XCTAssertEqual(reason(.set([3])), "modality indices [3] out of range for 3 teacher modalities")
        XCTAssertEqual(reason(.set([])), "names no teacher modality")
        XCTAssertEqual(reason(.ensemble(weights: [1, 1, 0]), target: .representation), TeacherCombination.ensembleIsPredictionOnly)
        let nine = try JointGaussian(dt: 9, ds: 1, covariance: .identity(11), teacherBlocks: Array(repeating: 1, count: 9))
        XCTAssertThrowsError(try TeacherSetComparison(model: nine, teacher: TeacherSpec(), student: student)) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .teacherModalities)
        }
        XCTAssertThrowsError(try JointGaussian(dt: 3, ds: 1, covariance: .identity(5), teacherBlocks: [1, 1])) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, .teacherModalities)
        }
    }

    func testModalityCorrelationsBuildAndRefuseNonPositiveDefinite() throws {
        let c = ModalityCorrelations(teacherStudent: [0.5, 0.1], teacherLabel: [0.6, 0.5], studentLabel: 0.3,
                                     teacherTeacher: Matrix([[1, 0.3], [0.3, 1]]))
        let m = try c.build()
        XCTAssertEqual(m.teacherBlocks, [0..<1, 1..<2])
        XCTAssertEqual(m.sigma[1, 2], 0.1)
        XCTAssertEqual(m.sigma[0, 1], 0.3)
        XCTAssertEqual(m.sigma[1, 3], 0.5)
        // One modality is the correlations model.
        let one = try ModalityCorrelations(teacherStudent: [0.6], teacherLabel: [0.3], studentLabel: 0.4, teacherTeacher: .identity(1)).build()
        XCTAssertEqual(one.sigma, try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3).sigma)
        var bad = c
        bad.teacherTeacher = Matrix([[1, -0.95], [-0.95, 1]])
        XCTAssertThrowsError(try bad.build()) { error in
            guard case .notPositiveDefinite(.teacherModalities, _)? = error as? ParameterError else { return XCTFail("\(error)") }
        }
    }
}

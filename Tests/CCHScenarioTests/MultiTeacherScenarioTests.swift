import CCHScenario
import CCHTestSupport
import CrossModalKD
import SweepEngine
import XCTest

/// Named teacher modalities in scenario files (docs/multi-teacher.md): every model kind decodes
/// into the model it describes, `[teacher]` picks a set or an ensemble, a modality's key sweeps,
/// and every bad input is an error naming the file, the key and the reason.
final class MultiTeacherScenarioTests: XCTestCase {
    static let correlations = """
        name = "mt"
        [model]
        kind = "correlations"
        rho_sy = 0.3
        [model.teachers.B]
        rho_ts = 0.1
        rho_ty = 0.5
        rho_with_A = 0.3
        [model.teachers.A]
        rho_ts = 0.5
        rho_ty = 0.6
        [teacher]
        fit = "ols"
        n = 30
        modalities = ["B", "A"]
        combine = "ensemble"
        [teacher.weights]
        A = 0.75
        B = 0.25
        [student]
        n = 20
        lambda = 0.3
        """

    func testCorrelationsOfNamedModalities() throws {
        let s = try Scenario(file: "mt.toml", text: Self.correlations)
        XCTAssertEqual(s.teacherModalities, [TeacherModality(name: "A", dimension: 1), TeacherModality(name: "B", dimension: 1)])
        let m = try s.buildModel()
        XCTAssertEqual(m.teacherBlocks, [0..<1, 1..<2])
        // Order (T_A, T_B, S, Y).
        XCTAssertEqual(m.sigma, Matrix([[1, 0.3, 0.5, 0.6], [0.3, 1, 0.1, 0.5], [0.5, 0.1, 1, 0.3], [0.6, 0.5, 0.3, 1]]))
        XCTAssertEqual(s.teacher.combination, .ensemble(weights: [0.75, 0.25]))
        XCTAssertEqual(s.teacherCombinationDescription, "ensemble A (0.75) + B (0.25)")
        let a = try KDAnalysis(of: s)
        XCTAssertEqual(a.regime, .exactOLSFittedTeacher)
        // The analysis is the library's for the same model and ensemble.
        let direct = try KDAnalysis(model: m, teacher: TeacherSpec(fit: .ols(samples: 30), combination: .ensemble(weights: [3, 1])),
                                    student: StudentSpec(samples: .finite(20), lambda: 0.3))
        XCTAssertEqual(a.riskKD, direct.riskKD, accuracy: 1e-15)
        let comparison = try TeacherSetComparison(of: s)
        XCTAssertEqual(comparison.choices.map { s.teacherChoiceName($0) }, ["A", "B", "A+B", "ensemble A+B"])
        XCTAssertEqual(comparison.choices[3].combination, s.teacher.combination)
    }

    func testSetDefaultsAndTheSingleModality() throws {
        let set = try Scenario(file: "mt.toml", text: Self.correlations
            .replacingOccurrences(of: "combine = \"ensemble\"\n[teacher.weights]\nA = 0.75\nB = 0.25\n", with: "modalities = [\"A\"]\n")
            .replacingOccurrences(of: "modalities = [\"B\", \"A\"]\n", with: ""))
        XCTAssertEqual(set.teacher.combination, .set([0]))
        let all = try Scenario(file: "mt.toml", text: Self.correlations
            .replacingOccurrences(of: "combine = \"ensemble\"\n[teacher.weights]\nA = 0.75\nB = 0.25\n", with: ""))
        XCTAssertEqual(all.teacher.combination, .allModalities, "every modality is the teacher on all of T")
        let equal = try Scenario(file: "mt.toml", text: Self.correlations.replacingOccurrences(of: "[teacher.weights]\nA = 0.75\nB = 0.25\n", with: ""))
        XCTAssertEqual(equal.teacher.combination, .ensemble(weights: [1, 1]))
        // A model without named modalities has one, T.
        let one = try Scenario(file: "ex.toml", text: ScenarioFixtures.example)
        XCTAssertEqual(one.teacherModalities, [TeacherModality(name: "T", dimension: 1)])
        XCTAssertEqual(one.teacher.combination, .allModalities)
    }

    /// With the class label, CCH's informations are those of the teaching modalities too.
    func testClassInformationIsOnTheTeachingModalities() throws {
        let text = Self.correlations.replacingOccurrences(of: "rho_sy = 0.3", with: "rho_sy = 0.3\nlabel = \"sign\"")
            .replacingOccurrences(of: "modalities = [\"B\", \"A\"]", with: "modalities = [\"B\"]")
            .replacingOccurrences(of: "combine = \"ensemble\"\n[teacher.weights]\nA = 0.75\nB = 0.25\n", with: "")
        let s = try Scenario(file: "sign.toml", text: text)
        XCTAssertEqual(s.teacher.combination, .set([1]))
        let c = try XCTUnwrap(try ClassInformationSummary(of: s))
        // I(T_B;S) = -1/2 ln(1 - 0.1^2).
        XCTAssertEqual(c.teacherStudent, -0.5 * log(1 - 0.01), accuracy: 1e-14)
        XCTAssertEqual(c.teacherStudent, try KDAnalysis(of: s).information.teacherStudent, accuracy: 1e-15)
    }

    func testLatentAndCovarianceModalities() throws {
        let latent = try Scenario(file: "l.toml", text: """
            [model]
            kind = "latent"
            label_loadings = [1.0, 0.5]
            student_loadings = [0.3, 1.0]
            student_noise = 0.4
            [model.teachers.vision]
            loadings = [[1.0, 0.0], [0.5, 0.5]]
            noise = 0.2
            [model.teachers.audio]
            loadings = [0.0, 1.0]
            noise = 0.7
            [student]
            n = "inf"
            """)
        XCTAssertEqual(latent.teacherModalities.map(\.name), ["audio", "vision"])
        let m = try latent.buildModel()
        XCTAssertEqual(m.teacherBlocks, [0..<1, 1..<3])
        XCTAssertEqual(m.sigma[0, 0], 1 + 0.49, accuracy: 1e-15)      // audio: loadings [0, 1], noise 0.7
        XCTAssertEqual(m.sigma[2, 2], 0.5 + 0.04, accuracy: 1e-15)    // vision row 2: [0.5, 0.5], noise 0.2
        XCTAssertEqual(m.sigma[0, 2], 0.5, accuracy: 1e-15)

        let cov = try Scenario(file: "c.toml", text: """
            [model]
            kind = "covariance"
            dt = 3
            ds = 1
            matrix = [[1, 0.2, 0.1, 0.3, 0.4], [0.2, 1, 0, 0.2, 0.1], [0.1, 0, 1, 0.3, 0.2], [0.3, 0.2, 0.3, 1, 0.3], [0.4, 0.1, 0.2, 0.3, 1]]
            teacher_blocks = [{ name = "A", dim = 2 }, { name = "B", dim = 1 }]
            [teacher]
            modalities = ["B"]
            [student]
            n = 12
            """)
        XCTAssertEqual(try cov.buildModel().teacherBlocks, [0..<2, 2..<3])
        XCTAssertEqual(cov.teacher.combination, .set([1]))
        // I(T_B;S) = -1/2 ln(1 - 0.3^2) for the scalar B.
        XCTAssertEqual(try KDAnalysis(of: cov).information.teacherStudent, -0.5 * log(1 - 0.09), accuracy: 1e-14)
    }

    /// A modality's key sweeps through the document-level key path.
    func testModalityKeysSweep() throws {
        let text = Self.correlations + "\n[sweep]\n\"model.teachers.B.rho_ty\" = [0.1, 0.4]\n\"teacher.weights.A\" = [0.0, 1.0]\n"
        let sweep = try Sweep(file: "grid.toml", text: text)
        XCTAssertEqual(sweep.grid.count, 4)
        let point = try sweep.scenario(at: 1)
        guard case .modalityCorrelations(let c) = point.model else { return XCTFail("\(point.model)") }
        XCTAssertEqual(c.teacherLabel, [0.6, 0.1])
        XCTAssertEqual(point.teacher.combination, .ensemble(weights: [1.0, 0.25]))
        XCTAssertEqual(try sweep.scenario(at: 2).teacher.combination, .ensemble(weights: [0.0, 0.25]))
    }

    func testBadInputIsAnErrorAtItsKey() {
        assertError("[\"B\", \"A\"]", "[\"B\", \"AA\"]", in: Self.correlations, key: "teacher.modalities",
                    reason: "unknown teacher modality \"AA\" (did you mean A?); the model's teacher modalities are A, B", analyze: true)
        assertError("[\"B\", \"A\"]", "[\"S\"]", in: Self.correlations, key: "teacher.modalities", reason: "S is the student: a student is never in its own teacher set", analyze: true)
        assertError("[\"B\", \"A\"]", "[\"A\", \"A\"]", in: Self.correlations, key: "teacher.modalities", reason: "listed twice", analyze: true)
        assertError("A = 0.75", "A = -0.75", in: Self.correlations, key: "teacher.weights.A", reason: "a weight must be >= 0, got -0.75", analyze: true)
        assertError("A = 0.75", "A = inf", in: Self.correlations, key: "teacher.weights.A", reason: "must be finite", analyze: true)
        assertError("A = 0.75\nB = 0.25", "A = 0\nB = 0.0", in: Self.correlations, key: "teacher.weights", reason: "the weights are all zero", analyze: true)
        assertError("B = 0.25\n", "", in: Self.correlations, key: "teacher.weights.B", reason: "missing: give every member of the ensemble a weight", analyze: true)
        assertError("modalities = [\"B\", \"A\"]", "modalities = [\"A\"]", in: Self.correlations, key: "teacher.weights.B",
                    reason: "B is a teacher modality but not a member of the ensemble", analyze: true)
        assertError("combine = \"ensemble\"\n", "", in: Self.correlations, key: "teacher.weights", reason: "applies to combine = \"ensemble\" only", analyze: true)
        assertError("fit = \"ols\"\nn = 30", "target = \"representation\"", in: Self.correlations, key: "teacher.combine", reason: "an ensemble averages", analyze: true)
        assertError("rho_with_A = 0.3", "rho_with_A = 0.99", in: Self.correlations, key: "model.teachers", reason: "not positive definite", analyze: true)
        assertError("rho_with_A = 0.3", "rho_with_A = 1.5", in: Self.correlations, key: "model.teachers", reason: "strictly between -1 and 1, got 1.5", analyze: true)
        assertError("rho_with_A = 0.3", "rho_with_C = 0.3", in: Self.correlations, key: "model.teachers.B.rho_with_C", reason: "unknown key", analyze: true)
        assertError("rho_ts = 0.5\n", "rho_ts = 0.5\nrho_with_B = 0.2\n", in: Self.correlations, key: "model.teachers.B.rho_with_A", reason: "give it once", analyze: true)
        assertError("[model.teachers.A]", "[model.teachers.S]", in: Self.correlations, key: "model.teachers.S", reason: "S names the student", analyze: true)
        assertError("[model.teachers.A]", "[model.teachers.\"a b\"]", in: Self.correlations, key: "model.teachers.a b", reason: "not a bare identifier", analyze: true)
        assertError("rho_sy = 0.3", "rho_sy = 0.3\nrho_ts = 0.2", in: Self.correlations, key: "model.rho_ts", reason: "not used with [model.teachers.NAME]", analyze: true)
        assertError("fit = \"ols\"\nn = 30", "fit = \"ols\"\nrows = \"student\"", in: Self.correlations, key: "teacher.rows", reason: "not to a teacher set or an ensemble", analyze: true)
        let cov = "[model]\nkind = \"covariance\"\ndt = 2\nds = 1\nmatrix = [[1, 0, 0.1, 0.2], [0, 1, 0.2, 0.3], [0.1, 0.2, 1, 0.3], [0.2, 0.3, 0.3, 1]]\n"
            + "teacher_blocks = [{ name = \"A\", dim = 1 }, { name = \"B\", dim = 1 }]\n[student]\nn = 10\n"
        assertError("\"B\", dim = 1", "\"B\", dim = 2", in: cov, key: "model.teacher_blocks", reason: "the blocks' dimensions sum to 3, but dt = 2", analyze: true)
        assertError("name = \"B\"", "name = \"A\"", in: cov, key: "model.teacher_blocks[2].name", reason: "named twice", analyze: true)
    }
}

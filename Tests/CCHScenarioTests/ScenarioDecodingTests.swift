@testable import CCHScenario
import CCHTestSupport
import CrossModalKD
import SweepEngine
import XCTest

/// Scenario files: the documented layout decodes, and every bad input is an error naming the
/// file, the key and the reason.
final class ScenarioDecodingTests: XCTestCase {
    func testTheDocumentedLayoutDecodes() throws {
        let s = try Scenario(file: "ex.toml", text: ScenarioFixtures.example)
        XCTAssertEqual(s.name, "example")
        XCTAssertEqual(s.seed, 7)
        XCTAssertEqual(s.model, .correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3))
        XCTAssertEqual(s.teacher, TeacherSpec(target: .prediction, fit: .oracle, scale: 1))
        XCTAssertEqual(s.student, StudentSpec(samples: .finite(50), ridge: 0, lambda: 0.5))
        let a = try KDAnalysis(of: s)
        XCTAssertEqual(a.regime, .exactOLS)
        // ds = 1, n = 50: E R(0) = Var(Y|S) (1 + 1/48) with Var(Y|S) = 1 - 0.4^2.
        assertClose(a.riskNoKD, 0.84 * (1 + 1.0 / 48), absolute: 1e-14)
    }

    func testLatentAndCovarianceKindsDecode() throws {
        let latent = try Scenario(file: "l.toml", text: """
            [model]
            kind = "latent"
            teacher_loadings = [1.0, 0.5]
            student_loadings = [[0.2, -1.0], [0.0, 2.0]]
            label_loadings = [0.3, 0.4]
            teacher_noise = 0.5
            student_noise = 1
            label_noise = 2
            [student]
            n = "inf"
            """)
        let m = try latent.buildModel()
        XCTAssertEqual(m.dt, 1)
        XCTAssertEqual(m.ds, 2)
        assertClose(m.syy, 4.25, absolute: 1e-15)
        XCTAssertEqual(latent.name, "l")
        let cov = try Scenario(file: "c.toml", text: """
            [model]
            kind = "covariance"
            dt = 1
            ds = 1
            matrix = [[1, 0.5, 0.2], [0.5, 1, 0.3], [0.2, 0.3, 1]]
            [student]
            n = 10
            """)
        XCTAssertEqual(try cov.buildModel().sigma[1, 2], 0.3)
    }

    func testBadInputsNameFileKeyAndReason() {
        assertError("seed = 7", "seed = 7\ncolour = 1", key: "colour", reason: "unknown key")
        assertError("scale = 1.0", "scale = 1.0\nsclae = 2", key: "teacher.sclae", reason: "unknown key")
        assertError("rho_ts = 0.6", "rho_ts = \"high\"", key: "model.rho_ts", reason: "expected a number, got a string")
        assertError("rho_ts = 0.6", "", key: "model.rho_ts", reason: "missing")
        assertError("kind = \"correlations\"", "kind = \"gaussian\"", key: "model.kind", reason: "unknown value \"gaussian\"")
        assertError("lambda = 0.5", "lambda = 1.5", key: "student.lambda", reason: "must lie in [0.0, 1.0]")
        assertError("ridge = 0.0", "ridge = -1", key: "student.ridge", reason: "must be >= 0")
        assertError("n = 50", "n = 0", key: "student.n", reason: "positive integer or \"inf\"")
        assertError("n = 50", "n = \"infinite\"", key: "student.n", reason: "positive integer or \"inf\"")
        assertError("n = 50", "n = 2.5", key: "student.n", reason: "positive integer or \"inf\"")
        assertError("seed = 7", "seed = -3", key: "seed", reason: "at least 0")
        assertError("target = \"prediction\"", "target = \"logits\"", key: "teacher.target", reason: "expected one of")
        assertError("fit = \"oracle\"\nn = 200", "fit = \"ols\"", key: "teacher.n", reason: "needs its sample size")
        assertError("[student]", "[studnt]", key: "studnt", reason: "unknown key")
        assertError("lambda = 0.5", "lambda = 0.5\ntruth = \"simulation\"", key: "student.truth", reason: "expected one of")
        assertError("lambda = 0.5", "lambda = 0.5\ntruth_se = 0.01", key: "student.truth_se", reason: "applies to truth = \"monte-carlo\" only")
        assertError("lambda = 0.5", "lambda = 0.5\ntruth = \"monte-carlo\"\ntruth_se = 0", key: "student.truth_se", reason: "must be a finite number > 0")
        assertError("lambda = 0.5", "lambda = 0.5\ntruth = \"monte-carlo\"\ntruth_max_trials = 1", key: "student.truth_max_trials", reason: "at least 2")
        assertError("lambda = 0.5", "lambda = 0.5\ntruth = \"monte-carlo\"\ntruth_max_trials = 100", key: "student.truth_max_trials",
                    reason: "at least monte_carlo.trials = 2000", analyze: true)
        XCTAssertThrowsError(try Scenario(file: "t.toml", text: "teacher = 3\n[model]\nkind = \"correlations\"\nrho_ts = 0.1\nrho_sy = 0.1\nrho_ty = 0.1")) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "t.toml: teacher: expected a table, got an integer")
        }
        assertError("rho_sy = 0.4", "rho_sy = inf", key: "model.rho_sy", reason: "must be finite")
    }

    /// A misspelt key is reported before the required key it stands for is missed, with the valid
    /// key nearest to it; a key no valid key is near gets no guess.
    /// A choice the decoder reads as an enumeration names the wrong value and every valid one, in
    /// the enumeration's order (the spellings the file uses).
    func testAChoiceErrorListsEveryCase() {
        assertError("fit = \"oracle\"", "fit = \"lasso\"", key: "teacher.fit",
                    reason: "unknown value \"lasso\"; expected one of \"oracle\", \"ols\", \"ridge\"")
        assertError("fit = \"oracle\"", "fit = 3", key: "teacher.fit", reason: "expected a string, got an integer")
        assertError("lambda = 0.5", "lambda = 0.5\nloss = \"hinge\"", key: "student.loss",
                    reason: "unknown value \"hinge\"; expected one of \"squared\", \"logistic\"")
        assertError("target = \"prediction\"", "target = \"logits\"", key: "teacher.target",
                    reason: "unknown value \"logits\"; expected one of \"prediction\", \"representation\"")
        assertError("lambda = 0.5", "lambda = 0.5\ntruth = \"guess\"", key: "student.truth", reason: "unknown value \"guess\"; expected one of \"")
    }

    func testUnknownKeysComeFirstWithTheNearestValidKey() {
        assertError("rho_ts = 0.6", "rho_st = 0.6", key: "model.rho_st", reason: "unknown key (did you mean rho_ts?)")
        assertError("lambda = 0.5", "lamda = 0.5", key: "student.lamda", reason: "unknown key (did you mean lambda?)")
        assertError("n = 50", "samples = 50", key: "student.samples", reason: "unknown key")
        assertError("seed = 7", "sede = 7", key: "sede", reason: "unknown key (did you mean seed?)")
        assertError("[student]", "[studnt]", key: "studnt", reason: "unknown key (did you mean student?)")
        do {
            _ = try Scenario(file: "bad.toml", text: ScenarioFixtures.example.replacingOccurrences(of: "n = 50", with: "samples = 50"))
            XCTFail("no error for samples = 50")
        } catch {
            XCTAssertEqual(error.description, "bad.toml: student.samples: unknown key")
        }
    }

    /// Damerau-Levenshtein (optimal string alignment): a swap of neighbours costs one; a
    /// suggestion is close and unique.
    func testNearestNameDistanceAndSuggestion() {
        XCTAssertEqual(NearestName.distance("rho_st", "rho_ts"), 1)
        XCTAssertEqual(NearestName.distance("analyse", "analyze"), 1)
        XCTAssertEqual(NearestName.distance("kitten", "sitting"), 3)
        XCTAssertEqual(NearestName.distance("ca", "abc"), 3)  // 2 for the unrestricted distance
        XCTAssertEqual(NearestName.distance("", "abc"), 3)
        XCTAssertEqual(NearestName.suggestion(for: "rho_st", among: ["rho_ts", "rho_ty"]), "rho_ts")
        XCTAssertNil(NearestName.suggestion(for: "rho_st", among: ["rho_ts", "rho_sy"]), "one swap or one substitution: a tie")
        XCTAssertNil(NearestName.suggestion(for: "rho_tz", among: ["rho_ts", "rho_ty"]), "a tie is no suggestion")
        XCTAssertNil(NearestName.suggestion(for: "colour", among: ["name", "seed", "description"]), "too far")
    }

    func testInvalidModelsAndRegimesAreErrorsAtAnalysis() {
        assertError("rho_ty = 0.3", "rho_ty = -0.9", key: "model.rho_ts/rho_sy/rho_ty",
                    reason: "violate 1 + 2 rho_ts rho_sy rho_ty", analyze: true)
        assertError("rho_ts = 0.6", "rho_ts = 1.2", key: "model.rho_ts", reason: "strictly between -1 and 1", analyze: true)
        assertError("n = 50", "n = 2", key: "student.n", reason: "exact OLS needs n > ds + 1 = 2", analyze: true)
        assertError("fit = \"oracle\"\nn = 200", "fit = \"ols\"\nn = 2", key: "teacher.n", reason: "n > dt + 1 = 2", analyze: true)
        assertError("target = \"prediction\"\nfit = \"oracle\"", "target = \"representation\"\nfit = \"ols\"",
                    key: "teacher.fit", reason: "prediction target only", analyze: true)
    }

    /// The scenario layer words a library error's remedies with keys and commands, after the
    /// reason the library gave; the library's own wording names neither.
    func testRemediesAreWordedWithKeysAndCommands() {
        let regime = ParameterError.regimeDoesNotApply(parameter: .studentSamples, reason: "exact OLS needs n > ds + 1 = 2, got n = 2",
                                                       remedies: [.positive(.studentRidge), .deterministicEquivalent])
        XCTAssertEqual(ScenarioError(file: "s.toml", regime).description,
                       "s.toml: student.n: exact OLS needs n > ds + 1 = 2, got n = 2; set student.ridge > 0, "
                       + "or set student.approximation = true for the deterministic equivalent")
        let singular = ParameterError.invalid(parameter: .studentSamples, reason: "singular", remedies: [.atLeast(.studentSamples, 4)])
        XCTAssertEqual(singular.scenarioDescription, "student.n: singular; set student.n >= 4")
        XCTAssertEqual(singular.description, "student n: singular; set student n >= 4")
        let ridgeTeacher = ParameterError.regimeDoesNotApply(parameter: .teacherFit, reason: "no formula", remedies: [.monteCarlo])
        XCTAssertEqual(ScenarioError(file: "s.toml", ridgeTeacher, options: [.teacherFit: "--fit"]).description,
                       "s.toml: --fit: no formula; estimate it by Monte Carlo with `cchsim simulate`")
        XCTAssertEqual(ridgeTeacher.description, "teacher fit: no formula; estimate it by Monte Carlo")
        let population = ParameterError.invalid(parameter: .studentSamples, reason: "needs finite n", remedies: [.populationFormula])
        XCTAssertEqual(population.scenarioReason, "needs finite n; \"inf\" is the population regime: use cchsim analyze")
        XCTAssertEqual(ParameterError.notPositiveDefinite(parameter: .covariance, reason: "not PD").scenarioReason, "not PD")
    }

    func testCovarianceProblems() {
        func check(_ model: String, key: String, reason: String, line: UInt = #line) {
            do {
                _ = try Scenario(file: "c.toml", text: model + "\n[student]\nn = 10\n").buildModel()
                XCTFail("no error", line: line)
            } catch {
                XCTAssertEqual(error.key, key, "\(error)", line: line)
                XCTAssertTrue(error.reason.contains(reason), "\(error)", line: line)
            }
        }
        check("[model]\nkind = \"covariance\"\ndt = 1\nds = 1\nmatrix = [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]",
              key: "model.matrix", reason: "not positive definite")
        check("[model]\nkind = \"covariance\"\ndt = 1\nds = 1\nmatrix = [[1, 0.2, 0], [0.3, 1, 0], [0, 0, 1]]",
              key: "model.matrix", reason: "not symmetric")
        check("[model]\nkind = \"covariance\"\ndt = 1\nds = 2\nmatrix = [[1, 0], [0, 1]]",
              key: "model.matrix", reason: "must be 4 x 4")
        check("[model]\nkind = \"covariance\"\ndt = 1\nds = 1\nmatrix = [[1, 0], [0, 1, 0], [0, 0, 1]]",
              key: "model.matrix", reason: "unequal lengths")
        check("[model]\nkind = \"latent\"\nteacher_loadings = [[1.0, 0.0]]\nstudent_loadings = [[1.0]]\nlabel_loadings = [1.0, 0.5]",
              key: "model.student_loadings", reason: "must be ds x 2")
        check("[model]\nkind = \"latent\"\nteacher_loadings = [1.0]\nstudent_loadings = [1.0]\nlabel_loadings = [1.0]",
              key: "model", reason: "the latent model's implied covariance is singular")
    }

    func testSyntaxErrorsGiveTheLine() {
        XCTAssertThrowsError(try Scenario(file: "s.toml", text: "name = \"x\"\n[model\nkind = 1")) { error in
            let e = error as? ScenarioError
            XCTAssertEqual(e?.key, "")
            XCTAssertTrue(e?.reason.contains("line 2") ?? false, "\(error)")
        }
    }
}

@testable import CCHScenario
import CCHTestSupport
import CrossModalKD
import SweepEngine
import XCTest

/// `[sweep]` tables: expansion of ranges and lists, the Cartesian product and its order, the
/// scenario at each point, and the errors for bad sweeps.
final class SweepGridTests: XCTestCase {
    static func sweep(_ text: String, file: String = "grid.toml") throws -> Sweep {
        try Sweep(file: file, text: text)
    }

    func numbers(_ axis: SweepAxis) -> [Double] { axis.values.map { $0.asDouble ?? .nan } }

    func testLinearRangeHitsTheDecimalsWritten() throws {
        let s = try Self.sweep(ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = { from = -0.95, to = 0.95, steps = 39 }"))
        let xs = numbers(s.grid.axes[0])
        XCTAssertEqual(xs.count, 39)
        XCTAssertEqual(xs.first, -0.95)
        XCTAssertEqual(xs.last, 0.95)
        XCTAssertEqual(xs[1], -0.9)  // not -0.8999999999999999
        XCTAssertEqual(xs[19], 0.0)
        XCTAssertEqual(xs[33], 0.7)
        for (i, x) in xs.enumerated() { assertClose(x, -0.95 + 0.05 * Double(i), absolute: 1e-12) }
        XCTAssertEqual(s.grid.axes[0].spacing, .linear)
    }

    func testLogRangeAndIntegerRanges() throws {
        let s = try Self.sweep(ScenarioFixtures.sweepScenario("""
            [sweep]
            "student.ridge" = { from = 0.001, to = 1.0, steps = 4, scale = "log" }
            "student.lambda" = { from = 0, to = 1, steps = 5 }
            """))
        XCTAssertEqual(numbers(s.grid.axes[0]), [0.001, 0.01, 0.1, 1.0])
        XCTAssertEqual(s.grid.axes[0].spacing, .log)
        // Integer ends whose values are not integers give floats (a lambda range written 0 to 1).
        XCTAssertEqual(s.grid.axes[1].values, [0, 0.25, 0.5, 0.75, 1].map(ScenarioValue.number))

        let n = try Self.sweep(ScenarioFixtures.sweepScenario("""
            [sweep]
            "student.n" = { from = 10, to = 100, steps = 10 }
            "teacher.n" = { from = 10, to = 1000, steps = 3, scale = "log" }
            """, teacher: "target = \"prediction\"\nfit = \"ols\"\nn = 50", student: "n = 20"))
        XCTAssertEqual(n.grid.axes[0].values, stride(from: 10, through: 100, by: 10).map(ScenarioValue.integer))
        XCTAssertEqual(n.grid.axes[1].values, [10, 100, 1000].map(ScenarioValue.integer))
    }

    func testProductOrderIsFileOrderFirstAxisSlowest() throws {
        // Written out of alphabetical order: the axes keep the file's order.
        let s = try Self.sweep(ScenarioFixtures.sweepScenario("""
            [sweep]
            "student.lambda" = [0.1, 0.2]
            "model.rho_ts" = [0.3, 0.5, 0.7]
            "model.rho_sy" = { from = 0.1, to = 0.2, steps = 2 }
            """))
        XCTAssertEqual(s.grid.axes.map(\.key.dotted), ["student.lambda", "model.rho_ts", "model.rho_sy"])
        XCTAssertEqual(s.grid.count, 12)
        var seen: [[ScenarioValue]] = []
        for p in 0..<s.grid.count { seen.append(s.grid.values(at: p)) }
        let expected: [[ScenarioValue]] = [0.1, 0.2].flatMap { l in [0.3, 0.5, 0.7].flatMap { ts in [0.1, 0.2].map { sy in
            [.number(l), .number(ts), .number(sy)] } } }
        XCTAssertEqual(seen, expected)
        XCTAssertEqual(s.grid.coordinates(of: 7), [1, 0, 1])
    }

    func testPointScenarioHasTheSweptValues() throws {
        let s = try Self.sweep(ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_sy\" = [0.1, -0.3]\n\"student.lambda\" = [0.0, 0.9]"))
        let point = try s.scenario(at: 3)
        XCTAssertEqual(point.model, .correlations(rhoTS: 0.6, rhoSY: -0.3, rhoTY: 0.0))
        XCTAssertEqual(point.student.lambda, 0.9)
        XCTAssertEqual(point.student.ridge, 0.05)
        XCTAssertEqual(point.name, "grid")
    }

    /// Points made by typed setters (`SweepPatch`) equal points decoded from the overridden document,
    /// for every key that has a setter.
    func testPatchedPointsEqualDecodedPoints() throws {
        let cases: [(sweep: String, model: String?, teacher: String?, student: String?)] = [
            ("\"model.rho_ts\" = [0.1, -0.5]\n\"model.rho_sy\" = [0.2, 0.3]\n\"model.rho_ty\" = [0.0, 0.25]", nil, nil, nil),
            ("\"model.teacher_noise\" = [0.0, 0.7]\n\"model.student_noise\" = [0.2, 1]\n\"model.label_noise\" = [0.5, 2]",
             "kind = \"latent\"\nteacher_loadings = [1.0, 0.5]\nstudent_loadings = [0.3, 1.0]\nlabel_loadings = [1.0, 1.0]\nstudent_noise = 0.3\nlabel_noise = 0.4", nil, nil),
            ("\"teacher.scale\" = [0.5, -2]\n\"teacher.n\" = [7, 40]", nil, "target = \"prediction\"\nfit = \"ols\"\nn = 10", nil),
            ("\"student.n\" = [5, \"inf\", 30]\n\"student.ridge\" = [0, 0.5]\n\"student.lambda\" = [0.25, 1]\n\"seed\" = [1, 77]", nil, nil, "n = 10"),
        ]
        for c in cases {
            let text = ScenarioFixtures.sweepScenario("[sweep]\n" + c.sweep, model: c.model ?? "kind = \"correlations\"\nrho_ts = 0.6\nrho_sy = 0.4\nrho_ty = 0.0",
                                     teacher: c.teacher ?? "target = \"representation\"", student: c.student ?? "n = \"inf\"\nridge = 0.05\nlambda = 0.05")
            let s = try Self.sweep(text)
            XCTAssertTrue(s.patchesPoints, c.sweep)
            for p in 0..<s.grid.count {
                let patched = try s.scenario(at: p), decoded = try Scenario(document: try s.document(at: p))
                XCTAssertEqual(patched.model, decoded.model, "\(c.sweep) point \(p)")
                XCTAssertEqual(patched.teacher, decoded.teacher, "\(c.sweep) point \(p)")
                XCTAssertEqual(patched.student, decoded.student, "\(c.sweep) point \(p)")
                XCTAssertEqual(patched.seed, decoded.seed, "\(c.sweep) point \(p)")
            }
        }
        // A key without a setter (the random model's draw) decodes every point.
        let random = try Self.sweep(ScenarioFixtures.sweepScenario("[sweep]\n\"model.draw\" = [0, 1]", model: "kind = \"random-latent\""))
        XCTAssertFalse(random.patchesPoints)
        XCTAssertNotEqual(try random.scenario(at: 0).model, try random.scenario(at: 1).model)
    }

    func testRandomLatentDrawsAreReproducibleAndDiffer() throws {
        let text = ScenarioFixtures.sweepScenario("[sweep]\n\"model.draw\" = { from = 0, to = 9, steps = 10 }", model: "kind = \"random-latent\"\nfactors = 3\ndt = 2")
        let a = try Self.sweep(text), b = try Self.sweep(text)
        let models = try (0..<10).map { try a.scenario(at: $0).model }
        XCTAssertEqual(models, try (0..<10).map { try b.scenario(at: $0).model })
        XCTAssertEqual(Set(models.map { "\($0)" }).count, 10)
        guard case .latent(let f) = models[0] else { return XCTFail("a random-latent model is a latent model") }
        XCTAssertEqual(f.teacherLoadings.rows, 2)
        XCTAssertEqual(f.labelLoadings.count, 3)
        for noise in [f.teacherNoise, f.studentNoise, f.labelNoise] { XCTAssert((0.2...1.5).contains(noise)) }
    }

    // MARK: Errors, before anything is computed

    func assertError(_ sweep: String, key: String, contains reason: String, model: String? = nil,
                     file: StaticString = #filePath, line: UInt = #line) {
        let text = model.map { ScenarioFixtures.sweepScenario(sweep, model: $0) } ?? ScenarioFixtures.sweepScenario(sweep)
        XCTAssertThrowsError(try Self.sweep(text, file: "bad.toml"), file: file, line: line) { error in
            guard let e = error as? ScenarioError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(e.file, "bad.toml", file: file, line: line)
            XCTAssertEqual(e.key, key, file: file, line: line)
            XCTAssert(e.reason.contains(reason), "\(e.description) should say \(reason)", file: file, line: line)
        }
    }

    func testBadPathsAreErrors() {
        assertError("[sweep]\n\"model.rho_xy\" = [0.1]", key: "model.rho_xy", contains: "unknown key")
        assertError("[sweep]\n\"modle.rho_ts\" = [0.1]", key: "modle", contains: "unknown key")
        assertError("[sweep]\n\"name\" = [\"a\"]", key: "sweep.\"name\"", contains: "cannot be swept")
        assertError("[sweep]\n\"model.rho_ts.x\" = [0.1]", key: "model.rho_ts.x", contains: "not a table")
        // A key of another model kind.
        assertError("[sweep]\n\"model.teacher_noise\" = [0.1]", key: "model.teacher_noise", contains: "unknown key")
        // Paths that name no scenario key are refused when the grid is read.
        assertError("[sweep]\n\"model.lable\" = [0.1]", key: "model.lable", contains: "unknown key (did you mean label?)")
        assertError("[sweep]\n\"output.plots\" = [\"curves\"]", key: "sweep.\"output.plots\"", contains: "output cannot be swept")
        assertError("[sweep]\n\"model\" = [0.1]", key: "model", contains: "is a table: sweep one of its keys")
        assertError("[sweep]\n\"seed.x\" = [1]", key: "seed", contains: "is a value, not a table")
        assertError("[sweep]\n\"model.teachers.B.dim\" = [1]", key: "model.teachers.B.dim", contains: "not a key of a teacher modality")
    }

    func testBadRangesAreErrors() {
        assertError("[sweep]\n\"model.rho_ts\" = { from = 0.1, to = 0.5, steps = 1 }", key: "sweep.\"model.rho_ts\".steps", contains: "at least 2")
        assertError("[sweep]\n\"model.rho_ts\" = { from = \"a\", to = 0.5, steps = 3 }", key: "sweep.\"model.rho_ts\".from", contains: "expected a number")
        assertError("[sweep]\n\"model.rho_ts\" = { from = 0.1, steps = 3 }", key: "sweep.\"model.rho_ts\".to", contains: "missing")
        assertError("[sweep]\n\"model.rho_ts\" = { from = 0.1, to = 0.5, steps = 3, stpe = 1 }", key: "sweep.\"model.rho_ts\".stpe", contains: "unknown key")
        assertError("[sweep]\n\"student.ridge\" = { from = 0, to = 1, steps = 3, scale = \"log\" }", key: "sweep.\"student.ridge\".scale", contains: "from > 0")
        assertError("[sweep]\n\"student.ridge\" = { from = 0.1, to = 1, steps = 3, scale = \"cubic\" }", key: "sweep.\"student.ridge\".scale", contains: "unknown value")
        assertError("[sweep]\n\"student.n\" = { from = 10, to = 12, steps = 8, scale = \"log\" }", key: "sweep.\"student.n\".steps", contains: "distinct")
        assertError("[sweep]\n\"model.rho_ts\" = []", key: "sweep.\"model.rho_ts\"", contains: "empty list")
        assertError("[sweep]\n\"model.rho_ts\" = [[0.1]]", key: "sweep.\"model.rho_ts\"", contains: "scalar values")
        assertError("[sweep]\n\"model.rho_ts\" = 0.3", key: "sweep.\"model.rho_ts\"", contains: "expected a list")
        XCTAssertThrowsError(try Self.sweep("sweep = 3\n" + ScenarioFixtures.sweepScenario(""), file: "bad.toml")) {
            XCTAssertEqual("\($0)", "bad.toml: sweep: expected a table, got an integer")
        }
        assertError("[sweep]\n\"model.rho_ts\" = { from = 0.1, to = 0.5, steps = 100000 }\n\"model.rho_sy\" = { from = 0.1, to = 0.5, steps = 100000 }",
                    key: "sweep", contains: "more than")
    }

    func testValuesOutsideTheirDomainAreErrors() {
        assertError("[sweep]\n\"student.lambda\" = [0.2, 1.5]", key: "student.lambda", contains: "must lie in [0.0, 1.0], got 1.5")
        assertError("[sweep]\n\"model.rho_ts\" = { from = 0.0, to = 1.0, steps = 3 }", key: "model.rho_ts", contains: "strictly between -1 and 1")
        assertError("[sweep]\n\"student.ridge\" = [0.1, -0.1]", key: "student.ridge", contains: "must be >= 0")
        assertError("[sweep]\n\"student.n\" = [10, 2.5]", key: "student.n", contains: "positive integer")
        assertError("[sweep]\n\"teacher.target\" = [\"prediction\", \"hint\"]", key: "teacher.target", contains: "unknown value \"hint\"")
        assertError("[sweep]\n\"model.teacher_noise\" = [0.5, -1]", key: "model.teacher_noise", contains: "finite and >= 0",
                    model: "kind = \"latent\"\nteacher_loadings = [1.0]\nstudent_loadings = [1.0]\nlabel_loadings = [1.0]\nstudent_noise = 1\nlabel_noise = 1")
    }

    /// Combinations of valid values that are not positive definite are left to the points.
    func testJointlyInvalidCorrelationsAreNotAnError() throws {
        let s = try Self.sweep(ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [0.95, 0.0]\n\"model.rho_sy\" = [0.9, 0.0]"))
        XCTAssertEqual(s.grid.count, 4)
        XCTAssertThrowsError(try KDAnalysis(of: s.scenario(at: 0))) { error in
            XCTAssert("\(error)".contains("rho_ts/rho_sy/rho_ty"), "\(error)")
        }
        XCTAssertNoThrow(try KDAnalysis(of: s.scenario(at: 3)))
    }
}

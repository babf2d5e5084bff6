import CCHScenario
import CrossModalKD
import XCTest

/// `ScenarioKey`: every key spells and parses back to itself, paths that name no key parse to
/// nil, and the library's parameters are named by keys of the type.
final class ScenarioKeyTests: XCTestCase {
    /// Every key of every table, the header keys, and keys of named modalities.
    static var everyKey: [ScenarioKey] {
        ScenarioKey.Header.allCases.map(ScenarioKey.header) + ScenarioKey.Model.allCases.map(ScenarioKey.model)
            + ScenarioKey.Teacher.allCases.map(ScenarioKey.teacher) + ScenarioKey.Student.allCases.map(ScenarioKey.student)
            + ScenarioKey.MonteCarlo.allCases.map(ScenarioKey.monteCarlo) + ScenarioKey.Estimation.allCases.map(ScenarioKey.estimation)
            + ScenarioKey.DataSource.allCases.map(ScenarioKey.data) + ScenarioKey.Experiment.allCases.map(ScenarioKey.experiment)
            + [.modality("A", .rhoTS), .modality("B", .rhoTY), .modality("x_1", .noise), .modality("A", .loadings),
               .modality("B", .rhoWith("A")), .teacherWeight("A")]
    }

    func testEveryKeyRoundTrips() {
        for key in Self.everyKey {
            XCTAssertEqual(ScenarioKey(dotted: key.dotted), key, key.dotted)
        }
        XCTAssertEqual(Set(Self.everyKey.map(\.dotted)).count, Self.everyKey.count, "two keys share a spelling")
    }

    func testSpellings() {
        XCTAssertEqual(ScenarioKey.model(.rhoTS).dotted, "model.rho_ts")
        XCTAssertEqual(ScenarioKey.monteCarlo(.testN).dotted, "monte_carlo.test_n")
        XCTAssertEqual(ScenarioKey.student(.truthMaximumTrials).dotted, "student.truth_max_trials")
        XCTAssertEqual(ScenarioKey.header(.seed).dotted, "seed")
        XCTAssertEqual(ScenarioKey.modality("B", .rhoWith("A")).dotted, "model.teachers.B.rho_with_A")
        XCTAssertEqual(ScenarioKey.teacherWeight("A").dotted, "teacher.weights.A")
        XCTAssertEqual("\(ScenarioKey.student(.lambda))", "student.lambda")
        XCTAssertEqual(ScenarioKey.modality("A", .noise).table, .model)
        XCTAssertEqual(ScenarioKey.teacherWeight("A").table, .teacher)
        XCTAssertNil(ScenarioKey.header(.name).table)
    }

    func testPathsThatNameNoKey() {
        for path in ["", "modle.rho_ts", "model.rho_xy", "model.rho_ts.x", "model", "sweep.x", "output.plots", "seed.x",
                     "model.teachers.B.rho_with_", "model.teachers.B.dim", "model.teachers..rho_ts", "teacher.weights.",
                     "teacher.weights.A.x", "Model.rho_ts", "data.label.file"] {
            XCTAssertNil(ScenarioKey(dotted: path), path)
        }
    }

    /// Every parameter with a single key is named by it, and its error key parses back to it.
    func testParametersAreNamedByKeys() {
        for parameter in Parameter.allCases {
            if let key = parameter.key {
                XCTAssertEqual(parameter.scenarioKey, key.dotted, "\(parameter)")
                XCTAssertEqual(ScenarioKey(dotted: parameter.scenarioKey), key, "\(parameter)")
            }
        }
        XCTAssertEqual(Parameter.rhoTY.key, .model(.rhoTY))
        XCTAssertEqual(Parameter.truthStandardError.key, .student(.truthSE))
        XCTAssertEqual(Parameter.correlations.scenarioKey, "model.rho_ts/rho_sy/rho_ty")
        XCTAssertEqual(Parameter.monteCarlo.scenarioKey, "monte_carlo")
    }

    func testErrorAtAKey() {
        let e = ScenarioError(file: "a.toml", key: .teacherWeight("B"), reason: "must be >= 0")
        XCTAssertEqual(e.key, "teacher.weights.B")
        XCTAssertEqual(e.description, "a.toml: teacher.weights.B: must be >= 0")
        XCTAssertEqual(ScenarioError(file: "a.toml", topLevel: ScenarioKey.Table.sweep, reason: "r").description, "a.toml: sweep: r")
    }

    /// The leaves a table reader reads by, and the paths of the tables below a table.
    func testLeavesAndReaderPaths() throws {
        XCTAssertEqual(ScenarioKey.dataLabel(.file).dotted, "data.label.file")
        XCTAssertEqual(ScenarioKey.dataLabel(.column).table, .data)
        XCTAssertEqual(ScenarioKey.Output.logX.dotted, "output.log_x")
        XCTAssertEqual(ScenarioKey.Experiment.teacherSets.name, "teacher_sets")
        XCTAssertEqual(ScenarioKey.ModalityLeaf.rhoWith("A").name, "rho_with_A")
        XCTAssertEqual(ScenarioKey.Element(of: ScenarioKey.Model.teacherBlocks, at: 2).name, "teacher_blocks[2]")

        let document = try ScenarioDocument(file: "a.toml", text: "[model]\nteachers = { A = { rho_ts = \"x\" } }\n")
        let model = try TableReader(document, section: .model)
        guard case .table(let teachers)? = model.value(ScenarioKey.Model.teachers), case .table(let a)? = teachers["A"] else {
            return XCTFail("no [model.teachers.A]")
        }
        let modality = model.reader(of: ScenarioKey.Model.teachers, table: teachers).reader(of: ScenarioKey.Named("A"), table: a)
        XCTAssertEqual(modality.keyPath(ScenarioKey.ModalityLeaf.rhoTS), ScenarioKey.modality("A", .rhoTS).dotted)
        XCTAssertThrowsError(try modality.double(ScenarioKey.ModalityLeaf.rhoTS)) { error in
            XCTAssertEqual("\(error)", "a.toml: model.teachers.A.rho_ts: expected a number, got a string (\"x\")")
        }
    }
}

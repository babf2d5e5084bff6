import XCTest
@testable import CCHScenario

/// `[experiment] teacher_sets` and a view's `components` (docs/real-data.md, "Teacher sets"):
/// the sets each spelling decodes to, and every bad value's error naming the file, key and reason.
final class TeacherSetsDecodingTests: XCTestCase {
    private let views = ["fourier", "karhunen", "pixel", "zernike"]

    private func text(_ experiment: String, viewKeys: String = "") -> String {
        "[data]\nlabel = { file = \"y.csv\", column = \"y\", kind = \"class\" }\n"
            + views.map { "[[data.views]]\nname = \"\($0)\"\nfile = \"\($0).csv\"\n" + ($0 == "pixel" ? viewKeys : "") }.joined()
            + "[experiment]\n\(experiment)\n"
    }

    private func decodeError(_ experiment: String, viewKeys: String = "") -> String {
        do { _ = try DataScenario(file: "s.toml", text: text(experiment, viewKeys: viewKeys)); return "no error" } catch { return "\(error)" }
    }

    func testEverySpellingDecodesToItsSets() throws {
        XCTAssertEqual(try DataScenario(file: "s.toml", text: text("")).teacherSets, [])
        XCTAssertEqual(try DataScenario(file: "s.toml", text: text("teacher_sets = \"single\"")).teacherSets, [])
        XCTAssertEqual(try DataScenario(file: "s.toml", text: text("teacher_sets = \"pairs\"")).teacherSets,
                       [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
        XCTAssertEqual(try DataScenario(file: "s.toml", text: text("teacher_sets = [[\"pixel\", \"fourier\"], [\"karhunen\", \"pixel\", \"zernike\"]]")).teacherSets,
                       [[2, 0], [1, 2, 3]])
        let scenario = try DataScenario(file: "s.toml", text: text("", viewKeys: "components = 3\n"))
        XCTAssertEqual(scenario.views.map(\.components), [nil, nil, 3, nil])
    }

    func testBadTeacherSetsAreErrorsNamingTheKeyAndTheReason() {
        let cases: [(String, String)] = [
            ("teacher_sets = \"pair\"", "s.toml: experiment.teacher_sets: unknown value 'pair'; expected \"single\", \"pairs\" or a list of view sets such as [[\"fourier\", \"karhunen\"]] (did you mean pairs?)"),
            ("teacher_sets = [[\"fourier\", \"karhunan\"]]", "s.toml: experiment.teacher_sets: set 1: unknown view 'karhunan' (did you mean karhunen?); the views are 'fourier', 'karhunen', 'pixel', 'zernike'"),
            ("teacher_sets = [[\"fourier\", \"pixel\"], [\"pixel\", \"fourier\"]]", "s.toml: experiment.teacher_sets: set 2: the same views as set 1; each teacher set is listed once"),
            ("teacher_sets = [[\"pixel\", \"pixel\"]]", "s.toml: experiment.teacher_sets: set 1: the view 'pixel' is listed twice"),
            ("teacher_sets = [[\"pixel\"]]", "s.toml: experiment.teacher_sets: set 1: a teacher set needs at least two views (every single view is a teacher already), got 1"),
            ("teacher_sets = [[\"fourier\", \"karhunen\", \"pixel\", \"zernike\"]]", "s.toml: experiment.teacher_sets: set 1: holds every view, so it teaches none"),
            ("teacher_sets = []", "s.toml: experiment.teacher_sets: an empty list;"),
            ("teacher_sets = [[1, 2]]", "s.toml: experiment.teacher_sets: set 1: view names are strings, got"),
            ("teacher_sets = 2", "s.toml: experiment.teacher_sets: expected \"single\", \"pairs\" or a list of view sets"),
        ]
        for (experiment, expected) in cases {
            let message = decodeError(experiment)
            XCTAssertTrue(message.hasPrefix(expected), "expected «\(expected)», got «\(message)»")
        }
        let twoViews = "[data]\nlabel = { file = \"y.csv\", column = \"y\", kind = \"class\" }\n[[data.views]]\nname = \"a\"\nfile = \"a.csv\"\n"
            + "[[data.views]]\nname = \"b\"\nfile = \"b.csv\"\n[experiment]\nteacher_sets = \"pairs\"\n"
        XCTAssertThrowsError(try DataScenario(file: "s.toml", text: twoViews)) {
            XCTAssertTrue("\($0)".hasPrefix("s.toml: experiment.teacher_sets: \"pairs\" needs three or more views"), "\($0)")
        }
        XCTAssertTrue(decodeError("student_ridge = [0.1, 0]").hasPrefix("s.toml: experiment.student_ridge: every value must be > 0, got 0"))
        XCTAssertTrue(decodeError("student_ridge = [0.1, 0.1]").hasPrefix("s.toml: experiment.student_ridge: a value is listed twice"))
        XCTAssertTrue(decodeError("student_ridge = []").hasPrefix("s.toml: experiment.student_ridge: expected a non-empty array of numbers"))
        XCTAssertEqual(try DataScenario(file: "s.toml", text: text("student_ridge = [0.01, 1]")).studentRidges, [0.01, 1])
        let continuous = text("student_ridge = [1]").replacingOccurrences(of: "kind = \"class\"", with: "kind = \"continuous\"")
        XCTAssertThrowsError(try DataScenario(file: "s.toml", text: continuous)) {
            XCTAssertTrue("\($0)".hasPrefix("s.toml: experiment.student_ridge: applies to the softmax students of a class label"), "\($0)")
        }
        XCTAssertTrue(decodeError("", viewKeys: "components = 0\n").hasPrefix("s.toml: data.views[3].components: "), decodeError("", viewKeys: "components = 0\n"))
        XCTAssertTrue(decodeError("", viewKeys: "components = 1001\n").contains("data.views[3].components: must be at most 1000"))
    }
}

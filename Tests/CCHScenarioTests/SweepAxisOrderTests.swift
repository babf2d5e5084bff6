@testable import CCHScenario
import CCHTestSupport
import Testing

/// The axis order of a sweep comes from the TOML structure: keys in the order written, whatever
/// comments and strings say.
struct SweepAxisOrderTests {
    static let written = ["model.rho_ts", "model.rho_sy", "student.lambda"]

    static func axes(_ sweepTable: String) throws -> [String] {
        try Sweep(file: "order.toml", text: ScenarioFixtures.sweepScenario(sweepTable)).grid.axes.map(\.key.dotted)
    }

    @Test func commentsNamingAnAxisDoNotReorderTheAxes() throws {
        let plain = """
            [sweep]
            "model.rho_ts" = [0.1, 0.2]
            "model.rho_sy" = [0.3, 0.4]
            "student.lambda" = [0.1, 0.5]
            """
        #expect(try Self.axes(plain) == Self.written)
        // A comment right after the header mentions the last axis first.
        let commented = plain.replacingOccurrences(of: "[sweep]", with: "[sweep]  # \"student.lambda\" varies fastest, student.lambda\n# model.rho_sy too")
        #expect(try Self.axes(commented) == Self.written)
    }

    @Test func stringsAndInlineTablesNamingAnAxisDoNotReorderTheAxes() throws {
        let text = """
            [output]
            title = "[sweep] \\"student.lambda\\" first"
            [sweep]
            "model.rho_ts" = { from = 0.1, to = 0.2, steps = 2 }  # "student.lambda"
            'model.rho_sy' = [0.3, 0.4]
            "student.lambda" = [0.1, 0.5]
            """
        #expect(try Self.axes(text) == Self.written)
    }

    @Test func multiLineArraysAndStringsAreSkippedAsTOMLDefinesThem() {
        let order = TOMLKeyOrder(text: """
            a = \"\"\"
            b = 1
            \"\"\"
            c = [
              1, # d = 2
              2,
            ]
            [sweep]
            "y.z" = ['x = 1', "w"]
            x = { p = 1, "q.r" = [2] }
            """)
        #expect(order.paths.elements == [["a"], ["c"], ["sweep"], ["sweep", "y.z"], ["sweep", "x"], ["sweep", "x", "p"], ["sweep", "x", "q.r"]])
        #expect(order.keys(below: ["sweep"]) == ["y.z", "x"])
    }
}

import CCHTestSupport
import CCHScenario
@testable import CCHSimCLI
@testable import SweepEngine
import CrossModalKD
import Foundation
import Testing

/// `cchsim analyze` with `[model] label = "sign"`: class-label informations in the report and JSON.
struct ClassLabelAnalyzeTests {
    static let scenario = """
        name = "sign-test"
        [model]
        kind = "correlations"
        rho_ts = 0.6
        rho_sy = 0.5
        rho_ty = 0.4
        label = "sign"
        [student]
        n = 40
        """

    @Test func jsonCarriesClassKeysMatchingTheLibrary() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("sign.toml", Self.scenario)
        let json = try jsonObject(try CCHSimCommand.Analyze.parse([path, "--json"]).output())
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.5, rhoTY: 0.4)
        let misc = try #require(json["mi_sc"] as? Double)
        let mits = try #require(json["mi_ts"] as? Double)
        #expect(json["label"] as? String == "sign")
        let mitc = try #require(json["mi_tc"] as? Double)
        let gap = try #require(json["cch_gap_class"] as? Double)
        // JSON text round trips to within an ulp or two.
        assertClose(misc, SignLabelInformation.mutualInformation(model, block: model.studentIndices), absolute: 1e-14, relative: 1e-14, "mi_sc")
        assertClose(mitc, SignLabelInformation.mutualInformation(model, block: model.teacherIndices), absolute: 1e-14, relative: 1e-14, "mi_tc")
        assertClose(gap, mits - misc, absolute: 1e-14, relative: 1e-14, "cch_gap_class")
        #expect(json["cch_predicts_gain_class"] as? Bool == (mits > misc))
        assertClose(try #require(json["entropy_c"] as? Double), log(2.0), absolute: 1e-14, relative: 1e-14, "entropy_c")
        // The scalar case by hand: a = rho / sqrt(1 - rho^2) for the student.
        assertClose(misc, SignLabelInformation.mutualInformation(signalToNoise: 0.5 / 0.75.squareRoot()), absolute: 1e-14, "I(S;C)")
    }

    @Test func reportShowsClassSectionOnlyForSignLabels() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let sign = try CCHSimCommand.Analyze.parse([try files.write("sign.toml", Self.scenario)]).output()
        #expect(sign.contains("I(S;C)"))
        #expect(sign.contains("CCH gap with the class label"))
        let continuous = Self.scenario.replacingOccurrences(of: "label = \"sign\"", with: "")
        let plain = try CCHSimCommand.Analyze.parse([try files.write("plain.toml", continuous)]).output()
        #expect(!plain.contains("I(S;C)"))
        let plainJSON = try jsonObject(try CCHSimCommand.Analyze.parse([try files.write("plain.toml", continuous), "--json"]).output())
        #expect(plainJSON["mi_sc"] == nil)
    }

    @Test func unknownLabelKindIsAnErrorNamingTheKey() throws {
        let bad = Self.scenario.replacingOccurrences(of: "label = \"sign\"", with: "label = \"ordinal\"")
        #expect {
            _ = try Scenario(file: "bad.toml", text: bad)
        } throws: { error in
            let e = error as? ScenarioError
            return e?.key == "model.label" && e?.reason.contains("\"sign\"") == true && e?.file == "bad.toml"
        }
    }
}

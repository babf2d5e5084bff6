import CCHTestSupport
import CCHScenario
@testable import CCHSimCLI
@testable import SweepEngine
import CrossModalKD
import Foundation
import Testing

/// Logistic-student scenarios: decoding of the logistic keys, `cchsim classify`, and analyze's
/// answer for them.
struct ClassifyCommandTests {
    static let scenario = """
        name = "logit"
        seed = 5
        [model]
        kind = "latent"
        label = "sign"
        teacher_loadings = [[1.0, 0.0]]
        student_loadings = [[1.0, 0.0], [0.0, 1.0]]
        label_loadings = [1.0, 0.0]
        teacher_noise = 0.1
        student_noise = 1.0
        label_noise = 1.5
        [teacher]
        fit = "logistic"
        n = 200
        [student]
        loss = "logistic"
        n = 30
        lambda = 0.7
        temperature = 2.0
        """

    func decode(_ text: String) -> Result<Scenario, ScenarioError> {
        do throws(ScenarioError) { return .success(try Scenario(file: "s.toml", text: text)) } catch { return .failure(error) }
    }

    func reason(_ old: String, _ new: String) -> String {
        switch decode(Self.scenario.replacingOccurrences(of: old, with: new)) {
        case .success: "no error"
        case .failure(let e): e.description
        }
    }

    @Test func logisticKeysDecode() throws {
        let s = try decode(Self.scenario).get()
        #expect(s.classification == LogisticKDSpec(teacher: .fitted(samples: 200, ridge: 0), samples: 30, ridge: 0,
                                                   lambda: 0.7, temperature: 2))
        let oracle = try decode(Self.scenario.replacingOccurrences(of: "fit = \"logistic\"\nn = 200", with: "fit = \"oracle\"")).get()
        #expect(oracle.classification?.teacher == .posterior)
        // The squared loss is unchanged by the new keys.
        let squared = try Scenario(file: "e.toml", text: "[model]\nkind = \"correlations\"\nrho_ts = 0.5\nrho_sy = 0.4\nrho_ty = 0.3\n[student]\nn = 20\nloss = \"squared\"")
        #expect(squared.classification == nil)
    }

    @Test func logisticKeyErrors() {
        #expect(reason("label = \"sign\"\n", "") == "s.toml: student.loss: a logistic student classifies C = sign(Y): set [model] label = \"sign\"")
        #expect(reason("temperature = 2.0", "temperature = 0") == "s.toml: student.temperature: must be > 0, got 0.0")
        #expect(reason("loss = \"logistic\"", "loss = \"hinge\"").contains("student.loss: unknown value \"hinge\""))
        #expect(reason("loss = \"logistic\"", "loss = \"squared\"") == "s.toml: student.temperature: applies to loss = \"logistic\" only")
        #expect(reason("n = 200\n", "") == "s.toml: teacher.n: missing: a logistic teacher needs its sample size")
        #expect(reason("fit = \"logistic\"\nn = 200", "fit = \"oracle\"\nn = 200").contains("teacher.n: applies to fit = \"logistic\" only"))
        #expect(reason("fit = \"logistic\"", "fit = \"ols\"").contains("teacher.fit: unknown value \"ols\""))
        #expect(reason("n = 200\n", "n = 200\nscale = 2\n") == "s.toml: teacher.scale: unknown key")
        #expect(reason("n = 30", "n = \"inf\"").contains("student.n: a logistic student is fitted on a finite sample"))
    }

    @Test func classifyIsReproducibleAndMatchesTheLibrary() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("logit.toml", Self.scenario)
        let args = [path, "--trials", "200", "--json"]
        let text = try CCHSimCommand.Classify.parse(args).output()
        #expect(text == (try CCHSimCommand.Classify.parse(args).output()))
        let json = try jsonObject(text)
        let s = try decode(Self.scenario).get()
        let summary = try #require(try LogisticKDExperiment(of: s, trials: 200)).run(seed: 5)
        for (key, value) in [("cls_accuracy_kd", summary.accuracyKD), ("cls_accuracy_no_kd", summary.accuracyNoKD),
                             ("cls_kd_gain", summary.gain), ("cls_kd_gain_se", summary.gainSE)] {
            assertClose(json[key] as? Double ?? .nan, value, absolute: 1e-14, relative: 1e-14, key)
        }
        #expect(json["cls_kd_helps"] as? Bool == true && json["cch_predicts_gain_class"] as? Bool == true)
        #expect(json["cls_cch_agrees"] as? Bool == true && json["trials"] as? Int == 200 && json["seed"] as? Int == 5)
        let report = try CCHSimCommand.Classify.parse([path, "--trials", "50", "--test-n", "300"]).output()
        #expect(report.contains("on 300 fresh test rows per trial") && report.contains("KD gain (paired)"))
    }

    @Test func classifyAndAnalyzeOnOtherScenarios() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let squared = try files.write("sq.toml", "[model]\nkind = \"correlations\"\nrho_ts = 0.5\nrho_sy = 0.4\nrho_ty = 0.3\n[student]\nn = 20")
        do {
            _ = try CCHSimCommand.Classify.parse([squared]).output()
            Issue.record("classify accepted a squared-loss scenario")
        } catch {
            #expect("\(error)".contains("student.loss: classify needs a logistic student"))
        }
        let logistic = try files.write("logit.toml", Self.scenario)
        let analyzed = try jsonObject(try CCHSimCommand.Analyze.parse([logistic, "--json"]).output())
        #expect(analyzed["student_loss"] as? String == "logistic" && analyzed["mi_sc"] is Double && analyzed["risk_kd"] == nil)
        #expect(throws: (any Error).self) { try CCHSimCommand.Classify.parse([logistic, "--trials", "1"]).output() }
        // The squared-loss Monte Carlo refuses a logistic student.
        #expect {
            _ = try MonteCarloExperiment(of: ScenarioLoading.load(logistic))
        } throws: { error in
            "\(error)".contains("student.loss: the squared-loss Monte Carlo does not apply to a logistic student")
        }
        // [monte_carlo] trials and test_n are classify's defaults.
        let withSettings = try files.write("mc.toml", Self.scenario + "\n[monte_carlo]\ntrials = 30\ntest_n = 100\n")
        let json = try jsonObject(try CCHSimCommand.Classify.parse([withSettings, "--json"]).output())
        #expect(json["trials"] as? Int == 30 && json["test_n"] as? Int == 100)
    }
}

/// The shipped classification scenarios stay valid and runnable.
struct ShippedClassificationScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

    @Test func everyClassificationScenarioRuns() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasPrefix("cls-") && $0.hasSuffix(".toml") }.sorted()
        #expect(names.count == 6)
        for name in names {
            let path = Self.directory.appendingPathComponent(name).path
            let s = try ScenarioLoading.load(path)
            #expect(s.label == .sign && s.classification != nil, "\(name)")
            let json = try jsonObject(try CCHSimCommand.Classify.parse([path, "--trials", "20", "--json"]).output())
            #expect(json["cls_accuracy_kd"] is Double, "\(name)")
        }
    }
}

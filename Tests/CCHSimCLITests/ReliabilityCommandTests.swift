import CCHTestSupport
import CCHScenario
@testable import CCHSimCLI
@testable import SweepEngine
import CrossModalKD
import Foundation
import Testing

/// `cchsim reliability` and the `[estimation]` scenario table.
struct ReliabilityCommandTests {
    static let scenario = """
        name = "rel"
        seed = 3
        [model]
        kind = "correlations"
        rho_ts = 0.45
        rho_sy = 0.4
        rho_ty = 0.3
        [student]
        n = 40
        [estimation]
        n = [50, 400]
        repeats = 40
        estimators = ["gaussian"]
        """

    @Test func jsonHasOneRowPerSampleSizeFromTheEstimationTable() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("rel.toml", Self.scenario)
        let text = try CCHSimCommand.Reliability.parse([path, "--json"]).output()
        let json = try jsonObject(text)
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.map { $0["estimation_n"] as? Int } == [50, 400])
        #expect(json["seed"] as? Int == 3 && json["repeats"] as? Int == 40)
        let direct = try DecisionReliability(of: Scenario(file: path, text: Self.scenario))
        for (row, n) in zip(rows, [50, 400]) {
            let expected = try #require(direct.rows.first { $0.samples == n })
            #expect(row["gaussian_flip_probability"] as? Double == expected.signErrorProbability)
            #expect(row["ksg_flip_probability"] == nil)
        }
        // Options override the table; another seed gives other samples.
        let other = try jsonObject(try CCHSimCommand.Reliability.parse([path, "--json", "--n", "60", "--estimators", "ksg",
                                                                        "--repeats", "10", "--seed", "4"]).output())
        let otherRows = try #require(other["rows"] as? [[String: Any]])
        #expect(otherRows.count == 1 && otherRows[0]["ksg_flip_probability"] != nil && other["seed"] as? Int == 4)
        #expect(try CCHSimCommand.Reliability.parse([path]).output().contains("P(flip)"))
    }

    @Test func estimationTableErrorsNameTheKey() throws {
        func reason(_ replacement: String) -> String {
            let text = Self.scenario.replacingOccurrences(of: "n = [50, 400]", with: replacement)
            do {
                _ = try Scenario(file: "rel.toml", text: text)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(reason("n = [50, 1]") == "rel.toml: estimation.n: sample sizes must be at least 2, got [50, 1]")
        #expect(reason("n = \"many\"").hasPrefix("rel.toml: estimation.n: expected an integer or a list of integers"))
        func replacing(_ old: String, _ new: String) -> String {
            do {
                _ = try Scenario(file: "rel.toml", text: Self.scenario.replacingOccurrences(of: old, with: new))
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(replacing("[\"gaussian\"]", "[\"mine\"]") == "rel.toml: estimation.estimators: unknown estimator \"mine\"; expected some of \"gaussian\", \"ksg\"")
        #expect(replacing("[\"gaussian\"]", "[\"ksg\", \"plugin\"]") == "rel.toml: estimation.estimators: the estimator \"plugin\" is now spelled \"gaussian\"")
        #expect(replacing("[\"gaussian\"]", "[\"probe\"]") == "rel.toml: estimation.estimators: the probe estimator needs a coded class label "
                + "(a data scenario's kind = \"class\" label, `cchsim teachers`); expected some of \"gaussian\", \"ksg\"")
        #expect(replacing("repeats = 40", "repeats = 1") == "rel.toml: estimation.repeats: must be at least 2, got 1")
        #expect(reason("n = [50]\nsamples = 3") == "rel.toml: estimation.samples: unknown key")
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("small.toml", Self.scenario.replacingOccurrences(of: "n = [50, 400]", with: "n = [2]"))
        do {
            _ = try CCHSimCommand.Reliability.parse([path]).output()
            Issue.record("no error for n = 2")
        } catch {
            #expect("\(error)" == "\(path): estimation.n: at n = 2: the Gaussian plug-in estimator needs at least 3 rows, got 2")
        }
        // The same problem from --n names the option, not the file's key (which is fine).
        let good = try files.write("good.toml", Self.scenario)
        do {
            _ = try CCHSimCommand.Reliability.parse([good, "--n", "50,2"]).output()
            Issue.record("no error for --n 50,2")
        } catch {
            #expect("\(error)" == "\(good): --n: at n = 2: the Gaussian plug-in estimator needs at least 3 rows, got 2")
        }
    }
}

import CCHTestSupport
import CCHScenario
import CCHSimCLI
import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// `cchsim simulate` as a user runs it, and the `[monte_carlo]` section of scenario files.
final class SimulateCommandTests: XCTestCase {
    static let scenario = """
        name = "mc"
        seed = 11
        [model]
        kind = "correlations"
        rho_ts = 0.6
        rho_sy = 0.4
        rho_ty = 0.3
        [teacher]
        fit = "ols"
        n = 30
        [student]
        n = 20
        lambda = 0.5
        [monte_carlo]
        trials = 4000
        sampler = "moments"
        """

    private static func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testJSONHasTheAnalyzeKeysThenTheMonteCarloKeys() throws {
        let path = try TestDirectory.file(Self.scenario)
        let r = try CCHSimExecutable.run(["simulate", path, "--json", "--threads", "2"])
        XCTAssertEqual(r.status, 0, r.err)
        let o = try Self.json(r.out)
        let analyze = try Self.json(try CCHSimExecutable.run(["analyze", path, "--json"]).out)
        for (key, value) in analyze {
            XCTAssertEqual("\(o[key] ?? "missing")", "\(value)", "analyze key \(key)")
        }
        for key in ["mc_trials", "mc_risk_no_kd", "mc_risk_kd", "mc_kd_gain", "mc_kd_gain_se", "z_gain", "mc_kd_gain_ci_low",
                    "mc_kd_gain_ci_high", "mc_accuracy_no_kd", "mc_accuracy_kd", "z_risk_no_kd", "z_risk_kd", "mc_sampler"] {
            XCTAssertNotNil(o[key], "missing \(key)")
        }
        XCTAssertEqual(o["mc_trials"] as? Int, 4000)
        XCTAssertEqual(o["mc_sampler"] as? String, "moments")
        XCTAssertTrue(o["mc_test_n"] is NSNull)
        // The analytic values beside the Monte Carlo ones, and the z-score as defined.
        let gain = try XCTUnwrap(o["mc_kd_gain"] as? Double), se = try XCTUnwrap(o["mc_kd_gain_se"] as? Double)
        let analytic = try XCTUnwrap(o["kd_gain"] as? Double), z = try XCTUnwrap(o["z_gain"] as? Double)
        assertClose(z, (gain - analytic) / se, absolute: 1e-9)
        XCTAssertLessThan(abs(z), 4)
        assertClose(try XCTUnwrap(o["mc_kd_gain_ci_high"] as? Double) - gain, 1.959963984540054 * se, absolute: 1e-12)
        // Key order: analyze keys first, then the Monte Carlo keys.
        let text = r.out
        XCTAssertLessThan(try XCTUnwrap(text.range(of: "\"accuracy_opt\"")).lowerBound, try XCTUnwrap(text.range(of: "\"mc_trials\"")).lowerBound)
    }

    func testThreadsAndOverridesLeaveResultsAlone() throws {
        let path = try TestDirectory.file(Self.scenario)
        let one = try CCHSimExecutable.run(["simulate", path, "--json", "--threads", "1", "--trials", "3000"])
        let two = try CCHSimExecutable.run(["simulate", path, "--json", "--threads", "2", "--trials", "3000"])
        XCTAssertEqual(one.status, 0, one.err)
        XCTAssertEqual(one.out, two.out)
        XCTAssertEqual(try Self.json(one.out)["mc_trials"] as? Int, 3000)
        let triples = try Self.json(try CCHSimExecutable.run(["simulate", path, "--json", "--sampler", "triples", "--trials", "3000"]).out)
        XCTAssertEqual(triples["mc_sampler"] as? String, "triples")
        XCTAssertNotEqual(triples["mc_kd_gain"] as? Double, try Self.json(one.out)["mc_kd_gain"] as? Double)
    }

    func testHumanReport() throws {
        let r = try CCHSimExecutable.run(["simulate", try TestDirectory.file(Self.scenario)])
        XCTAssertEqual(r.status, 0, r.err)
        for fragment in ["Monte Carlo: 4000 paired trials, sampler moments", "KD gain (paired)", "risk with KD (lambda 0.5)",
                         "regime exact-ols-fitted-teacher, exact; within 4", "95% interval"] {
            XCTAssertTrue(r.out.contains(fragment), "missing '\(fragment)' in\n\(r.out)")
        }
        // The mean accuracy has no analytic value beside it; the accuracy of E[w] (the analyze
        // keys) is named as the different quantity it is.
        let json = try jsonObject(try CCHSimExecutable.run(["simulate", try TestDirectory.file(Self.scenario), "--json"]).out)
        func f(_ x: Double) -> String { String(format: "%.6g", x) }
        let rows = r.out.split(separator: "\n").map(String.init)
        for label in ["mean accuracy without KD", "mean accuracy with KD"] {
            let row = try XCTUnwrap(rows.first { $0.hasPrefix("  " + label) }, r.out)
            XCTAssert(row.hasSuffix(" -"), "no analytic value beside the mean accuracy: \(row)")
        }
        let ew = "of the mean weight E[w]: \(f(try XCTUnwrap(json["accuracy_no_kd"] as? Double))) without KD, "
            + "\(f(try XCTUnwrap(json["accuracy_kd"] as? Double))) with KD)"
        XCTAssert(r.out.contains(ew), "missing '\(ew)' in\n\(r.out)")
    }

    /// A ridge teacher: no exact formula. `analyze` says so and fails; `simulate` runs and reports the
    /// analyze columns as null (model-only ones kept) with the reason.
    func testRidgeTeacherHasNullAnalyticColumnsAndAReason() throws {
        let text = Self.scenario.replacingOccurrences(of: "fit = \"ols\"", with: "fit = \"ridge\"\nridge = 0.2")
        let path = try TestDirectory.file(text)
        let analyze = try CCHSimExecutable.run(["analyze", path])
        XCTAssertEqual(analyze.status, 1)
        XCTAssertTrue(analyze.err.contains("teacher.fit: no exact formula applies to a ridge-fitted teacher"), analyze.err)
        let r = try CCHSimExecutable.run(["simulate", path, "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let o = try Self.json(r.out)
        XCTAssertTrue(o["risk_no_kd"] is NSNull && o["kd_gain"] is NSNull && o["regime"] is NSNull && o["z_gain"] is NSNull)
        assertClose(o["mi_ts"] as? Double ?? 0, -0.5 * log(1 - 0.36), absolute: 1e-15)
        XCTAssertEqual(o["lambda"] as? Double, 0.5)
        XCTAssertTrue((o["analytic_note"] as? String)?.contains("no exact formula applies") == true)
        XCTAssertNotNil(o["mc_kd_gain"] as? Double)
        let human = try CCHSimExecutable.run(["simulate", path]).out
        XCTAssertTrue(human.contains("Analytic: no value to compare with (teacher.fit: no exact formula applies"), human)
    }

    func testErrorsNameFileKeyAndReason() throws {
        func expect(_ text: String, _ message: String, arguments: [String] = [], status: Int32 = 1, line: UInt = #line) throws {
            let path = try TestDirectory.file(text)
            let r = try CCHSimExecutable.run(["simulate", path] + arguments)
            XCTAssertEqual(r.status, status, r.err, line: line)
            XCTAssertTrue(r.err.contains(message.replacingOccurrences(of: "FILE", with: path)), r.err, line: line)
            XCTAssertTrue(r.out.isEmpty, line: line)
        }
        let s = Self.scenario
        try expect(s.replacingOccurrences(of: "n = 20", with: "n = 1"),
                   "FILE: student.n: with ridge 0 the student's system S'S is singular for n <= ds = 1 (got n = 1)")
        try expect(s.replacingOccurrences(of: "n = 20", with: "n = \"inf\""), "FILE: student.n: Monte Carlo needs a finite number")
        try expect(s.replacingOccurrences(of: "trials = 4000", with: "trails = 4000"), "FILE: monte_carlo.trails: unknown key")
        try expect(s.replacingOccurrences(of: "trials = 4000", with: "trials = 1"), "FILE: monte_carlo.trials: must be at least 2")
        try expect(s.replacingOccurrences(of: "trials = 4000", with: "trials = 2.5"), "FILE: monte_carlo.trials: expected an integer")
        try expect(s.replacingOccurrences(of: "sampler = \"moments\"", with: "sampler = \"wishart\""),
                   "FILE: monte_carlo.sampler: unknown value \"wishart\"; expected one of \"moments\", \"triples\"")
        try expect(s + "\ntest_n = 0", "FILE: monte_carlo.test_n: must be at least 1")
        try expect(s + "\nthreads = 0", "FILE: monte_carlo.threads: must be at least 1")
        try expect(s, "--trials must be at least 2, got 1", arguments: ["--trials", "1"], status: 64)
        try expect(s, "--trials must be at most 1000000000 (the largest value cchsim accepts)", arguments: ["--trials", "1000000001"], status: 64)
        try expect(s, "invalid for '--sampler <sampler>'. Please provide one of 'moments' and 'triples'", arguments: ["--sampler", "bartlett"], status: 64)
        try expect(s, "--threads must be at least 1", arguments: ["--threads", "0"], status: 64)
    }

    /// The columns a sweep writes: known before any run, and the same with or without an analytic formula.
    func testColumnsAreFixedInAdvance() throws {
        let s = try Scenario(file: "mc.toml", text: Self.scenario)
        let e = try MonteCarloExperiment(of: s, settings: MonteCarloSettings(trials: 10))
        XCTAssertEqual(SimulationFields.of(try e.run(of: s, threads: 1)).map(\.key), SimulationFields.table.columns.map(\.key))
        let ridge = try Scenario(file: "r.toml", text: Self.scenario.replacingOccurrences(of: "fit = \"ols\"", with: "fit = \"ridge\"\nridge = 1"))
        let noFormula = try MonteCarloExperiment(of: ridge)
        XCTAssertNil(noFormula.analysis)
        XCTAssertEqual(SimulationFields.analysis(of: noFormula).map(\.key), SimulationFields.analysis(of: e).map(\.key))
        XCTAssertEqual(SimulationFields.analysis(of: e).map(\.key), AnalysisFields.of(try KDAnalysis(of: s)).map(\.key))
    }

    func testMonteCarloSectionDecodes() throws {
        let s = try Scenario(file: "mc.toml", text: Self.scenario + "\ntest_n = 50\nthreads = 3")
        XCTAssertEqual(s.monteCarlo, MonteCarloSettings(trials: 4000, sampler: .moments, testSamples: 50, threads: 3))
        XCTAssertEqual(s.teacher.fit, .ols(samples: 30))
        let plain = try Scenario(file: "plain.toml", text: Self.scenario.components(separatedBy: "[monte_carlo]")[0])
        XCTAssertEqual(plain.monteCarlo, MonteCarloSettings())
        let ridge = try Scenario(file: "r.toml", text: Self.scenario.replacingOccurrences(of: "fit = \"ols\"", with: "fit = \"ridge\"\nridge = 0.25"))
        XCTAssertEqual(ridge.teacher.fit, .ridge(samples: 30, penalty: 0.25))
    }

    func testTeacherRidgeKeysAreChecked() {
        func expect(_ teacher: String, key: String, _ reason: String, line: UInt = #line) {
            let text = Self.scenario.replacingOccurrences(of: "fit = \"ols\"\nn = 30", with: teacher)
            XCTAssertThrowsError(try Scenario(file: "t.toml", text: text), line: line) { error in
                XCTAssertEqual((error as? ScenarioError)?.key, key, "\(error)", line: line)
                XCTAssertTrue((error as? ScenarioError)?.reason.contains(reason) == true, "\(error)", line: line)
            }
        }
        expect("fit = \"ridge\"\nn = 30", key: "teacher.ridge", "missing: a ridge teacher needs its penalty")
        expect("fit = \"ridge\"\nridge = 0.1", key: "teacher.n", "missing: a ridge teacher needs its sample size")
        expect("fit = \"ridge\"\nn = 30\nridge = 0", key: "teacher.ridge", "must be > 0")
        expect("fit = \"ols\"\nn = 30\nridge = 0.1", key: "teacher.ridge", "applies to fit = \"ridge\" only")
    }

    /// The issue's reproducer: a valid covariance times 1e-200. `analyze` gives the unscaled
    /// accuracy 0.63099 (it said 1.0), `simulate` a positive standard error, a finite z and an
    /// interval of positive width (the SE underflowed to 0, z was printed as 0); the relative gain is
    /// the unscaled one. Times 1e-400 (variances below the smallest normal double) is an error.
    func testTinyCovarianceGivesTheUnscaledAnswers() throws {
        func scenario(_ k: String) -> String {
            let m = [[1.0, 0.6, 0.3], [0.6, 1.0, 0.4], [0.3, 0.4, 1.0]]
            let rows = m.map { "[" + $0.map { "\($0)\(k)" }.joined(separator: ", ") + "]" }.joined(separator: ", ")
            return "name = \"tiny\"\nseed = 3\n[model]\nkind = \"covariance\"\ndt = 1\nds = 1\nmatrix = [\(rows)]\n"
                + "[student]\nn = 20\nlambda = 0.5\n[monte_carlo]\ntrials = 2000\n"
        }
        let unit = try Self.json(try CCHSimExecutable.run(["simulate", try TestDirectory.file(scenario("")), "--json"]).out)
        let r = try CCHSimExecutable.run(["simulate", try TestDirectory.file(scenario("e-200")), "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let o = try Self.json(r.out)
        assertClose(try XCTUnwrap(o["accuracy_no_kd"] as? Double), 0.5 + asin(0.4) / Double.pi, absolute: 1e-14)
        assertClose(try XCTUnwrap(o["kd_gain_relative"] as? Double), try XCTUnwrap(unit["kd_gain_relative"] as? Double), absolute: 1e-12)
        let se = try XCTUnwrap(o["mc_kd_gain_se"] as? Double), unitSE = try XCTUnwrap(unit["mc_kd_gain_se"] as? Double)
        XCTAssertGreaterThan(se, 0)
        assertClose(se / 1e-200, unitSE, absolute: 1e-9 * unitSE)
        XCTAssertGreaterThan(try XCTUnwrap(o["mc_kd_gain_ci_high"] as? Double), try XCTUnwrap(o["mc_kd_gain_ci_low"] as? Double))
        let z = try XCTUnwrap(o["z_gain"] as? Double)
        XCTAssertTrue(z.isFinite)
        assertClose(z, try XCTUnwrap(unit["z_gain"] as? Double), absolute: 1e-6)
        let bad = try CCHSimExecutable.run(["analyze", try TestDirectory.file(scenario("e-310"))])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.err.contains("smallest normal double"), bad.err)
    }
}

import CCHTestSupport
import ArgumentParser
import CCHScenario
@testable import CCHSimCLI
@testable import SweepEngine
import CrossModalKD
import Foundation
import XCTest

/// The fuzzer of `make test` (docs/robustness.md, "Fuzzing"): every shipped scenario and a CSV
/// sample, mutated by `InputMutator`, run through the commands. Properties: every input ends in a
/// result or a clean error (the file, a key or line, a reason), never a trap (which would end the
/// test process), never longer than `hangBound`, never a non-finite number in a report (`NonFiniteOutput`).
/// Bounded by time per part (`CCHSIM_FUZZ_SECONDS`, default 10 s, 8 s and 6 s) and seeded
/// (`CCHSIM_FUZZ_SEED`); `make fuzz` runs it longer with a fresh seed.
final class FuzzTests: XCTestCase {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["CCHSIM_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_128
    static func budget(_ fallback: Double) -> Double { environment["CCHSIM_FUZZ_SECONDS"].flatMap(Double.init) ?? fallback }
    /// No input may take longer than this (the slowest legitimate input here takes well under 1 s).
    static let hangBound = 10.0
    /// Sample sizes the fuzzer lets a Monte Carlo or logistic fit run with (its own time budget).
    static let affordableRows = 20_000

    private var files: TestFiles!
    override func setUpWithError() throws { files = try TestFiles() }
    override func tearDown() { files.remove() }

    static var shippedScenarios: [(name: String, text: String)] {
        get throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: SizeLimitTests.scenarios.path).filter { $0.hasSuffix(".toml") }.sorted()
            return try names.map { ($0, try String(contentsOf: SizeLimitTests.scenarios.appendingPathComponent($0), encoding: .utf8)) }
        }
    }

    /// What one input did: a result, or a clean error; anything else is a finding.
    private enum Verdict { case accepted, cleanError, finding(String) }

    func testMutatedScenariosEndInAResultOrACleanError() throws {
        let bases = try Self.shippedScenarios
        var mutator = InputMutator(seed: Self.seed)
        let deadline = Date().addingTimeInterval(Self.budget(10))
        var tried = 0, accepted = 0, findings: [String] = []
        let path = files.directory.appendingPathComponent("fuzz.toml").path
        while Date() < deadline {
            let base = bases[mutator.below(bases.count)]
            let text = mutator.mutateTOML(base.text)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            let start = Date()
            let verdict = scenarioVerdict(path: path, text: text)
            let seconds = Date().timeIntervalSince(start)
            tried += 1
            switch verdict {
            case .accepted: accepted += 1
            case .cleanError: break
            case .finding(let what): findings.append("input \(tried) (from \(base.name)): \(what)")
            }
            if seconds > Self.hangBound { findings.append("input \(tried) (from \(base.name)): took \(seconds) s") }
            if findings.count >= 5 { break }
            if seconds > 2 { print("fuzz: slow input \(tried) from \(base.name): \(seconds) s, \(text.count) characters") }
        }
        print("fuzz: \(tried) mutated scenarios (seed \(Self.seed)), \(accepted) ran, \(tried - accepted) clean errors, \(findings.count) findings")
        XCTAssertGreaterThan(tried, 100)
        XCTAssertTrue(findings.isEmpty, findings.joined(separator: "\n"))
    }

    func testMutatedCSVsEndInAResultOrACleanError() throws {
        let base = try Self.sampleCSV()
        var mutator = InputMutator(seed: Self.seed &+ 1)
        let deadline = Date().addingTimeInterval(Self.budget(8))
        var tried = 0, accepted = 0, findings: [String] = []
        let path = files.directory.appendingPathComponent("fuzz.csv").path
        while Date() < deadline {
            let text = mutator.mutateCSV(base)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            var arguments = ["--csv", path, "--teacher", "t1,t2", "--student", "s", "--label", "y", "--json",
                             "--replicates", mutator.pick(["0", "0", "8"])]
            if mutator.below(4) == 0 { arguments.append("--discrete-label") }
            let start = Date()
            let verdict = run(path: path) { try CCHSimCommand.EstimateMI.parse(arguments).output() }
            tried += 1
            switch verdict {
            case .accepted: accepted += 1
            case .cleanError: break
            case .finding(let what): findings.append("CSV input \(tried): \(what)")
            }
            let seconds = Date().timeIntervalSince(start)
            if seconds > Self.hangBound { findings.append("CSV input \(tried): took too long") }
            if seconds > 2 { print("fuzz: slow CSV input \(tried): \(seconds) s, \(text.count) characters") }
            if findings.count >= 5 { break }
        }
        print("fuzz: \(tried) mutated CSVs (seed \(Self.seed &+ 1)), \(accepted) estimated, \(tried - accepted) clean errors, \(findings.count) findings")
        XCTAssertGreaterThan(tried, 100)
        XCTAssertTrue(findings.isEmpty, findings.joined(separator: "\n"))
    }

    /// The same mutated scenarios through the executable: exit 0, or exit 1/64 with one
    /// `Error: FILE: ...` line; never a signal, never past the bound.
    func testTheExecutableNeverDiesOfASignal() throws {
        let bases = try Self.shippedScenarios
        var mutator = InputMutator(seed: Self.seed &+ 2)
        let deadline = Date().addingTimeInterval(Self.budget(6))
        var tried = 0, findings: [String] = []
        let path = files.directory.appendingPathComponent("fuzz.toml").path
        while Date() < deadline, findings.isEmpty {
            let base = bases[mutator.below(bases.count)]
            try mutator.mutateTOML(base.text).write(toFile: path, atomically: false, encoding: .utf8)
            let command = mutator.pick([["analyze", path], ["analyze", path, "--json"], ["estimate-mi", path, "--n", "60", "--replicates", "4"]])
            let r = try CCHSimProcess.run(command, timeout: Self.hangBound)
            tried += 1
            let clean = r.ending == .exit(0) || (r.isCleanError && r.err.contains(path))
            if !clean { findings.append("\(command.joined(separator: " ")) from \(base.name): \(r.ending), \(r.err.prefix(300))") }
        }
        print("fuzz: \(tried) mutated scenarios through the executable (seed \(Self.seed &+ 2)), \(findings.count) findings")
        XCTAssertGreaterThan(tried, 10)
        XCTAssertTrue(findings.isEmpty, findings.joined(separator: "\n"))
    }

    // MARK: Running one input

    /// Every command a scenario input can go through, each bounded by the fuzzer's budget.
    private func scenarioVerdict(path: String, text: String) -> Verdict {
        var steps: [() throws -> String?] = [
            { try CCHSimCommand.Analyze.parse([path, "--json"]).output() },
            { try CCHSimCommand.Analyze.parse([path]).output() },
            { try CCHSimCommand.EstimateMI.parse([path, "--n", "50", "--replicates", "0", "--json"]).output() },
        ]
        if let scenario = try? Scenario(file: path, text: text) {
            if scenario.truth.method == .monteCarlo {
                // The Monte Carlo truth runs until its standard error is reached: bounded here to a
                // few hundred trials, the analyze keys it fills are checked all the same.
                steps[0] = {
                    guard Self.affordable(scenario) else { return nil }
                    let experiment = try MonteCarloExperiment(of: scenario, settings: MonteCarloSettings(
                        trials: 2, sampler: .moments, testSamples: scenario.monteCarlo.testSamples, threads: 1))
                    let analysis = try KDAnalysis(monteCarloTruthOf: experiment, standardError: scenario.truth.standardError,
                                                  maximumTrials: 200, seed: scenario.seed, pointIndex: 0, threads: 1)
                    return JSONText.object(AnalysisFields.of(analysis))
                }
            }
            if scenario.classification == nil, Self.affordable(scenario) {
                steps.append {
                    let settings = MonteCarloSettings(trials: 2, sampler: .moments, testSamples: scenario.monteCarlo.testSamples, threads: 1)
                    let summary = try MonteCarloExperiment(of: scenario, settings: settings).run(of: scenario, threads: 1)
                    return JSONText.object(SimulationFields.of(summary))
                }
            }
            if scenario.classification != nil, Self.affordable(scenario) {
                steps.append { try CCHSimCommand.Classify.parse([path, "--trials", "2", "--test-n", "10", "--json"]).output() }
            }
            if scenario.document.hasSweep, scenario.truth.method == .analytic {
                steps.append {
                    let sweep = try Sweep(file: path, text: text)
                    for point in Set([0, sweep.grid.count - 1]) { _ = try KDAnalysis(sweepPoint: sweep.scenario(at: point)) }
                    return nil
                }
            }
        }
        // The report echoes the scenario's own words, which may be "nan" or "inf".
        let echoed = (try? ScenarioDocument(file: path, text: text)).map { document in
            ["name", "description"].compactMap { key -> String? in
                if case .string(let s)? = document.root[key] { s } else { nil }
            }
        } ?? []
        var accepted = true
        for step in steps {
            switch run(path: path, echoing: echoed, step) {
            case .accepted: break
            case .cleanError: accepted = false
            case .finding(let what): return .finding(what)
            }
        }
        return accepted ? .accepted : .cleanError
    }

    /// A scenario whose Monte Carlo or logistic fits the fuzzer can afford.
    private static func affordable(_ s: Scenario) -> Bool {
        let rows = [s.classification?.samples, s.monteCarlo.testSamples].compactMap { $0 }
        var teacherRows: Int?
        if case .fitted(let nt, _)? = s.classification?.teacher { teacherRows = nt }
        return (rows + [teacherRows].compactMap { $0 }).allSatisfy { $0 <= affordableRows }
            && s.numbersPerSampleRow <= 200
    }

    /// Runs `body`; its report must hold only finite numbers (`NonFiniteOutput`: no nan or inf in
    /// text, no null in JSON but at the documented keys); errors must name the file and give a reason.
    private func run(path: String, echoing echoed: [String] = [], _ body: () throws -> String?) -> Verdict {
        do {
            guard let output = try body() else { return .accepted }
            let nonFinite = NonFiniteOutput.findings(in: output, echoing: echoed)
            if !nonFinite.isEmpty { return .finding("non-finite output: \(nonFinite.prefix(5)): \(output.prefix(400))") }
            return .accepted
        } catch let e as ScenarioError {
            let located = e.file == path && (!e.key.isEmpty || e.reason.contains("line"))
            return located && !e.reason.isEmpty ? .cleanError : .finding("unlocated scenario error: \(e.description.prefix(300))")
        } catch let e as DataFileError {
            guard e.file == path, !e.reason.isEmpty else { return .finding("unlocated data-file error: \(e.description.prefix(300))") }
            return e.description.count < 2_000 ? .cleanError : .finding("error message of \(e.description.count) characters: \(e.description.prefix(300))")
        } catch let e as FileError {
            return e.path == path && !e.reason.isEmpty ? .cleanError : .finding("unlocated file error: \(e.description.prefix(300))")
        } catch let e as EstimatorFailure {
            let text = e.description
            guard e.source.contains(path) else { return .finding("error without the file: \(text.prefix(300))") }
            return text.count < 2_000 ? .cleanError : .finding("error message of \(text.count) characters: \(text.prefix(300))")
        } catch {
            return .finding("unexpected error \(type(of: error)): \(String(describing: error).prefix(300))")
        }
    }

    /// A CSV of 80 rows drawn from the shipped example model, with an unused column.
    static func sampleCSV() throws -> String {
        let model = try JointGaussian.latent(teacherLoadings: Matrix([[1, 0.5], [0.2, 1]]), studentLoadings: Matrix([[0.7, 0.7]]),
                                             labelLoadings: [1, 0.3], teacherNoise: 0.5, studentNoise: 0.8, labelNoise: 0.6)
        let data = GaussianSampler(model: model).draw(80, from: RandomStream(seed: 5, ids: [1]))
        var lines = ["t1,t2,s,y,unused"]
        for r in 0..<data.rows { lines.append((0..<4).map { "\(data[r, $0])" }.joined(separator: ",") + ",\(r)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

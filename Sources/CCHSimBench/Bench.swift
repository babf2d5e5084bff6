import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation

/// `make bench`: throughput of the Monte Carlo engine (release build) against the NumPy reference
/// (bench/numpy_reference.py), its parallel speed-up, and the triples sampler against the floor set
/// by drawing the same Gaussians with GSL alone. Every figure is the median of `--repeats` runs,
/// with the spread (min - max); runs of the different measurements are interleaved so that
/// background load affects them alike.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchsim-bench",
        abstract: "Monte Carlo throughput: cchsim (moments, triples; 1 thread and all cores) vs the NumPy reference.")

    @Argument(help: "Scenario files (TOML) to benchmark.")
    var scenarios: [String]

    @Option(help: "Runs per measurement (median and spread are reported).")
    var repeats = 5

    @Option(help: "Approximate seconds per run.")
    var seconds = 1.0

    @Option(help: "Python interpreter for the NumPy reference.")
    var python = "python3"

    @Option(help: "The NumPy reference script.")
    var reference = "bench/numpy_reference.py"

    func validate() throws {
        guard repeats >= 1, seconds > 0 else { throw ValidationError("--repeats >= 1 and --seconds > 0 needed") }
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("cchsim-bench: \(repeats) runs of ~\(seconds) s per measurement, \(cores) cores; figures are trials/s, median [min - max]")
        for path in scenarios { try benchmark(path, cores: cores) }
    }

    private func benchmark(_ path: String, cores: Int) throws {
        let scenario = try Scenario(file: path, text: String(contentsOfFile: path, encoding: .utf8))
        let model = try scenario.buildModel()
        func experiment(_ sampler: MonteCarloSampler, trials: Int) throws -> MonteCarloExperiment {
            var settings = scenario.monteCarlo
            settings.sampler = sampler
            settings.trials = trials
            settings.testSamples = nil
            return try scenario.monteCarloExperiment(settings: settings)
        }
        guard case .finite(let n) = scenario.student.samples else { throw ValidationError("\(path): the benchmark needs a finite student.n") }
        var teacherSamples = 0
        if case .ols(let nt) = scenario.teacher.fit { teacherSamples = nt }
        if case .ridge(let nt, _) = scenario.teacher.fit { teacherSamples = nt }
        let normalsPerTrial = n * (model.dt + model.ds + 1) + teacherSamples * (model.dt + 1)

        print("")
        print("\(path): dt = \(model.dt), ds = \(model.ds), n = \(n), teacher fit \(scenario.teacher.fit); "
              + "triples draw \(normalsPerTrial) normals per trial")

        // Trial counts that take about `seconds` on one thread.
        let momentsTrials = try calibrate { try experiment(.moments, trials: $0).run(seed: scenario.seed, pointIndex: 0, threads: 1) }
        let triplesTrials = try calibrate { try experiment(.triples, trials: $0).run(seed: scenario.seed, pointIndex: 0, threads: 1) }
        let moments = try experiment(.moments, trials: momentsTrials), triples = try experiment(.triples, trials: triplesTrials)

        var rates: [String: [Double]] = [:]
        var numpyRuns: [[String: Any]] = []
        var summaries: [String: MonteCarloSummary] = [:]
        for _ in 0..<repeats {
            for (name, e) in [("moments", moments), ("triples", triples)] {
                for threads in [1, cores] {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let summary = try e.run(seed: scenario.seed, pointIndex: 0, threads: threads)
                    rates["\(name)/\(threads)", default: []].append(Double(e.settings.trials) / elapsed(since: start))
                    summaries[name] = summary
                }
            }
            rates["floor", default: []].append(floorRate(trials: triplesTrials, normalsPerTrial: normalsPerTrial))
            numpyRuns.append(try runNumPy(path))
        }
        rates["numpy"] = numpyRuns.compactMap { $0["trials_per_second"] as? Double }

        func stat(_ key: String) -> (median: Double, low: Double, high: Double) {
            let xs = (rates[key] ?? []).sorted()
            guard !xs.isEmpty else { return (.nan, .nan, .nan) }
            let mid = xs.count / 2
            return (xs.count % 2 == 1 ? xs[mid] : 0.5 * (xs[mid - 1] + xs[mid]), xs[0], xs[xs.count - 1])
        }
        func line(_ label: String, _ key: String, _ extra: String = "") {
            let s = stat(key)
            print("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
                  + "\(rate(s.median)) [\(rate(s.low)) - \(rate(s.high))]".padding(toLength: 36, withPad: " ", startingAt: 0) + extra)
        }
        let numpy = stat("numpy").median
        func ratio(_ key: String) -> String { String(format: "%.1fx NumPy", stat(key).median / numpy) }
        func speedup(_ name: String) -> Double { stat("\(name)/\(cores)").median / stat("\(name)/1").median }
        line("NumPy reference (triples, batched, 1 core)", "numpy")
        line("cchsim moments, 1 thread", "moments/1", ratio("moments/1"))
        line("cchsim moments, \(cores) threads", "moments/\(cores)", ratio("moments/\(cores)") + String(format: ", speed-up %.2fx", speedup("moments")))
        line("cchsim triples, 1 thread", "triples/1", ratio("triples/1"))
        line("cchsim triples, \(cores) threads", "triples/\(cores)", ratio("triples/\(cores)") + String(format: ", speed-up %.2fx", speedup("triples")))
        let fraction = stat("triples/1").median / stat("floor").median
        line("GSL drawing floor (same normals), 1 thread", "floor", String(format: "triples reach %.2f of the floor", fraction))

        // Both programs compute the same thing: their mean gains agree.
        if let m = summaries["moments"], let t = summaries["triples"] {
            let np = numpyRuns.last ?? [:]
            let npGain = np["kd_gain"] as? Double ?? .nan, npSE = np["kd_gain_se"] as? Double ?? .nan
            let analytic = m.analysis.map { String(format: "%.5g", $0.kdGain) } ?? "n/a"
            print("  check: KD gain moments \(String(format: "%.5g +- %.2g", m.gain.mean, m.gain.standardError)), "
                  + "triples \(String(format: "%.5g +- %.2g", t.gain.mean, t.gain.standardError)), "
                  + "NumPy \(String(format: "%.5g +- %.2g", npGain, npSE)), analytic \(analytic)")
        }
        let best = stat("moments/\(cores)").median / numpy, single = stat("moments/1").median / numpy
        print("  targets: >= 10x NumPy: \(verdict(single >= 10)) on 1 thread (\(String(format: "%.1fx", single))), "
              + "\(verdict(best >= 10)) on \(cores) (\(String(format: "%.1fx", best))); "
              + "speed-up >= 1.8x on \(cores) cores: \(verdict(speedup("moments") >= 1.8 && speedup("triples") >= 1.8)); "
              + "triples within 2x of the floor: \(verdict(fraction >= 0.5))")
    }

    /// A trial count that takes about `seconds` with `run` (doubling from 256, then scaled).
    private func calibrate(_ run: (Int) throws -> MonteCarloSummary) throws -> Int {
        var trials = 256
        while true {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try run(trials)
            let t = elapsed(since: start)
            if t > 0.1 * seconds || trials >= MonteCarloSettings.maximumTrials / 2 {
                return max(2, min(MonteCarloSettings.maximumTrials, Int(Double(trials) * seconds / max(t, 1e-9))))
            }
            trials *= 2
        }
    }

    /// Trials per second if a trial only drew its `normalsPerTrial` standard normals with GSL.
    private func floorRate(trials: Int, normalsPerTrial: Int) -> Double {
        let stream = RandomStream(seed: 1)
        var sink = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<(trials * normalsPerTrial) { sink += stream.gaussian() }
        let t = elapsed(since: start)
        if sink.isNaN { print("") }  // keeps the draws from being optimised away
        return Double(trials) / t
    }

    private func runNumPy(_ path: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, reference, path, "--seconds", "\(seconds)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("the NumPy reference failed (\(python) \(reference) \(path))")
        }
        return object
    }

    private func elapsed(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    private func rate(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "n/a" }
    private func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }
}

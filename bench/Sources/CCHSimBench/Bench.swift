import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation

/// `make bench`: throughput of the Monte Carlo engine (release build) against the NumPy reference
/// (bench/numpy_reference.py), its parallel speed-up, and the triples sampler against the floor set
/// by drawing the same Gaussians with GSL alone. Each measurement is repeated `--repeats` times,
/// interleaved with the others; before each round the bench waits for the machine to be quiet
/// (other processes using < 10% of the CPUs, read from /proc/stat). Figures are the best run
/// (background load only ever slows a run down), with the median and the worst as the spread.
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
        print("cchsim-bench: \(repeats) runs of ~\(seconds) s per measurement, \(cores) cores; "
              + "trials/s as best [median, worst] of the runs")
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
            waitForQuietMachine()
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

        func stat(_ key: String) -> (best: Double, median: Double, worst: Double) {
            let xs = (rates[key] ?? []).sorted()
            guard !xs.isEmpty else { return (.nan, .nan, .nan) }
            let mid = xs.count / 2
            return (xs[xs.count - 1], xs.count % 2 == 1 ? xs[mid] : 0.5 * (xs[mid - 1] + xs[mid]), xs[0])
        }
        func line(_ label: String, _ key: String, _ extra: String = "") {
            let s = stat(key)
            print("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
                  + "\(rate(s.best)) [\(rate(s.median)), \(rate(s.worst))]".padding(toLength: 34, withPad: " ", startingAt: 0) + extra)
        }
        let numpy = stat("numpy").best
        func ratio(_ key: String) -> String { String(format: "%.1fx NumPy", stat(key).best / numpy) }
        func speedup(_ name: String) -> Double { stat("\(name)/\(cores)").best / stat("\(name)/1").best }
        line("NumPy reference (triples, batched, 1 core)", "numpy")
        line("cchsim moments, 1 thread", "moments/1", ratio("moments/1"))
        line("cchsim moments, \(cores) threads", "moments/\(cores)", ratio("moments/\(cores)") + String(format: ", speed-up %.2fx", speedup("moments")))
        line("cchsim triples, 1 thread", "triples/1", ratio("triples/1"))
        line("cchsim triples, \(cores) threads", "triples/\(cores)", ratio("triples/\(cores)") + String(format: ", speed-up %.2fx", speedup("triples")))
        let fraction = stat("triples/1").best / stat("floor").best
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
        let best = stat("moments/\(cores)").best / numpy, single = stat("moments/1").best / numpy
        print("  targets: >= 10x NumPy: \(verdict(single >= 10)) on 1 thread (\(String(format: "%.1fx", single))), "
              + "\(verdict(best >= 10)) on \(cores) (\(String(format: "%.1fx", best))); "
              + "speed-up >= 1.8x on \(cores) cores: \(verdict(speedup("moments") >= 1.8 && speedup("triples") >= 1.8)); "
              + "triples within 2x of the floor: \(verdict(fraction >= 0.5))")
    }

    /// Waits up to 60 s for other processes to leave the CPUs at least 90% idle over half a second
    /// (Linux /proc/stat; elsewhere it returns at once). Says so when it gives up.
    private func waitForQuietMachine() {
        func busyAndTotal() -> (Double, Double)? {
            guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
                  let first = text.split(separator: "\n").first else { return nil }
            let ticks = first.split(separator: " ").dropFirst().compactMap { Double($0) }
            guard ticks.count >= 5 else { return nil }
            let total = ticks.reduce(0, +)
            return (total - ticks[3] - ticks[4], total)  // idle and iowait are not busy
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + 60_000_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            guard let a = busyAndTotal() else { return }
            usleep(500_000)
            guard let b = busyAndTotal(), b.1 > a.1 else { return }
            if (b.0 - a.0) / (b.1 - a.1) < 0.1 { return }
        }
        print("  (the machine stayed busy for 60 s: measuring anyway)")
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
        let start = DispatchTime.now().uptimeNanoseconds
        // Each draw is a call into GSL that advances the generator: the compiler cannot drop it.
        for _ in 0..<(trials * normalsPerTrial) { _ = stream.gaussian() }
        return Double(trials) / elapsed(since: start)
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

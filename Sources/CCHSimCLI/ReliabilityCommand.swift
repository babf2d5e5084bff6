import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

extension CCHSimCommand {
    /// `cchsim reliability`: how often the estimated CCH gap has the wrong sign, against n.
    struct Reliability: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Probability that the estimated CCH gap's sign differs from the true one, per sample size and estimator.",
            discussion: """
                Draws --repeats samples of each size from the scenario's model, estimates the gap \
                I(T;S) - I(S;Y) (I(S;C) with a sign label) with each estimator, and counts the samples \
                whose estimated gap has the other sign than the closed form. Settings default to the \
                scenario's [estimation] table. Deterministic for a given seed.
                Example: cchsim reliability Scenarios/example.toml --n 100,300,1000 --repeats 200
                """)

        @OptionGroup var file: ScenarioFileArgument
        @Option(parsing: .unconditional, help: "Sample sizes, comma separated, each at least 2 (default: [estimation] n).")
        var n: Checked<SampleSizes>?
        @Option(parsing: .unconditional, help: "Samples per size (default: [estimation] repeats).")
        var repeats: Int?
        @Option(parsing: .unconditional, help: "Neighbours k of the KSG estimator (default: [estimation] k).")
        var k: Int?
        @Option(help: "Estimators, comma separated (default: [estimation] estimators).")
        var estimators: Checked<EstimatorList>?
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var jsonOption: JSONOption

        mutating func run() throws { try StandardOutput.line(try output()) }

        func validate() throws {
            _ = try n?.value("--n")
            try OptionLimits.check(repeats, "--repeats", minimum: 2, maximum: SizeLimits.maximumStoredTrials)
            try OptionLimits.check(k, "--k", minimum: 1, maximum: SizeLimits.maximumSampleSize)
            _ = try estimators?.value("--estimators")
        }

        func output() throws -> String {
            let loaded = try ScenarioLoading.load(file.scenario)
            var settings = loaded.estimation
            if let sizes = try n?.value("--n").sizes {
                for size in sizes { try loaded.checkHeldRows(size, key: "--n", what: "the rows of one sample") }
                settings.sampleSizes = sizes
            }
            if let repeats { settings.repeats = repeats }
            if let k { settings.k = k }
            if let kinds = try estimators?.value("--estimators").kinds { settings.estimators = kinds }
            let used = seedOption.seed ?? loaded.seed
            let options: [Parameter: String] = [.sampleSizes: n.map { _ in "--n" }, .repeats: repeats.map { _ in "--repeats" },
                                                .neighbours: k.map { _ in "--k" }].compactMapValues { $0 }
            let result = try DecisionReliability(of: loaded, settings: settings, seed: used, options: options)
            return jsonOption.json ? ReliabilityReport.json(scenario: loaded, seed: used, settings: settings, result: result)
                        : ReliabilityReport.text(scenario: loaded, seed: used, settings: settings, result: result)
        }
    }
}

/// The table and JSON of `cchsim reliability`, and the per-sample-size keys a sweep's CSV uses.
enum ReliabilityReport {
    static func text(scenario s: Scenario, seed: UInt64, settings: EstimationSettings, result r: DecisionReliability) -> String {
        let f = AnalysisReport.fmt
        let gapName = s.label == .sign ? "I(T;S) - I(S;C)" : "I(T;S) - I(S;Y)"
        var lines = [
            "Decision reliability of the estimated CCH gap, scenario \(s.name) (\(s.file)), seed \(seed)",
            "  true gap \(gapName) = \(f(r.trueGap)) nats: CCH predicts KD \(r.trueGap > 0 ? "helps" : "does not help")",
            "  \(settings.repeats) samples per size; P(flip) = share of samples whose estimated gap has the other sign",
        ]
        if !r.skipped.isEmpty {
            lines.append("  skipped: \(r.skipped.map(\.rawValue).joined(separator: ", ")) (needs a continuous label)")
        }
        lines.append("")
        func column(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
        lines.append(column("n", 8) + "  estimator  " + column("P(flip)", 9) + column("+- se", 9)
                     + column("mean gap", 11) + column("sd gap", 10) + column("bias", 11))
        for row in r.rows {
            let name = row.estimator == .ksg ? "ksg (k=\(settings.k))" : row.estimator.rawValue
            lines.append(column("\(row.samples)", 8) + "  " + name.padding(toLength: 11, withPad: " ", startingAt: 0)
                         + column(fixed(row.signErrorProbability, 4), 9) + column(fixed(row.signErrorStandardError, 4), 9)
                         + column(fixed(row.gapMean, 5), 11) + column(fixed(row.gapSD, 5), 10)
                         + column(fixed(row.gapMean - r.trueGap, 5), 11))
        }
        return ReportText.join(lines)
    }

    static func json(scenario s: Scenario, seed: UInt64, settings: EstimationSettings, result r: DecisionReliability) -> String {
        let head = JSONText.object([("name", .text(s.name)), ("file", .text(s.file)), ("seed", .unsigned(seed)),
            ("label", .text(s.label.rawValue)),
            ("true_gap", .number(r.trueGap)),
            ("repeats", .integer(settings.repeats)),
            ("k", .integer(settings.k)),
            ("skipped", .text(r.skipped.map(\.rawValue).joined(separator: ","))),
        ])
        let rows = settings.sampleSizes.map { JSONText.object(ReliabilityFields.of(r, samples: $0)) }
        return String(head.dropLast()) + ", \"rows\": [" + rows.joined(separator: ", ") + "]}"
    }
}

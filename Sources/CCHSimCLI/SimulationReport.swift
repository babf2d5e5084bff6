import CCHScenario
import CrossModalKD
import Foundation
import SweepEngine

/// The human-readable report of `cchsim simulate`: Monte Carlo estimates with their standard errors
/// and 95% intervals beside the analytic values, and what the comparison says.
enum SimulationReport {
    static func text(scenario s: Scenario, experiment e: MonteCarloExperiment, summary m: MonteCarloSummary,
                     threads: Int, seconds: Double) -> String {
        let fmt = AnalysisReport.fmt
        var lines: [String] = []
        lines.append("Scenario \(s.name) (\(s.file)), seed \(s.seed)")
        lines.append("  model:   \(AnalysisReport.describe(s.model))")
        lines.append("  teacher: \(AnalysisReport.describe(s))")
        lines.append("  student: n = \(s.student.samples), ridge = \(fmt(s.student.ridge)), lambda = \(fmt(s.student.lambda))")
        lines.append("")
        let scoring = m.testSamples.map { "test risk on \($0) fresh test pairs per trial" } ?? "exact test risk"
        let sampler = m.sampler == .moments ? "moments (Wishart sufficient statistics, Bartlett)" : "triples"
        lines.append("Monte Carlo: \(m.trials) paired trials, sampler \(sampler), \(scoring); "
                     + "\(threads) thread\(threads == 1 ? "" : "s"), \(String(format: "%.3g", seconds)) s")
        if let note = m.samplerNote { lines.append("  note: \(note)") }
        lines.append("")

        let a = m.analysis
        lines.append(row("", "Monte Carlo mean +- SE", "95% interval", "analytic", "z"))
        func line(_ label: String, _ x: MonteCarloEstimate, _ analytic: Double?, z: Double?) -> String {
            row(label, "\(fmt(x.mean)) +- \(String(format: "%.3g", x.standardError))", "[\(fmt(x.lower95)), \(fmt(x.upper95))]",
                analytic.map(fmt) ?? "-", z.map { $0.isFinite ? String(format: "%+.2f", $0) : "- (SE 0)" } ?? "")
        }
        lines.append(line("risk without KD", m.riskNoKD, a?.riskNoKD, z: m.zRiskNoKD))
        lines.append(line("risk with KD (lambda \(fmt(m.lambda)))", m.riskKD, a?.riskKD, z: m.zRiskKD))
        lines.append(line("KD gain (paired)", m.gain, a?.kdGain, z: m.zGain))
        // The mean accuracy of the fitted w has no closed form; the analytic accuracy is that of the
        // mean weight E[w], another quantity, so it is not set beside the Monte Carlo mean.
        lines.append(line("mean accuracy without KD", m.accuracyNoKD, nil, z: nil))
        lines.append(line("mean accuracy with KD", m.accuracyKD, nil, z: nil))
        if let a {
            lines.append("  (mean sign-label accuracy of the fitted w: no closed form. A different quantity, the accuracy")
            lines.append("   of the mean weight E[w]: \(fmt(a.accuracyNoKD)) without KD, \(fmt(a.accuracyKD)) with KD)")
        }
        lines.append("")
        lines.append(gainVerdict(m.gain))
        lines.append(comparison(m, e))
        return ReportText.join(lines)
    }

    private static func row(_ label: String, _ mean: String, _ interval: String, _ analytic: String, _ z: String) -> String {
        func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
        return "  " + pad(label, 29) + pad(mean, 25) + pad(interval, 26) + pad(analytic, 12) + z
    }

    /// What the Monte Carlo says about KD on its own: the sign of the gain, if the interval shows it.
    private static func gainVerdict(_ g: MonteCarloEstimate) -> String {
        if g.lower95 > 0 { return "Monte Carlo: KD helps at this lambda (the gain's 95% interval lies above 0)." }
        if g.upper95 < 0 { return "Monte Carlo: KD hurts at this lambda (the gain's 95% interval lies below 0)." }
        return "Monte Carlo: no significant KD effect at this lambda (the gain's 95% interval contains 0)."
    }

    /// Monte Carlo against the analytic gain.
    private static func comparison(_ m: MonteCarloSummary, _ e: MonteCarloExperiment) -> String {
        guard let a = m.analysis, let z = m.zGain else {
            return "Analytic: no value to compare with (\(m.analysisUnavailable?.scenarioDescription ?? "no formula applies"))."
        }
        let distance = abs(z).isFinite ? String(format: "%.2g", abs(z)) : "infinitely many"
        if a.regime.isExact {
            return abs(z) <= 4
                ? "Agreement: the Monte Carlo gain lies \(distance) standard errors from the analytic gain (regime \(a.regime.rawValue), exact; within 4)."
                : "DISAGREEMENT: the Monte Carlo gain lies \(distance) standard errors from the analytic gain (regime \(a.regime.rawValue), exact; more than 4)."
        }
        let relative = a.riskNoKD != 0 ? abs(m.gain.mean - a.kdGain) / a.riskNoKD : .infinity
        return "The analytic regime \(a.regime.rawValue) is an asymptotic approximation: the gains differ by "
            + "\(String(format: "%.2g", 100 * relative))% of the risk without KD (\(distance) standard errors)."
    }
}

import CCHTestSupport
import Foundation

/// The check that a report holds only finite numbers (docs/robustness.md): cchsim never prints a
/// number it cannot stand behind, so no text report may hold `nan`, `inf` or `infinity` (in any
/// case, with any sign), and a JSON report's non-finite numbers, which it writes as null, appear
/// only at the keys documented as null where a value does not apply. Used by the fuzzer on every
/// mutated input and by `NonFiniteOutputTests` on every command's report of the shipped scenarios.
enum NonFiniteOutput {
    /// What in `output` is a non-finite number: a JSON report (one starting with `{`) by its null
    /// values and the text of its strings, anything else as text. `echoed` are the input's own
    /// words a report repeats (a scenario's name, which may well be "nan"), left out of the check.
    /// Empty when all is finite.
    static func findings(in output: String, echoing echoed: [String] = []) -> [String] {
        guard output.hasPrefix("{") else {
            var text = output
            for word in echoed where !word.isEmpty { text = text.replacingOccurrences(of: word, with: "(echoed)") }
            return inText(text)
        }
        guard let data = output.data(using: .utf8), let tree = try? JSONSerialization.jsonObject(with: data) else {
            return ["not JSON (a non-finite number written as a literal?): \(output.prefix(200))"]
        }
        var found: [String] = []
        walk(tree, path: "") { path, leaf in
            if leaf is NSNull, !nullable(path) { found.append("null at \(path)") }
            // A sample size "inf" is the population regime as the scenario writes it.
            if let text = leaf as? String, text != "inf", !echoed.contains(text) { found += inText(text).map { "\(path): \($0)" } }
        }
        return found
    }

    /// The words `nan`, `inf`, `infinity` (any case, optional sign) in `text`, each with its line;
    /// the one exception is a sample size written `n = inf`, the population regime as a scenario
    /// spells it.
    static func inText(_ text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let allowed = line.replacingOccurrences(of: "n = inf", with: "n = population")
            let words = allowed.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            if words.contains(where: { ["nan", "inf", "infinity"].contains($0.lowercased()) }) {
                found.append("non-finite number in «\(line.prefix(200))»")
            }
        }
        return found
    }

    /// Calls `visit` with the dotted path (array items as `[i]`) and value of every leaf of a JSON tree.
    private static func walk(_ tree: Any, path: String, _ visit: (String, Any) -> Void) {
        switch tree {
        case let object as [String: Any]:
            for (key, value) in object { walk(value, path: path.isEmpty ? key : "\(path).\(key)", visit) }
        case let array as [Any]:
            for (i, item) in array.enumerated() { walk(item, path: "\(path)[\(i)]", visit) }
        default: visit(path, tree)
        }
    }

    /// JSON keys documented as null when they do not apply: intervals without replicates, the
    /// closed form of a CSV, the plug-in (and continuous-label keys) with a class label, the
    /// analytic values where no formula covers a Monte Carlo, the finite-n ridge keys that apply to
    /// one truth method only (docs/finite-n-ridge.md); in `teachers --json`, the cross-entropy gain
    /// of a continuous label and a student's rank correlation with fewer than two teachers to rank.
    static func nullable(_ path: String) -> Bool {
        let key = String(path.split(separator: ".").last ?? "")
        return path.hasPrefix("rank_correlation.") || key.hasPrefix("ce_gain")
            || ["_lower", "_upper", "_gap_positive_fraction", "_settled"].contains { key.hasSuffix($0) }
            || key.hasPrefix("gaussian_") || key.hasPrefix("analytic") || key.hasPrefix("mc_analytic")
            || key == "mc_test_n" || key.hasPrefix("z_")
            || ["verdict_error_bound", "kd_gain_opt_se", "truth_trials", "accuracy_opt", "cls_kd_gain_z", "mi_ts", "mi_sy", "mi_sc",
                "cch_gap", "cch_gap_class", "ksg_mi_sy", "ksg_mi_sc", "ksg_k"].contains(key)
    }
}

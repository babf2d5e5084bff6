import Foundation
import CrossModalKD

/// One named value of a result, shared by the JSON report and the CSV columns so that both
/// always carry the same keys.
public enum ReportValue: Equatable, Sendable {
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case text(String)

    /// JSON text of the value (non-finite numbers become null).
    public var json: String {
        switch self {
        case .number(let x): x.isFinite ? "\(x)" : "null"
        case .integer(let i): "\(i)"
        case .bool(let b): b ? "true" : "false"
        case .text(let s): JSONText.quote(s)
        }
    }
}

/// An ordered list of named values.
public typealias ReportFields = [(key: String, value: ReportValue)]

/// The analyze keys: every analytic quantity of a `KDAnalysis`, named as in README.md's JSON/CSV
/// reference. Informations are in nats; risks in units of Y's variance scale (squared label units).
public enum AnalysisFields {
    public static func of(_ a: KDAnalysis) -> ReportFields {
        let i = a.information
        return [
            ("mi_ts", .number(i.teacherStudent)),
            ("mi_sy", .number(i.studentLabel)),
            ("mi_ty", .number(i.teacherLabel)),
            ("mi_ty_given_s", .number(i.teacherLabelGivenStudent)),
            ("mi_sy_given_t", .number(i.studentLabelGivenTeacher)),
            ("mi_ts_given_y", .number(i.teacherStudentGivenLabel)),
            ("cch_gap", .number(i.cchGap)),
            ("cch_predicts_gain", .bool(i.cchPredictsGain)),
            ("regime", .text(a.regime.rawValue)),
            ("regime_exact", .bool(a.regime.isExact)),
            ("lambda", .number(a.lambda)),
            ("bayes_risk", .number(a.bayesRisk)),
            ("risk_no_kd", .number(a.riskNoKD)),
            ("risk_kd", .number(a.riskKD)),
            ("kd_gain", .number(a.kdGain)),
            ("kd_gain_relative", .number(a.kdGain / a.riskNoKD)),
            ("lambda_opt", .number(a.lambdaOpt)),
            ("kd_gain_opt", .number(a.kdGainOpt)),
            ("kd_helps", .bool(a.kdHelps)),
            ("cch_agrees", .bool(a.cchAgrees)),
            ("accuracy_no_kd", .number(a.accuracyNoKD)),
            ("accuracy_kd", .number(a.accuracyKD)),
            ("accuracy_opt", .number(a.accuracyOpt)),
            ("kd_helps_method", .text(a.regime.truthMethod)),
            ("risk_slope", .number(a.riskCurve.a1)),
            ("verdict_error_bound", .number(a.approximationErrorBound ?? .nan)),
            ("verdict_uncertain", .bool(a.verdictUncertain)),
            ("kd_gain_opt_se", .number(a.monteCarloTruth?.gainOpt.standardError ?? .nan)),
            ("truth_trials", a.monteCarloTruth.map { .integer($0.trials) } ?? .number(.nan)),
        ]
    }
}

/// Minimal JSON text output with a stable key order.
public enum JSONText {
    /// A one-line JSON object of the fields, in order.
    public static func object(_ fields: ReportFields) -> String {
        "{" + fields.map { "\(quote($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

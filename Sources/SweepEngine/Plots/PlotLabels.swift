import CCHScenario
import CrossModalKD

/// Axis labels and captions of the plots, in gnuplot's enhanced text (Greek letters, subscripts).
enum PlotLabels {
    /// The axis label of a swept key, with its meaning and unit.
    static func axis(_ key: ScenarioKey) -> String {
        switch key {
        case .model(.rhoTS): "ρ_{ts} = corr(T, S)"
        case .model(.rhoSY): "ρ_{sy} = corr(S, Y)"
        case .model(.rhoTY): "ρ_{ty} = corr(T, Y)"
        case .model(.teacherNoise): "teacher noise σ_t (standard deviation, units of T)"
        case .model(.studentNoise): "student noise σ_s (standard deviation, units of S)"
        case .model(.labelNoise): "label noise σ_y (standard deviation, units of Y)"
        case .model(.draw): "random scenario number"
        case .student(.lambda): "KD weight λ"
        case .student(.ridge): "student ridge penalty γ"
        case .student(.n): "student training samples n"
        case .teacher(.n): "teacher training samples n_t"
        case .teacher(.scale): "teacher scale c (KD target u = c θ'T)"
        case .student(.temperature): "KD temperature τ"
        case .estimation(.n): "sample size n of the MI estimates"
        default: modalityAxis(key) ?? GnuplotText.literal(key.dotted)
        }
    }

    /// A short name of a swept key for legends and panel titles.
    static func symbol(_ key: ScenarioKey) -> String {
        switch key {
        case .model(.rhoTS): "ρ_{ts}"
        case .model(.rhoSY): "ρ_{sy}"
        case .model(.rhoTY): "ρ_{ty}"
        case .model(.teacherNoise): "σ_t"
        case .model(.studentNoise): "σ_s"
        case .model(.labelNoise): "σ_y"
        case .student(.lambda): "λ"
        case .student(.ridge): "γ"
        case .student(.n): "n"
        case .teacher(.n): "n_t"
        case .teacher(.scale): "c"
        case .student(.temperature): "τ"
        case .estimation(.n): "n_{est}"
        default: modalitySymbol(key) ?? GnuplotText.literal(key.dotted)
        }
    }

    /// Whether a swept key is a correlation (maps of two correlations are drawn square).
    static func isCorrelation(_ key: ScenarioKey) -> Bool {
        switch key {
        case .model(.rhoTS), .model(.rhoSY), .model(.rhoTY), .modality(_, .rhoTS), .modality(_, .rhoTY), .modality(_, .rhoWith): true
        default: false
        }
    }

    /// A teacher set in enhanced text, its modalities by name: `T_{A}, T_{B}` (names shown literally).
    static func teacherSet(_ names: [String]) -> String {
        names.map { "T_{\(GnuplotText.literal($0))}" }.joined(separator: ", ")
    }

    /// `key = value` for a legend or a panel title.
    static func setting(_ key: ScenarioKey, _ value: ScenarioValue) -> String {
        "\(symbol(key)) = \(format(value))"
    }

    static func format(_ value: ScenarioValue) -> String {
        switch value {
        case .number(let x): number(x)
        case .integer(let i): "\(i)"
        case .string("inf"): "∞"
        default: GnuplotText.literal(value.description)
        }
    }

    /// Up to four significant digits.
    static func number(_ x: Double) -> String {
        let s = "\(Double(String(format: "%.4g", x)) ?? x)"
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    /// The settings the sweep holds fixed, in words: the caption under every plot title.
    static func caption(_ s: Scenario, swept: Set<ScenarioKey>) -> String {
        var parts: [String] = []
        if case .string("random-latent")? = s.document.value(at: ScenarioKey.model(.kind).dotted), case .latent(let f) = s.model {
            parts.append("random latent-factor models (k = \(f.labelLoadings.count), d_t = \(f.teacherLoadings.rows), "
                + "d_s = \(f.studentLoadings.rows)) drawn from seed \(s.seed)")
        } else {
            parts.append(model(s.model, modalities: s.teacherModalities.map(\.name), swept: swept))
        }
        parts.append(contentsOf: learning(s, swept: swept))
        return parts.joined(separator: "; ")
    }

    private static func model(_ model: ModelSpec, modalities names: [String], swept: Set<ScenarioKey>) -> String {
        switch model {
        case .correlations(let ts, let sy, let ty):
            let fixed: [(ScenarioKey, Double)] = [(.model(.rhoTS), ts), (.model(.rhoSY), sy), (.model(.rhoTY), ty)].filter { !swept.contains($0.0) }
            return (["scalar T, S, Y with unit variances"] + fixed.map { "\(symbol($0.0)) = \(number($0.1))" }).joined(separator: ", ")
        case .latent(let f):
            var text = "latent factors (k = \(f.labelLoadings.count), d_t = \(f.teacherLoadings.rows), d_s = \(f.studentLoadings.rows))"
            for (key, value): (ScenarioKey, Double) in [(.model(.teacherNoise), f.teacherNoise), (.model(.studentNoise), f.studentNoise),
                                 (.model(.labelNoise), f.labelNoise)] where !swept.contains(key) {
                text += ", \(symbol(key)) = \(number(value))"
            }
            return text
        case .covariance(let dt, let ds, _):
            return "covariance given (d_t = \(dt), d_s = \(ds))"
        case .modalityCorrelations(let c) where names.count == c.modalityCount:
            // Each fixed correlation by its key's symbol: rho(T_A, S), rho(T_A, Y), rho(T_A, T_B).
            var fixed: [(key: ScenarioKey, value: Double)] = [(.model(.rhoSY), c.studentLabel)]
            for (j, name) in names.enumerated() {
                fixed += [(.modality(name, .rhoTS), c.teacherStudent[j]), (.modality(name, .rhoTY), c.teacherLabel[j])]
                for i in 0..<j { fixed.append((.modality(name, .rhoWith(names[i])), c.teacherTeacher[i, j])) }
            }
            let modalities = "teacher modalities \(names.map(GnuplotText.literal).joined(separator: ", ")), student S and label Y: scalar, unit variances"
            return ([modalities] + fixed.filter { !swept.contains($0.key) && !swept.contains(Self.mutualKey($0.key)) }
                .map { "\(symbol($0.key)) = \(number($0.value))" }).joined(separator: ", ")
        case .modalityCorrelations(let c):
            return "\(c.modalityCount) scalar teacher modalities, S, Y with unit variances, ρ_{sy} = \(number(c.studentLabel))"
        }
    }

    /// rho(T_A, T_B) can be written in either modality's table: the key `model.teachers.B.rho_with_A`
    /// names the same correlation as `model.teachers.A.rho_with_B` (the other spelling of `key`,
    /// `key` itself for any other key).
    private static func mutualKey(_ key: ScenarioKey) -> ScenarioKey {
        guard case .modality(let b, .rhoWith(let a)) = key else { return key }
        return .modality(a, .rhoWith(b))
    }

    /// The teacher and the student, in words.
    private static func learning(_ s: Scenario, swept: Set<ScenarioKey>) -> [String] {
        if let c = s.classification { return classification(c, swept: swept) }
        var parts: [String] = []
        var teacher = "teacher: \(s.teacher.target == .prediction ? "prediction target θ'T" : "representation target")"
        switch s.teacher.fit {
        case .oracle: teacher += ", oracle θ"
        case .ols(let nt): teacher += swept.contains(.teacher(.n)) ? ", OLS-fitted θ" : ", θ fitted by OLS on n_t = \(nt)"
        case .ridge(let nt, let penalty):
            teacher += (swept.contains(.teacher(.n)) ? ", ridge-fitted θ" : ", θ fitted by ridge on n_t = \(nt)") + " (penalty \(number(penalty)))"
        }
        if !swept.contains(.teacher(.scale)) && s.teacher.scale != 1 { teacher += ", scale c = \(number(s.teacher.scale))" }
        if s.teacherModalities.count > 1 { teacher += ", " + GnuplotText.literal(combination(s, swept: swept)) }
        parts.append(teacher)
        var student: [String] = []
        if !swept.contains(.student(.n)) {
            switch s.student.samples {
            case .infinite: student.append("population (n = ∞)")
            case .finite(let n): student.append("n = \(n)")
            }
        }
        if !swept.contains(.student(.ridge)) { student.append(s.student.ridge == 0 ? "OLS" : "ridge γ = \(number(s.student.ridge))") }
        if !swept.contains(.student(.lambda)) { student.append("KD weight λ = \(number(s.student.lambda))") }
        if !student.isEmpty { parts.append("student: " + student.joined(separator: ", ")) }
        return parts
    }

    /// Which of several teacher modalities teach: `teacher set A+B`, or the ensemble with its
    /// weights (without them when a weight is swept; its members are then those with a weight
    /// at the first point or a swept one).
    private static func combination(_ s: Scenario, swept: Set<ScenarioKey>) -> String {
        let sweptWeights = Set(swept.compactMap { if case .teacherWeight(let name) = $0 { name } else { nil } })
        switch s.teacher.combination {
        case .ensemble(let w) where !sweptWeights.isEmpty:
            let names = s.teacherModalities.map(\.name)
            return "ensemble of " + s.teacherSetName(w.indices.filter { w[$0] > 0 || sweptWeights.contains(names[$0]) })
        default:
            return s.teacherCombinationDescription ?? "teacher set " + s.teacherSetName(Array(s.teacherModalities.indices))
        }
    }

    /// A logistic student's teacher and settings, in words.
    private static func classification(_ c: LogisticKDSpec, swept: Set<ScenarioKey>) -> [String] {
        var teacher = "teacher: "
        switch c.teacher {
        case .posterior: teacher += "posterior logit of C given T (oracle)"
        case .fitted(let nt, let ridge):
            teacher += swept.contains(.teacher(.n)) ? "logistic regression on T" : "logistic regression on n_t = \(nt)"
            if ridge > 0 && !swept.contains(.teacher(.ridge)) { teacher += " (ridge \(number(ridge)))" }
        }
        var student = ["logistic"]
        if !swept.contains(.student(.n)) { student.append("n = \(c.samples)") }
        if !swept.contains(.student(.ridge)) && c.ridge > 0 { student.append("ridge γ = \(number(c.ridge))") }
        if !swept.contains(.student(.lambda)) { student.append("KD weight λ = \(number(c.lambda))") }
        if !swept.contains(.student(.temperature)) { student.append("τ = \(number(c.temperature))") }
        return [teacher, "student: " + student.joined(separator: ", ")]
    }
}

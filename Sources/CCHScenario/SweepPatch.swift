import CrossModalKD

/// Typed setters for the swept keys whose decoding is one independent read of a number: writing
/// the number into the decoded scenario gives what decoding the overridden document gives, at a
/// fraction of the cost (large sweeps decode nothing per point).
///
/// `Sweep` uses them only after checking, for every value of every axis, that the patched scenario
/// equals the decoded one (model, teacher, student and seed are compared); otherwise every point is
/// decoded. A setter returns false when it does not apply (another model kind, another value type).
enum SweepPatch {
    typealias Setter = @Sendable (inout Scenario, ScenarioValue) -> Bool

    /// The setter of `key`, nil when it has none.
    static func setter(for key: ScenarioKey) -> Setter? { setters[key] }

    private static let setters: [ScenarioKey: Setter] = [
        .model(.rhoTS): correlation { ts, _, _, x in ts = x },
        .model(.rhoSY): correlation { _, sy, _, x in sy = x },
        .model(.rhoTY): correlation { _, _, ty, x in ty = x },
        .model(.teacherNoise): latent { $0.teacherNoise = $1 },
        .model(.studentNoise): latent { $0.studentNoise = $1 },
        .model(.labelNoise): latent { $0.labelNoise = $1 },
        .teacher(.scale): number { $0.teacher.scale = $1 },
        .student(.lambda): number { $0.student.lambda = $1 },
        .student(.ridge): number { $0.student.ridge = $1 },
        .teacher(.n): { s, v in
            guard case .integer(let n) = v else { return false }
            switch s.teacher.fit {
            case .oracle: break
            case .ols: s.teacher.fit = .ols(samples: n)
            case .ridge(_, let penalty): s.teacher.fit = .ridge(samples: n, penalty: penalty)
            }
            return true
        },
        .student(.n): { s, v in
            switch v {
            case .integer(let n): s.student.samples = .finite(n)
            case .string("inf"): s.student.samples = .infinite
            default: return false
            }
            return true
        },
        .header(.seed): { s, v in
            guard case .integer(let i) = v, i >= 0 else { return false }
            s.seed = UInt64(i)
            return true
        },
    ]

    private static func number(_ set: @escaping @Sendable (inout Scenario, Double) -> Void) -> Setter {
        { s, v in
            guard let x = v.asDouble, x.isFinite else { return false }
            set(&s, x)
            return true
        }
    }

    private static func correlation(_ set: @escaping @Sendable (inout Double, inout Double, inout Double, Double) -> Void) -> Setter {
        number { s, x in
            guard case .correlations(var ts, var sy, var ty) = s.model else { return }
            set(&ts, &sy, &ty, x)
            s.model = .correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty)
        }
    }

    private static func latent(_ set: @escaping @Sendable (inout ModelSpec.LatentFactors, Double) -> Void) -> Setter {
        number { s, x in
            guard case .latent(var f) = s.model else { return }
            set(&f, x)
            s.model = .latent(f)
        }
    }
}

extension Scenario {
    /// Whether two scenarios describe the same computation (model, teacher, student, seed, and
    /// the label, estimation and logistic settings).
    func sameSettings(as other: Scenario) -> Bool {
        model == other.model && teacher == other.teacher && student == other.student && truth == other.truth && seed == other.seed
            && label == other.label && estimation == other.estimation && classification == other.classification
    }
}

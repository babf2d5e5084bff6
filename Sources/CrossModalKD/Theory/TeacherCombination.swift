/// How the teacher modalities T_1..T_m of a model (`JointGaussian.teacherBlocks`) teach
/// (docs/theory.md section 3.6, docs/multi-teacher.md). Both ways hand the student a target
/// u = theta_eff'T linear in T, so every regime of docs/theory.md section 4 applies unchanged.
public enum TeacherCombination: Sendable, Equatable {
    /// One teacher on the concatenation T_J of the modalities J (indices of
    /// `JointGaussian.teacherBlocks`): theta_J = S_JJ^-1 S_Jy, zero outside J. nil is every
    /// modality, all of T: the single teacher of docs/theory.md section 3.1.
    case set([Int]?)
    /// The weighted mean of the modalities' own teachers' predictions,
    /// u = c sum_j w_j theta_j'T_j with theta_j = S_jj^-1 S_jy, each fitted (when fitted) on its
    /// own rows. `weights` has one entry per modality, >= 0 and not all 0 (0: not a member); they
    /// are normalised to sum to 1. Prediction target only.
    case ensemble(weights: [Double])

    /// Whether this is a teacher set (else an ensemble).
    public var isSet: Bool { if case .set = self { true } else { false } }

    /// One teacher on all of T (the default).
    public static let allModalities = TeacherCombination.set(nil)

    /// The ensemble of the modalities `members` with equal weights, in a model of `count` modalities.
    public static func equalEnsemble(of members: [Int], count: Int) -> TeacherCombination {
        .ensemble(weights: (0..<count).map { members.contains($0) ? 1 : 0 })
    }
}

/// One regression a target is made of: the teacher of Y on T_J (indices `indices` of T), with the
/// weight it enters the target with (1 for a teacher set, w_j / sum w for an ensemble member).
struct TeachingComponent: Sendable {
    /// Indices within T, ascending.
    let indices: [Int]
    /// The component's share of the target (before the scale c).
    let weight: Double
    /// Cholesky factor of S_JJ.
    let cholesky: Cholesky
    /// S_Jy.
    let labelCovariance: [Double]
    /// Var(Y | T_J).
    let labelVarianceGiven: Double
    /// Whether J is all of T (the single teacher: the model's own factors are used, so that the
    /// numbers are those of the single-teacher code bit for bit).
    let coversAllOfT: Bool

    /// theta_J = S_JJ^-1 S_Jy.
    var oracleWeights: [Double] { cholesky.solve(labelCovariance) }
    /// d_J.
    var dimension: Int { indices.count }

    /// The vector over all of T with `values` (over J) at J's indices and zeros elsewhere.
    func embedded(_ values: [Double], dt: Int) -> [Double] {
        if coversAllOfT { return values }
        var out = [Double](repeating: 0, count: dt)
        for (k, i) in indices.enumerated() { out[i] = values[k] }
        return out
    }

    /// The dt x dt matrix with `block` (over J x J) at J's indices and zeros elsewhere.
    func embedded(_ block: Matrix, dt: Int) -> Matrix {
        if coversAllOfT { return block }
        var out = Matrix(rows: dt, cols: dt)
        for (a, i) in indices.enumerated() { for (b, j) in indices.enumerated() { out[i, j] = block[a, b] } }
        return out
    }
}

extension TeacherCombination {
    /// The modalities that teach (indices of the model's teacher blocks, ascending).
    /// - Throws: `ParameterError` at `.teacherSet` / `.teacherWeights` for an index out of range,
    ///   a repeated or empty set, or weights that are negative, not finite or all zero.
    public func members(modalityCount m: Int) throws(ParameterError) -> [Int] {
        switch self {
        case .set(nil):
            return Array(0..<m)
        case .set(let set?):
            guard !set.isEmpty else { throw .invalid(parameter: .teacherSet, reason: "names no teacher modality") }
            guard set.allSatisfy({ (0..<m).contains($0) }) else {
                throw .invalid(parameter: .teacherSet, reason: "modality indices \(set) out of range for \(m) teacher modalities")
            }
            guard Set(set).count == set.count else { throw .invalid(parameter: .teacherSet, reason: "a modality is listed twice") }
            return set.sorted()
        case .ensemble(let weights):
            guard weights.count == m else {
                throw .invalid(parameter: .teacherWeights, reason: "needs one weight per teacher modality (\(m)), got \(weights.count)")
            }
            if let bad = weights.first(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalid(parameter: .teacherWeights, reason: "a weight must be finite and >= 0, got \(bad)")
            }
            let members = weights.indices.filter { weights[$0] > 0 }
            guard !members.isEmpty else {
                throw .invalid(parameter: .teacherWeights, reason: "the weights are all zero: at least one teacher needs a positive weight")
            }
            return members
        }
    }

    /// The indices within T of the modalities that teach (all of T for `.set(nil)`).
    public func teacherIndices(in model: JointGaussian) throws(ParameterError) -> [Int] {
        model.teacherIndices(ofModalities: try members(modalityCount: model.teacherModalityCount))
    }

    /// The CCH side of the teaching modalities: informations with T_J, the gap I(T_J;S) - I(S;Y).
    public func information(in model: JointGaussian) throws(ParameterError) -> InformationSummary {
        let indices = try teacherIndices(in: model)
        return InformationSummary(model: model, teacherIndices: indices.count == model.dt ? nil : indices)
    }

    /// The regressions the target is made of, in `model`.
    func components(in model: JointGaussian) throws(ParameterError) -> [TeachingComponent] {
        let members = try members(modalityCount: model.teacherModalityCount)
        switch self {
        case .set:
            return [try Self.component(model.teacherIndices(ofModalities: members), weight: 1, in: model)]
        case .ensemble(let weights):
            let total = members.reduce(0) { $0 + weights[$1] }
            var out: [TeachingComponent] = []
            for j in members {
                out.append(try Self.component(Array(model.teacherBlocks[j]), weight: weights[j] / total, in: model))
            }
            return out
        }
    }

    private static func component(_ indices: [Int], weight: Double, in m: JointGaussian) throws(ParameterError) -> TeachingComponent {
        if indices.count == m.dt {
            return TeachingComponent(indices: indices, weight: weight, cholesky: m.teacherCholesky, labelCovariance: m.sty,
                                     labelVarianceGiven: m.labelVarianceGivenTeacher, coversAllOfT: true)
        }
        let factor: Cholesky
        do { factor = try Cholesky(m.stt.principal(indices)) } catch {
            throw .notPositiveDefinite(parameter: .teacherModalities, reason: "the covariance of a teacher set is numerically singular")
        }
        let sjy = indices.map { m.sty[$0] }
        return TeachingComponent(indices: indices, weight: weight, cholesky: factor, labelCovariance: sjy,
                                 labelVarianceGiven: m.syy - factor.inverseQuadratic(sjy), coversAllOfT: false)
    }
}

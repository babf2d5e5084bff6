import Foundation

/// A linear logistic model fitted by Newton's method (IRLS) with a backtracking line search and
/// an L2 penalty, for hard class labels mixed with temperature-softened KD targets:
///
///     L(w) = (1/n) sum_i [ (1 - lambda) CE(c_i, sigma(w's_i))
///                          + lambda tau^2 CE(sigma(u_i/tau), sigma(w's_i/tau)) ] + gamma |w|^2,
///
/// c_i in {0, 1}, u_i the teacher's logit, CE(p, q) = -p ln q - (1 - p) ln(1 - q). No intercept:
/// the joint Gaussian model is centred and its classes balanced. L is convex; its gradient is
/// (1/n) sum g_i s_i + 2 gamma w with g_i = (1 - lambda)(sigma(m_i) - c_i) + lambda tau
/// (sigma(m_i/tau) - sigma(u_i/tau)), and its Hessian (1/n) sum h_i s_i s_i' + 2 gamma I with
/// h_i = (1 - lambda) sigma'(m_i) + lambda sigma'(m_i/tau), m_i = w's_i. The Newton system is
/// solved by GSL Cholesky.
///
/// Separation: with hard labels only (lambda = 0) and gamma = 0, linearly separable data have no
/// finite minimiser: the weights grow without bound. The fit detects it (an iterate classifies
/// every training point correctly, the Hessian becomes singular, or the iterates do not
/// converge) and refits with the L2 floor `separationRidge`, saying so in `LogisticFit.remedy`.
public struct LogisticRegression: Sendable {
    /// Training inputs, n x d row-major.
    public let features: Matrix
    /// Class labels c_i in {0, 1}.
    public let labels: [Double]
    /// Teacher logits u_i (nil: no KD term).
    public let teacherLogits: [Double]?
    /// lambda in [0, 1] (0 when there are no teacher logits).
    public let lambda: Double
    /// tau > 0.
    public let temperature: Double
    /// gamma >= 0.
    public let ridge: Double

    /// The L2 penalty a separable (or non-converging) fit falls back to: small enough to keep
    /// the direction of the separating weights, large enough to make the problem well posed.
    public static let separationRidge = 1e-4
    /// Newton iterations at most, per attempt.
    public static let iterationCap = 100
    /// Convergence: the Newton decrement g'H^-1 g / 2 (the objective's excess over its minimum,
    /// to second order) below this times max(1, |L|).
    static let tolerance = 1e-14

    /// - Throws: `SampleError` for mismatched or empty data, `ParameterError` for lambda, the
    ///   temperature or the ridge out of range.
    public init(features: Matrix, labels: [Double], teacherLogits: [Double]? = nil, lambda: Double = 0,
                temperature: Double = 1, ridge: Double = 0) throws {
        guard labels.count == features.rows, teacherLogits.map({ $0.count == features.rows }) ?? true else {
            throw SampleError("logistic fit", "features, labels and teacher logits need one row each")
        }
        guard features.rows >= 1, features.cols >= 1 else {
            throw SampleError("logistic fit", "needs at least one sample and one feature")
        }
        try ParameterError.checkLambda(lambda)
        guard temperature.isFinite, temperature > 0 else {
            throw ParameterError.invalid(parameter: .temperature, reason: "must be finite and > 0, got \(temperature)")
        }
        guard ridge.isFinite, ridge >= 0 else {
            throw ParameterError.invalid(parameter: .studentRidge, reason: "must be finite and >= 0, got \(ridge)")
        }
        self.features = features
        self.labels = labels
        self.teacherLogits = teacherLogits
        self.lambda = teacherLogits == nil ? 0 : lambda
        self.temperature = temperature
        self.ridge = ridge
    }

    /// The fit, with separation handled (see the type's documentation).
    public func fit() -> LogisticFit {
        let first = newton(ridge: ridge)
        if first.converged && !first.separates { return first.result(remedy: nil, ridge: ridge) }
        let hardLabelsOnly = lambda == 0
        let reason: LogisticFit.Remedy.Reason
        if first.separates && hardLabelsOnly && ridge == 0 {
            reason = .separable
        } else if first.converged {
            return first.result(remedy: nil, ridge: ridge)  // separating but a finite optimum exists
        } else {
            reason = .notConverged
        }
        let floor = max(ridge, Self.separationRidge)
        if floor == ridge {  // the penalty was already at the floor: report the cap
            return first.result(remedy: .init(reason: reason, ridge: floor), ridge: ridge)
        }
        let second = newton(ridge: floor)
        return second.result(remedy: .init(reason: reason, ridge: floor), ridge: floor)
    }

    /// The objective L(w) at `w` with penalty `gamma`.
    public func objective(_ w: [Double], ridge gamma: Double) -> Double {
        let n = features.rows
        var total = 0.0
        for i in 0..<n {
            let m = margin(w, i)
            var loss = (1 - lambda) * (Self.softplus(m) - labels[i] * m)
            if let u = teacherLogits {
                let t = temperature, p = Self.sigmoid(u[i] / t)
                loss += lambda * t * t * (Self.softplus(m / t) - p * m / t)
            }
            total += loss
        }
        return total / Double(n) + gamma * Vec.dot(w, w)
    }

    // MARK: Newton

    private struct Attempt {
        let weights: [Double]
        let iterations: Int
        let converged: Bool
        let gradientNorm: Double
        /// Some iterate classified every training point correctly (strictly).
        let separates: Bool

        func result(remedy: LogisticFit.Remedy?, ridge: Double) -> LogisticFit {
            LogisticFit(weights: weights, iterations: iterations, converged: converged, gradientNorm: gradientNorm,
                        ridge: ridge, remedy: remedy)
        }
    }

    private func margin(_ w: [Double], _ i: Int) -> Double {
        var m = 0.0
        for j in 0..<features.cols { m += w[j] * features[i, j] }
        return m
    }

    private func newton(ridge gamma: Double) -> Attempt {
        let n = features.rows, d = features.cols
        var w = [Double](repeating: 0, count: d)
        var value = objective(w, ridge: gamma)
        var separates = false
        var gradientNorm = Double.infinity
        for iteration in 0..<Self.iterationCap {
            var gradient = Vec.scale(2 * gamma, w)
            var hessian = Matrix(rows: d, cols: d)
            for j in 0..<d { hessian[j, j] = 2 * gamma }
            var allCorrect = true
            for i in 0..<n {
                let m = margin(w, i)
                if (labels[i] > 0.5) != (m > 0) || m == 0 { allCorrect = false }
                var g = (1 - lambda) * (Self.sigmoid(m) - labels[i])
                var h = (1 - lambda) * Self.sigmoidSlope(m)
                if let u = teacherLogits {
                    let t = temperature
                    g += lambda * t * (Self.sigmoid(m / t) - Self.sigmoid(u[i] / t))
                    h += lambda * Self.sigmoidSlope(m / t)
                }
                for a in 0..<d {
                    let sa = features[i, a]
                    gradient[a] += g * sa / Double(n)
                    for b in 0...a { hessian[a, b] += h * sa * features[i, b] / Double(n) }
                }
            }
            for a in 0..<d { for b in 0..<a { hessian[b, a] = hessian[a, b] } }
            if allCorrect && iteration > 0 { separates = true }
            gradientNorm = gradient.map(abs).max() ?? 0
            if separates && lambda == 0 && gamma == 0 {
                return Attempt(weights: w, iterations: iteration, converged: false, gradientNorm: gradientNorm, separates: true)
            }
            guard let factor = try? Cholesky(hessian) else {
                return Attempt(weights: w, iterations: iteration, converged: false, gradientNorm: gradientNorm, separates: separates)
            }
            let step = Vec.scale(-1, factor.solve(gradient))
            // Newton decrement g'H^-1 g / 2: the objective's distance to its minimum near the optimum.
            let slope = Vec.dot(gradient, step)
            if -slope / 2 <= Self.tolerance * max(1, abs(value)) {
                return Attempt(weights: Vec.add(w, step), iterations: iteration + 1, converged: true,
                               gradientNorm: gradientNorm, separates: separates)
            }
            // Backtracking (Armijo) on the convex objective.
            var t = 1.0, next = Vec.add(w, step), nextValue = objective(next, ridge: gamma)
            while nextValue > value + 1e-4 * t * slope && t > 1e-12 {
                t *= 0.5
                next = Vec.add(w, Vec.scale(t, step))
                nextValue = objective(next, ridge: gamma)
            }
            guard nextValue < value else {  // no decrease although the decrement is not small
                return Attempt(weights: w, iterations: iteration, converged: false, gradientNorm: gradientNorm, separates: separates)
            }
            w = next
            value = nextValue
        }
        return Attempt(weights: w, iterations: Self.iterationCap, converged: false, gradientNorm: gradientNorm, separates: separates)
    }

    // MARK: Stable scalar functions

    /// ln(1 + e^m) without overflow.
    static func softplus(_ m: Double) -> Double { max(m, 0) + log1p(exp(-abs(m))) }
    /// 1 / (1 + e^-m).
    static func sigmoid(_ m: Double) -> Double { m >= 0 ? 1 / (1 + exp(-m)) : exp(m) / (1 + exp(m)) }
    /// sigma'(m) = sigma(m)(1 - sigma(m)).
    static func sigmoidSlope(_ m: Double) -> Double { let s = sigmoid(m); return s * (1 - s) }
}

/// A fitted logistic model and how the fit went.
public struct LogisticFit: Sendable, Equatable {
    public let weights: [Double]
    /// Newton iterations of the final attempt.
    public let iterations: Int
    /// Whether the final attempt converged (Newton decrement below 1e-14 of the objective).
    public let converged: Bool
    /// Largest absolute gradient component at `weights`.
    public let gradientNorm: Double
    /// The L2 penalty of the final attempt (the asked one, or the floor).
    public let ridge: Double
    /// What was done when the asked fit had no finite or no reachable optimum (nil: nothing).
    public let remedy: Remedy?

    /// A fallback the fitter applied.
    public struct Remedy: Sendable, Equatable {
        public enum Reason: String, Sendable {
            /// The training data are linearly separable and the labels hard: no finite optimum.
            case separable
            /// Newton did not converge within the iteration cap (or the Hessian was singular).
            case notConverged = "not-converged"
        }
        public let reason: Reason
        /// The L2 penalty used instead.
        public let ridge: Double
    }
}

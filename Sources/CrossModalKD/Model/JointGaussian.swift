import Foundation
import RealModule

/// The zero-mean jointly Gaussian vector V = (T, S, Y) of docs/theory.md section 1: a teacher
/// representation T in R^dt, a student representation S in R^ds and a scalar label Y.
///
/// T may be the concatenation of m >= 1 teacher modalities T_1..T_m (docs/theory.md section 3.6):
/// `teacherBlocks` holds their index ranges within T, in order (one block, all of T, by default).
///
/// The covariance is validated on construction (finite, symmetric, positive definite by GSL
/// Cholesky), so every derived quantity (conditional variances, mutual information, risks) is
/// well defined.
public struct JointGaussian: Sendable {
    /// Teacher dimension dt >= 1.
    public let dt: Int
    /// Student dimension ds >= 1.
    public let ds: Int
    /// Covariance of (T, S, Y), order T (dt rows), S (ds rows), Y (last row).
    public let sigma: Matrix
    /// Cholesky factor of `sigma`; used to sample and to take log-determinants.
    public let cholesky: Cholesky

    /// The teacher modalities as consecutive ranges of T's indices, covering 0..<dt in order
    /// (`[0..<dt]` for a single teacher modality).
    public let teacherBlocks: [Range<Int>]

    /// Index sets of the three blocks within `sigma`.
    public var teacherIndices: [Int] { Array(0..<dt) }
    public var studentIndices: [Int] { Array(dt..<(dt + ds)) }
    public var labelIndex: Int { dt + ds }

    /// Cholesky factors of the diagonal blocks Sss and Stt (positive definite with Sigma).
    public let studentCholesky: Cholesky, teacherCholesky: Cholesky

    /// Blocks of Sigma, named as in docs/theory.md section 1.
    public let stt: Matrix, sss: Matrix, sts: Matrix
    public let sty: [Double], ssy: [Double]
    public let syy: Double

    /// A model from its full covariance (T first, then S, then Y).
    /// - Parameter teacherBlocks: the dimensions of the teacher modalities that make up T, in
    ///   order (each >= 1, summing to dt); nil for one modality, all of T.
    /// - Throws: `ParameterError` naming the offending parameter.
    public init(dt: Int, ds: Int, covariance: Matrix, teacherBlocks: [Int]? = nil) throws(ParameterError) {
        guard dt >= 1 else { throw .invalid(parameter: .teacherDimension, reason: "must be at least 1, got \(dt)") }
        let blockDimensions = teacherBlocks ?? [dt]
        guard blockDimensions.allSatisfy({ $0 >= 1 }), blockDimensions.reduce(0, +) == dt else {
            throw .invalid(parameter: .teacherModalities,
                           reason: "the teacher modalities' dimensions \(blockDimensions) must each be at least 1 and sum to dt = \(dt)")
        }
        guard ds >= 1 else { throw .invalid(parameter: .studentDimension, reason: "must be at least 1, got \(ds)") }
        let d = dt + ds + 1
        guard covariance.rows == d, covariance.cols == d else {
            throw .invalid(parameter: .covariance,
                           reason: "must be \(d) x \(d) (dt + ds + 1), got \(covariance.rows) x \(covariance.cols)")
        }
        for i in 0..<d {
            for j in 0..<d {
                let a = covariance[i, j], b = covariance[j, i]
                guard a.isFinite else {
                    throw .invalid(parameter: .covariance, reason: "entry (\(i + 1), \(j + 1)) is not finite")
                }
                guard abs(a) <= SizeLimits.maximumCovarianceEntry else {
                    throw .invalid(parameter: .covariance, reason: "entry (\(i + 1), \(j + 1)) = \(a) is beyond \(SizeLimits.maximumCovarianceEntry) "
                                   + "in magnitude, the largest covariance entry cchsim computes with (risks would overflow); rescale the variables")
                }
                guard a.isApproximatelyEqual(to: b, absoluteTolerance: 1e-12, relativeTolerance: 1e-12) else {
                    throw .invalid(parameter: .covariance,
                                   reason: "not symmetric: entry (\(i + 1), \(j + 1)) = \(a) but (\(j + 1), \(i + 1)) = \(b)")
                }
            }
        }
        let largestVariance = (0..<d).map { covariance[$0, $0] }.max() ?? 0
        guard largestVariance >= Double.leastNormalMagnitude else {
            throw .invalid(parameter: .covariance,
                           reason: "the largest variance is \(largestVariance), below \(Double.leastNormalMagnitude), the smallest normal "
                               + "double: risks at this scale cannot be computed accurately; rescale the variables")
        }
        let chol: Cholesky
        do { chol = try Cholesky(covariance) } catch {
            throw .notPositiveDefinite(parameter: .covariance,
                                       reason: "the covariance of (T, S, Y) is not positive definite (GSL Cholesky failed)")
        }
        let sym = covariance.symmetrised
        let t = Array(0..<dt), s = Array(dt..<(dt + ds)), y = dt + ds
        do {
            teacherCholesky = try Cholesky(sym.principal(t))
            studentCholesky = try Cholesky(sym.principal(s))
        } catch {
            throw .notPositiveDefinite(parameter: .covariance,
                                       reason: "a diagonal block of the covariance is numerically singular")
        }
        self.dt = dt
        self.ds = ds
        var start = 0
        self.teacherBlocks = blockDimensions.map { d in
            defer { start += d }
            return start..<(start + d)
        }
        self.sigma = sym
        self.cholesky = chol
        stt = sym.principal(t)
        sss = sym.principal(s)
        sts = sym.submatrix(rows: t, cols: s)
        sty = t.map { sym[$0, y] }
        ssy = s.map { sym[$0, y] }
        syy = sym[y, y]
    }

    /// The scalar model (dt = ds = 1, unit variances) from three correlations.
    ///
    /// Valid iff each |rho| < 1 and 1 + 2 rho_ts rho_sy rho_ty - rho_ts^2 - rho_sy^2 - rho_ty^2 > 0.
    public static func correlations(rhoTS: Double, rhoSY: Double, rhoTY: Double) throws(ParameterError) -> JointGaussian {
        for (name, r) in [(Parameter.rhoTS, rhoTS), (.rhoSY, rhoSY), (.rhoTY, rhoTY)] {
            guard r.isFinite, abs(r) < 1 else {
                throw .invalid(parameter: name, reason: "a correlation must lie strictly between -1 and 1, got \(r)")
            }
        }
        let det = correlationDeterminant(rhoTS: rhoTS, rhoSY: rhoSY, rhoTY: rhoTY)
        guard det > 0 else {
            throw .notPositiveDefinite(
                parameter: .correlations,
                reason: "the correlations violate 1 + 2 rho_ts rho_sy rho_ty - rho_ts^2 - rho_sy^2 - rho_ty^2 > 0 (it is \(det))")
        }
        let m = Matrix([[1, rhoTS, rhoTY], [rhoTS, 1, rhoSY], [rhoTY, rhoSY, 1]])
        return try JointGaussian(dt: 1, ds: 1, covariance: m)
    }

    /// det of the 3x3 correlation matrix: positive iff the correlations are jointly realisable.
    public static func correlationDeterminant(rhoTS: Double, rhoSY: Double, rhoTY: Double) -> Double {
        1 + 2 * rhoTS * rhoSY * rhoTY - rhoTS * rhoTS - rhoSY * rhoSY - rhoTY * rhoTY
    }

    /// The latent-factor model: Z ~ N(0, I_k), T = At Z + sigma_t e_t, S = As Z + sigma_s e_s,
    /// Y = beta'Z + sigma_y e_y with independent standard noises, so
    /// Cov = [At; As; beta'] [At; As; beta']' + diag(sigma_t^2 I, sigma_s^2 I, sigma_y^2).
    /// `teacherRowNoise` (length dt) gives each row of T its own noise standard deviation (teacher
    /// modalities with noises of their own); nil gives every row `teacherNoise`.
    public static func latent(teacherLoadings at: Matrix, studentLoadings as_: Matrix, labelLoadings beta: [Double],
                              teacherNoise: Double, studentNoise: Double, labelNoise: Double,
                              teacherRowNoise: [Double]? = nil) throws(ParameterError) -> JointGaussian {
        let k = beta.count
        guard k >= 1 else { throw .invalid(parameter: .labelLoadings, reason: "needs at least one latent factor") }
        guard at.rows >= 1, at.cols == k else {
            throw .invalid(parameter: .teacherLoadings, reason: "must be dt x \(k) (k = label_loadings length), got \(at.rows) x \(at.cols)")
        }
        guard as_.rows >= 1, as_.cols == k else {
            throw .invalid(parameter: .studentLoadings, reason: "must be ds x \(k) (k = label_loadings length), got \(as_.rows) x \(as_.cols)")
        }
        let largest = SizeLimits.maximumLatentScale
        for (name, m) in [(Parameter.teacherLoadings, at), (.studentLoadings, as_), (.labelLoadings, Matrix.column(beta))] {
            guard m.elements.allSatisfy({ $0.isFinite }) else { throw .invalid(parameter: name, reason: "entries must be finite") }
            if let big = m.elements.first(where: { abs($0) > largest }) {
                throw .invalid(parameter: name, reason: "entries must be at most \(largest) in magnitude (their products are covariances), got \(big)")
            }
        }
        if let rowNoise = teacherRowNoise, rowNoise.count != at.rows {
            throw .invalid(parameter: .teacherNoise, reason: "needs one noise per teacher row (dt = \(at.rows)), got \(rowNoise.count)")
        }
        let noises = [(Parameter.teacherNoise, teacherNoise)] + (teacherRowNoise ?? []).map { (Parameter.teacherNoise, $0) }
        for (name, s) in noises + [(.studentNoise, studentNoise), (.labelNoise, labelNoise)] {
            guard s.isFinite, s >= 0 else { throw .invalid(parameter: name, reason: "a noise standard deviation must be finite and >= 0, got \(s)") }
            guard s <= largest else {
                throw .invalid(parameter: name, reason: "a noise standard deviation must be at most \(largest) (its square is a variance), got \(s)")
            }
        }
        let dt = at.rows, ds = as_.rows
        let loadings = Matrix(rows: dt + ds + 1, cols: k, elements: at.elements + as_.elements + beta)
        var cov = loadings * loadings.transposed
        for i in 0..<dt {
            let noise = teacherRowNoise?[i] ?? teacherNoise
            cov[i, i] += noise * noise
        }
        for i in dt..<(dt + ds) { cov[i, i] += studentNoise * studentNoise }
        cov[dt + ds, dt + ds] += labelNoise * labelNoise
        do { return try JointGaussian(dt: dt, ds: ds, covariance: cov) } catch {
            throw .notPositiveDefinite(
                parameter: .model,
                reason: "the latent model's implied covariance is singular: give every block positive noise or loadings of full row rank")
        }
    }

    // MARK: Derived population quantities

    /// w* = Sss^-1 Ssy, the population regression of Y on S (the Bayes-optimal linear student).
    public var bayesWeights: [Double] { studentCholesky.solve(ssy) }

    /// Var(Y | S) = Syy - Ssy' Sss^-1 Ssy: the Bayes risk of any student on S.
    public var labelVarianceGivenStudent: Double { syy - studentCholesky.inverseQuadratic(ssy) }

    /// Var(Y | T) = Syy - Sty' Stt^-1 Sty.
    public var labelVarianceGivenTeacher: Double { syy - teacherCholesky.inverseQuadratic(sty) }

    /// theta = Stt^-1 Sty, the oracle teacher's regression of Y on T.
    public var oracleTeacherWeights: [Double] { teacherCholesky.solve(sty) }

    // MARK: Scale

    /// The same model with every variable multiplied by the power of two b that brings the largest
    /// standard deviation into [1, 2) (`Double.binaryScale(intoBinade: 0)`), and the factor
    /// b^2 by which its covariance, and so every risk and every ridge penalty, is multiplied.
    ///
    /// The scaling is exact, so scale-free answers (informations, correlations, accuracies, the
    /// best KD weight, relative gains) are those of the original model, while the products of two
    /// variances that Sheppard's formula and the Monte Carlo standard errors form can neither
    /// underflow (a covariance scaled by 1e-200) nor overflow. The analyses run on it
    /// (`KDAnalysis`, `MonteCarloExperiment`) and give risks back in the original units. A model
    /// whose largest variance lies in [1, 4) is its own scaled model (factor 1).
    public func binaryScaled() throws(ParameterError) -> (model: JointGaussian, varianceFactor: Double) {
        let largestVariance = (0..<sigma.rows).map { sigma[$0, $0] }.max() ?? 1
        let b = largestVariance.squareRoot().binaryScale(intoBinade: 0)
        guard b != 1 else { return (self, 1) }
        return (try JointGaussian(dt: dt, ds: ds, covariance: b * (b * sigma), teacherBlocks: teacherBlocks.map(\.count)), b * b)
    }

    // MARK: Teacher modalities

    /// The same covariance with T split into modalities of the given dimensions (nil: unchanged).
    public func withTeacherBlocks(_ dimensions: [Int]?) throws(ParameterError) -> JointGaussian {
        guard let dimensions, dimensions != teacherBlocks.map(\.count) else { return self }
        return try JointGaussian(dt: dt, ds: ds, covariance: sigma, teacherBlocks: dimensions)
    }

    /// m, the number of teacher modalities.
    public var teacherModalityCount: Int { teacherBlocks.count }

    /// The indices within T of the modalities `modalities` (indices of `teacherBlocks`), in the
    /// order of T.
    public func teacherIndices(ofModalities modalities: [Int]) -> [Int] {
        modalities.sorted().flatMap { Array(teacherBlocks[$0]) }
    }
}

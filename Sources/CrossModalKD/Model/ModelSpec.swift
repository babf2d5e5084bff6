/// A user's specification of the joint Gaussian model, in one of the three parameterisations
/// of docs/theory.md section 1. `build()` validates it and gives the covariance.
public enum ModelSpec: Sendable, Equatable {
    /// dt = ds = 1, unit variances, three correlations.
    case correlations(rhoTS: Double, rhoSY: Double, rhoTY: Double)
    /// Latent factors Z ~ N(0, I_k) with loadings and independent noise standard deviations.
    case latent(LatentFactors)
    /// The full covariance of (T, S, Y), Y last.
    case covariance(dt: Int, ds: Int, matrix: Matrix)

    /// Loadings and noise levels of the latent-factor model.
    public struct LatentFactors: Sendable, Equatable {
        /// At (dt x k), As (ds x k), beta (k).
        public var teacherLoadings: Matrix, studentLoadings: Matrix, labelLoadings: [Double]
        /// sigma_t, sigma_s, sigma_y: noise standard deviations (>= 0).
        public var teacherNoise: Double, studentNoise: Double, labelNoise: Double

        public init(teacherLoadings: Matrix, studentLoadings: Matrix, labelLoadings: [Double],
                    teacherNoise: Double, studentNoise: Double, labelNoise: Double) {
            self.teacherLoadings = teacherLoadings
            self.studentLoadings = studentLoadings
            self.labelLoadings = labelLoadings
            self.teacherNoise = teacherNoise
            self.studentNoise = studentNoise
            self.labelNoise = labelNoise
        }
    }

    /// The validated model. - Throws: `ParameterError` naming the parameter at fault.
    public func build() throws(ParameterError) -> JointGaussian {
        switch self {
        case .correlations(let ts, let sy, let ty):
            return try .correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty)
        case .latent(let f):
            return try .latent(teacherLoadings: f.teacherLoadings, studentLoadings: f.studentLoadings,
                               labelLoadings: f.labelLoadings, teacherNoise: f.teacherNoise,
                               studentNoise: f.studentNoise, labelNoise: f.labelNoise)
        case .covariance(let dt, let ds, let m):
            return try JointGaussian(dt: dt, ds: ds, covariance: m)
        }
    }
}

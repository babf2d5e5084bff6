/// A user's specification of the joint Gaussian model, in one of the three parameterisations
/// of docs/theory.md section 1. `build()` validates it and gives the covariance.
public enum ModelSpec: Sendable, Equatable {
    /// dt = ds = 1, unit variances, three correlations.
    case correlations(rhoTS: Double, rhoSY: Double, rhoTY: Double)
    /// Latent factors Z ~ N(0, I_k) with loadings and independent noise standard deviations.
    case latent(LatentFactors)
    /// The full covariance of (T, S, Y), Y last.
    case covariance(dt: Int, ds: Int, matrix: Matrix)
    /// m scalar teacher modalities beside scalar S and Y, unit variances, by their correlations
    /// (docs/theory.md section 3.6): dt = m, one modality per row of T.
    case modalityCorrelations(ModalityCorrelations)

    /// Loadings and noise levels of the latent-factor model.
    public struct LatentFactors: Sendable, Equatable {
        /// At (dt x k), As (ds x k), beta (k).
        public var teacherLoadings: Matrix, studentLoadings: Matrix, labelLoadings: [Double]
        /// sigma_t, sigma_s, sigma_y: noise standard deviations (>= 0).
        public var teacherNoise: Double, studentNoise: Double, labelNoise: Double
        /// The noise standard deviation of each row of T (length dt), for teacher modalities with
        /// noises of their own; nil: `teacherNoise` for every row.
        public var teacherRowNoise: [Double]?

        public init(teacherLoadings: Matrix, studentLoadings: Matrix, labelLoadings: [Double],
                    teacherNoise: Double, studentNoise: Double, labelNoise: Double, teacherRowNoise: [Double]? = nil) {
            self.teacherLoadings = teacherLoadings
            self.studentLoadings = studentLoadings
            self.labelLoadings = labelLoadings
            self.teacherNoise = teacherNoise
            self.studentNoise = studentNoise
            self.labelNoise = labelNoise
            self.teacherRowNoise = teacherRowNoise
        }
    }

    /// dt, the dimension of T.
    public var teacherDimension: Int {
        switch self {
        case .correlations: 1
        case .latent(let f): f.teacherLoadings.rows
        case .covariance(let dt, _, _): dt
        case .modalityCorrelations(let c): c.modalityCount
        }
    }

    /// The validated model. - Parameter teacherBlocks: the dimensions of the teacher modalities
    /// that make up T, in order (nil: one modality; a `modalityCorrelations` model has m scalar
    /// modalities whatever is given). - Throws: `ParameterError` naming the parameter at fault.
    public func build(teacherBlocks: [Int]? = nil) throws(ParameterError) -> JointGaussian {
        switch self {
        case .correlations(let ts, let sy, let ty):
            return try JointGaussian.correlations(rhoTS: ts, rhoSY: sy, rhoTY: ty).withTeacherBlocks(teacherBlocks)
        case .latent(let f):
            return try JointGaussian.latent(teacherLoadings: f.teacherLoadings, studentLoadings: f.studentLoadings,
                                            labelLoadings: f.labelLoadings, teacherNoise: f.teacherNoise,
                                            studentNoise: f.studentNoise, labelNoise: f.labelNoise,
                                            teacherRowNoise: f.teacherRowNoise).withTeacherBlocks(teacherBlocks)
        case .covariance(let dt, let ds, let m):
            return try JointGaussian(dt: dt, ds: ds, covariance: m, teacherBlocks: teacherBlocks)
        case .modalityCorrelations(let c):
            return try c.build()
        }
    }
}

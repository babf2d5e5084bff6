/// m >= 1 scalar teacher modalities T_1..T_m beside a scalar student S and label Y, all of unit
/// variance, given by their correlations (docs/theory.md section 3.6): the covariance of
/// (T_1..T_m, S, Y) is the correlation matrix
///
///     [ R_TT   r_TS   r_TY ]
///     [ r_TS'  1      rho_sy ]
///     [ r_TY'  rho_sy 1    ]
///
/// with R_TT the teachers' correlations (unit diagonal). For m = 1 it is the correlations model of
/// `JointGaussian.correlations`.
public struct ModalityCorrelations: Sendable, Equatable {
    /// rho(T_j, S), one per modality.
    public var teacherStudent: [Double]
    /// rho(T_j, Y), one per modality.
    public var teacherLabel: [Double]
    /// rho(S, Y).
    public var studentLabel: Double
    /// rho(T_i, T_j), m x m, symmetric with a unit diagonal.
    public var teacherTeacher: Matrix

    public init(teacherStudent: [Double], teacherLabel: [Double], studentLabel: Double, teacherTeacher: Matrix) {
        self.teacherStudent = teacherStudent
        self.teacherLabel = teacherLabel
        self.studentLabel = studentLabel
        self.teacherTeacher = teacherTeacher
    }

    /// m, the number of teacher modalities.
    public var modalityCount: Int { teacherStudent.count }

    /// The correlation matrix of (T_1..T_m, S, Y).
    public var matrix: Matrix {
        let m = modalityCount
        var c = Matrix.identity(m + 2)
        for i in 0..<m {
            for j in 0..<m where i != j { c[i, j] = teacherTeacher[i, j] }
            c[i, m] = teacherStudent[i]
            c[m, i] = teacherStudent[i]
            c[i, m + 1] = teacherLabel[i]
            c[m + 1, i] = teacherLabel[i]
        }
        c[m, m + 1] = studentLabel
        c[m + 1, m] = studentLabel
        return c
    }

    /// The validated model, one scalar teacher modality per row of T.
    /// - Throws: `ParameterError` at `.teacherModalities` for a correlation outside (-1, 1) or a
    ///   matrix that is not positive definite (by Cholesky), at `.rhoSY` for rho_sy.
    public func build() throws(ParameterError) -> JointGaussian {
        let m = modalityCount
        guard m >= 1, teacherLabel.count == m, teacherTeacher.rows == m, teacherTeacher.cols == m else {
            throw .invalid(parameter: .teacherModalities,
                           reason: "needs one rho_TS and one rho_TY per teacher modality and an m x m teacher correlation table")
        }
        guard studentLabel.isFinite, abs(studentLabel) < 1 else {
            throw .invalid(parameter: .rhoSY, reason: "a correlation must lie strictly between -1 and 1, got \(studentLabel)")
        }
        let offDiagonal = (0..<m).flatMap { i in (0..<m).filter { $0 != i }.map { teacherTeacher[i, $0] } }
        for r in teacherStudent + teacherLabel + offDiagonal {
            guard r.isFinite, abs(r) < 1 else {
                throw .invalid(parameter: .teacherModalities, reason: "a correlation must lie strictly between -1 and 1, got \(r)")
            }
        }
        do {
            return try JointGaussian(dt: m, ds: 1, covariance: matrix, teacherBlocks: Array(repeating: 1, count: m))
        } catch {
            throw .notPositiveDefinite(
                parameter: .teacherModalities,
                reason: "the correlations of (teachers, S, Y) are not jointly realisable: their correlation matrix is not positive "
                    + "definite (Cholesky failed)")
        }
    }
}

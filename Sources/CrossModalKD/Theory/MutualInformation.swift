import Foundation

/// Closed-form mutual information between blocks of a jointly Gaussian vector (docs/theory.md section 2.1).
///
/// I(A;B) = 1/2 ln( det S_AA det S_BB / det S_[A,B] ) in nats; I(A;B|C) uses the same log-determinants:
/// I(A;B|C) = 1/2 ln( det S_AC det S_BC / (det S_C det S_ABC) ).
public enum GaussianInformation {
    /// ln 2: divide nats by it to get bits.
    public static let natsPerBit = log(2.0)

    /// I(A;B | C) in nats for disjoint index sets of `sigma` (C may be empty).
    public static func mutualInformation(_ sigma: Matrix, _ a: [Int], _ b: [Int], given c: [Int] = []) -> Double {
        let value = 0.5 * (logDet(sigma, a + c) + logDet(sigma, b + c) - logDet(sigma, c) - logDet(sigma, a + b + c))
        return max(0, value)  // exact value is >= 0; clamp rounding below zero
    }

    /// ln det of a principal block (0 for the empty block). The block of a positive-definite
    /// matrix is positive definite; a rounding failure gives -infinity (infinite information).
    static func logDet(_ sigma: Matrix, _ idx: [Int]) -> Double {
        guard !idx.isEmpty else { return 0 }
        return (try? Cholesky(sigma.principal(idx)))?.logDeterminant ?? -.infinity
    }
}

/// The information-theoretic side of CCH for one model: the three pairwise informations, the
/// conditional ones, and the gap Delta = I(T;S) - I(S;Y) whose sign is CCH's prediction. T is the
/// teacher the summary is about: all of T, or a teacher set T_J (docs/theory.md section 3.6).
public struct InformationSummary: Sendable, Equatable {
    /// I(T;S), I(S;Y), I(T;Y) in nats.
    public let teacherStudent: Double, studentLabel: Double, teacherLabel: Double
    /// I(T;Y | S): label information only the teacher has (complementarity), nats.
    public let teacherLabelGivenStudent: Double
    /// I(S;Y | T): label information only the student has, nats.
    public let studentLabelGivenTeacher: Double
    /// I(T;S | Y): teacher-student dependence not explained by the label, nats.
    public let teacherStudentGivenLabel: Double

    /// - Parameter teacherIndices: the indices of T_J within T (nil: all of T).
    public init(model m: JointGaussian, teacherIndices: [Int]? = nil) {
        let t = teacherIndices ?? m.teacherIndices, s = m.studentIndices, y = [m.labelIndex]
        let mi = { (a: [Int], b: [Int], c: [Int]) in GaussianInformation.mutualInformation(m.sigma, a, b, given: c) }
        teacherStudent = mi(t, s, [])
        studentLabel = mi(s, y, [])
        teacherLabel = mi(t, y, [])
        teacherLabelGivenStudent = mi(t, y, s)
        studentLabelGivenTeacher = mi(s, y, t)
        teacherStudentGivenLabel = mi(t, s, y)
    }

    /// CCH gap Delta = I(T;S) - I(S;Y), nats.
    public var cchGap: Double { teacherStudent - studentLabel }
    /// CCH's prediction: KD helps iff Delta > 0.
    public var cchPredictsGain: Bool { cchGap > 0 }
}

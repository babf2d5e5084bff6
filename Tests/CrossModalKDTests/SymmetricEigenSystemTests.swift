import CrossModalKD
import Testing

/// The one eigen wrapper: the full GSL decomposition, the eigenvalues alone and the leading pairs
/// against a matrix with known eigenpairs, and the refusal of non-finite entries.
struct SymmetricEigenSystemTests {
    /// Q diag(5, 3, 1) Q' with Q the rotation by 30 degrees in the (0, 1) plane: eigenvalues 5,
    /// 3, 1 with eigenvectors (cos, sin, 0), (-sin, cos, 0) up to the wrapper's sign rule, (0, 0, 1).
    static let (c, s) = (3.0.squareRoot() / 2, 0.5)
    static let matrix = Matrix([[5 * c * c + 3 * s * s, 2 * c * s, 0], [2 * c * s, 5 * s * s + 3 * c * c, 0], [0, 0, 1]])

    @Test func fullDecompositionHasTheKnownEigenpairs() throws {
        let e = try SymmetricEigenSystem(Self.matrix)
        #expect(zip(e.values, [5.0, 3, 1]).allSatisfy { abs($0 - $1) < 1e-14 }, "\(e.values)")
        let expected = Matrix([[Self.c, -Self.s, 0], [Self.s, Self.c, 0], [0, 0, 1]])  // largest entry of each column positive
        #expect(zip(e.vectors.elements, expected.elements).allSatisfy { abs($0 - $1) < 1e-14 }, "\(e.vectors)")
    }

    @Test func eigenvaluesAloneAreTheDecompositionsValues() throws {
        let values = try SymmetricEigenSystem.eigenvalues(of: Self.matrix)
        #expect(values.count == 3)
        #expect(zip(values.sorted(by: >), [5.0, 3, 1]).allSatisfy { abs($0 - $1) < 1e-14 }, "\(values)")
        #expect(try SymmetricEigenSystem.eigenvalues(of: Matrix(rows: 0, cols: 0)) == [])
    }

    @Test func nonFiniteEntriesAreRefused() {
        for bad in [Double.nan, .infinity] {
            var m = Self.matrix
            m[0, 2] = bad
            m[2, 0] = bad
            #expect(throws: SymmetricEigenSystem.Failure.notFinite) { try SymmetricEigenSystem(m) }
            #expect(throws: SymmetricEigenSystem.Failure.notFinite) { try SymmetricEigenSystem.eigenvalues(of: m) }
        }
    }
}

import CCHTestSupport
import Glibc
import XCTest
@testable import CrossModalKD

/// The principal components at any shape: the kept subspace against an independent full SVD
/// (GSL's Golub-Reinsch on the standardised matrix, `ReferencePrincipalComponents`) on planted
/// factor data with a spectral gap, both methods, and every MI estimate unchanged between them.
final class PrincipalComponentsSizeTests: XCTestCase {
    /// Cosines of the principal angles between the column spaces of two score matrices (their
    /// columns are orthogonal: normalised, they are orthonormal bases), smallest first.
    private func principalAngleCosines(_ a: Matrix, _ b: Matrix) throws -> [Double] {
        func normalised(_ m: Matrix) -> Matrix {
            var q = m
            for c in 0..<m.cols {
                let norm = (0..<m.rows).reduce(0.0) { $0 + m[$1, c] * m[$1, c] }.squareRoot()
                for i in 0..<m.rows { q[i, c] /= norm }
            }
            return q
        }
        let m = normalised(a).transposed * normalised(b)
        return try SymmetricEigenSystem(m.transposed * m).values.map { max($0, 0).squareRoot() }.sorted()
    }

    /// The largest |a - b| over the entries, relative to the largest |b|.
    private func relativeDifference(_ a: Matrix, _ b: Matrix) -> Double {
        let scale = b.elements.map(abs).max() ?? 1
        return zip(a.elements, b.elements).map { abs($0 - $1) }.max()! / scale
    }

    private func checkAgainstReference(rows n: Int, width p: Int, spikes: [Double], expected: PrincipalComponents.Method) throws {
        let planted = PlantedFactors(rows: n, widths: [p], spikes: spikes, seed: 16)
        let k = spikes.count
        let reference = ReferencePrincipalComponents.scores(planted.views[0], components: k)
        // The premise: a spectral gap after the k planted components.
        XCTAssertGreaterThan(reference.singularValues[k - 1], 1.3 * reference.singularValues[k])
        let pca = try PrincipalComponents(planted.views[0], components: k)
        XCTAssertEqual(pca.method, expected)
        XCTAssertEqual(pca.components, k)
        let cosines = try principalAngleCosines(pca.scores, reference.scores)
        XCTAssertEqual(cosines.count, k)
        XCTAssertGreaterThan(cosines[0], 1 - 1e-12, "smallest cosine of the principal angles")
        // Same signs and scale: the scores themselves agree.
        XCTAssertLessThan(relativeDifference(pca.scores, reference.scores), 1e-9)
        let explained = reference.singularValues.prefix(k).map { $0 * $0 / Double(n - 1) }.reduce(0, +) / Double(p)
        assertClose(pca.explainedFraction, explained, absolute: 1e-12)
    }

    func testTallViewMatchesTheFullSVD() throws {
        try checkAgainstReference(rows: 300, width: 40, spikes: [30, 20, 12], expected: .correlation)
    }

    func testWideViewMatchesTheFullSVD() throws {
        try checkAgainstReference(rows: 50, width: 400, spikes: [60, 40, 25], expected: .rowGram)
    }

    /// Both methods on one wide and one tall pair of views: the same scores, so the same Gaussian
    /// and KSG estimates (KSG's max-norm is not rotation-invariant: equal scores, not just equal
    /// subspaces, are what keeps it unchanged).
    func testEstimatesDoNotDependOnTheMethod() throws {
        for (n, widths) in [(60, [150, 90]), (200, [30, 12])] {
            let planted = PlantedFactors(rows: n, widths: widths, spikes: [40, 25, 15], seed: 7)
            var scores: [PrincipalComponents.Method: [Matrix]] = [:]
            for method in PrincipalComponents.Method.allCases {
                scores[method] = try planted.views.map { try PrincipalComponents($0, components: 3, method: method).scores }
            }
            for v in 0..<2 {
                XCTAssertLessThan(relativeDifference(scores[.rowGram]![v], scores[.correlation]![v]), 1e-9, "n = \(n), view \(v)")
            }
            func estimates(_ m: [Matrix]) throws -> [Double] {
                let joined = Matrix((0..<n).map { i in (0..<3).map { m[0][i, $0] } + (0..<3).map { m[1][i, $0] } })
                let rows = SampleRows(joined)
                return [try GaussianEstimator().mutualInformation(rows, [0, 1, 2], [3, 4, 5]),
                        try KSGEstimator(k: 3).mutualInformation(rows, [0, 1, 2], [3, 4, 5])]
            }
            let byGram = try estimates(scores[.rowGram]!), byCorrelation = try estimates(scores[.correlation]!)
            XCTAssertGreaterThan(byGram[0], 0.5, "the planted views share three factors")
            assertClose(byGram[0], byCorrelation[0], absolute: 1e-10)
            assertClose(byGram[1], byCorrelation[1], absolute: 1e-12)
        }
    }

    /// At most min(k, rows, columns) components: a wide view's Gram matrix has n eigenpairs.
    func testComponentsAreCappedByRowsAndColumns() throws {
        let planted = PlantedFactors(rows: 8, widths: [30, 5], spikes: [10], seed: 2)
        XCTAssertEqual(try PrincipalComponents(planted.views[0], components: 20).components, 8)
        XCTAssertEqual(try PrincipalComponents(planted.views[1], components: 20).components, 5)
    }

    /// GSL's own calls bind to GSL's CBLAS and cchsim's Gram products to OpenBLAS, pinned to one thread.
    func testBLASBinding() throws {
        _ = Matrix(rows: 3, cols: 2, elements: [1, 2, 3, 4, 5, 6]).columnGram
        // The symbol the process binds (global lookup) against the one in the named library.
        func bound(_ symbol: String, to library: String) throws -> Bool {
            let handle = try XCTUnwrap(dlopen(library, RTLD_NOW | RTLD_NOLOAD), "\(library) is not loaded")
            defer { dlclose(handle) }
            return dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) == dlsym(handle, symbol)
        }
        XCTAssertTrue(try bound("cblas_dgemm", to: "libgslcblas.so.0"))
        XCTAssertFalse(try bound("cblas_dgemm", to: "libopenblas.so.0"))
        XCTAssertTrue(try bound("dsyrk_", to: "libopenblas.so.0"))
        let threads = unsafeBitCast(try XCTUnwrap(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openblas_get_num_threads")),
                                    to: (@convention(c) () -> Int32).self)
        XCTAssertEqual(threads(), 1)
        XCTAssertEqual(Matrix(rows: 3, cols: 2, elements: [1, 2, 3, 4, 5, 6]).rowGram,
                       Matrix([[5, 11, 17], [11, 25, 39], [17, 39, 61]]))
    }
}

import CCHTestSupport
import XCTest
@testable import CrossModalKD

final class MultiViewEstimatorTests: XCTestCase {
    func testPrincipalComponentsDiagonaliseTheCorrelationMatrix() throws {
        let stream = RandomStream(seed: 11)
        let n = 400
        var x = Matrix(rows: n, cols: 3)
        for i in 0..<n {
            let a = stream.gaussian(), b = stream.gaussian(), c = stream.gaussian()
            x[i, 0] = 5 + 3 * a
            x[i, 1] = -2 + 0.5 * (a + 0.6 * b)
            x[i, 2] = 10 * (0.3 * a - b + 0.2 * c)
        }
        let pca = try PrincipalComponents(x, components: 3)
        assertClose(pca.explainedFraction, 1, absolute: 1e-12)
        // Score covariance: diagonal, decreasing, trace = 3 (standardised columns).
        let cov = (1 / Double(n - 1)) * (pca.scores.transposed * pca.scores)
        for a in 0..<3 { for b in 0..<3 where a != b { assertClose(cov[a, b], 0, absolute: 1e-10) } }
        XCTAssertGreaterThan(cov[0, 0], cov[1, 1])
        XCTAssertGreaterThan(cov[1, 1], cov[2, 2])
        assertClose(cov.trace, 3, absolute: 1e-10)
        // The first component's variance is the largest eigenvalue: power iteration on R.
        var z = x
        for j in 0..<3 {
            let col = (0..<n).map { x[$0, j] }, mean = col.reduce(0, +) / Double(n)
            let sd = (col.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)).squareRoot()
            for i in 0..<n { z[i, j] = (x[i, j] - mean) / sd }
        }
        let r = (1 / Double(n - 1)) * (z.transposed * z)
        var v = [1.0, 1.0, 1.0]
        for _ in 0..<500 { let w = Vec.apply(r, v); let norm = Vec.dot(w, w).squareRoot(); v = w.map { $0 / norm } }
        assertClose(cov[0, 0], Vec.quadratic(v, r), absolute: 1e-9)
        // k below the width keeps the leading components.
        let two = try PrincipalComponents(x, components: 2)
        XCTAssertEqual(two.components, 2)
        assertClose(two.explainedFraction, (cov[0, 0] + cov[1, 1]) / 3, absolute: 1e-10)
        XCTAssertThrowsError(try PrincipalComponents(Matrix(rows: 3, cols: 1, elements: [1, 1, 1]), components: 1))
    }

    /// Two equally likely classes N(+-mu, 1) in one dimension: I(S;Y) = ln 2 - E h(P(Y | S)), by quadrature.
    private func twoClassInformation(mu: Double) -> Double {
        var total = 0.0
        let step = 0.002
        for k in -6000...6000 {
            let s = Double(k) * step
            let f1 = exp(-0.5 * (s - mu) * (s - mu)), f0 = exp(-0.5 * (s + mu) * (s + mu))
            let p = f1 / (f1 + f0), density = 0.5 * (f1 + f0) / (2 * Double.pi).squareRoot()
            let h = (p > 0 && p < 1) ? -(p * log(p) + (1 - p) * log(1 - p)) : 0
            total += density * h * step
        }
        return log(2) - total
    }

    func testGaussianPosteriorAndHeldOutBoundAgainstTheClosedForm() throws {
        let mu = 0.8, n = 4000
        let stream = RandomStream(seed: 5)
        var scores = Matrix(rows: n, cols: 1), labels: [Int] = []
        for i in 0..<n {
            let c = i % 2
            labels.append(c)
            scores[i, 0] = (c == 1 ? mu : -mu) + stream.gaussian()
        }
        let truth = twoClassInformation(mu: mu)
        let sample = SampleRows(scores.joinedColumns(Matrix.column(labels.map(Double.init))))
        let label = SampleLabel.classes(column: 1, codes: ClassCodes(labels: labels, count: 2, seed: 1))
        let posterior = try XCTUnwrap(try GaussianEstimator().labelInformation(sample, [0], label, parallel: false))
        XCTAssertEqual(posterior, truth, accuracy: 0.02)
        let bound = try XCTUnwrap(try ProbeEstimator(folds: 5, ridge: 1e-6).labelInformation(sample, [0], label, parallel: false))
        XCTAssertEqual(bound, truth, accuracy: 0.025)
        XCTAssertLessThanOrEqual(posterior, log(2))
        // Ten well-separated classes: near H(Y) = ln 10 and never above it.
        var wide = Matrix(rows: 2000, cols: 2), tenLabels: [Int] = []
        for i in 0..<2000 {
            let c = i % 10
            tenLabels.append(c)
            wide[i, 0] = 30 * cos(Double(c)) + stream.gaussian()
            wide[i, 1] = 30 * sin(Double(c)) + stream.gaussian()
        }
        let separated = try XCTUnwrap(try GaussianEstimator().labelInformation(SampleRows(wide.joinedColumns(Matrix.column(tenLabels.map(Double.init)))),
            [0, 1], .classes(column: 2, codes: ClassCodes(labels: tenLabels, count: 10, seed: 0)), parallel: false))
        XCTAssertLessThanOrEqual(separated, log(10) + 1e-12)
        XCTAssertGreaterThan(separated, log(10) - 0.01)
    }

    func testSpearmanAgainstTheRankDifferenceFormulaAndTies() {
        let x = [3.0, 1, 4, 1.5, 9, 2.6], y = [2.0, 7, 1, 8, 2.8, 1.5]
        let rx = RankCorrelation.ranks(x), ry = RankCorrelation.ranks(y)
        let n = Double(x.count)
        let d2 = zip(rx, ry).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        assertClose(RankCorrelation.spearman(x, y) ?? .nan, 1 - 6 * d2 / (n * (n * n - 1)), absolute: 1e-12)
        XCTAssertEqual(RankCorrelation.ranks([5, 1, 5, 3]), [3.5, 1, 3.5, 2])
        XCTAssertNil(RankCorrelation.spearman([1, 1], [2, 3]))
    }

    func testLinearKDIsRidgeOnTheMixedTargetWithoutIntercept() throws {
        // One feature, no intercept: slope = (1/n) sum x z / ((1/n) sum x^2 + gamma).
        let x = Matrix.column([1, -2, 4, 7, -8]), y = [1.0, 3, 2, 8, 9], u = [0.5, 2, 3, 6, 10]
        let lambda = 0.3, gamma = 0.2
        let z = zip(y, u).map { (1 - lambda) * $0 + lambda * $1 }
        let xs = x.vector
        let cross = zip(xs, z).map { $0 * $1 }.reduce(0, +) / 5, square = xs.map { $0 * $0 }.reduce(0, +) / 5
        let fit = try LinearKD(features: x, targets: y, teacher: u, lambda: lambda, ridge: gamma)
        XCTAssertEqual(fit.coefficients.count, 1)
        assertClose(fit.coefficients[0], cross / (square + gamma), absolute: 1e-12)
        assertClose(fit.predict(Matrix.column([2]))[0], 2 * cross / (square + gamma), absolute: 1e-12)
        // OLS (gamma = 0) with fewer rows than components is singular, and says so.
        XCTAssertThrowsError(try LinearKD(features: Matrix([[1, 2], [2, 4]]), targets: [1, 2], teacher: nil, lambda: 0, ridge: 0)) { error in
            XCTAssertTrue("\(error)".contains("OLS needs more independent rows than components"), "\(error)")
        }
    }
}

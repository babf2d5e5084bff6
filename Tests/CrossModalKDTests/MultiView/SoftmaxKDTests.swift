import CCHTestSupport
import XCTest
@testable import CrossModalKD

final class SoftmaxKDTests: XCTestCase {
    /// Three Gaussian classes in 2-d with soft targets from a perturbed model.
    private func problem(n: Int = 90, lambda: Double = 0.4) throws -> SoftmaxKD {
        let stream = RandomStream(seed: 7, ids: [1])
        let centres = [[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]]
        var x = Matrix(rows: n, cols: 2), labels: [Int] = [], q = Matrix(rows: n, cols: 3)
        for i in 0..<n {
            let c = i % 3
            labels.append(c)
            for j in 0..<2 { x[i, j] = 3 * centres[c][j] + 2 * stream.gaussian() }
            var z = [0.0, 0.0, 0.0]
            for k in 0..<3 { z[k] = 0.5 * (x[i, 0] * centres[k][0] + x[i, 1] * centres[k][1]) + stream.gaussian() }
            var p = z
            SoftmaxKD.softmax(z, into: &p)
            for k in 0..<3 { q[i, k] = p[k] }
        }
        return try SoftmaxKD(features: x, labels: labels, classes: 3, softTargets: q, lambda: lambda, temperature: 2, ridge: 1e-3)
    }

    func testGradientMatchesFiniteDifferences() throws {
        let f = try problem()
        let theta = [0.3, -0.2, 0.1, -0.4, 0.25, 0.05]
        let g = f.gradient(theta)
        for i in theta.indices {
            var up = theta, down = theta
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric = (f.objective(up) - f.objective(down)) / 2e-6
            assertClose(g[i], numeric, absolute: 1e-6 * max(1, abs(numeric)))
        }
    }

    func testNewtonSolutionHasZeroGradientAndIsAMinimum() throws {
        for lambda in [0.0, 0.4, 1.0] {
            let f = try problem(lambda: lambda)
            let model = f.fit()
            XCTAssertTrue(model.converged)
            XCTAssertLessThan(model.iterations, 30)
            var theta: [Double] = []
            for a in 0..<2 { for j in 0..<3 { theta.append(model.weights[a, j]) } }
            XCTAssertLessThan(f.gradient(theta).map(abs).max() ?? 1, 1e-7)
            let best = f.objective(theta)
            let stream = RandomStream(seed: 3)
            for _ in 0..<20 {
                let nudged = theta.map { $0 + 1e-3 * stream.gaussian() }
                XCTAssertGreaterThan(f.objective(nudged), best)
            }
        }
    }
}

import Foundation

/// The exact expected risk of an OLS student taught by an OLS teacher fitted on the student's own
/// n rows (`TeacherRows.student`) when dt = ds = 1 (docs/privileged-information.md).
///
/// With the Bartlett decomposition of the 3 x 3 Wishart matrix of (S, T, Y) in that order
/// (R00 ~ chi_n, R11 ~ chi_(n-1), R01, R02, R12 ~ N(0, 1), independent; C the lower Cholesky
/// factor of Sigma in the order S, T, Y) the sample vectors are s = (R00 C00, 0, 0),
/// t = (R00 C10 + R01 C11, R11 C11, 0), y = (R00 C20 + R01 C21 + R02 C22, R11 C21 + R12 C22, .).
/// The student's weight w(lambda) = [(1 - lambda) s'y + lambda c theta_hat s't] / s's with
/// theta_hat = t'y / t't is affine in (R02, R12), so E over them is closed form, and the expected
/// excess risk Sss E(w - w*)^2 is a three-dimensional integral over (R00, R01, R11), evaluated by
/// a 96^3-point Gauss-Legendre product rule (relative accuracy about 1e-6 at n = 4, better at larger
/// n; tested against the closed-form no-KD term and a finer rule). It is quadratic in lambda:
/// Sss [e00 + 2 lambda e0d + lambda^2 edd].
struct StudentRowsScalarRisk: Sendable {
    /// E(w0 - w*)^2, E[(w0 - w*) d], E d^2 and E d, with w(lambda) = w0 + lambda d.
    let e00: Double, e0d: Double, edd: Double, meanD: Double
    let sss: Double, bayesWeight: Double

    /// nil when Sigma in the order S, T, Y is numerically not positive definite.
    /// - Precondition: dt = ds = 1, n >= 4.
    init?(model m: JointGaussian, scale c: Double, samples n: Int, nodes: Int = Self.nodes) {
        precondition(m.dt == 1 && m.ds == 1 && n >= 4, "scalar model and n >= 4")
        // Sigma in the order S, T, Y and its Cholesky factor.
        let sigma = Matrix([[m.sss[0, 0], m.sts[0, 0], m.ssy[0]],
                            [m.sts[0, 0], m.stt[0, 0], m.sty[0]],
                            [m.ssy[0], m.sty[0], m.syy]])
        guard let l = try? Cholesky(sigma).lower else { return nil }
        let c00 = l[0, 0], c10 = l[1, 0], c11 = l[1, 1], c20 = l[2, 0], c21 = l[2, 1], c22 = l[2, 2]
        let logChiN = Self.logChiNormaliser(n), logChiN1 = Self.logChiNormaliser(n - 1)
        // Product Gauss-Legendre rule over the ranges that hold all but ~1e-20 of each law: the
        // integrands are smooth (chi densities times rational functions without real poles).
        let r0Rule = GaussLegendre.rule(nodes: nodes, over: Self.chiRange(n))
        let zRule = GaussLegendre.rule(nodes: nodes, over: -10...10)
        let r1Rule = GaussLegendre.rule(nodes: nodes, over: Self.chiRange(n - 1))
        var sums = (0.0, 0.0, 0.0, 0.0)
        for (r0, u0) in r0Rule where r0 > 0 {
            let a1 = r0 * c00
            let w0 = u0 * exp(logChiN + Double(n - 1) * log(r0) - r0 * r0 / 2)
            for (z, uz) in zRule {
                let wz = w0 * uz * exp(-z * z / 2) / (2 * Double.pi).squareRoot()
                let b1 = r0 * c10 + z * c11, p = r0 * c20 + z * c21
                // w0 - w* = A0 + Ae0 R02 (R02, R12 integrated out below).
                let a0 = z * c21 / a1, ae0 = c22 / a1
                for (r1, u1) in r1Rule where r1 > 0 {
                    let weight = wz * u1 * exp(logChiN1 + Double(n - 2) * log(r1) - r1 * r1 / 2)
                    let b2 = r1 * c11, q = r1 * c21
                    let k = c * b1 / (b1 * b1 + b2 * b2)
                    // d = D0 + De0 R02 + De1 R12.
                    let d0 = (k * (b1 * p + b2 * q) - p) / a1, de0 = c22 * (k * b1 - 1) / a1, de1 = c22 * k * b2 / a1
                    sums.0 += weight * (a0 * a0 + ae0 * ae0)
                    sums.1 += weight * (a0 * d0 + ae0 * de0)
                    sums.2 += weight * (d0 * d0 + de0 * de0 + de1 * de1)
                    sums.3 += weight * d0
                }
            }
        }
        (e00, e0d, edd, meanD) = sums
        sss = m.sss[0, 0]
        bayesWeight = m.bayesWeights[0]
    }

    /// Sss E(w(lambda) - w*)^2.
    func excessRisk(_ lambda: Double) -> Double { sss * (e00 + lambda * (2 * e0d + lambda * edd)) }

    /// E w(lambda) = w* + lambda E d (E(w0 - w*) = 0).
    func meanWeight(_ lambda: Double) -> Double { bayesWeight + lambda * meanD }

    /// Gauss-Legendre nodes per dimension (accuracy: see the tests).
    static let nodes = 96

    /// [max(0, m - 10), m + 10] around the chi_k mode m = sqrt(k - 1): the chi law's sd is below
    /// 1/sqrt(2) + 0.1, so the ends are beyond 10 sd (and 0 is the lower end of the support).
    private static func chiRange(_ k: Int) -> ClosedRange<Double> {
        let mode = Double(k - 1).squareRoot()
        return max(0, mode - 10)...(mode + 10)
    }

    /// log of 1 / (2^(k/2 - 1) Gamma(k/2)), the chi_k density's constant.
    private static func logChiNormaliser(_ k: Int) -> Double {
        -(Double(k) / 2 - 1) * log(2.0) - lgamma(Double(k) / 2)
    }
}

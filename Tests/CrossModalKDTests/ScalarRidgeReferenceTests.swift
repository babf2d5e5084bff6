import CCHTestSupport
@testable import CrossModalKD
import Foundation
import Testing

/// The exact scalar ridge regime at tiny ridge (docs/finite-n-ridge.md, "Numerics"), against
/// literal references from `bench/scalar_ridge_reference.py` (rerun it to recompute them): the
/// documented Laplace-transform integrals by mpmath's quadrature at 40 digits, confirmed by their
/// closed form through the generalised exponential integral at 60 digits, written here to 25
/// digits. As g -> 0 the mass of E[X/(X+g)^2] moves out to t ~ 1/g (X ~ g): at n = 1 it grows
/// like g^(-1/2), at n = 2 like ln(1/g). The risks are those of the correlations model
/// rho_ts = 0.6, rho_sy = 0.4, rho_ty = 0.3 with an oracle prediction teacher (Sss = 1, g = n gamma).
struct ScalarRidgeReferenceTests {
    struct Reference: Sendable, CustomStringConvertible {
        let n: Int, ridge: Double
        let meanShrinkage: Double, meanSquaredShrinkage: Double, noiseFactor: Double, shrinkageVariance: Double
        let riskNoKD: Double, riskKD: Double
        var description: String { "n = \(n), ridge = \(ridge)" }
    }

    // (n, ridge, E[h], E[h^2], E[X/(X+g)^2], Var(h), E R(0), E R(0.5))
    static let table: [(Int, Double, Double, Double, Double, Double, Double, Double)] = [
        (1, 1e-10, 9.999874669586262183437526e-1, 9.999812004879387008635602e-1, 6.266470687517480192398538e+4, 6.266413609138099132235066e-6, 5.263919377614948492594998e+4, 1.462679468599242540342027e+4),
        (1, 1e-50, 9.999999999999999999999999e-1, 9.999999999999999999999998e-1, 6.266570686577501256039412e+24, 6.266570686577501256039412e-26, 5.263919376725101055073107e+24, 1.4626175982471887931596e+24),
        (1, 1e-100, 1.0, 1.0, 6.266570686577501256039413e+49, 6.266570686577501256039413e-51, 5.263919376725101055073107e+49, 1.462617598247188793159599e+49),
        (1, 1e-200, 1.0, 1.0, 6.266570686577501256039413e+99, 6.266570686577501256039413e-101, 5.263919376725101055073107e+99, 1.462617598247188793159599e+99),
        (1, 1e-300, 1.0, 1.0, 6.266570686577501256039413e+149, 6.266570686577501256039413e-151, 5.263919376725101055073107e+149, 1.462617598247188793159599e+149),
        (2, 1e-10, 9.999999977551364732616212e-1, 9.999999956102729462987561e-1, 1.072431763481432551646771e+1, 9.99999947361013936458904e-11, 9.848426813260033433796957, 3.355155736117295868530592),
        (2, 1e-50, 1.0, 1.0, 5.677601949240037567014653e+1, 1.0e-50, 4.853185637361631556292309e+1, 1.41036229495262476814122e+1),
        (2, 1e-100, 1.0, 1.0, 1.143406468172515177705963e+2, 1.0e-100, 9.688614332649127492730091e+1, 2.753920696714650424765718e+1),
        (2, 1e-200, 1.0, 1.0, 2.294699014669538019714959e+2, 1.0e-200, 1.935947172322411936560565e+2, 5.441037500238701738014714e+1),
        (2, 1e-300, 1.0, 1.0, 3.445991561166560861723955e+2, 1.0e-300, 2.903032911379911123848122e+2, 8.12815430376275305126371e+1),
        (3, 1e-10, 9.99999999700006512321292e-1, 9.99999999400016280758231e-1, 9.99967438543536737531214e-1, 3.256025650884829372669365e-15, 1.679972648376571380504723, 1.085492400175201332893013),
        (3, 1e-50, 1.0, 1.0, 9.999999999999999999999997e-1, 3.256205645512204467133564e-75, 1.68, 1.0855),
        (3, 1e-100, 1.0, 1.0, 1.0, 3.256205645512204467133566e-150, 1.68, 1.0855),
        (3, 1e-200, 1.0, 1.0, 1.0, 3.256205645512204467133566e-300, 1.68, 1.0855),
        (3, 1e-300, 1.0, 1.0, 1.0, 0.0, 1.68, 1.0855),
        (10, 1e-10, 9.999999998750000000208333e-1, 9.999999997500000000625e-1, 1.249999999583333333489583e-1, 5.208333328125000006076389e-21, 9.449999999650000000164583e-1, 8.812749999982500000040698e-1),
        (10, 1e-50, 1.0, 1.0, 1.25e-1, 5.208333333333333333333333e-101, 9.45e-1, 8.81275e-1),
        (10, 1e-100, 1.0, 1.0, 1.25e-1, 5.208333333333333333333333e-201, 9.45e-1, 8.81275e-1),
        (10, 1e-200, 1.0, 1.0, 1.25e-1, 0.0, 9.45e-1, 8.81275e-1),
        (10, 1e-300, 1.0, 1.0, 1.25e-1, 0.0, 9.45e-1, 8.81275e-1),
    ]
    static let references = table.map {
        Reference(n: $0.0, ridge: $0.1, meanShrinkage: $0.2, meanSquaredShrinkage: $0.3, noiseFactor: $0.4,
                  shrinkageVariance: $0.5, riskNoKD: $0.6, riskKD: $0.7)
    }

    /// Error budget: relative 1e-12 for the three moments and both risks (the quadrature asks
    /// 1e-13 of each integral), absolute 1e-15 for Var(h) = E[h^2] - E[h]^2, a difference of two
    /// numbers near 1 that only ever enters the risk multiplied by Sss b^2.
    @Test(arguments: references)
    func momentsAndRiskMatchHighPrecisionReference(_ r: Reference) throws {
        let m = try ScalarRidgeMoments(samples: r.n, ridge: r.ridge, studentVariance: 1)
        assertClose(m.meanShrinkage, r.meanShrinkage, relative: 1e-12, "E[h]: \(m.meanShrinkage)")
        assertClose(m.meanSquaredShrinkage, r.meanSquaredShrinkage, relative: 1e-12, "E[h^2]: \(m.meanSquaredShrinkage)")
        assertClose(m.noiseFactor, r.noiseFactor, relative: 1e-12, "E[X/(X+g)^2]: \(m.noiseFactor)")
        assertClose(m.shrinkageVariance, r.shrinkageVariance, absolute: 1e-15, "Var(h)")
        let model = try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
        let student = StudentSpec(samples: .finite(r.n), ridge: r.ridge, lambda: 0.5)
        let analysis = try KDAnalysis(model: model, teacher: TeacherSpec(), student: student)
        #expect(analysis.regime == .exactScalarRidge)
        assertClose(analysis.riskNoKD, r.riskNoKD, relative: 1e-12, "E R(0): \(analysis.riskNoKD)")
        assertClose(analysis.riskKD, r.riskKD, relative: 1e-12, "E R(0.5): \(analysis.riskKD)")
        let fast = try #require(KDAnalysis.scalarFastPath(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3, teacher: TeacherSpec(), student: student))
        assertClose(fast.riskNoKD, r.riskNoKD, relative: 1e-12, "fast path E R(0): \(fast.riskNoKD)")
    }

    /// Every n and every ridge from the smallest subnormal Double to 1e150 (beyond, E[h^2] ~ n^2/g^2
    /// and E[X/(X+g)^2] ~ n/g^2 leave a Double's range): the moments are positive, ordered as they
    /// must be (E[h^2] <= E[h] <= 1), and the quadrature reaches its tolerance (no error thrown).
    @Test(arguments: [1, 2, 3, 7, 50, 10_000, 1_000_000_000])
    func momentsExistOverTheWholeRangeOfThePenalty(n: Int) throws {
        for ridge in [Double.leastNonzeroMagnitude, 0x1p-1060, 0x1p-1030, 1e-250, 1e-150, 1e-30, 1e-5, 1, 1e5, 1e30, 1e150] {
            let m = try ScalarRidgeMoments(samples: n, ridge: ridge, studentVariance: 1)
            let what = "n = \(n), g = \(m.scaledPenalty)"
            #expect(m.noiseFactor.isFinite && m.noiseFactor > 0, "\(what): \(m.noiseFactor)")
            #expect(m.meanShrinkage > 0 && m.meanShrinkage <= 1 + 1e-13, "\(what): E[h] = \(m.meanShrinkage)")
            #expect(m.meanSquaredShrinkage > 0 && m.meanSquaredShrinkage <= m.meanShrinkage * (1 + 1e-13), "\(what)")
        }
    }

    /// Where the quadrature cannot meet the tolerance asked of it, the moment is refused with an
    /// error that says so, never returned (here a tolerance below what double precision allows).
    @Test func unreachableToleranceIsAnError() {
        #expect(throws: ParameterError.self) {
            try ScalarRidgeMoments.laplaceIntegral(coefficient: 1, tPower: 1, exponent: 1.5, samples: 1, penalty: 1e-100,
                                                   relativeTolerance: 1e-17)
        }
    }
}

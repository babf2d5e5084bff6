import CCHTestSupport
import CrossModalKD
import Foundation
import Testing

/// I(X;C) against literal reference values over fifteen decades of the signal-to-noise ratio a.
///
/// The references were computed once with mpmath at 50 significant digits as
/// I(a) = 2 * integral_0^inf phi(z) (ln 2 - h2(Phi(a z))) dz for a <= 1 and as
/// I(a) = ln 2 - (2 / a) * integral_0^inf phi(v / a) h2(Phi(v)) dv for a > 1 (the same
/// expectation; h2 the binary entropy in nats), and are written here to 25 digits. I(1) is
/// ln 2 - 1/2 exactly, a check of the tool itself.
struct SignLabelPrecisionTests {
    static let references: [(a: Double, information: Double)] = [
        (1e-7, 3.183098861837885016507421e-15),
        (1e-5, 3.183098861620918012852485e-11),
        (1e-3, 3.183096691952507603508097e-7),
        (0.1, 0.003161561363397075421674567),
        (0.5, 0.06814349505701893851797906),
        (1, 0.1931471805599453094172321),
        (2, 0.3732621252050223924612417),
        (5, 0.5520177882336519318764407),
        (10, 0.6214663534775603758680088),
        (100, 0.6859410957896270772371622),
        (1000, 0.6924265337773864882238629),
        (1e4, 0.6930751158433808388850185),
        (2e4, 0.693111148201517965745988),
        (1e5, 0.693139974088250553744981),
        (1e6, 0.6931464599127757955413877),
        (1e8, 0.6931471733534736142746045),
    ]

    /// Error budget: relative error at most 1e-9, and never a negative information.
    @Test(arguments: references)
    func matchesHighPrecisionReference(a: Double, information: Double) {
        let computed = SignLabelInformation.mutualInformation(signalToNoise: a)
        #expect(computed >= 0)
        assertClose(computed, information, relative: 1e-9, "a = \(a): \(computed) vs \(information)")
    }
}

@testable import CCHTestSupport
import Testing

/// The rule of `assertClose` (CCHTestSupport/ReferenceValue.swift), checked on its edges so that a
/// reference test cannot pass by a wrong rule: each budget admits the error at its bound and refuses
/// the next representable one.
struct ReferenceCheckTests {
    func passes(_ value: Double, _ reference: Double, absolute: Double = 0, relative: Double = 0, ulps: Double = 0) -> Bool {
        ReferenceCheck(value: value, reference: reference, absolute: absolute, relative: relative, ulps: ulps).problem == nil
    }

    @Test func noBudgetIsExactEquality() {
        #expect(passes(0.1, 0.1))
        #expect(!passes(0.1.nextUp, 0.1))
    }

    @Test func eachBudgetAdmitsItsBoundAndNoMore() {
        #expect(passes(1 + 0.5, 1, absolute: 0.5))
        #expect(!passes((1 + 0.5).nextUp, 1, absolute: 0.5))
        #expect(passes(4 + 1, 4, relative: 0.25))
        #expect(!passes((4 + 1).nextUp, 4, relative: 0.25))
        let reference = 0.3
        #expect(passes(reference + 4 * reference.ulp, reference, ulps: 4))
        #expect(!passes(reference + 5 * reference.ulp, reference, ulps: 4))
        // The largest budget applies: a relative 1e-3 of 1000 beats an absolute 0.5.
        #expect(passes(1000.9, 1000, absolute: 0.5, relative: 1e-3))
    }

    /// The budget scales with the reference, not with the value (unlike isApproximatelyEqual).
    @Test func theScaleIsTheReferences() {
        #expect(passes(1.5, 1, relative: 0.5))
        // The symmetric rule would admit this one (0.4 * max(1.5, 1) = 0.6 > 0.5).
        #expect(!passes(1.5, 1, relative: 0.4))
    }

    @Test func nanAndInfinities() {
        #expect(passes(.nan, .nan))
        #expect(!passes(.nan, 1, absolute: .infinity))
        #expect(!passes(1, .nan, absolute: .infinity))
        #expect(passes(.infinity, .infinity))
        #expect(!passes(.infinity, -.infinity, absolute: .infinity))
        #expect(!passes(.greatestFiniteMagnitude, .infinity, relative: 1))
    }

    /// Without an absolute budget the sign must be right; with one, a reference at zero takes either sign.
    @Test func theSignMustBeRightUnlessTheBudgetIsAbsolute() {
        #expect(!passes(-1e-300, 1e-300, relative: 10))
        #expect(passes(-1e-300, 1e-300, absolute: 1e-12))
        #expect(passes(0, 1e-300, relative: 1))
    }

    @Test func theMessageSaysTheErrorAndTheBudget() throws {
        let problem = try #require(ReferenceCheck(value: 1.25, reference: 1, absolute: 0.125, relative: 0, ulps: 0).problem)
        #expect(problem.hasPrefix("got 1.25, reference 1.0: error 0.25 (relative 0.25, "), "\(problem)")
        #expect(problem.hasSuffix("exceeds the budget 0.125 (absolute 0.125, relative 0.0, ulps 0.0)"), "\(problem)")
    }
}

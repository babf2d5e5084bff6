import CrossModalKD
import Testing

/// Which regime of docs/theory.md section 4 each (n, ridge, teacher fit, approximation) selects.
struct RegimeSelectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let samples: SampleSize, ridge: Double, fit: TeacherFit, approximation: Bool
        let expected: Regime?
        var testDescription: String { "n = \(samples), ridge = \(ridge), fit = \(fit), approximation = \(approximation)" }
    }

    static let ds = 4
    static let cases: [Case] = [
        Case(samples: .infinite, ridge: 0, fit: .oracle, approximation: false, expected: .population),
        Case(samples: .infinite, ridge: 0.3, fit: .ols(samples: 10), approximation: false, expected: .population),
        Case(samples: .finite(6), ridge: 0, fit: .oracle, approximation: false, expected: .exactOLS),
        Case(samples: .finite(6), ridge: 0, fit: .ols(samples: 10), approximation: false, expected: .exactOLSFittedTeacher),
        Case(samples: .finite(5), ridge: 0, fit: .oracle, approximation: false, expected: nil),
        Case(samples: .finite(5), ridge: 0, fit: .oracle, approximation: true, expected: .deterministicEquivalent),
        Case(samples: .finite(3), ridge: 0.1, fit: .oracle, approximation: false, expected: .deterministicEquivalent),
        Case(samples: .finite(300), ridge: 0.1, fit: .ols(samples: 10), approximation: false, expected: .deterministicEquivalent),
    ]

    @Test(arguments: cases)
    func regimeFor(_ c: Case) {
        let student = StudentSpec(samples: c.samples, ridge: c.ridge, lambda: 0.5, allowApproximation: c.approximation)
        let chosen = try? Regime.choose(student: student, teacherFit: c.fit, ds: Self.ds)
        #expect(chosen == c.expected)
    }

    /// A scalar student with ridge at finite n is exact whatever n and the teacher fit.
    @Test(arguments: [1, 2, 3, 500])
    func scalarRidgeIsExact(_ n: Int) throws {
        for fit in [TeacherFit.oracle, .ols(samples: 10)] {
            let student = StudentSpec(samples: .finite(n), ridge: 0.01, allowApproximation: true)
            #expect(try Regime.choose(student: student, teacherFit: fit, ds: 1) == .exactScalarRidge)
        }
        #expect(try Regime.choose(student: StudentSpec(samples: .finite(n), ridge: 0.01), teacherFit: .oracle, ds: 2) == .deterministicEquivalent)
    }

    @Test(arguments: [-0.1, Double.nan, Double.infinity])
    func invalidRidgeIsRejected(_ ridge: Double) {
        #expect(throws: ParameterError.self) {
            try Regime.choose(student: StudentSpec(samples: .finite(10), ridge: ridge), teacherFit: .oracle, ds: 1)
        }
    }
}

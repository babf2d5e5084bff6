@testable import CrossModalKD
import Foundation
import Testing

/// Every entry point that takes a KD weight refuses one outside [0, 1] (NaN and infinities too)
/// with the same error, `ParameterError.checkLambda`'s, and accepts the ends 0 and 1.
struct LambdaCheckTests {
    static let outside: [Double] = [-0.25, 1.5, .nan, .infinity, -.infinity]

    static func expected(_ lambda: Double) -> ParameterError {
        .invalid(parameter: .lambda, reason: "must lie in [0, 1], got \(lambda)")
    }

    /// The error `body` throws, as a `ParameterError` (nil when it throws none or another).
    static func error(_ body: () throws -> Void) -> ParameterError? {
        do { try body(); return nil } catch { return error as? ParameterError }
    }

    @Test func theCheckAcceptsTheClosedUnitInterval() throws {
        for lambda in [0, 1e-300, 0.5, 1] { try ParameterError.checkLambda(lambda) }
        for lambda in Self.outside {
            #expect(Self.error { try ParameterError.checkLambda(lambda) } == Self.expected(lambda))
        }
    }

    @Test func everyEntryPointRefusesAWeightOutsideIt() throws {
        let model = try JointGaussian.correlations(rhoTS: 0.45, rhoSY: 0.4, rhoTY: 0.3)
        let features = Matrix([[1, 0], [0, 1], [1, 1], [-1, 0.5]])
        for lambda in Self.outside {
            let student = StudentSpec(samples: .finite(20), lambda: lambda)
            let entries: [(String, () throws -> Void)] = [
                ("KDAnalysis", { _ = try KDAnalysis(model: model, teacher: TeacherSpec(), student: student) }),
                ("MonteCarloExperiment", { _ = try MonteCarloExperiment(model: model, teacher: TeacherSpec(), student: student, settings: MonteCarloSettings()) }),
                ("LogisticKDExperiment", {
                    _ = try LogisticKDExperiment(model: model, spec: LogisticKDSpec(teacher: .posterior, samples: 20, lambda: lambda), trials: 2)
                }),
                ("LogisticRegression", { _ = try LogisticRegression(features: features, labels: [1, -1, 1, -1], lambda: lambda) }),
                ("SoftmaxKD", { _ = try SoftmaxKD(features: features, labels: [0, 1, 0, 1], classes: 2, lambda: lambda, ridge: 0.1) }),
                ("DistillationExperiment", {
                    var settings = DistillationExperiment.Settings()
                    settings.lambda = lambda
                    try DistillationExperiment.validate(settings, rows: 10_000)
                }),
            ]
            for (name, entry) in entries {
                #expect(Self.error(entry) == Self.expected(lambda), "\(name) at lambda = \(lambda)")
            }
            #expect(KDAnalysis.scalarFastPath(rhoTS: 0.45, rhoSY: 0.4, rhoTY: 0.3, teacher: TeacherSpec(), student: student) == nil)
        }
        let inside = StudentSpec(samples: .finite(20), lambda: 1)
        #expect(KDAnalysis.scalarFastPath(rhoTS: 0.45, rhoSY: 0.4, rhoTY: 0.3, teacher: TeacherSpec(), student: inside) != nil)
    }
}

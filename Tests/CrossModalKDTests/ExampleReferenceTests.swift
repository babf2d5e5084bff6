import CCHTestSupport
import CrossModalKD
import Testing

/// The numbers of the README's worked example (`cchsim analyze Scenarios/example.toml`, and with
/// `--set model.label=sign`), held to literals computed at 50 digits by
/// `bench/example_reference.py` (mpmath, from the closed forms of docs/theory.md section 2,
/// independently of cchsim). The README prints them to 6 digits; here each has an error budget.
struct ExampleReferenceTests {
    /// The example's model: scalar T, S, Y with unit variances.
    static func model() throws -> JointGaussian {
        try JointGaussian.correlations(rhoTS: 0.6, rhoSY: 0.4, rhoTY: 0.3)
    }

    @Test func mutualInformations() throws {
        let info = InformationSummary(model: try Self.model())
        // From log-determinants of the blocks (Cholesky), not by log1p: up to 15 ulps measured.
        assertClose(info.teacherStudent, 2.231435513142097557662951e-1, relative: 1e-14, "I(T;S)")
        assertClose(info.studentLabel, 8.717669357238887635046034e-2, relative: 1e-14, "I(S;Y)")
        assertClose(info.teacherLabel, 4.715533973562066343857136e-2, relative: 1e-14, "I(T;Y)")
        assertClose(info.cchGap, 1.359668577418208794158347e-1, relative: 1e-14, "CCH gap")
        // A difference of two log-determinants of nearly equal matrices: relative 1e-12.
        assertClose(info.teacherLabelGivenStudent, 3.359475124372474345085299e-3, relative: 1e-12, "I(T;Y|S)")
    }

    /// Regime 4(b), exact OLS at n = 50 with the oracle prediction target: Bayes risk Var(Y|S) = 0.84,
    /// E R(0) = Var(Y|S) (1 + 1/(n - 2)), E R(0.5), and the vertex lambda* of the quadratic E R(lambda)
    /// with its risk.
    @Test func exactOLSRisks() throws {
        let analysis = try KDAnalysis(model: try Self.model(), teacher: TeacherSpec(), student: StudentSpec(samples: .finite(50), lambda: 0.5))
        assertClose(analysis.bayesRisk, 0.84, ulps: 4, "Var(Y|S)")
        assertClose(analysis.riskNoKD, 0.8575, ulps: 4, "E R(0)")
        assertClose(analysis.riskKD, 0.8569625, ulps: 4, "E R(0.5)")
        // -a1 / (2 a2), a ratio of the quadratic's coefficients: 8 ulps measured.
        assertClose(analysis.lambdaOpt, 2.58100979653353428786737e-1, relative: 1e-14, "lambda*")
        assertClose(analysis.risk(at: analysis.lambdaOpt), 8.530800207234363225320271e-1, ulps: 4, "E R(lambda*)")
    }

    /// The sign label C = sign(Y): I(S;C), I(T;C) by quadrature, Sheppard's Bayes accuracies.
    @Test func signLabelQuantities() throws {
        let classes = ClassInformationSummary(model: try Self.model())
        assertClose(classes.studentClass, 5.373675357621747851039885e-2, relative: 1e-12, "I(S;C)")
        assertClose(classes.teacherClass, 2.950481601070296471703195e-2, relative: 1e-12, "I(T;C)")
        assertClose(classes.bayesAccuracyStudent, 6.309898804344546172445694e-1, ulps: 4, "accuracy from S")
        assertClose(classes.bayesAccuracyTeacher, 5.969866840206782905013669e-1, ulps: 4, "accuracy from T")
    }

    /// docs/theory.md section 1, "Scale": the same model times 1e-200 with n = 20 keeps Sheppard's
    /// accuracy and the exact risk Var(Y|S) (1 + 1/(n - 2)) 1e-200 = 8.8667e-201. The covariance is
    /// rounded once by the decimal factor, so the budget is a few ulps of its rounding.
    @Test func aTinyCovarianceKeepsItsNumbers() throws {
        let k = 1e-200
        let model = try JointGaussian(dt: 1, ds: 1, covariance: Matrix(rows: 3, cols: 3,
                                                                     elements: [1, 0.6, 0.3, 0.6, 1, 0.4, 0.3, 0.4, 1].map { $0 * k }))
        let analysis = try KDAnalysis(model: model, teacher: TeacherSpec(), student: StudentSpec(samples: .finite(20), lambda: 0.5))
        assertClose(analysis.riskNoKD, 8.866666666666666666666667e-201, relative: 1e-14, "E R(0)")
        assertClose(analysis.accuracyNoKD, 6.309898804344546172445694e-1, relative: 1e-14, "sign-label accuracy of E[w]")
    }
}

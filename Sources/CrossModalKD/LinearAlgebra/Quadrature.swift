import CGSL

/// One-dimensional numerical integration by GSL's adaptive Gauss-Kronrod routines.
enum Quadrature {
    /// Integral of `f` over [0, infinity) by `gsl_integration_qagiu` (QAGS on the transformed
    /// interval), to an absolute error of about `absoluteTolerance` or a relative error of
    /// `relativeTolerance`, whichever is larger. `f` must be finite on [0, infinity).
    static func halfLine(absoluteTolerance: Double = 1e-14, relativeTolerance: Double = 1e-11,
                         _ f: (Double) -> Double) -> Double {
        GSL.prepare()
        let limit = 1000
        guard let workspace = gsl_integration_workspace_alloc(limit) else {
            fatalError("GSL could not allocate an integration workspace")
        }
        defer { gsl_integration_workspace_free(workspace) }
        return withoutActuallyEscaping(f) { escapable in
            let box = Integrand(escapable)
            let context = Unmanaged.passUnretained(box).toOpaque()
            var function = gsl_function(
                function: { x, params in
                    guard let params else { return .nan }
                    return Unmanaged<Integrand>.fromOpaque(params).takeUnretainedValue().f(x)
                },
                params: context)
            var result = 0.0, error = 0.0
            // A non-zero status (roundoff limited) still leaves the best estimate in `result`.
            _ = gsl_integration_qagiu(&function, 0, absoluteTolerance, relativeTolerance, limit,
                                      workspace, &result, &error)
            return withExtendedLifetime(box) { result }
        }
    }

    /// Holds the Swift closure that GSL's C callback calls through its `params` pointer.
    private final class Integrand {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }
}

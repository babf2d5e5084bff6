import CGSL

/// One-dimensional numerical integration by GSL's adaptive Gauss-Kronrod routines.
enum Quadrature {
    /// An integral's value with GSL's estimate of its absolute error and whether GSL reached the
    /// requested tolerance (`gsl_integration_qag*` returned success).
    struct Estimate {
        var value: Double
        var error: Double
        var converged: Bool
    }

    /// Integral of `f` over [0, infinity) by `gsl_integration_qagiu` (QAGS on the transformed
    /// interval), to an absolute error of about `absoluteTolerance` or a relative error of
    /// `relativeTolerance`, whichever is larger. `f` must be finite on [0, infinity).
    static func halfLine(absoluteTolerance: Double = 1e-14, relativeTolerance: Double = 1e-11,
                         _ f: (Double) -> Double) -> Double {
        // A non-zero status (roundoff limited) still leaves the best estimate in `value`.
        estimate(from: 0, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, f).value
    }

    /// Integral of `f` over [lower, infinity) (`gsl_integration_qagiu`) with its error estimate.
    static func estimate(from lower: Double, absoluteTolerance: Double, relativeTolerance: Double,
                         _ f: (Double) -> Double) -> Estimate {
        withGSLFunction(f) { function, workspace, limit in
            var result = 0.0, error = 0.0
            let status = gsl_integration_qagiu(&function, lower, absoluteTolerance, relativeTolerance, limit,
                                               workspace, &result, &error)
            return Estimate(value: result, error: error, converged: status == GSL_SUCCESS)
        }
    }

    /// Integral of `f` over the finite `interval` (`gsl_integration_qag`, 61-point Gauss-Kronrod
    /// rule) with its error estimate.
    static func estimate(over interval: ClosedRange<Double>, absoluteTolerance: Double, relativeTolerance: Double,
                         _ f: (Double) -> Double) -> Estimate {
        withGSLFunction(f) { function, workspace, limit in
            var result = 0.0, error = 0.0
            let status = gsl_integration_qag(&function, interval.lowerBound, interval.upperBound, absoluteTolerance,
                                             relativeTolerance, limit, Int32(GSL_INTEG_GAUSS61), workspace, &result, &error)
            return Estimate(value: result, error: error, converged: status == GSL_SUCCESS)
        }
    }

    /// Runs `body` with `f` wrapped as a `gsl_function` and a workspace of `limit` subintervals.
    private static func withGSLFunction(_ f: (Double) -> Double,
                                        _ body: (inout gsl_function, UnsafeMutablePointer<gsl_integration_workspace>, Int) -> Estimate) -> Estimate {
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
            return withExtendedLifetime(box) { body(&function, workspace, limit) }
        }
    }

    /// Holds the Swift closure that GSL's C callback calls through its `params` pointer.
    private final class Integrand {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }
}

/// Gauss-Legendre rules from GSL's tables.
enum GaussLegendre {
    /// The `nodes` (abscissa, weight) pairs of the Gauss-Legendre rule on `interval`.
    static func rule(nodes: Int, over interval: ClosedRange<Double>) -> [(Double, Double)] {
        GSL.prepare()
        guard let table = gsl_integration_glfixed_table_alloc(nodes) else {
            fatalError("GSL could not allocate a Gauss-Legendre table")
        }
        defer { gsl_integration_glfixed_table_free(table) }
        return (0..<nodes).map { i in
            var x = 0.0, w = 0.0
            gsl_integration_glfixed_point(interval.lowerBound, interval.upperBound, i, &x, &w, table)
            return (x, w)
        }
    }
}

import CGSL

/// The digamma function psi = Gamma'/Gamma (GSL), as the kNN estimators use it.
enum Digamma {
    /// psi(x) for real x > 0.
    static func of(_ x: Double) -> Double { gsl_sf_psi(x) }

    /// psi(1), ..., psi(n) as a table indexed by m - 1 (the kNN estimators evaluate psi at
    /// integer counts up to the sample size, many times).
    static func table(upTo n: Int) -> [Double] {
        (1...max(1, n)).map { gsl_sf_psi_int(Int32(clamping: $0)) }
    }
}

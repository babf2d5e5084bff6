import CGSL

extension RandomStream {
    /// Fills `count` standard normal draws (GSL ziggurat), in order.
    @inline(__always)
    func fillGaussian(_ x: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { x[i] = gsl_ran_gaussian_ziggurat(pointer, 1) }
    }

    /// The Bartlett factor of a Wishart(m, I_p) matrix: lower-triangular A with W = A A', drawn row by
    /// row as A_ij ~ N(0, 1) for j < i, then A_ii = sqrt(chi-squared(m - i)) (i, j = 0..<p).
    ///
    /// Why it is right (and why only m >= p is needed): for an m x p standard normal matrix X with
    /// QR decomposition X = Q R, R' is this factor and X'X = R'R; any m x k normal matrix E
    /// independent of X has X'E = R' (Q'E) with Q'E again standard normal and independent of R. So
    /// the scatter of p design columns against any number of independent noise columns costs
    /// p(p + 1)/2 + p k draws, not m (p + k).
    ///
    /// Writes the lower triangle of the row-major p x p buffer `a` (the upper triangle is left alone).
    func bartlettFactor(order p: Int, degreesOfFreedom m: Int, into a: UnsafeMutablePointer<Double>) {
        precondition(m >= p && p >= 0, "a Bartlett factor needs degrees of freedom >= order")
        for i in 0..<p {
            let row = a + i * p
            fillGaussian(row, count: i)
            row[i] = gsl_ran_chisq(pointer, Double(m - i)).squareRoot()
        }
    }
}

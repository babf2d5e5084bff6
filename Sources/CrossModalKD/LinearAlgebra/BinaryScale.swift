extension Double {
    /// 2^(k - e), with 2^e the binade of |self| (1 for zero or a non-finite value): multiplying by
    /// it is exact (a power of two) and brings |self| into [2^k, 2^(k + 1)).
    ///
    /// cchsim's one guard against overflow and underflow in quantities that do not depend on the
    /// scale of the data: a data column is scaled below 1 (k = -1: `SampleRows.binaryScale`, and
    /// each feature column of a data scenario before its principal components) so that sums of
    /// squares cannot overflow; a model's variables are scaled so that the largest
    /// standard deviation lies in [1, 2) (k = 0, `JointGaussian.binaryScaled`) so that products of
    /// variances neither underflow nor overflow.
    public func binaryScale(intoBinade k: Int) -> Double {
        guard self != 0, isFinite else { return 1 }
        return Double(sign: .plus, exponent: k - exponent, significand: 1)
    }
}

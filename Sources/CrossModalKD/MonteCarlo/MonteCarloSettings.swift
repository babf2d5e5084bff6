/// How a Monte Carlo trial obtains its training data (docs/theory.md section 3, squared loss).
///
/// Both samplers work in the whitened frame of the model: with L the Cholesky factor of Sigma in
/// the order (S, Y, T), a triple is V = L x for standard normal innovations x = (xi, eps_y, eps_T),
/// and a teacher pair (T, Y) is L_TY (zeta, eps). Least squares on the real triples equals least
/// squares on the innovations mapped once by L, so a trial needs only the scatter of the student
/// innovations xi against (xi, eps_y, nu'eps_T), where nu'eps_T is the part of the teacher's
/// signal u that S and Y do not explain (and likewise for the teacher's own fit).
public enum MonteCarloSampler: String, Sendable, CaseIterable {
    /// Draws the sufficient statistics directly: the scatter Xi'Xi of n samples is Wishart(n, I),
    /// drawn as A A' with A its Bartlett factor (A_ii^2 ~ chi-squared(n - i), i = 0..<ds, A_ij ~ N(0,1)
    /// below the diagonal), and the cross terms with independent noise columns are A g with g
    /// standard normal. A trial costs O(ds^2) random numbers whatever n. Needs n >= ds; a smaller
    /// sample (possible with ridge > 0 only) is drawn as triples instead, and the summary says so.
    case moments
    /// Draws every training triple: per trial, first the teacher's nt rows of dt + 1 innovations
    /// (zeta, eps) when the teacher is fitted, then the student's n rows of ds + 1 + dt innovations
    /// (xi, eps_y, eps_T), then the test set's test_n rows of ds + 1 innovations (xi, eps_y) when
    /// one is sampled; rows are reduced to their scatter as they are drawn. Costs O(n d) random
    /// numbers per trial: the reference the moments sampler is checked against, and the path for
    /// experiments that need the samples themselves.
    case triples
}

/// The Monte Carlo part of a scenario (`[monte_carlo]`): how many paired trials, how the data are
/// drawn, and how the fitted students are scored.
public struct MonteCarloSettings: Sendable, Equatable {
    /// Number of paired trials (>= 2, so that a standard error exists; <= `maximumTrials`).
    public var trials: Int
    /// The most trials one experiment runs (10^9: hours of work for the cheapest scenario).
    public static let maximumTrials = SizeLimits.maximumTrials
    public var sampler: MonteCarloSampler
    /// Size of a fresh test set drawn per trial to score the students empirically (squared error
    /// and sign agreement); nil scores them exactly: R(w) = Var(Y|S) + |w - w*|^2_Sss and
    /// Sheppard's sign accuracy.
    public var testSamples: Int?
    /// Worker threads (nil: all cores). Results do not depend on it.
    public var threads: Int?

    public init(trials: Int = 2000, sampler: MonteCarloSampler = .moments, testSamples: Int? = nil, threads: Int? = nil) {
        self.trials = trials
        self.sampler = sampler
        self.testSamples = testSamples
        self.threads = threads
    }
}

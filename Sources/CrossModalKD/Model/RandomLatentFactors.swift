/// A seeded generator of random latent-factor models, for studying CCH over many scenarios at
/// once (a sweep over the draw number gives a few hundred of them).
///
/// Draw number `draw` of seed `seed` is: k latent factors; each factor is seen by the teacher with
/// probability 0.7 and, independently, by the student with probability 0.7 (so factors are shared,
/// teacher-only, student-only or seen by neither: complementarity in every mix); a seen factor's
/// loadings are independent N(0, 1); the label loads on every factor with N(0, 1) weights; the
/// noise standard deviations of T, S and Y are uniform on [0.2, 1.5]. Draws are reproducible
/// and independent across draw numbers (their random streams are derived from (seed, draw)).
public enum RandomLatentFactors {
    /// Stream identifier that keeps these draws apart from every other use of the seed.
    static let streamTag: UInt64 = 0x726C_6174_656E_7431  // "rlatent1"

    public static func draw(seed: UInt64, draw: Int, factors k: Int, dt: Int, ds: Int) -> ModelSpec.LatentFactors {
        let stream = RandomStream(seed: seed, ids: [streamTag, UInt64(max(0, draw))])
        let seenByTeacher = (0..<k).map { _ in stream.uniform() < 0.7 }
        let seenByStudent = (0..<k).map { _ in stream.uniform() < 0.7 }
        func loadings(_ rows: Int, _ seen: [Bool]) -> Matrix {
            var m = Matrix(rows: rows, cols: k)
            for i in 0..<rows { for j in 0..<k where seen[j] { m[i, j] = stream.gaussian() } }
            return m
        }
        let at = loadings(dt, seenByTeacher), as_ = loadings(ds, seenByStudent)
        let beta = (0..<k).map { _ in stream.gaussian() }
        func noise() -> Double { 0.2 + 1.3 * stream.uniform() }
        return .init(teacherLoadings: at, studentLoadings: as_, labelLoadings: beta,
                     teacherNoise: noise(), studentNoise: noise(), labelNoise: noise())
    }
}

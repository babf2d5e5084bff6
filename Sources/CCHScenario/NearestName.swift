/// The valid name a mistyped one most likely meant, for "did you mean ...?" in errors about an
/// unknown scenario key or subcommand.
///
/// The distance is the optimal-string-alignment form of the Damerau-Levenshtein distance: the
/// fewest insertions, deletions, substitutions and swaps of two adjacent characters (`rho_st` is
/// one swap from `rho_ts`, `analyse` one substitution from `analyze`). A name is suggested only
/// when it is close (at most a third of the typed name's characters changed, at least one) and
/// no other valid name is as close, so that a suggestion is never a guess between two.
public enum NearestName {
    /// The one valid name within reach of `typed`, or nil.
    public static func suggestion(for typed: String, among valid: some Sequence<String>) -> String? {
        var best: String?, bestDistance = Int.max, tied = false
        for name in Set(valid) where name != typed {
            let d = distance(typed, name)
            if d < bestDistance { (best, bestDistance, tied) = (name, d, false) } else if d == bestDistance { tied = true }
        }
        guard let best, bestDistance <= max(1, typed.count / 3), !tied else { return nil }
        return best
    }

    /// " (did you mean NAME?)" when `suggestion` finds one, else "".
    public static func hint(for typed: String, among valid: some Sequence<String>) -> String {
        suggestion(for: typed, among: valid).map { " (did you mean \($0)?)" } ?? ""
    }

    /// The optimal-string-alignment distance between `a` and `b` (characters as Unicode scalars'
    /// grapheme clusters, as Swift counts them).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // d[i][j]: distance between a's first i and b's first j characters.
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

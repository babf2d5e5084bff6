/// A teacher of the KD experiment on multi-view data (docs/real-data.md, "Teacher sets"): the
/// teacher on one view, a teacher on the concatenated representations of a set of views, or the
/// ensemble of the single-view teachers of a set (their soft targets averaged: probabilities at
/// the temperature for a class label, predictions for a continuous one).
///
/// CCH judges a set by the gap I(T_set;S) - I(S;Y) on the concatenated representations; the
/// ensemble of a set is judged by the same gap (it sees the same views).
public struct TeacherCandidate: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One view's teacher (`views` has one element).
        case view
        /// One teacher fitted on the columns of every view of the set, side by side.
        case concatenated
        /// The mean of the soft targets of the set's single-view teachers.
        case ensemble
    }

    public let kind: Kind
    /// The views taught from (indices into `MultiViewData`'s views), in the order the user named them.
    public let views: [Int]

    public init(kind: Kind, views: [Int]) {
        self.kind = kind
        self.views = views
    }

    /// The teacher of view `v` alone.
    public static func view(_ v: Int) -> TeacherCandidate { TeacherCandidate(kind: .view, views: [v]) }

    /// Whether view `v` is one of the views this teacher learns from (it never teaches itself).
    public func uses(_ v: Int) -> Bool { views.contains(v) }

    /// The teacher's name from the view names: `fou`, `fou+kar` (concatenated), `avg(fou,kar)` (ensemble).
    public func name(_ viewNames: [String]) -> String {
        let names = views.map { viewNames[$0] }
        switch kind {
        case .view: return names[0]
        case .concatenated: return names.joined(separator: "+")
        case .ensemble: return "avg(" + names.joined(separator: ",") + ")"
        }
    }

    /// The teachers of `views` views taught by every single view and by each set of `sets` (each a
    /// concatenated teacher and an ensemble, in that order), singles first: the teacher order of
    /// the experiment, the CSV and the figures.
    public static func all(views: Int, sets: [[Int]]) -> [TeacherCandidate] {
        (0..<views).map(view) + sets.flatMap { [TeacherCandidate(kind: .concatenated, views: $0), TeacherCandidate(kind: .ensemble, views: $0)] }
    }
}

/// `[experiment] teacher_sets` of a data scenario (docs/real-data.md, "Teacher sets").
extension DataScenario {
    /// The choices of `teacher_sets` written as a word.
    enum TeacherSetChoice: String, CaseIterable {
        /// Every view teaches alone (no sets).
        case single
        /// Every pair of views besides the single views.
        case pairs
    }

    /// The teacher sets of `[experiment] teacher_sets` as indices into `views`: none for
    /// `"single"` (the default), every pair (a < b) for `"pairs"`, or the explicit list of view
    /// sets, each of two or more distinct view names (did-you-mean on an unknown one), not every
    /// view, no set twice (in any order). A set containing the student is skipped for that student (by
    /// `MultiViewData.orderedPairs`). - Throws: `ScenarioError` naming the key and the reason.
    static func teacherSets(_ r: TableReader, views: [String]) throws(ScenarioError) -> [[Int]] {
        let key = ScenarioKey.Experiment.teacherSets
        let words = TeacherSetChoice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let expected = "expected \(words) or a list of view sets such as [[\"\(views[0])\", \"\(views[1])\"]]"
        switch r.value(key) {
        case nil: return []
        case .string(let word)?:
            switch TeacherSetChoice(rawValue: word) {
            case .single: return []
            case .pairs:
                guard views.count >= 3 else {
                    throw r.error(key, "\"pairs\" needs three or more views: the pair of two views holds every student view, and a set never teaches a view it holds")
                }
                return views.indices.flatMap { a in ((a + 1)..<views.count).map { [a, $0] } }
            case nil: throw r.error(key, "unknown value \(EchoedInput.quoted(word)); \(expected)"
                                    + NearestName.hint(for: word, among: TeacherSetChoice.allCases.map(\.rawValue)))
            }
        case .array(let items)?:
            var sets: [[Int]] = []
            for (i, item) in items.enumerated() {
                let place = "set \(i + 1)"
                guard case .array(let members) = item, !members.isEmpty else { throw r.error(key, "\(place): \(expected)") }
                var set: [Int] = []
                for member in members {
                    guard case .string(let name) = member else { throw r.error(key, "\(place): view names are strings, got \(member)") }
                    guard let v = views.firstIndex(of: name) else {
                        throw r.error(key, "\(place): unknown view \(EchoedInput.quoted(name))\(NearestName.hint(for: name, among: views)); "
                                      + "the views are " + views.map { EchoedInput.quoted($0) }.joined(separator: ", "))
                    }
                    guard !set.contains(v) else { throw r.error(key, "\(place): the view \(EchoedInput.quoted(name)) is listed twice") }
                    set.append(v)
                }
                guard set.count >= 2 else {
                    throw r.error(key, "\(place): a teacher set needs at least two views (every single view is a teacher already), got 1")
                }
                guard set.count < views.count else {
                    throw r.error(key, "\(place): holds every view, so it teaches none (a set never teaches a view it holds)")
                }
                if let j = sets.firstIndex(where: { Set($0) == Set(set) }) {
                    throw r.error(key, "\(place): the same views as set \(j + 1); each teacher set is listed once")
                }
                sets.append(set)
            }
            guard !sets.isEmpty else { throw r.error(key, "an empty list; \(expected)") }
            return sets
        case let other?:
            throw r.error(key, "\(expected), got \(other)")
        }
    }
}

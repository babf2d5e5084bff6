import ArgumentParser
import CCHScenario
import CrossModalKD
import Foundation
import OrderedCollections

// The structured option values of the commands, each read by the parser (`Checked`) and refused
// in cchsim's words (`CheckedArgument`).

/// `analyze --n`: the student's training samples, an integer or `inf` (the range is the scenario
/// key `student.n`'s, checked when the shortcut scenario is decoded).
enum TrainingSamples: CheckedArgument, Equatable {
    case finite(Int)
    case infinite

    init(_ text: String, option: String) throws(ValidationError) {
        if text == "inf" { self = .infinite; return }
        guard let count = Int(text) else { throw ValidationError("\(option) must be an integer or 'inf', got '\(text)'") }
        self = .finite(count)
    }

    /// The value as the scenario key `student.n` spells it.
    var scenarioValue: ScenarioValue {
        switch self {
        case .finite(let count): .integer(count)
        case .infinite: .string("inf")
        }
    }
}

/// `reliability --n 100,300,1000`: sample sizes, each at least 2 and at most
/// `SizeLimits.maximumSampleSize`, in the order given.
struct SampleSizes: CheckedArgument, Equatable {
    let sizes: [Int]

    init(_ text: String, option: String) throws(ValidationError) {
        var sizes: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let size = Int(item.trimmingCharacters(in: .whitespaces)), size >= 2 else {
                throw ValidationError("\(option) needs sample sizes of at least 2, comma separated; got '\(text)'")
            }
            try OptionLimits.check(size, option, minimum: 2, maximum: SizeLimits.maximumSampleSize)
            sizes.append(size)
        }
        self.sizes = sizes
    }
}

/// `--estimators ksg,gaussian` of `estimate-mi` and `reliability`: estimators of a model
/// scenario's samples (`MIEstimatorKind.onModelSamples`) by name, each once in the order first
/// given (empty items are skipped; an empty list is refused; a former name says the new one).
struct EstimatorList: CheckedArgument, Equatable {
    let kinds: [MIEstimatorKind]

    init(_ text: String, option: String) throws(ValidationError) {
        var kinds: OrderedSet<MIEstimatorKind> = []
        for name in text.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
            guard let kind = MIEstimatorKind(rawValue: name), MIEstimatorKind.onModelSamples.contains(kind) else {
                if let now = MIEstimatorKind.formerNames[name] {
                    throw ValidationError("the estimator '\(name)' is now spelled '\(now.rawValue)'")
                }
                if let kind = MIEstimatorKind(rawValue: name) {
                    throw ValidationError("the \(kind.rawValue) estimator needs a coded class label (a data scenario's kind = \"class\" label, "
                                          + "`cchsim teachers`); expected \(Self.alternatives)")
                }
                throw ValidationError("unknown estimator '\(name)'; expected \(Self.alternatives)")
            }
            kinds.append(kind)
        }
        guard !kinds.isEmpty else { throw ValidationError("\(option) is empty; expected \(Self.allValueStrings.joined(separator: ", ")) or both") }
        self.kinds = kinds.elements
    }

    static var allValueStrings: [String] { MIEstimatorKind.onModelSamples.map(\.rawValue) }

    /// Every estimator: the text of the option's default.
    static var everyOne: String { allValueStrings.joined(separator: ",") }

    /// "a, b or c": the estimators, for "expected ...".
    private static var alternatives: String {
        let all = allValueStrings
        return all.count > 1 ? all.dropLast().joined(separator: ", ") + " or " + (all.last ?? "") : all.joined()
    }
}

/// `--formats png,pdf` of `run`, `merge` and `figures` (`FigureFormat.list`: each once, in the
/// order given, case ignored).
struct FigureFormatList: CheckedArgument, Equatable {
    let formats: [FigureFormat]

    init(_ text: String, option: String) throws(ValidationError) {
        do { formats = try FigureFormat.list(text) } catch { throw ValidationError("\(option): \(error.description)") }
    }

    static var allValueStrings: [String] { FigureFormat.allCases.map(\.rawValue) }
}

/// `estimate-mi --teacher t1,t2` (and `--student`, `--label`): CSV column names, none empty.
struct ColumnNames: CheckedArgument, Equatable {
    let names: [String]

    init(_ text: String, option: String) throws(ValidationError) {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard items.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("\(option) needs comma-separated column names, got '\(text)'")
        }
        names = items
    }
}

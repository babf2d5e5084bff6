import CCHScenario
import CrossModalKD
import Foundation
import SystemPackage

/// The checkpoint of an unfinished `cchsim teachers` run, `.NAME.teachers-checkpoint` in the
/// output directory: a journal of the work items finished so far (information estimates, the
/// experiment's teachers and students, the theory per pair and its learner), one line each, appended as each item
/// finishes, so that `--resume` after a kill computes only the rest (docs/real-data.md, "Long runs").
///
/// Format: a first line `cchsim-teachers-checkpoint FINGERPRINT`, the SHA-256 of the cchsim
/// version, the scenario text and the loaded data (representations and label), so a checkpoint
/// is used only for the very run that wrote it; then one line per item, `PHASE ITEM FIELDS...
/// CHECKSUM`, numbers as the hexadecimal bit patterns of doubles (read back exactly), reasons as
/// `=` and the hexadecimal bytes of their UTF-8 text, CHECKSUM the first 16 hexadecimal digits of the
/// SHA-256 of the rest of the line. A line is written whole by one `write`; a kill can leave only
/// the last line unfinished (no newline), which is dropped. Any other line that does not read
/// back (checksum, phase, item number, field count) makes the checkpoint refused, never used.
final class TeacherCheckpoint: @unchecked Sendable {
    /// The journal's phases and the letter that starts their lines.
    enum Phase: String, CaseIterable {
        case information = "I", teachers = "T", students = "S", learnerTeachers = "t", learnerStudents = "s", theory = "P"
    }

    let path: String
    /// The items read back from an earlier process (empty when starting afresh).
    private(set) var information: [Int: ViewInformation.ItemOutcome] = [:]
    private(set) var teachers: [Phase: [Int: ClassifierScore]] = [:]
    private(set) var students: [Phase: [Int: [DistillationExperiment.PairSplit]]] = [:]
    private(set) var theory: [Int: Result<TheoryOnData.Prediction, TheoryUnavailable>] = [:]
    /// Lines read back.
    private(set) var resumedItems = 0

    private var file: AppendFile?
    private let lock = NSLock()
    /// The first append that failed (appends happen where nothing can throw; `check()` throws it).
    private var failure: FileError?

    static let magic = "cchsim-teachers-checkpoint"

    /// Opens the checkpoint at `path` for a run whose identity is `fingerprint`: with `resume`
    /// reads what an earlier process wrote (and continues it), otherwise starts a new one.
    /// `counts` bounds the item numbers of each phase. - Throws: `CheckpointError` for a checkpoint of
    /// another run or a damaged one, `FileError` when it cannot be read or written.
    init(path: String, fingerprint: String, resume: Bool, counts: [Phase: Int]) throws {
        self.path = path
        if resume, let bytes = try InputFile.bytesIfPresent(path, origin: .ownOutput),
           let length = try read(bytes, fingerprint: fingerprint, counts: counts) {
            var kept = SHA256()
            kept.update(Array(bytes.prefix(length)))
            file = try AppendFile(resuming: path, length: length, digest: kept)
        } else {
            let created = try AppendFile(creating: path)
            try created.append(Array("\(Self.magic) \(fingerprint)\n".utf8))
            file = created
        }
    }

    /// Whether an earlier process left items to resume from.
    var isResumed: Bool { resumedItems > 0 }

    /// Reads the journal; returns the length of its complete lines, nil when not even its header
    /// was written whole (nothing was recorded: start afresh).
    private func read(_ bytes: [UInt8], fingerprint: String, counts: [Phase: Int]) throws -> Int? {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // The part after the last newline is an unfinished line (or empty).
        let unfinished = lines.removeLast()
        guard let header = lines.first else { return nil }
        guard String(decoding: header, as: UTF8.self) == "\(Self.magic) \(fingerprint)" else {
            throw CheckpointError.anotherTeacherRun(path: path)
        }
        for (number, line) in lines.enumerated().dropFirst() {
            let text = String(decoding: line, as: UTF8.self)
            guard parse(text, counts: counts) else { throw CheckpointError.damagedJournal(path: path, line: number + 1) }
            resumedItems += 1
        }
        return bytes.count - unfinished.count
    }

    /// Records one line's item; false when the line does not read back.
    private func parse(_ text: String, counts: [Phase: Int]) -> Bool {
        var fields = text.split(separator: " ").map(String.init)
        guard fields.count >= 3, let checksum = fields.popLast(), checksum == Self.checksum(fields.joined(separator: " ")),
              let phase = Phase(rawValue: fields[0]), let item = Int(fields[1]), item >= 0, item < counts[phase, default: 0] else { return false }
        let values = Array(fields.dropFirst(2))
        switch phase {
        case .information:
            guard values.count == 2 else { return false }
            switch values[0] {
            case "v": guard let x = Self.number(values[1]) else { return false }; information[item] = .value(x)
            case "u": guard let reason = Self.text(values[1]) else { return false }; information[item] = .unavailable(reason: reason)
            default: return false
            }
        case .teachers, .learnerTeachers:
            guard values.count == 2, let accuracy = Self.number(values[0]), let ce = Self.number(values[1]) else { return false }
            teachers[phase, default: [:]][item] = ClassifierScore(accuracy: accuracy, crossEntropy: ce)
        case .students, .learnerStudents:
            guard let count = values.first.flatMap({ Int($0) }), count >= 0, values.count == 1 + 8 * count else { return false }
            var splits: [DistillationExperiment.PairSplit] = []
            for c in 0..<count {
                let f = values[(1 + 8 * c)..<(9 + 8 * c)].map(Self.number)
                guard let teacher = Int(values[1 + 8 * c]), f.dropFirst().allSatisfy({ $0 != nil }) else { return false }
                let x = f.dropFirst().compactMap { $0 }
                splits.append(DistillationExperiment.PairSplit(
                    teacher: teacher, without: ClassifierScore(accuracy: x[0], crossEntropy: x[1]),
                    with: ClassifierScore(accuracy: x[2], crossEntropy: x[3]), tuned: ClassifierScore(accuracy: x[4], crossEntropy: x[5]),
                    chosenLambda: x[6]))
            }
            students[phase, default: [:]][item] = splits
        case .theory:
            if values.count == 2, values[0] == "u", let reason = Self.text(values[1]) {
                theory[item] = .failure(TheoryUnavailable(reason))
                return true
            }
            let x = values.dropFirst(3).dropLast().map(Self.number)
            guard values.count == 10, values[0] == "v", let t = Int(values[1]), let s = Int(values[2]), x.allSatisfy({ $0 != nil }),
                  let regime = values.last.flatMap(Self.text).flatMap(Regime.init(rawValue:)) else { return false }
            let n = x.compactMap { $0 }
            theory[item] = .success(TheoryOnData.Prediction(
                pair: ViewPair(teacher: t, student: s), riskNoKD: MonteCarloEstimate(mean: n[0], standardDeviation: n[1], standardError: n[2]),
                gain: MonteCarloEstimate(mean: n[3], standardDeviation: n[4], standardError: n[5]), regime: regime))
        }
        return true
    }

    // MARK: Writing

    /// Appends the line of an information item.
    func record(_ item: Int, _ outcome: ViewInformation.ItemOutcome) {
        switch outcome {
        case .value(let x): append([Phase.information.rawValue, "\(item)", "v", Self.hex(x)])
        case .unavailable(let reason): append([Phase.information.rawValue, "\(item)", "u", Self.hex(reason)])
        }
    }

    /// Appends the line of a teacher item (`.teachers` or `.learnerTeachers`).
    func record(_ phase: Phase, _ item: Int, _ score: ClassifierScore) {
        append([phase.rawValue, "\(item)", Self.hex(score.accuracy), Self.hex(score.crossEntropy)])
    }

    /// Appends the line of a student item (`.students` or `.learnerStudents`).
    func record(_ phase: Phase, _ item: Int, _ splits: [DistillationExperiment.PairSplit]) {
        var fields = [phase.rawValue, "\(item)", "\(splits.count)"]
        for s in splits {
            fields.append("\(s.teacher)")
            fields += [s.without.accuracy, s.without.crossEntropy, s.with.accuracy, s.with.crossEntropy,
                       s.tuned.accuracy, s.tuned.crossEntropy, s.chosenLambda].map(Self.hex)
        }
        append(fields)
    }

    /// Appends the line of a theory item (one ordered pair's prediction, or why there is none).
    func record(_ item: Int, _ prediction: Result<TheoryOnData.Prediction, TheoryUnavailable>) {
        switch prediction {
        case .success(let p):
            append([Phase.theory.rawValue, "\(item)", "v", "\(p.pair.teacher)", "\(p.pair.student)"]
                   + [p.riskNoKD.mean, p.riskNoKD.standardDeviation, p.riskNoKD.standardError,
                      p.gain.mean, p.gain.standardDeviation, p.gain.standardError].map(Self.hex) + [Self.hex(p.regime.rawValue)])
        case .failure(let reason):
            append([Phase.theory.rawValue, "\(item)", "u", Self.hex(reason.description)])
        }
    }

    private func append(_ fields: [String]) {
        let payload = fields.joined(separator: " ")
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, let file else { return }
        do { try file.append(Array("\(payload) \(Self.checksum(payload))\n".utf8)) } catch { failure = error }
    }

    /// - Throws: the first append that failed.
    func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }

    /// Closes and removes the checkpoint (the run's outputs are complete).
    func remove() {
        lock.lock()
        defer { lock.unlock() }
        try? file?.close()
        file = nil
        try? FilePath(path).remove()
    }

    // MARK: Encoding

    static func checksum(_ payload: String) -> String { String(SHA256.hex(payload).prefix(16)) }
    static func hex(_ x: Double) -> String { String(x.bitPattern, radix: 16) }
    static func number(_ s: String) -> Double? { UInt64(s, radix: 16).map(Double.init(bitPattern:)) }
    /// `=` and the UTF-8 bytes in hexadecimal (never an empty field).
    static func hex(_ text: String) -> String { "=" + text.utf8.map { String(format: "%02x", $0) }.joined() }
    static func text(_ s: String) -> String? {
        guard s.hasPrefix("=") else { return nil }
        let digits = Array(s.utf8.dropFirst())
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let b = UInt8(String(decoding: digits[i..<(i + 2)], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The identity of a run: cchsim's version, the scenario text and the loaded data.
    static func fingerprint(scenarioText: String, data: MultiViewData) -> String {
        var bytes = Array("cchsim \(ToolVersion.cchsim)\n".utf8) + Array(SHA256.hex(scenarioText).utf8)
        func put(_ x: Double) { withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes += $0 } }
        for (name, m) in zip(data.viewNames, data.representations) {
            bytes += Array("\nview \(name) \(m.rows)x\(m.cols)\n".utf8)
            m.elements.forEach(put)
        }
        switch data.label {
        case .classes(let indices, let names):
            bytes += Array("\nclasses \(names.joined(separator: "\u{1f}"))\n".utf8)
            indices.forEach { put(Double($0)) }
        case .continuous(let y):
            bytes += Array("\ncontinuous\n".utf8)
            y.forEach(put)
        }
        return SHA256.hex(bytes)
    }
}

import CCHScenario
import CrossModalKD
import Foundation
import SystemPackage

/// One `cchsim teachers` run: load, estimate, measure, write (docs/real-data.md, "Long runs").
///
/// Files, on the sweep's output engine: nothing is created before the data have loaded (data
/// that do not load leave no directory and no file); then the run holds the `OutputLock` of its
/// name (the scenario name made safe, `RunFiles.safeName`) from before its first write to the end (a
/// second run of the name is refused naming the holder), writes every file with `AtomicFile` and
/// its figures through `PlotPlan` (kinds `PlotKind.gapVsGain` ...), first removes the temporaries that
/// killed runs of its name left, journals every finished work item into its checkpoint
/// (`TeacherCheckpoint`), removes the previous `NAME.meta.json` before writing the new CSV and
/// figures and writes the new one last (a set without a current meta.json is visibly
/// incomplete), and only then removes the checkpoint. A kill at any moment leaves a state that
/// `resume` finishes with the same files, byte for byte (meta.json's timings aside).
/// Ctrl-C or SIGTERM stops it at the next work item with `RunInterrupted`.
public enum TeacherSelectionRun {
    public struct Outcome {
        public let report: TeacherSelectionReport
        /// The files written into the output directory.
        public let files: [String]
    }

    /// Loads the data of `scenario` (whose file holds `text`), estimates the gaps, runs the KD
    /// experiment and the theory on `threads` workers and writes NAME.csv, the figures (when
    /// `plots`) and NAME.meta.json into `out`; with `resume` continues from the checkpoint an
    /// interrupted run of the same scenario and data left.
    /// - Throws: `DataFileError`, `ScenarioError` (a parameter at its key), `OutputError` (the name
    ///   held by another process), `GnuplotError`, `CheckpointError` (a journal `resume` cannot
    ///   use) or `RunInterrupted`, naming the file and the reason; nothing half-written.
    public static func run(_ scenario: DataScenario, text: String, out: String, threads: Int, plots: Bool, resume: Bool = false,
                           log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws -> Outcome {
        if plots && Gnuplot.executable == nil { throw GnuplotError.notInstalled(plotsOptional: true) }
        let started = Date()

        // The loading phase (reading, validating, representations): one status line for now. It
        // comes before the output directory is created, so data that do not load leave nothing behind.
        let loaded = try PhaseProgress.announcing("reading \(scenario.views.count) views and the label") { try scenario.load() }
        let loadingSeconds = Date().timeIntervalSince(started)
        for warning in loaded.warnings { log("Warning: \(warning)") }

        // The outputs, as a sweep's: the directory checked (created when missing), the name's lock
        // held to the end, the leftovers of killed runs of the name removed.
        let directory = try OutputDirectory(out)
        let stem = RunFiles.safeName(scenario.name)
        let lock = try OutputLock(stem: stem, in: directory)
        defer { lock.release() }
        AtomicFile.removeLeftovers(of: stem, in: directory)
        Interruption.watch()
        defer { Interruption.stopWatching() }
        let data = loaded.data
        let checkpointPath = directory.file(".\(stem).teachers-checkpoint")
        let teacherItems = DistillationExperiment.teacherItemCount(data, settings: scenario.experiment)
        let studentItems = DistillationExperiment.studentItemCount(data, settings: scenario.experiment)
        // One experiment per student ridge swept (their items journalled one after the other).
        let experimentSettings = scenario.studentRidges?.map { ridge in
            var settings = scenario.experiment
            settings.studentRidge = ridge
            return settings
        } ?? [scenario.experiment]
        let sweeps = experimentSettings.count
        let checkpoint = try TeacherCheckpoint(
            path: checkpointPath, fingerprint: TeacherCheckpoint.fingerprint(scenarioText: text, data: data), resume: resume,
            counts: [.information: ViewInformation.itemCount(data, settings: scenario.information),
                     .teachers: sweeps * teacherItems, .students: sweeps * studentItems,
                     .learnerTeachers: teacherItems, .learnerStudents: studentItems, .theory: data.orderedPairs.count])
        if resume {
            log(checkpoint.isResumed ? "Resuming \(stem): \(checkpoint.resumedItems) work items already done."
                                     : "Nothing to resume in \(directory.path); starting \(stem) from the beginning.")
        }
        func interrupted(_ stage: String) -> RunInterrupted { .teachers(stage: stage, journal: checkpointPath) }

        let information: ViewInformation
        do {
            let bar = PhaseProgress("information", total: ViewInformation.itemCount(data, settings: scenario.information),
                                    done: checkpoint.information.count, unit: "estimates")
            defer { bar.finish() }
            information = try ViewInformation(data, settings: scenario.information, threads: threads, work: ResumableWork(
                finished: checkpoint.information, record: { checkpoint.record($0, $1); bar.advance() }, shouldStop: { Interruption.isRequested }))
        } catch is WorkStopped { throw interrupted("information estimates") } catch {
            throw ScenarioError(file: scenario.file, computing: error)
        }
        try checkpoint.check()
        let informationSeconds = Date().timeIntervalSince(started)

        let experimentStarted = Date()
        var experiments: [DistillationExperiment] = []
        do {
            let bar = PhaseProgress("experiment", total: sweeps * (teacherItems + studentItems),
                                    done: checkpoint.teachers[.teachers, default: [:]].count + checkpoint.students[.students, default: [:]].count,
                                    unit: "fits")
            defer { bar.finish() }
            let work = experimentWork(checkpoint, .teachers, .students, bar)
            for (k, settings) in experimentSettings.enumerated() {
                experiments.append(try DistillationExperiment(data, settings: settings, threads: threads, work: DistillationExperiment.Work(
                    teachers: work.teachers.part(from: k * teacherItems, count: teacherItems),
                    students: work.students.part(from: k * studentItems, count: studentItems))))
            }
        } catch is WorkStopped { throw interrupted("KD experiment") } catch {
            throw ScenarioError(file: scenario.file, computing: error)
        }
        try checkpoint.check()
        let experiment = experiments[0]
        let theory: TeacherSelectionTheory
        do {
            let learnerItems = TeacherSelectionTheory.learnerItems(data, settings: scenario.experiment)
            let bar = PhaseProgress("theory", total: TeacherSelectionTheory.theoryItems(data) + learnerItems,
                                    done: checkpoint.theory.count + checkpoint.teachers[.learnerTeachers, default: [:]].count
                                        + checkpoint.students[.learnerStudents, default: [:]].count, unit: "items")
            defer { bar.finish() }
            var work = TeacherSelectionTheory.Work()
            work.theory = ResumableWork(finished: checkpoint.theory, record: { checkpoint.record($0, $1); bar.advance() },
                                        shouldStop: { Interruption.isRequested })
            work.learner = experimentWork(checkpoint, .learnerTeachers, .learnerStudents, bar)
            theory = try TeacherSelectionTheory(data, settings: scenario.experiment, experiment: experiment, threads: threads, work: work)
        } catch is WorkStopped { throw interrupted("theory on the data") }
        try checkpoint.check()
        let experimentSeconds = Date().timeIntervalSince(experimentStarted)

        let continuous = data.label.classCount == nil
        let names = data.viewNames
        let rows = experiments.flatMap { experiment in experiment.results.map { result in
            TeacherPairRow(pair: result.pair, teacher: data.teacherName(result.pair.teacher), teacherKind: data.teachers[result.pair.teacher].kind,
                           student: names[result.pair.student], studentRidge: scenario.studentRidges == nil ? nil : experiment.settings.studentRidge,
                           measured: DistillationGain(result, continuous: continuous),
                           teacherScore: continuous ? experiment.teacherScores[result.pair.teacher].crossEntropy
                                                    : experiment.teacherScores[result.pair.teacher].accuracy,
                           estimates: information.estimators.compactMap { e in information.estimate(e, result.pair).map { (e, $0) } },
                           quantities: information.estimators.compactMap { information.quantities($0, result.pair) },
                           theory: theory.prediction(result.pair), linear: theory.learner[result.pair])
        } }
        let report = TeacherSelectionReport(scenario: scenario, loaded: loaded, rows: rows,
                                            fields: TeacherSelectionFields(estimators: information.estimators, teacherSets: data.teachers.count > data.viewCount,
                                                                           studentRidgeSwept: scenario.studentRidges != nil),
                                            information: information, experiment: experiment, theory: theory,
                                            seconds: Date().timeIntervalSince(started), threads: threads,
                                            phaseSeconds: (loading: loadingSeconds, information: informationSeconds, experiment: experimentSeconds))

        // The outputs: the previous metadata goes first, the new one comes last.
        let metaName = "\(stem).meta.json"
        do { try FilePath(directory.file(metaName)).remove() } catch Errno.noSuchFileOrDirectory {} catch {
            throw FileError(path: directory.file(metaName), action: "cannot remove the previous metadata", error)
        }
        let writing = interrupted("writing of the outputs (\(metaName) is not written: the set is incomplete)")
        var files: [String] = []
        let csvName = "\(stem).csv"
        try AtomicFile.write(report.fields.csv(rows), to: directory.file(csvName))
        files.append(csvName)
        if plots {
            let figures = try PlotPlan(teachers: report).write(TeacherSelectionPlots(report: report), formats: [.png], into: directory,
                                                               check: { if Interruption.isRequested { throw writing } })
            figures.warnings.forEach(log)
            files += figures.files
        }
        if Interruption.isRequested { throw writing }
        try AtomicFile.write(report.meta(files: files + [metaName]).text, to: directory.file(metaName))
        checkpoint.remove()
        return Outcome(report: report, files: files + [metaName])
    }

    /// The experiment's hooks on `checkpoint`'s phases, advancing `bar`.
    private static func experimentWork(_ checkpoint: TeacherCheckpoint, _ teachers: TeacherCheckpoint.Phase,
                                       _ students: TeacherCheckpoint.Phase, _ bar: PhaseProgress) -> DistillationExperiment.Work {
        let stop: @Sendable () -> Bool = { Interruption.isRequested }
        return DistillationExperiment.Work(
            teachers: ResumableWork(finished: checkpoint.teachers[teachers, default: [:]],
                                    record: { checkpoint.record(teachers, $0, $1); bar.advance() }, shouldStop: stop),
            students: ResumableWork(finished: checkpoint.students[students, default: [:]],
                                    record: { checkpoint.record(students, $0, $1); bar.advance() }, shouldStop: stop))
    }
}

/// The progress bar of one phase of a `teachers` run (on a terminal only, as `ProgressBar`),
/// advanced from the work items' record calls (never concurrent within a phase; locked anyway).
final class PhaseProgress: @unchecked Sendable {
    private let bar: ProgressBar
    private let lock = NSLock()
    private var done: Int
    private let resumedFrom: Int

    init(_ phase: String, total: Int, done: Int, unit: String) {
        bar = ProgressBar(total: total, unit: unit, phase: phase)
        self.done = done
        resumedFrom = done
        bar.update(done: done, resumedFrom: done)
    }

    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        bar.update(done: done, resumedFrom: resumedFrom)
    }

    func finish() { bar.finish() }

    /// `body` under a status line (on a terminal only), for a phase without counted items: the
    /// loading phase (the place for its own bar once loading reports its progress).
    static func announcing<T>(_ what: String, _ body: () throws -> T) throws -> T {
        let terminal = isatty(STDERR_FILENO) == 1
        if terminal { FileHandle.standardError.write(Data("\(what) ...".utf8)) }
        defer { if terminal { FileHandle.standardError.write(Data("\n".utf8)) } }
        return try body()
    }
}

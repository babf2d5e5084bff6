import CCHScenario
import CrossModalKD
import Foundation
import SystemPackage

/// The joint Gaussian fitted to a data scenario's pair of views (`FittedGaussian`), written as a
/// covariance scenario file (docs/scenarios.md, `model.kind = "covariance"`) that `analyze`,
/// `simulate` and `run` read unchanged: the model, the data experiment's teacher and student
/// (`FittedKDSetting`), and a comment header saying where it came from (docs/real-data.md,
/// "The theory on the data").
///
/// The tables are written by TOMLKit's encoder, whose doubles read back to the same bits, so the
/// file decodes to exactly the fitted doubles; the text is decoded back before it is handed out,
/// so a file that would not load is never written.
public struct FittedScenarioFile {
    public let fit: FittedGaussian
    /// The names of the teacher's and the student's views.
    public let teacherView: String, studentView: String
    /// The scenario's name: `<data scenario>-<teacher>-<student>-fit`, made a valid file stem.
    public let name: String
    /// The TOML text.
    public let text: String
    /// The text decoded as a scenario.
    public let scenario: Scenario
    /// The theory's answer for the file's setting, or why `analyze` has none (then `simulate` applies).
    public let analysis: Result<KDAnalysis, ParameterError>
    /// The files the fit was read from (the data scenario first, then its label and views), never overwritten.
    let inputs: [String]

    /// Fits the joint Gaussian of the views named `teacher` and `student` of `source`'s data
    /// (already loaded as `loaded`) and renders the scenario file.
    /// - Throws: `FittedScenarioError` for an unknown view name (listing the views) or a pair the fit refuses
    ///   (`GaussianFitError`: a label with more than two classes, a singular covariance), naming the file.
    public init(source: DataScenario, loaded: LoadedData, teacher: String, student: String) throws {
        let names = loaded.data.viewNames
        func index(_ view: String, _ role: FittedScenarioError.Role) throws(FittedScenarioError) -> Int {
            guard let i = names.firstIndex(of: view) else { throw .unknownView(role, view: view, file: source.file, views: names) }
            return i
        }
        let pair = ViewPair(teacher: try index(teacher, .teacher), student: try index(student, .student))
        teacherView = teacher
        studentView = student
        let fit: FittedGaussian
        do { fit = try FittedGaussian(loaded.data, pair: pair) } catch { throw FittedScenarioError.fitRefused(file: source.file, error) }
        name = Self.fileStem("\(source.name)-\(teacher)-\(student)-fit")
        let setting = FittedKDSetting(source.experiment)
        let analysis = Result { () throws(ParameterError) in try fit.analysis(source.experiment) }
        let text = try Self.render(name: name, fit: fit, setting: setting, source: source, loaded: loaded, analysis: analysis)
        do { scenario = try Scenario(file: name + ".toml", text: text) } catch {
            throw FittedScenarioError.unreadable(reason: error.description)
        }
        self.fit = fit
        self.analysis = analysis
        self.text = text
        inputs = [source.file, source.label.path] + source.views.map(\.path)
    }

    /// The default output path: `<name>.toml` in the current directory (as `cchsim run` writes
    /// there by default), so that fitting never adds files beside the scenarios.
    public var defaultPath: String { name + ".toml" }

    /// Writes the text to `path` atomically (a temporary file renamed over it).
    /// - Throws: `OutputError` saying why `path` cannot be written (or that it is one of the input
    ///   files), `FileError` when the write fails; nothing is left behind.
    public func write(to path: String) throws {
        func refuse(_ obstacle: OutputError.Obstacle) -> OutputError { .cannotWrite(path: path, obstacle) }
        if let input = inputs.first(where: { Self.sameFile($0, path) }) { throw refuse(.isInput(input)) }
        if (try? FilePath(path).stat())?.type == .directory { throw refuse(.isDirectory) }
        let parent = FilePath(path).removingLastComponent()
        let directory = parent.isEmpty ? "." : parent.string
        let status: Stat
        do { status = try FilePath(directory).stat() } catch {
            throw refuse(error == .noSuchFileOrDirectory ? .noDirectory(directory) : .directoryUnusable(directory, error))
        }
        guard status.type == .directory else { throw refuse(.notADirectory(directory)) }
        guard access(directory, W_OK) == 0 else { throw refuse(.directoryNotWritable(directory, Errno(rawValue: errno))) }
        try AtomicFile.write(text, to: path)
    }

    /// Whether two paths name the same existing file (same device and inode).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let x = try? FilePath(a).stat(), let y = try? FilePath(b).stat() else { return false }
        return x.deviceID == y.deviceID && x.inode == y.inode
    }
}

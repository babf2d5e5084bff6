import ArgumentParser
import CCHScenario
import SweepEngine
import SystemPackage

extension CCHSimCommand {
    /// `cchsim figures`: the canonical figure set.
    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every scenario with a [sweep] or a [data] table in a directory (default Scenarios/) into --out (default: the current directory).",
            discussion: """
                `make figures` runs this with --out Plots. Each sweep writes NAME.csv, NAME.meta.json, the gnuplot scripts \
                NAME-*.gp with their data NAME-*.dat, and the PNGs (gnuplot is required). Each data \
                scenario runs as `cchsim teachers` does (its data files must exist: `make data`).
                """)

        @Option(help: "Directory of scenario files.", completion: .directory)
        var scenarios: String = "Scenarios"

        @OptionGroup var output: OutputDirectoryOption

        @OptionGroup var threadsOption: ThreadsOption<Self>

        @OptionGroup var formatsOption: FormatsOption

        mutating func run() throws {
            guard Gnuplot.executable != nil else { throw GnuplotError.notInstalled(plotsOptional: false) }
            let files = try FigureSet.scenarioFiles(in: scenarios)
            guard !files.isEmpty else { throw FileError(path: scenarios, reason: "no scenario file with a [sweep] or [data] table") }
            var options = RunOptions()
            options.outDirectory = output.directory
            if let threads = threadsOption.threads { options.threads = threads }
            options.formats = try formatsOption.list
            for file in files {
                try StandardOutput.line("== \(file.path)")
                if let data = file.data {
                    let outcome = try Teachers.run(data, text: try ScenarioLoading.readText(file.path), out: output.directory,
                                                   threads: options.threads, plots: true, resume: false)
                    try StandardOutput.line(outcome.report.text)
                    try StandardOutput.line("")
                    continue
                }
                let outcome = try SweepCommandSupport.run(scenarioPath: file.path, options: options)
                try StandardOutput.line(SweepCommandSupport.report(outcome))
                try StandardOutput.line("")
            }
        }
    }
}

/// The scenario files of the canonical figure set.
enum FigureSet {
    /// A figure scenario: a sweep (run by path) or a data scenario (decoded).
    struct File {
        let path: String
        let data: DataScenario?
    }

    /// The `.toml` files of `directory` (sorted by name) that have a `[sweep]` or a `[data]` table.
    /// - Throws: `FileError` naming the directory (or a file) and the reason, `ScenarioError` for a
    ///   scenario that does not decode.
    static func scenarioFiles(in directory: String) throws -> [File] {
        let names: [String]
        do { names = try InputFile.names(inDirectory: directory) } catch {
            throw FileError(path: error.path, action: error.action, reason: "\(error.reason) (--scenarios names the directory of scenario files)")
        }
        let folder = FilePath(directory)
        return try names.filter { FilePath.Component($0)?.extension == "toml" }.map { folder.appending($0).string }.compactMap { path in
            let text = try ScenarioLoading.readText(path)
            let document = try ScenarioDocument(file: path, text: text)
            if document.modelOrigin == .data { return File(path: path, data: try DataScenario(document: document)) }
            return document.hasSweep ? File(path: path, data: nil) : nil
        }
    }
}

extension CCHSimCommand.Figures: ThreadsUse {
    static let work = "Worker threads for each sweep (over its grid points) and each data scenario"
    static let fallback = "all cores"
}

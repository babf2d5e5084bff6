import CCHScenario
import Foundation
import SweepEngine

/// Reading scenario files from disk for the commands.
enum ScenarioLoading {
    /// The scenario at `path`. - Throws: `CLIError` naming the file and the reason.
    static func load(_ path: String) throws -> Scenario {
        do { return try Scenario(file: path, text: try readText(path)) } catch let e as ScenarioError {
            throw CLIError(e.description)
        }
    }

    /// The UTF-8 text of a file. - Throws: `CLIError` saying why it cannot be read.
    static func readText(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(path): is a directory, expected a scenario file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not UTF-8 text") }
        return text
    }
}

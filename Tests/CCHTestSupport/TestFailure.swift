import Testing
import XCTest

/// Where an assertion helper was called, so that its failure is reported at the caller's line in
/// either framework: Swift Testing wants `#fileID` and a column, XCTest a `StaticString` path. Each
/// helper takes the four as default arguments (a default `CallSite()` would name the helper's own
/// line: magic literals expand at the call site only as direct default arguments).
struct CallSite: Sendable {
    let fileID: String
    let filePath: StaticString
    let line: UInt
    let column: UInt

    init(fileID: String, filePath: StaticString, line: UInt, column: UInt) {
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    /// Records a failure of the running test: an issue of the current Swift Testing test, else an
    /// XCTest failure. The shared helpers (`assertClose`, `assertSnapshot`) are called from both.
    func fail(_ message: String) {
        if Test.current != nil {
            Issue.record(Comment(rawValue: message),
                         sourceLocation: SourceLocation(fileID: fileID, filePath: "\(filePath)", line: Int(line), column: Int(column)))
        } else {
            XCTFail(message, file: filePath, line: line)
        }
    }
}

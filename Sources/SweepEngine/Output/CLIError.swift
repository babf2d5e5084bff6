/// A user-facing failure: printed as `Error: <description>` with exit code 1.
public struct CLIError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

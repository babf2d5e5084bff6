/// A failure of a run that the user can act on (an unusable file or directory, a shard or
/// checkpoint that does not fit, gnuplot's refusal): printed as `Error: <description>` with exit
/// code 1.
public struct RunError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The version of cchsim written into every output file and checkpoint (a checkpoint of another
/// version is not resumed).
public enum ToolVersion {
    public static let cchsim = "0.1.0"
}

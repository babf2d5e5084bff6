/// The `[data]` table of a data scenario as test fixtures write it: the components (when given),
/// the label table and one `[[data.views]]` table per view, so that every fixture spells the
/// tables one way (docs/real-data.md).
public enum DataScenarioText {
    /// `[data]` with `label = { file, column, kind }` and the views `(name, file)` in order.
    public static func data(label file: String, column: String, kind: String = "class",
                            views: [(name: String, file: String)], components: Int? = nil) -> String {
        var lines = ["[data]"]
        if let components { lines.append("components = \(components)") }
        lines.append("label = { file = \"\(file)\", column = \"\(column)\", kind = \"\(kind)\" }")
        for view in views { lines += ["[[data.views]]", "name = \"\(view.name)\"", "file = \"\(view.file)\""] }
        return lines.joined(separator: "\n")
    }
}

extension PlantedViews {
    /// Writes the planted data into `files` as a data scenario `NAME.toml` with its CSV files
    /// (t.csv, s.csv: the views; y.csv: the continuous label Y as column `y1`, or `classes`, one
    /// class name per row, as column `y`) and the scenario's other tables in `settings`
    /// ([teacher], [student], [experiment], ...). Returns the scenario's path.
    public func writeDataScenario(in files: TestFiles, name: String = "planted", components: Int = 10,
                                  classes: [String]? = nil, settings: String) throws -> String {
        _ = try files.write("t.csv", csv(model.teacherIndices, prefix: "t"))
        _ = try files.write("s.csv", csv(model.studentIndices, prefix: "s"))
        if let classes {
            _ = try files.write("y.csv", "y\n" + classes.joined(separator: "\n") + "\n")
        } else {
            _ = try files.write("y.csv", csv([model.labelIndex], prefix: "y"))
        }
        let data = DataScenarioText.data(label: "y.csv", column: classes == nil ? "y1" : "y", kind: classes == nil ? "continuous" : "class",
                                         views: [("t", "t.csv"), ("s", "s.csv")], components: components)
        return try files.write("\(name).toml", "name = \"\(name)\"\nseed = 3\n\(data)\n\(settings)\n")
    }
}

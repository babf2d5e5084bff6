extension PlantedViews {
    /// Writes the planted data into `files` as a data scenario `NAME.toml` with its CSV files
    /// (t.csv, s.csv: the views; y.csv: the continuous label Y as column `y1`, or `classes`, one
    /// class name per row, as column `y`) and the scenario's other tables in `settings`
    /// ([teacher], [student], [experiment], ...). Returns the scenario's path.
    public func writeDataScenario(in files: TestFiles, name: String = "planted", components: Int = 10,
                                  classes: [String]? = nil, settings: String) throws -> String {
        _ = try files.write("t.csv", csv(model.teacherIndices, prefix: "t"))
        _ = try files.write("s.csv", csv(model.studentIndices, prefix: "s"))
        let label: String
        if let classes {
            _ = try files.write("y.csv", "y\n" + classes.joined(separator: "\n") + "\n")
            label = #"label = { file = "y.csv", column = "y", kind = "class" }"#
        } else {
            _ = try files.write("y.csv", csv([model.labelIndex], prefix: "y"))
            label = #"label = { file = "y.csv", column = "y1", kind = "continuous" }"#
        }
        return try files.write("\(name).toml", """
            name = "\(name)"
            seed = 3
            [data]
            components = \(components)
            \(label)
            [[data.views]]
            name = "t"
            file = "t.csv"
            [[data.views]]
            name = "s"
            file = "s.csv"
            \(settings)
            """)
    }
}

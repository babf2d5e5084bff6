import CCHScenario

struct PlotPlan {
    init(sweep: Sweep, columns: [String]) throws {}
    func write(csv: String, stem: String, into dir: OutputDirectory) throws -> [String] { [] }
}

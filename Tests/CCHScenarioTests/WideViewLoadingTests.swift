import CCHScenario
import CCHTestSupport
import CrossModalKD
import Foundation
import XCTest

/// An omics-shaped data set (the 600 x 25,200 benchmark of `make bench-scale` at a tenth of its
/// size: 60 rows, views of 2,000, 500 and 20 columns, one of them with a constant column) through
/// the whole path: CSV files, a data scenario, loading, principal components. The representations
/// must equal an independent computation (`ReferencePrincipalComponents`: a full GSL SVD of each
/// standardised view) and the metadata must name each view's decomposition.
final class WideViewLoadingTests: XCTestCase {
    func testWideViewsLoadToTheReferenceScores() throws {
        let planted = PlantedFactors(rows: 60, widths: [2_000, 500, 20], spikes: [200, 120, 60], seed: 25_200)
        let files = try TestFiles()
        defer { files.remove() }
        let names = ["expression", "methylation", "clinical"]
        for (v, name) in names.enumerated() {
            var text = planted.csv(view: v, prefix: String(name.prefix(4)))
            if v == 2 {
                // A constant last column: dropped with a warning before the representation.
                text = text.split(separator: "\n").enumerated().map { $0.offset == 0 ? $0.element + ",flat" : $0.element + ",3" }
                    .joined(separator: "\n") + "\n"
            }
            _ = try files.write("\(name).csv", text)
        }
        _ = try files.write("label.csv", "status\n" + planted.signClasses.map { $0 == 1 ? "case" : "control" }.joined(separator: "\n") + "\n")
        let path = try files.write("wide.toml", """
            name = "wide"
            seed = 1
            \(DataScenarioText.data(label: "label.csv", column: "status", views: names.map { ($0, "\($0).csv") }, components: 3))
            [teacher]
            rows = "student"
            [student]
            n = 30
            """)
        let loaded = try DataScenario(file: path, text: try String(contentsOfFile: path, encoding: .utf8)).load()
        XCTAssertEqual(loaded.views.map(\.columns), [2_000, 500, 20])
        XCTAssertEqual(loaded.views.map(\.method), [.rowGram, .rowGram, .correlation])
        XCTAssertEqual(loaded.views[2].droppedConstant, ["flat"])
        for v in 0..<3 {
            let reference = ReferencePrincipalComponents.scores(planted.views[v], components: 3).scores
            let mine = loaded.data.representations[v]
            XCTAssertEqual(mine.rows, 60)
            XCTAssertEqual(mine.cols, 3)
            let scale = reference.elements.map(abs).max()!
            let worst = zip(mine.elements, reference.elements).map { abs($0 - $1) }.max()!
            XCTAssertLessThan(worst / scale, 1e-9, "view \(names[v])")
        }
    }
}

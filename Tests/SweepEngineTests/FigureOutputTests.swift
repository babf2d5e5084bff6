import CCHTestSupport
import CCHScenario
@testable import SweepEngine
import Foundation
import XCTest

/// Issue 11, figures for papers: PDF and SVG beside PNG (`[output] formats`, `--formats`), size
/// presets, reproducible bytes, embedded fonts, and log axes chosen from the swept values.
final class FigureOutputTests: XCTestCase {
    static let map = ScenarioFixtures.sweepScenario("[sweep]\n\"model.rho_ts\" = [-0.6, -0.2, 0.2, 0.6, 0.95]\n\"model.rho_sy\" = [-0.4, 0.1, 0.4]")
        + "[output]\nplots = [\"heatmap\"]\n"

    static func run(_ text: String, in dir: String, formats: [FigureFormat]? = nil) throws -> RunOutcome {
        var options = SweepRunTests.options(dir, plots: true)
        options.formats = formats
        return try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: options)
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func output(of tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `formats = ["png", "pdf", "svg"]` writes each figure three times; two runs give the same
    /// bytes in every format (the PDF's creation date is fixed); the PDF embeds its fonts.
    func testEveryFormatIsWrittenReproducibly() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed: figures not rendered") }
        let text = Self.map.replacingOccurrences(of: "plots = [\"heatmap\"]", with: "plots = [\"heatmap\"]\nformats = [\"png\", \"pdf\", \"svg\"]")
        let one = try SweepRunTests.directory(), two = try SweepRunTests.directory()
        let first = try Self.run(text, in: one)
        _ = try Self.run(text, in: two)
        let images = first.plotFiles.map { URL(fileURLWithPath: $0).lastPathComponent }.filter { !$0.hasSuffix(".gp") && !$0.hasSuffix(".dat") }
        XCTAssertEqual(images, ["grid-heatmap.png", "grid-heatmap.pdf", "grid-heatmap.svg"])
        for name in images {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: one + "/" + name)), try Data(contentsOf: URL(fileURLWithPath: two + "/" + name)),
                           "\(name) is the same in two renders")
        }
        let pdf = try Data(contentsOf: URL(fileURLWithPath: one + "/grid-heatmap.pdf"))
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
        XCTAssert(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:19700101000000"), "the date is the fixed epoch")
        XCTAssert(try String(contentsOfFile: one + "/grid-heatmap.svg", encoding: .utf8).contains("<svg"))
        guard let pdffonts = Self.tool("pdffonts") else { throw XCTSkip("pdffonts (poppler-utils) is not installed: font embedding not checked") }
        let fonts = try Self.output(of: pdffonts, [one + "/grid-heatmap.pdf"]).split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty, "the PDF has fonts")
        for font in fonts {
            let columns = font.split(separator: " ")
            XCTAssertEqual(columns.count >= 5 ? columns[columns.count - 5] : "", "yes", "embedded: \(font)")
        }
    }

    /// The size presets: screen keeps the PNG cchsim always drew; column and page are 3.5 and 7
    /// inches wide in every format (PNG at 300 pixels per inch).
    func testSizePresets() throws {
        let dir = try SweepRunTests.directory()
        let screen = try Self.run(Self.map, in: dir, formats: [.png])
        let script = try String(contentsOfFile: dir + "/grid-heatmap.gp", encoding: .utf8)
        XCTAssert(script.contains("        set terminal pngcairo size 1000,940 enhanced font 'DejaVu Sans,11'\n"), script)
        XCTAssert(script.contains("set terminal pdfcairo size 13.89in,13.06in enhanced font 'DejaVu Sans,11'"), script)
        XCTAssertEqual(screen.plotFiles.filter { $0.hasSuffix(".png") }.count, Gnuplot.executable == nil ? 0 : 1)
        for (size, inches, pixels) in [("column", "3.5in,4.75in", "1050,1425"), ("page", "7in,7.25in", "2100,2175")] {
            let sized = try SweepRunTests.directory()
            _ = try Self.run(Self.map + "size = \"\(size)\"\n", in: sized, formats: [.png, .pdf])
            let text = try String(contentsOfFile: sized + "/grid-heatmap.gp", encoding: .utf8)
            XCTAssert(text.contains("set terminal pdfcairo size \(inches) enhanced"), "\(size): \(text)")
            XCTAssert(text.contains("set terminal pngcairo size \(pixels) enhanced"), "\(size): \(text)")
            guard Gnuplot.executable != nil, let pdfinfo = Self.tool("pdfinfo") else { continue }
            let info = try Self.output(of: pdfinfo, [sized + "/grid-heatmap.pdf"])
            let page = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }?.split(separator: " ").compactMap { Double($0) } ?? []
            XCTAssertEqual(page.count, 2, info)
            let expected = inches.split(separator: ",").map { 72 * Double($0.dropLast(2))! }
            assertClose(page, expected, absolute: 0.01, "\(size): page size in points, \(info)")
        }
        if Gnuplot.executable == nil || Self.tool("pdfinfo") == nil { throw XCTSkip("gnuplot or pdfinfo missing: page sizes not checked") }
    }

    /// `--formats` on run, merge and figures, and its errors.
    func testFormatsOption() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed: figures not rendered") }
        let dir = try SweepRunTests.directory()
        let path = try SweepRunTests.file(Self.map, "map.toml", in: dir)
        let run = try CCHSimExecutable.run(["run", path, "--out", dir + "/run", "--formats", "svg,pdf"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/run").filter { $0.hasPrefix("grid-heatmap.") }.sorted(),
                       ["grid-heatmap.gp", "grid-heatmap.pdf", "grid-heatmap.svg"])
        for i in 1...2 { XCTAssertEqual(try CCHSimExecutable.run(["run", path, "--out", dir + "/shards", "--shard", "\(i)/2"]).status, 0) }
        let merge = try CCHSimExecutable.run(["merge", dir + "/shards/grid.shard-1-of-2.csv", dir + "/shards/grid.shard-2-of-2.csv", "--formats", "pdf"])
        XCTAssertEqual(merge.status, 0, merge.err)
        XCTAssert(FileManager.default.fileExists(atPath: dir + "/shards/grid-heatmap.pdf"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/shards/grid-heatmap.png"))
        let scenarios = dir + "/scenarios"
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        _ = try SweepRunTests.file(Self.map, "map.toml", in: scenarios)
        let figures = try CCHSimExecutable.run(["figures", "--scenarios", scenarios, "--out", dir + "/figures", "--formats", "png,svg"])
        XCTAssertEqual(figures.status, 0, figures.err)
        XCTAssert(FileManager.default.fileExists(atPath: dir + "/figures/grid-heatmap.svg"))
        XCTAssert(FileManager.default.fileExists(atPath: dir + "/figures/grid-heatmap.png"))
        setenv("SOURCE_DATE_EPOCH", "1700000000", 1)  // 2023-11-14 22:13:20 UTC
        let dated = try CCHSimExecutable.run(["run", path, "--out", dir + "/dated", "--formats", "pdf"])
        unsetenv("SOURCE_DATE_EPOCH")
        XCTAssertEqual(dated.status, 0, dated.err)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/dated/grid-heatmap.pdf"))
        XCTAssert(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:20231114221320"), "SOURCE_DATE_EPOCH is the PDF's date")
        let bad = try CCHSimExecutable.run(["run", path, "--out", dir + "/bad", "--formats", "png,gif"])
        XCTAssertEqual(bad.status, 64)
        XCTAssert(bad.err.contains("--formats: unknown figure format 'gif'; expected some of \"png\", \"pdf\", \"svg\""), bad.err)
    }

    /// `[output]` keys of the figures: bad values are errors naming the key.
    func testBadFigureKeysAreErrors() throws {
        let cases: [(String, String)] = [
            ("formats = [\"gif\"]", "output.formats: unknown figure format \"gif\""),
            ("formats = []", "output.formats: expected a non-empty list"),
            ("formats = \"pdf\"", "output.formats: expected a non-empty list"),
            ("size = \"huge\"", "output.size"),
            ("log_x = \"yes\"", "output.log_x"),
        ]
        for (line, message) in cases {
            XCTAssertThrowsError(try Sweep(file: "f.toml", text: Self.map + line + "\n"), line) {
                XCTAssert("\($0)".contains("f.toml") && "\($0)".contains(message), "\(line): \($0)")
            }
        }
        XCTAssertThrowsError(try PlotPlan(sweep: try Sweep(file: "f.toml", text: Self.map + "log_x = true\n"))) {
            XCTAssert("\($0)".contains("f.toml: output.log_x: a log scale needs positive values, but model.rho_ts takes -0.6"), "\($0)")
        }
    }

    /// A swept axis of positive values spanning more than a decade is drawn on a log scale (tics
    /// at the values), a narrower or signed one linearly; `log_x` / `log_y` override; a map's cells
    /// on a log axis are centred geometrically.
    func testLogAxesFollowTheSweptValues() throws {
        func script(_ sweep: String, output: String = "", name: String) throws -> String {
            let dir = try SweepRunTests.directory()
            let text = ScenarioFixtures.sweepScenario(sweep, teacher: "target = \"prediction\"\nfit = \"ols\"\nn = 50", student: "n = 40\nlambda = 0.3")
                + (output.isEmpty ? "" : "[output]\n\(output)\n")
            _ = try SweepRunTests.runSweep(try SweepRunTests.file(text, in: dir), options: SweepRunTests.options(dir, plots: true))
            return try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        let wide = "[sweep]\n\"student.n\" = [10, 30, 100, 300, 1000]"
        let curves = try script(wide, name: "grid-curves.gp")
        XCTAssert(curves.contains("set logscale x\nset xrange [7.692307692307692:1300.0]\nset xtics (10, 30, 100, 300, 1000)"), curves)
        XCTAssertFalse(try script(wide, output: "log_x = false", name: "grid-curves.gp").contains("logscale"))
        XCTAssertFalse(try script("[sweep]\n\"student.n\" = [10, 40, 100]", name: "grid-curves.gp").contains("logscale"), "a span of 10 is linear")
        XCTAssert(try script("[sweep]\n\"student.n\" = [10, 40, 100]", output: "log_x = true", name: "grid-curves.gp").contains("set logscale x"))
        XCTAssertFalse(try script("[sweep]\n\"student.lambda\" = [0, 0.5, 1]", name: "grid-curves.gp").contains("logscale"))

        let map = try script("[sweep]\n\"teacher.n\" = [10, 100, 1000]\n\"student.n\" = [5, 50, 500]", output: "plots = [\"heatmap\"]", name: "grid-heatmap.gp")
        XCTAssert(map.contains("set logscale x") && map.contains("set logscale y"), map)
        let linearY = try script("[sweep]\n\"teacher.n\" = [10, 100, 1000]\n\"student.n\" = [5, 50, 500]",
                                 output: "plots = [\"heatmap\"]\nlog_y = false", name: "grid-heatmap.gp")
        XCTAssert(linearY.contains("set logscale x") && !linearY.contains("set logscale y"), linearY)
        let x = SweepAxis(key: .teacher(.n), values: [10, 100, 1000].map(ScenarioValue.integer))
        let cells = PlotFigures.cellEdges(x, log: true)
        assertClose(cells[1].low * cells[1].high, 100 * 100, absolute: 1e-6, "geometric cell around 100")
        assertClose(cells[1].low, sqrt(1000) * pow(10, -0.03), absolute: 1e-9, "halfway to 10 in log space, widened by 3%")
    }

    /// The PDF date is rewritten in place (same length, so the PDF's byte offsets hold).
    func testPDFDateIsRewrittenInPlace() throws {
        let original = "%PDF-1.5\n<< /Producer (cairo) /CreationDate (D:20261128140821Z) >>\n/ModDate (D:20261128140822+01'00)\n"
        let stamp = String(decoding: PDFDate.digits, as: UTF8.self)
        let fixed = try XCTUnwrap(PDFDate.normalised(Array(original.utf8)))
        XCTAssertEqual(String(decoding: fixed, as: UTF8.self),
                       original.replacingOccurrences(of: "20261128140821", with: stamp).replacingOccurrences(of: "20261128140822", with: stamp))
        XCTAssertEqual(stamp.count, 14)
        XCTAssertNil(PDFDate.normalised(Array("%PDF-1.5\n<< /Producer (cairo) >>\n".utf8)), "no date: nothing to rewrite")
    }
}

import CCHTestSupport
@testable import CCHSimCLI
import Foundation
import Testing

/// Every reported seed is the 64-bit seed that was used: printed back, it reproduces the run.
struct SeedReportTests {
    @Test func largestSeedIsPrintedInFullAndReproducesTheRun() throws {
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("est.toml", EstimateMICommandTests.scenario)
        let seed = UInt64.max
        let args = [path, "--n", "300", "--replicates", "2", "--json"]
        let first = try CCHSimCommand.EstimateMI.parse(args + ["--seed", "\(seed)"]).output()
        #expect(first.contains("\"seed\": 18446744073709551615"), "\(first)")
        let printed = try #require(first.firstMatch(of: /"seed": ([0-9]+)/)?.1)
        let again = try CCHSimCommand.EstimateMI.parse(args + ["--seed", String(printed)]).output()
        #expect(again == first)
    }
}

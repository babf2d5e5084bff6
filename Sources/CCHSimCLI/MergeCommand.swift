import ArgumentParser
import Foundation
import SweepEngine

extension CCHSimCommand {
    /// `cchsim merge`: the shards of a sweep into the CSV a single run writes.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the CSVs of all shards of a sweep (run --shard i/N) into NAME.csv, byte for byte what one run writes.",
            discussion: """
                Give every NAME.shard-i-of-N.csv (their NAME.shard-i-of-N.meta.json must sit next to them). \
                Writes NAME.csv, NAME.meta.json and the plots into --out (default: the first shard's directory) \
                and prints the summary of the whole grid.
                """)

        @Argument(help: "The shard CSV files.", completion: .file(extensions: ["csv"]))
        var shards: [String]

        @Option(help: "Output directory (default: the directory of the first shard).", completion: .directory)
        var out: String?

        @Flag(name: .customLong("no-plots"), help: "Write no gnuplot scripts or PNGs.")
        var noPlots = false

        @OptionGroup var formatsOption: FormatsOption

        mutating func run() throws {
            let outcome: RunOutcome
            do { outcome = try ShardMerge(csvPaths: shards, outDirectory: out, formats: try formatsOption.list, plots: !noPlots).run() } catch let stop as RunInterrupted {
                FileHandle.standardError.write(Data("\(stop.description)\n".utf8))
                throw ExitCode(130)
            }
            try StandardOutput.line(SweepCommandSupport.report(outcome))
        }
    }
}

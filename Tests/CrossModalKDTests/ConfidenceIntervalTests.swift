@testable import CrossModalKD
import Testing

/// The one `centred` interval of the half-sampling bootstrap (`GapResampling` for `estimate-mi`
/// and `reliability`, `ViewInformation` for `teachers`), worked by hand.
struct ConfidenceIntervalTests {
    @Test func centredShiftsTheReplicatesOntoTheEstimate() {
        // Replicates 5, 1, 4, 2, 3 (mean 3) about the estimate 10: 8, 9, 10, 11, 12 sorted; the
        // 0.25 and 0.75 quantiles (R type 7: h = 1 and 3) are 9 and 11.
        let (interval, shifted) = ConfidenceInterval.centred(10, [5, 1, 4, 2, 3], level: 0.5)
        #expect(shifted == [8, 9, 10, 11, 12])
        #expect(interval == ConfidenceInterval(lower: 9, upper: 11, level: 0.5))
        // Between order statistics: level 0.9 puts the ends at h = 0.2 and 3.8.
        let wide = ConfidenceInterval.centred(10, [5, 1, 4, 2, 3], level: 0.9).interval
        #expect(abs(wide.lower - 8.2) < 1e-12 && abs(wide.upper - 11.8) < 1e-12, "\(wide)")
    }
}

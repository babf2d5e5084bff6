import CrossModalKD
import Testing

/// The one mean-and-standard-error helper against values worked by hand.
struct SampleStatisticsTests {
    @Test func estimateOfOneToFour() {
        // mean 5/2; sum of squared deviations 5, divisor 3: sd = sqrt(5/3); SE = sd / 2.
        let e = SampleStatistics.estimate([1, 2, 3, 4])
        #expect(e.mean == 2.5)
        #expect(abs(e.standardDeviation - 1.2909944487358056) < 1e-15)
        #expect(abs(e.standardError - 0.6454972243679028) < 1e-15)
    }

    @Test func aConstantListHasNoSpread() {
        let e = SampleStatistics.estimate([0.3, 0.3, 0.3])
        #expect(e.standardDeviation == 0 && e.standardError == 0)
    }
}

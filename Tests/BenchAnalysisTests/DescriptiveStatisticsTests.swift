import Testing

@testable import BenchAnalysis

/// Expected values come from numpy 2.4.6: `np.mean(a)` and `np.std(a)` (ddof=0) with
/// `a = np.array(values, dtype=float)`. The same pairwise summation is used, so the
/// comparison is exact.
struct DescriptiveStatisticsTests {
  @Test func singleValue() {
    #expect(DescriptiveStatistics.mean([42]) == 42)
    #expect(DescriptiveStatistics.populationStandardDeviation([42]) == 0)
  }

  @Test func twoValues() {
    #expect(DescriptiveStatistics.mean([1, 3]) == 2)
    #expect(DescriptiveStatistics.populationStandardDeviation([1, 3]) == 1)
  }

  @Test func ties() {
    let values: [Double] = [5, 1, 3, 3, 3, 9, 7, 7, 2, 10]
    #expect(DescriptiveStatistics.mean(values) == 5.0)
    #expect(DescriptiveStatistics.populationStandardDeviation(values) == 2.932575659723036)
  }

  @Test func latencySampleWithOutliers() {
    let milliseconds = [12.5, 13.1, 11.9, 14.2, 55.0, 12.8, 13.3, 12.2, 13.9, 120.4, 12.6, 13.0]
    #expect(DescriptiveStatistics.mean(milliseconds) == 25.408333333333335)
    #expect(DescriptiveStatistics.populationStandardDeviation(milliseconds) == 30.89742325646087)
  }

  /// A naive one-pass E[x²] − E[x]² loses every digit here (x² ≈ 1e18).
  @Test func largeCommonOffsetKeepsPrecision() {
    let values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]
    #expect(DescriptiveStatistics.mean(values) == 1_000_000_010.0)
    #expect(DescriptiveStatistics.populationStandardDeviation(values) == 4.743416490252569)
  }

  @Test func emptySampleGivesNil() {
    #expect(DescriptiveStatistics.mean([]) == nil)
    #expect(DescriptiveStatistics.populationStandardDeviation([]) == nil)
  }

  /// numpy: `np.sum(1 / np.arange(1, 1001))` = 7.485470860550345; adding in order gives
  /// 7.485470860550343. Exercises the split of runs longer than 128.
  @Test func pairwiseSumMatchesNumpyOnALongArray() {
    let values = (1...1000).map { 1 / Double($0) }
    #expect(DescriptiveStatistics.pairwiseSum(values[...]) == 7.485470860550345)
  }

  /// Beyond 8192 values numpy 1.x sums buffer by buffer: numpy 1.26.4 gives
  /// `np.sum(1 / np.arange(1, 20001))` = 10.480728217229329 and `np.std` of the same
  /// 0.00905370582938289 (numpy 2.4.6, one pairwise sum: 10.480728217229327).
  @Test func sumsBeyondOneBufferMatchNumpyOne() {
    let values = (1...20_000).map { 1 / Double($0) }
    #expect(DescriptiveStatistics.pairwiseSum(values[...]) == 10.480728217229329)
    #expect(DescriptiveStatistics.populationStandardDeviation(values) == 0.00905370582938289)
  }
}

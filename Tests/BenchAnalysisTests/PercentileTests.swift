import Testing

@testable import BenchAnalysis

/// Expected values come from numpy 2.4.6:
/// `np.percentile(np.array(values, dtype=float), [0, 25, 50, 90, 95, 99, 99.9, 100])`
/// (default method "linear"). numpy's arithmetic is reproduced step for step, so the
/// comparison is exact.
struct PercentileTests {
  static let percentiles: [Double] = [0, 25, 50, 90, 95, 99, 99.9, 100]

  @Test func singleValueIsEveryPercentile() {
    #expect(
      Percentile.linear(unsortedValues: [42], at: Self.percentiles)
        == Array(repeating: 42, count: 8))
  }

  @Test func twoValuesInterpolateLinearly() {
    #expect(
      Percentile.linear(unsortedValues: [3, 1], at: Self.percentiles)
        == [1.0, 1.5, 2.0, 2.8, 2.9, 2.98, 2.998, 3.0])
  }

  @Test func tiesAndUnsortedInput() {
    let values: [Double] = [5, 1, 3, 3, 3, 9, 7, 7, 2, 10]
    #expect(
      Percentile.linear(unsortedValues: values, at: Self.percentiles)
        == [1.0, 3.0, 4.0, 9.1, 9.549999999999999, 9.91, 9.991000000000001, 10.0])
  }

  @Test func latencySampleWithOutliers() {
    let milliseconds = [12.5, 13.1, 11.9, 14.2, 55.0, 12.8, 13.3, 12.2, 13.9, 120.4, 12.6, 13.0]
    #expect(
      Percentile.linear(unsortedValues: milliseconds, at: Self.percentiles)
        == [
          11.9, 12.575, 13.05, 50.920000000000016, 84.42999999999995, 113.20600000000005,
          119.68060000000006, 120.4,
        ])
  }

  @Test func sortedEntryPointMatchesConvenience() {
    let sorted: [Double] = [1, 2, 2, 3, 5, 8, 13]
    for p in Self.percentiles {
      #expect(
        Percentile.linear(sorted, p) == Percentile.linear(unsortedValues: sorted, at: [p])?.first)
    }
  }

  @Test func emptyInputAndOutOfRangePercentilesGiveNil() {
    #expect(Percentile.linear([], 50) == nil)
    #expect(Percentile.linear(unsortedValues: [], at: [50]) == nil)
    #expect(Percentile.linear([1, 2], 100.5) == nil)
    #expect(Percentile.linear([1, 2], -1) == nil)
    #expect(Percentile.linear(unsortedValues: [1, 2], at: [50, 101]) == nil)
  }

  @Test func nanInTheSampleMakesEveryPercentileNaN() {
    let result = Percentile.linear(unsortedValues: [1, .nan, 3], at: [0, 50])
    #expect(result?.count == 2)
    #expect(result?.allSatisfy(\.isNaN) == true)
  }
}

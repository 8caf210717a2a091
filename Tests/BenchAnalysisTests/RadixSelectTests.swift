import Testing

@testable import BenchAnalysis

/// The reference is sorting with the standard library and ``Percentile/linear(_:_:)``:
/// selection must give the same value, bit for bit.
struct RadixSelectTests {
  static func expectSameAsSorting(
    _ values: [Double], _ comment: Comment, percentiles: [Double] = [0, 1, 25, 50, 90, 95, 99, 99.9, 100]
  ) {
    let sorted = values.sorted()
    for p in percentiles {
      let selected = RadixSelect.percentile(p) { body in values.forEach(body) }
      #expect(selected?.bitPattern == Percentile.linear(sorted, p)?.bitPattern, "p\(p) \(comment)")
    }
  }

  @Test func spreadValuesAcrossManyBuckets() {
    var generator = RadixSortTests.Generator(state: 11)
    let values = (0..<100_000).map { _ in Double.random(in: -1e6...1e6, using: &generator) }
    Self.expectSameAsSorting(values, "uniform ±1e6")
  }

  /// 1.5 M values in [32, 34) share their top 16 bits: selection must narrow twice before it
  /// gathers (more than `gatherLimit` in one bucket).
  @Test func narrowValuesThatShareTheirTopBits() {
    var generator = RadixSortTests.Generator(state: 12)
    let values = (0..<1_500_000).map { _ in 32 + 2 * Double.random(in: 0..<1, using: &generator) }
    Self.expectSameAsSorting(values, "[32, 34)", percentiles: [0, 50, 99, 99.9, 100])
  }

  @Test func duplicatesAndTinySamples() {
    Self.expectSameAsSorting([5], "one value")
    Self.expectSameAsSorting([3, 1], "two values")
    // More than gatherLimit equal keys: narrowed down to the last digit.
    Self.expectSameAsSorting(Array(repeating: 7.5, count: 1_100_000), "all equal", percentiles: [99])
    var generator = RadixSortTests.Generator(state: 13)
    Self.expectSameAsSorting((0..<10_000).map { _ in Double(Int.random(in: 0...3, using: &generator)) }, "four distinct")
    #expect(RadixSelect.percentile(50) { _ in } == nil)
  }

  @Test func negativeZeroAndNaNGiveTheSortedResult() {
    let values: [Double] = [1, -0.0, 0, 2, -3, 0, -0.0]
    Self.expectSameAsSorting(values, "-0.0")
    let withNaN: [Double] = [1, .nan, 3]
    let sorted = withNaN.sorted()
    #expect(RadixSelect.percentile(50) { withNaN.forEach($0) }?.bitPattern == Percentile.linear(sorted, 50)?.bitPattern)
  }
}

import Testing

@testable import BenchAnalysis
import BenchModel

/// The reference is the standard library's `sort()`: the radix sort must give the same array,
/// bit for bit, on every kind of input.
struct RadixSortTests {
  /// SplitMix64: a small deterministic generator, so a failure reproduces.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func expectSameAsStandardSort(_ values: [Double], _ comment: Comment) {
    let expected = values.sorted().map(\.bitPattern)
    var actual = values
    RadixSort.sort(&actual)
    #expect(actual.map(\.bitPattern) == expected, comment)
    #expect(RadixSort.sorted(values).map(\.bitPattern) == expected, comment)
  }

  @Test func latencyLikeValuesOfEverySize() {
    var generator = Generator(state: 1)
    for count in [0, 1, 2, 511, 512, 513, 1000, 4096, 100_000] {
      let values = (0..<count).map { _ in 30 + 20 * Double.random(in: 0..<1, using: &generator) }
      Self.expectSameAsStandardSort(values, "count \(count)")
    }
  }

  @Test func arbitraryBitPatternsIncludingSubnormalsAndInfinities() {
    var generator = Generator(state: 2)
    var values: [Double] = []
    while values.count < 200_000 {
      let value = Double(bitPattern: generator.next())
      if !value.isNaN && value.bitPattern != (-0.0).bitPattern { values.append(value) }
    }
    values += [.infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, 0]
    Self.expectSameAsStandardSort(values, "random bit patterns")
  }

  /// The partition step's cases: most keys in one top bucket (plain LSD), a spread over a few
  /// buckets (partition, then LSD per bucket), small buckets (comparison sort per bucket),
  /// and keys that differ only in their lowest byte.
  @Test func partitionedAndUnpartitionedPaths() {
    var generator = Generator(state: 7)
    let narrow = (0..<50_000).map { _ in 32 + 0.001 * Double.random(in: 0..<1, using: &generator) }
    Self.expectSameAsStandardSort(narrow, "one dominant bucket")
    let spread = (0..<50_000).map { _ in 50 + 11 * Double.random(in: 0..<1, using: &generator) }
    Self.expectSameAsStandardSort(spread, "ITL-like [50, 61)")
    let wide = (0..<50_000).map { _ in Double.random(in: -1e300...1e300, using: &generator) }
    Self.expectSameAsStandardSort(wide, "many buckets")
    let lowByte = (0..<5_000).map { Double(bitPattern: 0x4040_0000_0000_0000 | UInt64($0 % 256)) }
    Self.expectSameAsStandardSort(lowByte.shuffled(using: &generator), "lowest byte only")
    Self.expectSameAsStandardSort(Array(repeating: 3.25, count: 4_000), "all equal")
  }

  @Test func negativeAndPositiveMixedWithManyDuplicates() {
    var generator = Generator(state: 3)
    let values = (0..<50_000).map { _ in Double(Int.random(in: -50...50, using: &generator)) / 4 }
    Self.expectSameAsStandardSort(values, "duplicates")
  }

  /// -0.0 and 0.0 compare equal, so the standard (stable) sort keeps their input order; NaN
  /// has no order. Either makes the radix sort hand over to the standard sort.
  @Test func negativeZeroAndNaNGiveTheStandardSortsResult() {
    var generator = Generator(state: 4)
    var values = (0..<5_000).map { _ in Double.random(in: -1...1, using: &generator) }
    values[17] = -0.0
    values[4000] = 0.0
    values[2500] = -0.0
    Self.expectSameAsStandardSort(values, "-0.0")
    values[99] = .nan
    var sorted = values
    RadixSort.sort(&sorted)
    var standard = values
    standard.sort()
    #expect(sorted.map(\.bitPattern) == standard.map(\.bitPattern))
  }

  /// Values from numpy 2.4.6 on the same 5000 numbers:
  /// `a = np.array([((i*2654435761) % 1000003)/1000.0 - 500.0 for i in range(5000)])`,
  /// `np.percentile(a, [0, 25, 50, 90, 95, 99, 99.9, 100])`, `np.mean(a)`, `np.std(a)`,
  /// `np.median(a)` (numpy 2.4.6 here, on 2026-11-23). Large enough to take the radix path
  /// (≥ 512 values) and selection (≥ 4096).
  @Test func percentilesOfALargeSampleMatchNumpy() throws {
    let values = (0..<5000).map { Double(($0 * 2_654_435_761) % 1_000_003) / 1000.0 - 500.0 }
    let percentiles = try #require(
      Percentile.linear(unsortedValues: values, at: [0, 25, 50, 90, 95, 99, 99.9, 100]))
    #expect(
      percentiles == [
        -500.0, -249.31324999999998, 0.6225000000000023, 400.4345, 450.87225000000007, 490.67365,
        499.61306500000006, 499.938,
      ])
    let summary = SampleStatistics.summary(of: values, percentiles: [99])
    #expect(summary.mean == 0.5941606000000013)  // np.mean(a), in the values' order
    #expect(summary.median == 0.6225000000000023)
    #expect(summary.standardDeviation == 288.6915078552918)
    #expect(summary.percentiles[99] == 490.67365)
  }

  /// The summary through selection equals the one through `sorted()`; mean and std are
  /// summed in the values' own order, as numpy sums them.
  @Test func summaryMatchesTheComparisonSortPath() {
    var generator = Generator(state: 5)
    let values = (0..<20_000).map { _ in 0.02 + 0.01 * Double.random(in: 0..<1, using: &generator) }
    let sorted = values.sorted()
    let summary = SampleStatistics.summary(of: values, percentiles: [50, 90, 99, 99.9])
    #expect(summary.mean == DescriptiveStatistics.mean(values))
    #expect(summary.standardDeviation == DescriptiveStatistics.populationStandardDeviation(values))
    #expect(summary.median == (sorted[9_999] + sorted[10_000]) / 2)
    for p in [50.0, 90, 99, 99.9] { #expect(summary.percentiles[p] == Percentile.linear(sorted, p)) }
  }

  /// One metric's values are those of the all-metrics call (the charts use the former).
  @Test func singleMetricValuesEqualTheAllMetricsValues() {
    var generator = Generator(state: 6)
    let count = 300
    var samples = RequestSamples(
      inputLengths: Array(repeating: 10, count: count),
      outputLengths: (0..<count).map { $0 % 7 },
      timeToFirstToken: (0..<count).map { _ in Double.random(in: 0..<1, using: &generator) })
    var gaps: [Double] = []
    var offsets = [0]
    for index in 0..<count {
      for _ in 0..<max(0, index % 7 - 1) { gaps.append(Double.random(in: 0..<0.1, using: &generator)) }
      offsets.append(gaps.count)
    }
    samples.interTokenGaps = gaps
    samples.gapOffsets = offsets
    samples.succeeded = (0..<count).map { $0 % 11 != 0 }
    let all = SampleStatistics.millisecondValues(of: samples)
    for metric in LatencyMetric.allCases {
      #expect(SampleStatistics.millisecondValues(of: samples, metric: metric) == all[metric], "\(metric)")
    }
  }
}

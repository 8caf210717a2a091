import Testing

@testable import BenchAnalysis

/// Expected values come from scipy 1.17.1 / numpy 2.4.6, printed by
/// `scripts/stats_reference.py bootstrap`: `scipy.stats.bootstrap((base, new),
/// statistic=np.percentile(new, q) − np.percentile(base, q) (or np.mean(new) − np.mean(base)),
/// paired=False, vectorized=True, n_resamples=100000, confidence_level=0.95,
/// method="percentile", rng=np.random.default_rng(20250326))`, on the same real samples
/// (``ConcurrencySweepSamples``).
///
/// Tolerance: our bounds use 2 000 resamples of another random stream, so they differ from
/// scipy's 100 000-resample bounds by Monte-Carlo error. `scripts/stats_reference.py
/// tolerance` measured that error with scipy itself: over 100–200 seeds of 2 000 resamples,
/// the largest |bound − 100 000-resample bound| was 0.065 of the interval's width (99th
/// percentile ≤ 0.05) for every case below. The tests allow 0.1 × width. The estimate is
/// computed on the full samples, so it must match numpy to the last bits.
///
/// Not compared: the p99 of 100 TTFTs of c1 vs c2, or of the ITLs of c1 vs c2. Their
/// bootstrap distributions sit on a handful of extreme values, and a 2 000-resample bound
/// lands up to about 0.2 of the width away from the 100 000-resample one (same script).
struct BootstrapIntervalTests {
  struct ScipyCase: CustomTestStringConvertible, Sendable {
    var name: String
    var samples: @Sendable () throws -> (base: [Double], new: [Double])
    var statistic: LatencyStatistic
    var estimate: Double
    var lower: Double
    var upper: Double
    var testDescription: String { "\(name) \(statistic)" }
    var excludesZero: Bool { lower > 0 || upper < 0 }
  }

  typealias Samples = ConcurrencySweepSamples

  @Sendable static func ttft(_ base: Int, _ new: Int) throws -> (base: [Double], new: [Double]) {
    (try Samples.ttftMilliseconds(concurrency: base), try Samples.ttftMilliseconds(concurrency: new))
  }

  @Sendable static func ttftEvenOdd() throws -> (base: [Double], new: [Double]) {
    let ttft = try Samples.ttftMilliseconds(concurrency: 1)
    return (Samples.everyOther(ttft, from: 0), Samples.everyOther(ttft, from: 1))
  }

  /// The gaps of the first 20 requests (3 380 values per side).
  @Sendable static func itl(_ base: Int, _ new: Int) throws -> (base: [Double], new: [Double]) {
    (
      try Samples.itlMilliseconds(concurrency: base, requests: 20),
      try Samples.itlMilliseconds(concurrency: new, requests: 20)
    )
  }

  static let scipyCases: [ScipyCase] = [
    ScipyCase(
      name: "TTFT c1 vs c2 (significant)", samples: { try ttft(1, 2) }, statistic: .percentile(50),
      estimate: 1.6274889997021091, lower: 0.9052099998484671, upper: 2.4336950000360957),
    ScipyCase(
      name: "TTFT c1 vs c2 (significant)", samples: { try ttft(1, 2) }, statistic: .mean,
      estimate: 3.599011869973765, lower: 2.352228096683234, upper: 4.952856421661067),
    ScipyCase(
      name: "TTFT c32 vs c64", samples: { try ttft(32, 64) }, statistic: .percentile(50),
      estimate: -0.4469489999792131, lower: -7.9060359998948115, upper: 9.877120000055584),
    ScipyCase(
      name: "TTFT c32 vs c64", samples: { try ttft(32, 64) }, statistic: .percentile(99),
      estimate: 2.277313870517844, lower: -24.51795300021331, upper: 9.455362799581025),
    ScipyCase(
      name: "TTFT c1 even vs odd requests", samples: { try ttftEvenOdd() }, statistic: .percentile(50),
      estimate: -0.007045000302241533, lower: -0.8354085000519262, upper: 1.3445804997900268),
    ScipyCase(
      name: "ITL c16 vs c32, 20 requests", samples: { try itl(16, 32) }, statistic: .percentile(50),
      estimate: 0.08151800034283951, lower: -0.023172525050085824, upper: 0.16741053761961666),
    ScipyCase(
      name: "ITL c16 vs c32, 20 requests", samples: { try itl(16, 32) }, statistic: .percentile(99),
      estimate: -0.4340008396002304, lower: -1.5050863596707131, upper: 0.4821889998675033),
    ScipyCase(
      name: "ITL c128 vs c256, 20 requests", samples: { try itl(128, 256) }, statistic: .percentile(50),
      estimate: -0.05169649989511527, lower: -0.13515411267803756, upper: 0.03704199981484635),
    ScipyCase(
      name: "ITL c128 vs c256, 20 requests (significant)", samples: { try itl(128, 256) }, statistic: .percentile(99),
      estimate: 1.6766412402193964, lower: 0.8469549802293912, upper: 5.050478380612731),
    ScipyCase(
      name: "ITL c64 vs c128, 20 requests (significant)", samples: { try itl(64, 128) }, statistic: .percentile(50),
      estimate: 0.15587899997626664, lower: 0.0797158005184429, upper: 0.2484705628035044),
    ScipyCase(
      name: "ITL c64 vs c128, 20 requests (significant)", samples: { try itl(64, 128) }, statistic: .percentile(99),
      estimate: 3.404172220020854, lower: 0.7254100000864128, upper: 5.171284499861017),
  ]

  /// The Monte-Carlo allowance, as a fraction of scipy's interval width (see the type's doc).
  static let tolerance = 0.1

  static func expectNearScipy(_ interval: BootstrapInterval.Interval, _ expected: ScipyCase, _ comment: Comment) {
    let allowed = tolerance * (expected.upper - expected.lower)
    #expect(
      abs(interval.lower - expected.lower) <= allowed, "lower \(interval.lower), scipy \(expected.lower) \(comment)")
    #expect(
      abs(interval.upper - expected.upper) <= allowed, "upper \(interval.upper), scipy \(expected.upper) \(comment)")
    #expect(interval.excludesZero == expected.excludesZero, comment)
  }

  @Test(arguments: scipyCases)
  func agreesWithScipy(_ expected: ScipyCase) throws {
    let (base, new) = try expected.samples()
    let interval = try #require(
      BootstrapInterval.difference(base: base, new: new, statistic: expected.statistic))
    #expect(abs(interval.estimate - expected.estimate) <= 1e-12 * abs(expected.estimate))
    Self.expectNearScipy(interval, expected, "")
    #expect(interval.confidence == 0.95)
    #expect(interval.resamples == 2000)
  }

  /// Another seed draws other resamples: the bounds move, but stay within the Monte-Carlo
  /// allowance of scipy's (checked for the TTFT median, mean and p99, and an ITL p99).
  @Test(arguments: [scipyCases[0], scipyCases[1], scipyCases[3], scipyCases[8]])
  func otherSeedsGiveCloseIntervals(_ expected: ScipyCase) throws {
    let (base, new) = try expected.samples()
    let statistic = expected.statistic
    let reference = try #require(BootstrapInterval.difference(base: base, new: new, statistic: statistic))
    for seed: UInt64 in [1, 2, 0xDEAD_BEEF] {
      let interval = try #require(BootstrapInterval.difference(base: base, new: new, statistic: statistic, seed: seed))
      #expect(interval.estimate == reference.estimate)
      #expect(interval != reference, "seed \(seed)")
      Self.expectNearScipy(interval, expected, "seed \(seed)")
    }
  }

  @Test func sameSeedGivesTheSameBits() throws {
    let (base, new) = try Self.ttft(16, 32)
    for statistic in [LatencyStatistic.percentile(99), .percentile(50), .mean] {
      let first = try #require(BootstrapInterval.difference(base: base, new: new, statistic: statistic, seed: 99))
      let second = try #require(BootstrapInterval.difference(base: base, new: new, statistic: statistic, seed: 99))
      #expect(first.lower.bitPattern == second.lower.bitPattern)
      #expect(first.upper.bitPattern == second.upper.bitPattern)
      #expect(first == second)
    }
  }

  /// The default seed's output, bit for bit, as `scripts/stats_reference.py replay` computes
  /// it: the documented algorithm (generator, draw order, percentiles of the resamples and of
  /// the differences) rerun in Python with numpy. A change of any of them shows up here —
  /// reports are diffed in pull requests.
  @Test func defaultSeedReproducesTheDocumentedAlgorithm() throws {
    let (base, new) = try Self.ttft(1, 2)
    let median = try #require(BootstrapInterval.difference(base: base, new: new, statistic: .percentile(50)))
    #expect(median.lower == 0.9156016373935931)
    #expect(median.upper == 2.392554300217853)
    let p99 = try #require(BootstrapInterval.difference(base: base, new: new, statistic: .percentile(99)))
    #expect(p99.lower == 14.853579370069376)
    #expect(p99.upper == 19.04220326531867)
  }

  /// The counting selection returns what sorting the explicit resample and calling
  /// `Percentile.linear` returns, bit for bit: the same draws are replayed into an array.
  @Test func countingSelectionMatchesSortingTheResample() throws {
    let values = try Samples.ttftMilliseconds(concurrency: 8) + [-3, 0, 0, 41.5, 41.5]
    for p: Double in [0, 0.5, 1, 25, 49.9, 50, 50.1, 75, 99, 99.9, 100] {
      var side = BootstrapInterval.ResampledSample(values)
      var generator = SeededGenerator(seed: 3)
      var replay = SeededGenerator(seed: 3)
      let sorted = values.sorted()
      for _ in 0..<50 {
        let selected = side.resampledValue(of: .percentile(p), using: &generator)
        let resample = (0..<values.count).map { _ in sorted[replay.index(below: values.count)] }
        #expect(selected.bitPattern == Percentile.linear(resample.sorted(), p)?.bitPattern, "p\(p)")
      }
    }
    // The mean from the counts: Σ count × value / n, another summation order than the draws'.
    var side = BootstrapInterval.ResampledSample(values)
    var generator = SeededGenerator(seed: 4)
    var replay = SeededGenerator(seed: 4)
    let sorted = values.sorted()
    for _ in 0..<50 {
      let mean = side.resampledValue(of: .mean, using: &generator)
      let resample = (0..<values.count).map { _ in sorted[replay.index(below: values.count)] }
      let expected = try #require(DescriptiveStatistics.mean(resample))
      #expect(abs(mean - expected) <= 1e-13 * expected)
    }
  }

  @Test func tooFewValuesOrInvalidArgumentsGiveNil() {
    let values: [Double] = [1, 2, 3]
    #expect(BootstrapInterval.difference(base: [1], new: values, statistic: .mean) == nil)
    #expect(BootstrapInterval.difference(base: values, new: [], statistic: .mean) == nil)
    #expect(BootstrapInterval.difference(base: values, new: values, statistic: .percentile(101)) == nil)
    #expect(BootstrapInterval.difference(base: values, new: values, statistic: .mean, confidence: 1) == nil)
    #expect(BootstrapInterval.difference(base: values, new: values, statistic: .mean, confidence: 0) == nil)
    #expect(BootstrapInterval.difference(base: values, new: values, statistic: .mean, resamples: 0) == nil)
    #expect(BootstrapInterval.difference(base: [1, .nan], new: values, statistic: .mean) == nil)
    #expect(BootstrapInterval.difference(base: [1, 2], new: [3, 4], statistic: .percentile(50)) != nil)
  }

  @Test func identicalConstantSamplesGiveAZeroInterval() throws {
    let interval = try #require(
      BootstrapInterval.difference(base: [5, 5, 5], new: [5, 5], statistic: .percentile(99)))
    #expect(interval == .init(estimate: 0, lower: 0, upper: 0, confidence: 0.95, resamples: 2000))
    #expect(!interval.excludesZero)
  }

  /// The resample count shrinks to keep the draws within the budget, never below 500 (nor
  /// above what was asked).
  @Test func resampleCountIsBoundedByTheDrawBudget() {
    #expect(BootstrapInterval.resampleCount(requested: 2000, drawsPerResample: 20_000) == 2000)
    #expect(BootstrapInterval.resampleCount(requested: 2000, drawsPerResample: 200_000) == 2000)
    #expect(BootstrapInterval.resampleCount(requested: 10_000, drawsPerResample: 200_000) == 2000)
    #expect(BootstrapInterval.resampleCount(requested: 2000, drawsPerResample: 400_000) == 1000)
    #expect(BootstrapInterval.resampleCount(requested: 2000, drawsPerResample: 2_000_000) == 500)
    #expect(BootstrapInterval.resampleCount(requested: 300, drawsPerResample: 2_000_000) == 300)
    #expect(BootstrapInterval.resampleCount(requested: 100_000, drawsPerResample: 200) == 100_000)
  }
}

/// The several-statistics form shares its draws and must give each statistic's own interval.
struct BootstrapIntervalSharedDrawsTests {
  @Test func sharedDrawsGiveTheSameIntervalsAsOneStatisticAtATime() throws {
    let base: [Double] = (0..<150).map { 40 + Double(($0 * 37) % 101) * 0.7 }
    let new: [Double] = (0..<170).map { 45 + Double(($0 * 53) % 103) * 0.7 }
    let statistics: [LatencyStatistic] = [.mean, .percentile(50), .percentile(90), .percentile(99)]
    let shared = BootstrapInterval.differences(base: base, new: new, statistics: statistics, resamples: 600, seed: 42)
    #expect(shared.count == 4)
    for statistic in statistics {
      let alone = BootstrapInterval.difference(base: base, new: new, statistic: statistic, resamples: 600, seed: 42)
      #expect(shared[statistic] == alone, "\(statistic)")
    }
  }
}

import Testing

@testable import BenchAnalysis

/// Expected values come from scipy 1.17.1, printed by `scripts/stats_reference.py mwu`:
/// `scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic",
/// use_continuity=True)` on the same real samples (``ConcurrencySweepSamples``). U must match
/// exactly (it is a sum of half-integers); the p-value to 1e−9 relative (a different erfc).
struct MannWhitneyUTests {
  struct Expected: CustomTestStringConvertible, Sendable {
    var name: String
    var x: @Sendable () throws -> [Double]
    var y: @Sendable () throws -> [Double]
    var u: Double
    var pValue: Double
    var testDescription: String { name }
  }

  typealias Samples = ConcurrencySweepSamples

  static let realPairs: [Expected] = [
    Expected(
      name: "TTFT c1 vs c2 (significant)", x: { try Samples.ttftMilliseconds(concurrency: 1) },
      y: { try Samples.ttftMilliseconds(concurrency: 2) }, u: 2806.0, pValue: 8.341863988656e-08),
    Expected(
      name: "TTFT c32 vs c64 (not significant)", x: { try Samples.ttftMilliseconds(concurrency: 32) },
      y: { try Samples.ttftMilliseconds(concurrency: 64) }, u: 4883.0, pValue: 0.7759086187894354),
    Expected(
      name: "TTFT c1 vs c2 rounded to 1 ms (178 tied values)",
      x: { Samples.roundedToMillisecond(try Samples.ttftMilliseconds(concurrency: 1)) },
      y: { Samples.roundedToMillisecond(try Samples.ttftMilliseconds(concurrency: 2)) }, u: 2759.0,
      pValue: 3.393502869338808e-08),
    Expected(
      name: "TTFT c1 even vs odd requests (not significant)",
      x: { Samples.everyOther(try Samples.ttftMilliseconds(concurrency: 1), from: 0) },
      y: { Samples.everyOther(try Samples.ttftMilliseconds(concurrency: 1), from: 1) }, u: 1215.0,
      pValue: 0.8120076863024113),
    // The same run's first and second half differ: TTFT drifted during the run.
    Expected(
      name: "TTFT c1 first vs second half (significant)",
      x: { Array(try Samples.ttftMilliseconds(concurrency: 1)[..<50]) },
      y: { Array(try Samples.ttftMilliseconds(concurrency: 1)[50...]) }, u: 1892.0, pValue: 9.761710633723089e-06),
    Expected(
      name: "TTFT c8 first 60 vs c16 (different sizes)",
      x: { Array(try Samples.ttftMilliseconds(concurrency: 8).prefix(60)) },
      y: { try Samples.ttftMilliseconds(concurrency: 16) }, u: 1850.0, pValue: 5.0900084136063585e-05),
    Expected(
      name: "ITL c128 vs c256, 16 900 each (not significant)", x: { try Samples.itlMilliseconds(concurrency: 128) },
      y: { try Samples.itlMilliseconds(concurrency: 256) }, u: 141599438.5, pValue: 0.17891930140972823),
    Expected(
      name: "ITL c64 vs c128 rounded to 1 ms (33 735 tied values)",
      x: { Samples.roundedToMillisecond(try Samples.itlMilliseconds(concurrency: 64)) },
      y: { Samples.roundedToMillisecond(try Samples.itlMilliseconds(concurrency: 128)) }, u: 145911568.0,
      pValue: 0.0004763928578988644),
    // Far in the tail: 1 − Φ(z) by subtraction would give 0 here.
    Expected(
      name: "ITL c1 vs c2, first 10 requests (p ≈ 1e−270)",
      x: { try Samples.itlMilliseconds(concurrency: 1, requests: 10) },
      y: { try Samples.itlMilliseconds(concurrency: 2, requests: 10) }, u: 430653.0,
      pValue: 8.169267101868069e-271),
    // z ≈ 47: the tail underflows to 0 in scipy too.
    Expected(
      name: "ITL c1 vs c2, 16 900 each (p underflows)", x: { try Samples.itlMilliseconds(concurrency: 1) },
      y: { try Samples.itlMilliseconds(concurrency: 2) }, u: 74712391.5, pValue: 0.0),
  ]

  static let tinySamples: [(x: [Double], y: [Double], u: Double, pValue: Double)] = [
    ([1, 2], [3], 0.0, 0.5402913746074199),
    ([5], [5], 0.5, 1.0),
    ([1, 2, 2, 3], [2, 2, 4], 4.0, 0.5584521572831558),
    (Array(repeating: 7, count: 30), Array(repeating: 7, count: 20), 300.0, 1.0),
  ]

  static func expectScipyAgreement(_ result: MannWhitneyU.Result?, u: Double, pValue: Double, _ comment: Comment) {
    #expect(result?.u == u, comment)
    guard let p = result?.pValue else {
      Issue.record("no result: \(comment)")
      return
    }
    #expect(abs(p - pValue) <= 1e-9 * pValue, "p = \(p), scipy \(pValue): \(comment)")
  }

  @Test(arguments: realPairs)
  func agreesWithScipyOnRealSamples(_ expected: Expected) throws {
    let result = MannWhitneyU.test(try expected.x(), try expected.y())
    Self.expectScipyAgreement(result, u: expected.u, pValue: expected.pValue, "\(expected.name)")
  }

  @Test func agreesWithScipyOnTinySamples() {
    for sample in Self.tinySamples {
      let result = MannWhitneyU.test(sample.x, sample.y)
      Self.expectScipyAgreement(result, u: sample.u, pValue: sample.pValue, "\(sample.x) vs \(sample.y)")
    }
  }

  /// Swapping the samples turns U1 into U2 = n1·n2 − U1 and leaves the two-sided p alone.
  @Test(arguments: realPairs.prefix(4))
  func swappingTheSamplesGivesTheOtherU(_ expected: Expected) throws {
    let x = try expected.x()
    let y = try expected.y()
    let forward = try #require(MannWhitneyU.test(x, y))
    let backward = try #require(MannWhitneyU.test(y, x))
    #expect(backward.u == Double(x.count * y.count) - forward.u)
    #expect(backward.pValue == forward.pValue)
  }

  @Test func identicalSamplesGiveOne() throws {
    let ttft = try ConcurrencySweepSamples.ttftMilliseconds(concurrency: 4)
    let result = try #require(MannWhitneyU.test(ttft, ttft))
    #expect(result.u == Double(ttft.count * ttft.count) / 2)
    #expect(result.pValue == 1)
  }

  @Test func inputOrderDoesNotMatter() throws {
    let x = try ConcurrencySweepSamples.ttftMilliseconds(concurrency: 8)
    let y = try ConcurrencySweepSamples.ttftMilliseconds(concurrency: 16)
    #expect(MannWhitneyU.test(x, y) == MannWhitneyU.test(x.reversed(), y.sorted()))
  }

  @Test func emptyOrNaNSamplesGiveNil() {
    #expect(MannWhitneyU.test([], [1, 2]) == nil)
    #expect(MannWhitneyU.test([1, 2], []) == nil)
    #expect(MannWhitneyU.test([], []) == nil)
    // scipy propagates NaN into both numbers; we refuse instead.
    #expect(MannWhitneyU.test([1, .nan, 3], [2, 4]) == nil)
  }

  /// -0.0 and 0.0 are one value to scipy's ranking (they compare equal): a tie.
  @Test func negativeZeroTiesWithZero() {
    let result = MannWhitneyU.test([-0.0, 1], [0.0, 2])
    #expect(result == MannWhitneyU.test([0.0, 1], [0.0, 2]))
  }
}

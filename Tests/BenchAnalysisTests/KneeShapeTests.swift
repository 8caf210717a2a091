import Testing

@testable import BenchAnalysis

/// Expected shapes come from kneed 0.8.6: `kneed.find_shape(x, y)` on the H100 sweep of
/// reference/kneedle.md (y = output tok/s, tok/s per stream = tok/s ÷ concurrency, and TTFT
/// p99 in ms), x = concurrency and log₂ concurrency.
struct KneeShapeTests {
  static let concurrency: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
  static let log2Concurrency: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 8]
  static let outputTokensPerSecond = [
    130, 243.2, 450.81, 802.14, 1188.22, 1523.43, 1540.94, 1516.30, 1542.96,
  ]
  static let tokensPerSecondPerStream = [
    130.0, 121.6, 112.7025, 100.2675, 74.26375, 47.6071875, 24.0771875, 11.84609375, 6.0271875,
  ]
  static let ttftP99Milliseconds: [Double] = [50, 52, 55, 60, 70, 95, 400, 1500, 4000]

  @Test func throughputIsConcaveIncreasingOnBothAxes() {
    let shape = KneeShape(direction: .increasing, curve: .concave)
    #expect(KneeDetector.findShape(x: Self.concurrency, y: Self.outputTokensPerSecond) == shape)
    #expect(KneeDetector.findShape(x: Self.log2Concurrency, y: Self.outputTokensPerSecond) == shape)
  }

  @Test func perStreamRateChangesCurvatureWithTheAxis() {
    #expect(
      KneeDetector.findShape(x: Self.concurrency, y: Self.tokensPerSecondPerStream)
        == KneeShape(direction: .decreasing, curve: .convex))
    #expect(
      KneeDetector.findShape(x: Self.log2Concurrency, y: Self.tokensPerSecondPerStream)
        == KneeShape(direction: .decreasing, curve: .concave))
  }

  @Test func latencyIsConvexIncreasing() {
    let shape = KneeShape(direction: .increasing, curve: .convex)
    #expect(KneeDetector.findShape(x: Self.concurrency, y: Self.ttftP99Milliseconds) == shape)
    #expect(KneeDetector.findShape(x: Self.log2Concurrency, y: Self.ttftP99Milliseconds) == shape)
  }

  @Test func tooFewPointsGiveNil() {
    #expect(KneeDetector.findShape(x: [1], y: [1]) == nil)
    #expect(KneeDetector.findShape(x: [1, 2], y: [1, 5]) == nil)
    #expect(KneeDetector.findShape(x: [1, 2, 3], y: [1, 5]) == nil)
  }
}

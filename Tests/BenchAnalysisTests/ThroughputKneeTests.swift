import BenchModel
import Testing

@testable import BenchAnalysis

/// The throughput knee as `SweepAnalyzer` finds it (Kneedle on the linear and log₂ axes) and
/// the choice of the axis the report leads with. The detector itself is covered in
/// KneeDetectorTests; expected knees here come from kneed 0.8.6.
struct ThroughputKneeTests {
  typealias F = SweepFixtures

  /// kneed 0.8.6 (reference/kneedle.md §7): `KneeLocator(conc, tput, curve="concave",
  /// direction="increasing", S=1.0)` → knee 32, knee_y 1523.43; with `np.log2(conc)` → 5.0
  /// (concurrency 32), knee_y 1523.43.
  @Test func h100SweepKneeIs32OnBothAxes() {
    let knee = SweepAnalyzer.analyze(
      F.concurrencySweep(F.h100Concurrency, outputThroughput: F.h100OutputThroughput)
    ).knee
    #expect(knee.linear == .found(level: .concurrency(32), throughput: 1523.43))
    #expect(knee.log2 == .found(level: .concurrency(32), throughput: 1523.43))
    #expect(knee.measure == .outputTokens)
    #expect(knee.primaryAxis == .log2)
    #expect(knee.primary == knee.log2)
    #expect(knee.secondary == knee.linear)
  }

  /// kneed 0.8.6 on an arithmetic rate sweep, computed for this test:
  /// `KneeLocator([1, 10, 20, 30, 35], [120, 1150, 1900, 2050, 2080], curve="concave",
  /// direction="increasing", S=1.0).knee` → 20 (knee_y 1900); the same with
  /// `np.log2([1, 10, 20, 30, 35])` → None.
  @Test func arithmeticRateSweepLeadsWithTheLinearAxis() {
    let runs = zip([1.0, 10, 20, 30, 35], [120.0, 1150, 1900, 2050, 2080]).map { rate, output in
      F.run(rate: .finite(rate), requestThroughput: output / 100) { $0.outputThroughput = output }
    }
    let knee = SweepAnalyzer.analyze(F.sweep(runs, variable: .requestRate)).knee
    #expect(knee.primaryAxis == .linear)
    #expect(knee.linear == .found(level: .requestRate(.finite(20)), throughput: 1900))
    #expect(knee.log2 == .noKnee)
    #expect(knee.primary == knee.linear)
  }

  @Test func infiniteRateIsLeftOutOfTheKnee() {
    // Same sweep plus an ∞ level: the knee is computed on the five finite levels.
    var runs = zip([1.0, 10, 20, 30, 35], [120.0, 1150, 1900, 2050, 2080]).map { rate, output in
      F.run(rate: .finite(rate), requestThroughput: output / 100) { $0.outputThroughput = output }
    }
    runs.append(F.run(rate: .infinite, requestThroughput: 21) { $0.outputThroughput = 2100 })
    let knee = SweepAnalyzer.analyze(F.sweep(runs, variable: .requestRate)).knee
    #expect(knee.linear == .found(level: .requestRate(.finite(20)), throughput: 1900))
  }

  /// kneed 0.8.6: `KneeLocator([1, 2, 4, 8], [100, 200, 400, 800], curve="concave",
  /// direction="increasing")` → None, and None on `np.log2` of the same x.
  @Test func linearScalingHasNoKnee() {
    let knee = SweepAnalyzer.analyze(
      F.concurrencySweep([1, 2, 4, 8], outputThroughput: [100, 200, 400, 800])
    ).knee
    #expect(knee.linear == .noKnee)
    #expect(knee.log2 == .noKnee)
  }

  @Test func fewerThanThreeLevelsAreTooFew() {
    let knee = SweepAnalyzer.analyze(
      F.concurrencySweep([1, 2], outputThroughput: [100, 190])
    ).knee
    #expect(knee.linear == .tooFewLevels(count: 2))
    #expect(knee.log2 == .tooFewLevels(count: 2))
    #expect(knee.measure == .outputTokens)
    #expect(knee.primaryAxis == .linear)
  }

  @Test func noThroughputMeansNoMeasure() {
    let knee = SweepAnalyzer.analyze(
      F.sweep([1, 2, 4].map { F.run(concurrency: $0, outputThroughput: nil) })
    ).knee
    #expect(knee.measure == nil)
    #expect(knee.linear == .tooFewLevels(count: 0))
    #expect(knee.log2 == .tooFewLevels(count: 0))
  }

  @Test func kneeUsesRequestThroughputWhenOutputIsMissing() {
    let runs = zip(F.h100Concurrency, F.h100OutputThroughput).map { concurrency, output in
      F.run(concurrency: concurrency, outputThroughput: output) { $0.outputThroughput = nil }
    }
    let knee = SweepAnalyzer.analyze(F.sweep(runs)).knee
    #expect(knee.measure == .requests)
    // Request throughput is output ÷ 100 here; kneed 0.8.6 on y ÷ 100 also answers 32 (linear)
    // and 5.0 (log₂).
    guard case .found(let level, let throughput) = knee.linear else {
      Issue.record("expected a knee, got \(knee.linear)")
      return
    }
    #expect(level == .concurrency(32))
    #expect(approximatelyEqual(throughput, 15.2343))
    #expect(knee.log2 == knee.linear)
  }

  // MARK: - The leading axis

  @Test(arguments: [
    ([1.0, 2, 4, 8, 16], ThroughputKnee.Axis.log2), ([10.0, 20, 30, 40], .linear),
    ([1.0, 10, 20, 30, 35], .linear), ([1.0, 2, 4, 8, 16, 32, 64, 128, 256], .log2),
    ([0.5, 1, 2, 4], .log2), ([1.0, 2], .linear), ([0.0, 1, 2], .linear),
  ])
  func evenlySpacedAxis(_ values: [Double], _ expected: ThroughputKnee.Axis) {
    #expect(ThroughputKnee.evenlySpacedAxis(for: values) == expected)
  }
}

@Suite struct ThroughputKneeHeadlineTests {
  /// Requests/s of a Locust user sweep 1…128 (samples/locust-user-sweep-gateway). kneed 0.8.6:
  /// `KneeLocator(np.log2(x), y, curve="concave", direction="increasing").knee` → 0.0 (= 1 user),
  /// `KneeLocator(x, y, curve="concave", direction="increasing").knee` → 64.
  static let users = [1, 2, 4, 8, 16, 32, 64, 128]
  static let requestsPerSecond = [
    2.8988044347417086, 5.774114872402341, 11.543081427733094, 23.06956700243992, 46.8164903431942,
    91.85327703714584, 147.1373503683196, 143.07487268358256,
  ]

  @Test func aKneeAtTheLowestLevelIsSetAsideWhenThroughputKeepsGrowing() {
    let sweep = SweepFixtures.concurrencySweep(Self.users, outputThroughput: Self.requestsPerSecond.map { $0 * 100 })
    let knee = SweepAnalyzer.analyze(sweep).knee
    // The raw kneed results are kept…
    #expect(knee.log2 == .found(level: .concurrency(1), throughput: Self.requestsPerSecond[0] * 100))
    #expect(knee.linear == .found(level: .concurrency(64), throughput: Self.requestsPerSecond[6] * 100))
    // …but the headline uses the linear knee, and says why.
    #expect(knee.primaryAxis == .log2)
    #expect(knee.headlineAxis == .linear)
    #expect(knee.headline == .found(level: .concurrency(64), throughput: Self.requestsPerSecond[6] * 100))
    #expect(knee.setAside.count == 1)
    #expect(knee.setAside.first?.axis == .log2)
    #expect(abs((knee.setAside.first?.growthAfter ?? 0) - 147.1373503683196 / 2.8988044347417086) < 1e-9)
  }

  @Test func theH100KneeIsKeptAsIs() {
    let sweep = SweepFixtures.concurrencySweep(SweepFixtures.h100Concurrency, outputThroughput: SweepFixtures.h100OutputThroughput)
    let knee = SweepAnalyzer.analyze(sweep).knee
    #expect(knee.headline == knee.log2)
    #expect(knee.setAside.isEmpty)
  }
}

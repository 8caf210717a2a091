import BenchModel
import Testing

@testable import BenchAnalysis

/// Stop criteria, the recommendation, efficiency and determinism of `SweepAnalyzer`. The knee
/// is covered in ThroughputKneeTests.
struct SweepAnalyzerTests {
  typealias F = SweepFixtures

  func analyze(_ runs: [Run], settings: AnalysisSettings = AnalysisSettings()) -> SweepAnalysis {
    SweepAnalyzer.analyze(F.sweep(runs), settings: settings)
  }

  // MARK: - No criterion triggered

  @Test func healthySweepIsStableUpToTheHighestLevel() {
    let stability = analyze(F.healthyRuns()).stability
    #expect(stability.maxStable == .concurrency(8))
    #expect(stability.firstUnstable == nil)
    #expect(stability.reasons.isEmpty)
    #expect(stability.limitNotReached)
    #expect(stability.uncheckedCriteria.isEmpty)
  }

  // MARK: - Each criterion in isolation

  @Test func successRateBelowMinimum() {
    let stability = analyze(
      F.healthyRuns { concurrency, run in
        if concurrency == 4 { (run.completed, run.failed) = (94, 6) }
      }
    ).stability
    #expect(stability.maxStable == .concurrency(2))
    #expect(stability.firstUnstable == .concurrency(4))
    #expect(stability.reasons == [.lowSuccessRate(rate: 0.94, minimum: 0.95)])
    #expect(!stability.limitNotReached)
  }

  @Test func successRateExactlyAtMinimumIsStable() {
    let stability = analyze(
      F.healthyRuns { concurrency, run in
        if concurrency == 4 { (run.completed, run.failed) = (95, 5) }
      }
    ).stability
    #expect(stability.maxStable == .concurrency(8))
  }

  @Test func ttftP99OverLimit() {
    let stability = analyze(
      F.healthyRuns { concurrency, run in
        if concurrency == 8 { run.latency[.ttft] = F.summary(mean: 400, [99: 1200]) }
      }
    ).stability
    #expect(stability.maxStable == .concurrency(4))
    #expect(stability.firstUnstable == .concurrency(8))
    #expect(
      stability.reasons == [
        .ttftOverLimit(statistic: .percentile(99), valueMilliseconds: 1200, limitMilliseconds: 1000)
      ])
  }

  @Test func ttftExactlyAtLimitIsStable() {
    let stability = analyze(
      F.healthyRuns { concurrency, run in
        if concurrency == 8 { run.latency[.ttft] = F.summary(mean: 400, [99: 1000]) }
      }
    ).stability
    #expect(stability.maxStable == .concurrency(8))
  }

  @Test func ttftMeanStatistic() {
    // p99 is over the limit everywhere from 4 on, the mean only at 8.
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 4 { run.latency[.ttft] = F.summary(mean: 600, [99: 1500]) }
      if concurrency == 8 { run.latency[.ttft] = F.summary(mean: 1100, [99: 2500]) }
    }
    var settings = AnalysisSettings()
    settings.ttftStatistic = .mean
    let stability = analyze(runs, settings: settings).stability
    #expect(stability.maxStable == .concurrency(4))
    #expect(
      stability.reasons == [
        .ttftOverLimit(statistic: .mean, valueMilliseconds: 1100, limitMilliseconds: 1000)
      ])
    // With the default p99 the same sweep stops at 4.
    #expect(analyze(runs).stability.maxStable == .concurrency(2))
  }

  /// The example of the report: at 128 throughput grew only 12 % → max stable 64, recommended
  /// 44–51 (70–80 % of 64, rounded down to whole requests).
  @Test func throughputGrowthBelowMinimum() throws {
    let concurrency = [1, 2, 4, 8, 16, 32, 64, 128]
    let throughput: [Double] = [100, 190, 360, 650, 1000, 1300, 1600, 1792]
    let analysis = SweepAnalyzer.analyze(
      F.concurrencySweep(concurrency, outputThroughput: throughput))
    #expect(analysis.stability.maxStable == .concurrency(64))
    #expect(analysis.stability.firstUnstable == .concurrency(128))
    #expect(analysis.stability.reasons.count == 1)
    guard
      case .insufficientGrowth(let growth, let minimum, let previous, let measure, let scaling) = analysis
        .stability.reasons.first
    else {
      Issue.record("expected insufficientGrowth, got \(analysis.stability.reasons)")
      return
    }
    #expect(approximatelyEqual(growth, 0.12, relative: 1e-9))  // 1792 / 1600 − 1
    #expect(minimum == 0.2)
    #expect(previous == .concurrency(64))
    #expect(measure == .outputTokens)
    // A doubling step: the marginal scaling equals the growth.
    #expect(approximatelyEqual(scaling ?? 0, 0.12, relative: 1e-9))
    #expect(analysis.recommendation?.range == .concurrency(low: 44, high: 51))
  }

  @Test func growthIsMeasuredOnRequestsWhenOutputThroughputIsMissing() {
    // No output tok/s at 8: growth falls back to req/s for the whole sweep.
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 8 {
        run.outputThroughput = nil
        run.requestThroughput = 4.2  // 4.0 at concurrency 4: +5 %
      }
    }
    let stability = analyze(runs).stability
    #expect(stability.maxStable == .concurrency(4))
    guard case .insufficientGrowth(_, _, _, let measure, _) = stability.reasons.first else {
      Issue.record("expected insufficientGrowth, got \(stability.reasons)")
      return
    }
    #expect(measure == .requests)
  }

  @Test func latencyObjectiveBreached() throws {
    let objective = try ServiceLevelObjective.parse("e2el_p99=10s")
    var settings = AnalysisSettings()
    settings.objectives = [objective]
    let runs = F.healthyRuns { concurrency, run in
      run.latency[.e2el] = F.summary(mean: 5000, [99: concurrency >= 4 ? 12_000 : 9000])
    }
    let stability = analyze(runs, settings: settings).stability
    #expect(stability.maxStable == .concurrency(2))
    #expect(stability.firstUnstable == .concurrency(4))
    #expect(stability.reasons == [.objectiveBreached(objective, value: 12_000)])
    #expect(stability.uncheckedCriteria.isEmpty)
  }

  @Test func errorRateObjectiveBreached() throws {
    // 98 % success passes the 95 % rule but breaks a 1 % error budget.
    let objective = try ServiceLevelObjective.parse("error_rate=1%")
    var settings = AnalysisSettings()
    settings.objectives = [objective]
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 2 { (run.completed, run.failed) = (98, 2) }
    }
    let stability = analyze(runs, settings: settings).stability
    #expect(stability.maxStable == .concurrency(1))
    #expect(stability.reasons.count == 1)
    guard case .objectiveBreached(let breached, let value) = stability.reasons.first else {
      Issue.record("expected objectiveBreached, got \(stability.reasons)")
      return
    }
    #expect(breached == objective)
    #expect(approximatelyEqual(value, 0.02, relative: 1e-9))
    // Without the objective the same sweep is stable throughout.
    #expect(analyze(runs).stability.limitNotReached)
  }

  // MARK: - The first breaking level decides

  @Test func firstBreakingLevelDecidesEvenIfHigherLevelsRecover() {
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 2 { (run.completed, run.failed) = (90, 10) }
      if concurrency == 8 { run.latency[.ttft] = F.summary(mean: 900, [99: 5000]) }
    }
    let stability = analyze(runs).stability
    #expect(stability.maxStable == .concurrency(1))
    #expect(stability.firstUnstable == .concurrency(2))
    #expect(stability.reasons == [.lowSuccessRate(rate: 0.9, minimum: 0.95)])
  }

  @Test func everyCriterionTheFirstUnstableLevelBreaksIsListedInOrder() throws {
    let objective = try ServiceLevelObjective.parse("ttft_p99=800ms")
    var settings = AnalysisSettings()
    settings.objectives = [objective]
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 4 {
        (run.completed, run.failed) = (50, 50)
        run.latency[.ttft] = F.summary(mean: 900, [99: 1500])
        run.outputThroughput = 210  // +5 % over 200
      }
    }
    let reasons = analyze(runs, settings: settings).stability.reasons
    #expect(reasons.count == 4)
    #expect(reasons.first == .lowSuccessRate(rate: 0.5, minimum: 0.95))
    #expect(
      reasons.dropFirst().first
        == .ttftOverLimit(
          statistic: .percentile(99), valueMilliseconds: 1500, limitMilliseconds: 1000))
    // The deciding kind's reasons first (unstable), then the others in rule order: targets, growth.
    #expect(reasons.dropFirst(2).first == .objectiveBreached(objective, value: 1500))
    guard case .insufficientGrowth = reasons.last else {
      Issue.record("last reason should be the growth rule: \(reasons)")
      return
    }
  }

  @Test func lowestLevelAlreadyUnstable() {
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 1 { (run.completed, run.failed) = (50, 50) }
    }
    let analysis = analyze(runs)
    #expect(analysis.stability.maxStable == nil)
    #expect(analysis.stability.firstUnstable == .concurrency(1))
    #expect(!analysis.stability.limitNotReached)
    #expect(analysis.recommendation == nil)
  }

  // MARK: - Unchecked criteria

  @Test func uncheckedCriteriaAreListedWhenDataAreMissing() throws {
    var settings = AnalysisSettings()
    settings.objectives = [try ServiceLevelObjective.parse("e2el_p99=10s")]
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 2 {
        run.failed = nil  // no attempted count
        run.latency[.ttft] = nil
        run.outputThroughput = nil
        run.requestThroughput = nil
      }
    }
    let stability = analyze(runs, settings: settings).stability
    #expect(
      stability.uncheckedCriteria == [
        "success rate (request counts missing at some levels)",
        "TTFT p99 (missing at some levels)",
        "throughput growth (throughput missing at some levels)",
        "SLO e2el_p99=10s (E2EL p99 missing at some levels)",
      ])
    // Nothing that could be checked failed.
    #expect(stability.maxStable == .concurrency(8))
    #expect(stability.limitNotReached)
  }

  @Test func uncheckedTTFTNamesTheConfiguredStatistic() {
    var settings = AnalysisSettings()
    settings.ttftStatistic = .percentile(95)
    // The fixtures report TTFT mean and p99 only.
    #expect(
      analyze(F.healthyRuns(), settings: settings).stability.uncheckedCriteria == [
        "TTFT p95 (missing at some levels)"
      ])
  }

  // MARK: - Recommendation

  func recommendation(
    maxStable: LoadLevel?, levels: [LevelMetrics] = [],
    settings: AnalysisSettings = AnalysisSettings()
  ) -> Recommendation? {
    let verdict = StabilityVerdict(
      maxStable: maxStable, firstUnstable: nil, reasons: [], uncheckedCriteria: [])
    return SweepAnalyzer.recommend(verdict, levels: levels, settings: settings)
  }

  /// 70–80 % of the max stable concurrency, rounded down to whole requests, never below 1:
  /// 64 → 44.8–51.2 → 44–51; 32 → 22.4–25.6 → 22–25; 1 → 0.7–0.8 → 1–1; 2 → 1.4–1.6 → 1–1;
  /// 10 → 7–8.
  @Test(arguments: [(64, 44, 51), (32, 22, 25), (1, 1, 1), (2, 1, 1), (10, 7, 8), (100, 70, 80)])
  func concurrencyRange(_ maxStable: Int, _ low: Int, _ high: Int) throws {
    let result = try #require(recommendation(maxStable: .concurrency(maxStable)))
    #expect(result.range == .concurrency(low: low, high: high))
    #expect(result.basis == Double(maxStable))
    #expect(result.headroomLow == 0.7)
    #expect(result.headroomHigh == 0.8)
    #expect(!result.basedOnMeasuredThroughput)
  }

  @Test func customHeadroom() throws {
    var settings = AnalysisSettings()
    try settings.apply("headroom", "0.5-0.6")
    // 64 × 0.5 = 32, 64 × 0.6 = 38.4 → 32–38.
    #expect(
      recommendation(maxStable: .concurrency(64), settings: settings)?.range
        == .concurrency(low: 32, high: 38))
    try settings.apply("headroom", "0.9-1")
    #expect(
      recommendation(maxStable: .concurrency(10), settings: settings)?.range
        == .concurrency(low: 9, high: 10))
  }

  @Test func noRecommendationWithoutMaxStable() {
    #expect(recommendation(maxStable: nil) == nil)
  }

  @Test func requestRateRange() throws {
    let result = try #require(recommendation(maxStable: .requestRate(.finite(16))))
    guard case .requestRate(let low, let high) = result.range else {
      Issue.record("expected a rate range, got \(result.range)")
      return
    }
    #expect(approximatelyEqual(low, 11.2))
    #expect(approximatelyEqual(high, 12.8))
    #expect(result.basis == 16)
    #expect(!result.basedOnMeasuredThroughput)
  }

  @Test func requestRateSweepEndToEnd() throws {
    // 32 req/s offered, only 16.8 achieved (+5 % over 16): max stable 16 → 11.2–12.8 req/s.
    let runs = [(4.0, 4.0), (8, 8), (16, 16), (32, 16.8)].map { rate, achieved in
      F.run(rate: .finite(rate), requestThroughput: achieved)
    }
    let analysis = SweepAnalyzer.analyze(F.sweep(runs, variable: .requestRate))
    #expect(analysis.stability.maxStable == .requestRate(.finite(16)))
    let range = try #require(analysis.recommendation?.range)
    guard case .requestRate(let low, let high) = range else {
      Issue.record("expected a rate range, got \(range)")
      return
    }
    #expect(approximatelyEqual(low, 11.2))
    #expect(approximatelyEqual(high, 12.8))
  }

  @Test func infiniteMaxStableRateUsesMeasuredThroughput() throws {
    // Every request sent at once and still stable: the basis is the 20 req/s measured there.
    let runs = [
      F.run(rate: .finite(5), requestThroughput: 5),
      F.run(rate: .finite(10), requestThroughput: 10),
      F.run(rate: .infinite, requestThroughput: 20),
    ]
    let analysis = SweepAnalyzer.analyze(F.sweep(runs, variable: .requestRate))
    #expect(analysis.stability.maxStable == .requestRate(.infinite))
    let result = try #require(analysis.recommendation)
    #expect(result.basis == 20)
    #expect(result.basedOnMeasuredThroughput)
    #expect(result.range == .requestRate(low: 20 * 0.7, high: 20 * 0.8))
  }

  @Test func infiniteMaxStableRateWithoutThroughputGivesNoRecommendation() {
    var level = LevelMetrics(level: .requestRate(.infinite))
    level.requestThroughput = nil
    #expect(recommendation(maxStable: .requestRate(.infinite), levels: [level]) == nil)
  }

  // MARK: - Efficiency

  /// Hand-computed: concurrency 2, 4, 8 with 1.0, 1.8, 3.0 req/s and 100, 170, 260 output tok/s.
  /// Efficiency = req/s ÷ c = 0.5, 0.45, 0.375; output tok/s per request in flight = 50, 42.5,
  /// 32.5; scaling efficiency (output tok/s, base c_min = 2 with 100 tok/s = 50 per request) =
  /// 100 / (2 × 50) = 1, 170 / (4 × 50) = 0.85, 260 / (8 × 50) = 0.65.
  @Test func efficiencyAndScalingEfficiency() {
    let runs = [(2, 1.0, 100.0), (4, 1.8, 170.0), (8, 3.0, 260.0)].map { concurrency, qps, output in
      F.run(concurrency: concurrency, outputThroughput: output) { $0.requestThroughput = qps }
    }
    let levels = analyze(runs).levels
    #expect(levels.map(\.efficiency) == [0.5, 0.45, 0.375])
    #expect(levels.map(\.outputThroughputPerConcurrency) == [50, 42.5, 32.5])
    let scaling = levels.map(\.scalingEfficiency)
    #expect(zip(scaling, [1, 0.85, 0.65]).allSatisfy { approximatelyEqual($0, $1) })
  }

  @Test func scalingEfficiencyFallsBackToRequestThroughput() {
    // Without output tok/s: 1.8 / (4 × 1.0 / 2) = 0.9, 3.0 / (8 × 0.5) = 0.75.
    let runs = [(2, 1.0), (4, 1.8), (8, 3.0)].map { concurrency, qps in
      F.run(concurrency: concurrency, outputThroughput: nil) { $0.requestThroughput = qps }
    }
    let scaling = analyze(runs).levels.map(\.scalingEfficiency)
    #expect(zip(scaling, [1, 0.9, 0.75]).allSatisfy { approximatelyEqual($0, $1) })
  }

  @Test func rateSweepEfficiencyIsAchievedOverOffered() {
    let runs = [
      F.run(rate: .finite(4), requestThroughput: 4),
      F.run(rate: .finite(8), requestThroughput: 6),
      F.run(rate: .infinite, requestThroughput: 7),
    ]
    let levels = SweepAnalyzer.analyze(F.sweep(runs, variable: .requestRate)).levels
    #expect(levels.map(\.efficiency) == [1, 0.75, nil])
    #expect(levels.map(\.outputThroughputPerConcurrency) == [nil, nil, nil])
    // 6 / (8 × 4 / 4) = 0.75; the ∞ level has no load value to scale by.
    #expect(levels.map(\.scalingEfficiency) == [1, 0.75, nil])
  }

  // MARK: - Determinism

  static func mixedRuns() -> [Run] {
    var runs = zip(F.h100Concurrency, F.h100OutputThroughput).map { concurrency, output in
      F.run(concurrency: concurrency, outputThroughput: output) {
        $0.latency[.e2el] = F.summary(mean: 1000 + Double(concurrency), [99: 2000])
        $0.latency[.tpot] = F.summary(mean: 10 + Double(concurrency) / 10)
      }
    }
    // Three repetitions at 16 with different numbers, so averaging order could matter.
    for (index, output) in [1101.1, 1203.7, 1260.3].enumerated() {
      runs.append(
        F.run(concurrency: 16, outputThroughput: output, file: "c16-run\(index).json") {
          $0.latency[.e2el] = F.summary(
            mean: 1000.1 + Double(index) / 3, [99: 2000.7 / Double(index + 1)])
          $0.latency[.tpot] = F.summary(mean: 11.3 + Double(index) / 7)
        })
    }
    return runs
  }

  @Test func analysingTwiceGivesEqualResults() {
    let sweep = F.sweep(Self.mixedRuns())
    #expect(SweepAnalyzer.analyze(sweep) == SweepAnalyzer.analyze(sweep))
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func runOrderDoesNotChangeTheResult(seed: UInt64) {
    let sweep = F.sweep(Self.mixedRuns())
    var generator = SplitMix64(seed: seed)
    // Shuffle the levels and the runs inside every level.
    let shuffled = Sweep(
      identity: sweep.identity, variable: sweep.variable,
      levels: sweep.levels.map {
        SweepLevel(level: $0.level, runs: $0.runs.shuffled(using: &generator))
      }
      .shuffled(using: &generator))
    #expect(shuffled != sweep)
    let expected = SweepAnalyzer.analyze(sweep)
    let actual = SweepAnalyzer.analyze(shuffled)
    #expect(actual.sweep == expected.sweep)
    #expect(actual.levels == expected.levels)
    #expect(actual.knee == expected.knee)
    #expect(actual.stability == expected.stability)
    #expect(actual.recommendation == expected.recommendation)
  }
}

/// A small seeded generator so shuffles are reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

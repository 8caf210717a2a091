import BenchModel
import Testing

@testable import BenchAnalysis

/// Target summaries over every level: expected outcomes are read off the fixture numbers by hand.
struct TargetSummaryTests {
  typealias F = SweepFixtures

  func summaries(_ runs: [Run], settings: AnalysisSettings = AnalysisSettings()) -> [TargetSummary] {
    let analysis = SweepAnalyzer.analyze(F.sweep(runs), settings: settings)
    return TargetSummary.summaries(analysis.levels, settings: analysis.settings)
  }

  @Test func healthySweepMeetsTheDefaultTargets() throws {
    // TTFT p99 100 ms everywhere except 180 ms at 4: the worst value and where it was measured.
    let result = summaries(
      F.healthyRuns { concurrency, run in
        if concurrency == 4 { run.latency[.ttft] = F.summary(mean: 90, median: 90, [99: 180]) }
      })
    #expect(result.map(\.target) == [.successRate(minimum: 0.95), .ttft(.percentile(99), limitMilliseconds: 1000)])
    #expect(result[0].outcome == .met(worst: 1, level: .concurrency(1), checkedLevels: 4))
    #expect(result[1].outcome == .met(worst: 180, level: .concurrency(4), checkedLevels: 4))
    #expect(result.allSatisfy { $0.isMet })
  }

  @Test func failureNamesTheFirstBreakingLevelAndTheLastGoodOne() {
    // Success 100, 100, 90, 96 %: missed first at 4 (90 % < 95 %), met up to 2; only 4 fails.
    let result = summaries(
      F.healthyRuns { concurrency, run in
        if concurrency == 4 { (run.completed, run.failed) = (90, 10) }
        if concurrency == 8 { (run.completed, run.failed) = (96, 4) }
      })
    #expect(
      result[0].outcome
        == .failed(firstFailing: .concurrency(4), value: 0.9, lastMet: .concurrency(2), failingLevels: 1))
    #expect(!result[0].isMet)
  }

  @Test func failingAtTheLowestLevelHasNoLastGoodLevel() {
    let result = summaries(
      F.healthyRuns { _, run in run.latency[.ttft] = F.summary(mean: 900, median: 900, [99: 1500]) })
    #expect(result[1].outcome == .failed(firstFailing: .concurrency(1), value: 1500, lastMet: nil, failingLevels: 4))
  }

  @Test func valueAtTheLimitMeetsIt() {
    // The stop criteria break on > limit (< minimum); a target check agrees.
    let result = summaries(
      F.healthyRuns { _, run in run.latency[.ttft] = F.summary(mean: 500, median: 500, [99: 1000]) })
    #expect(result[1].isMet)
  }

  @Test func missingValuesAreUncheckedOrSkipped() {
    // No TTFT anywhere: unchecked. Request counts at two levels only: checked on those two.
    let result = summaries(
      F.healthyRuns { concurrency, run in
        run.latency = [:]
        if concurrency > 2 { (run.completed, run.failed) = (nil, nil) }
      })
    #expect(result[1].outcome == .unchecked)
    #expect(result[0].outcome == .met(worst: 1, level: .concurrency(1), checkedLevels: 2))
  }

  @Test func objectivesAreTargetsToo() throws {
    var settings = AnalysisSettings()
    try settings.apply("slo", "ttft_p99=150ms,error_rate=5%")
    // TTFT p99 100 ms, then 200 ms at 8; 3 % failed at 4 (≤ 5 %), 8 % at 8 (> 5 %).
    let result = summaries(
      F.healthyRuns { concurrency, run in
        if concurrency == 4 { (run.completed, run.failed) = (97, 3) }
        if concurrency == 8 {
          (run.completed, run.failed) = (92, 8)
          run.latency[.ttft] = F.summary(mean: 100, median: 100, [99: 200])
        }
      }, settings: settings)
    #expect(result.count == 4)
    guard case .objective(let latency) = result[2].target, case .objective(let errors) = result[3].target else {
      Issue.record("expected two objectives, got \(result.map(\.target))")
      return
    }
    #expect(latency.text == "ttft_p99=150ms")
    #expect(errors.text == "error_rate=5%")
    #expect(
      result[2].outcome
        == .failed(firstFailing: .concurrency(8), value: 200, lastMet: .concurrency(4), failingLevels: 1))
    guard case .failed(let level, let value, let lastMet, _) = result[3].outcome else {
      Issue.record("error rate should fail at 8, got \(result[3].outcome)")
      return
    }
    #expect(level == .concurrency(8))
    #expect(abs(value - 0.08) < 1e-12)
    #expect(lastMet == .concurrency(4))
  }

  /// A target that fails never fails below the first unstable level: the stability walk checks
  /// the same limits level by level.
  @Test(arguments: [1, 2, 4, 8])
  func noTargetFailsBelowTheFirstUnstableLevel(_ breaking: Int) {
    let runs = F.healthyRuns { concurrency, run in
      if concurrency >= breaking { (run.completed, run.failed) = (80, 20) }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep(runs))
    let firstUnstable = analysis.stability.firstUnstable
    for check in TargetSummary.summaries(analysis.levels, settings: analysis.settings) {
      if case .failed(let level, _, _, _) = check.outcome, let firstUnstable {
        #expect(level >= firstUnstable)
      }
    }
    #expect(firstUnstable == .concurrency(breaking))
  }

  @Test func throughputGoalIsReachedAtSomeLevel() throws {
    // Request throughput is output ÷ 100: 1, 2, 4, 8 req/s. A 3 req/s goal is first reached at 4;
    // a 10 req/s goal is never reached, 8 req/s at 8 comes closest.
    var settings = AnalysisSettings()
    try settings.apply("slo", "qps_min=3,qps_min=10")
    let result = summaries(F.healthyRuns(), settings: settings)
    #expect(result[2].outcome == .reached(level: .concurrency(4), value: 4))
    #expect(result[2].isMet && !result[2].isMissed)
    #expect(result[3].outcome == .notReached(best: 8, level: .concurrency(8)))
    #expect(result[3].isMissed)
  }

  @Test func summariesAgreeWithTheLevelByLevelChecks() throws {
    var settings = AnalysisSettings()
    try settings.apply("slo", "ttft_p99=150ms")
    let runs = F.healthyRuns { concurrency, run in
      if concurrency == 8 { run.latency[.ttft] = F.summary(mean: 100, median: 100, [99: 200]) }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep(runs), settings: settings)
    let misses = analysis.targetChecks.filter { $0.met == false }.map(\.level)
    #expect(misses == [.concurrency(8)])
    let summary = TargetSummary.summaries(analysis.levels, settings: settings)[2]
    #expect(
      summary.outcome == .failed(firstFailing: .concurrency(8), value: 200, lastMet: .concurrency(4), failingLevels: 1))
  }
}

import BenchAnalysis
import BenchModel
import Testing

@testable import BenchReport

/// The decision sentences of the report in English, built from templates/strings/en.json.
struct SweepNarratorTests {
  typealias F = ReportFixtures

  func narrator(_ sweep: Sweep, settings: AnalysisSettings = AnalysisSettings()) throws
    -> SweepNarrator
  {
    SweepNarrator(
      analysis: SweepAnalyzer.analyze(sweep, settings: settings), strings: try F.strings(.en))
  }

  func concurrencySweep(_ throughput: [Double], edit: (Int, inout Run) -> Void = { _, _ in })
    -> Sweep
  {
    let levels = Array([1, 2, 4, 8, 16, 32, 64, 128].prefix(throughput.count))
    return F.sweep(
      zip(levels, throughput).map { concurrency, output in
        F.run(concurrency: concurrency, outputThroughput: output) { edit(concurrency, &$0) }
      })
  }

  /// The example the report is built around.
  @Test func growthStopsAt128() throws {
    let sweep = concurrencySweep([100, 190, 360, 650, 1000, 1300, 1600, 1792])
    #expect(
      try narrator(sweep).decisionSentence
        == "Max stable: 64 — at 128 throughput grew only +12% (< 20%); "
        + "recommended production concurrency 44–51 (70%–80% of 64)")
  }

  @Test func lowestLevelAlreadyUnstable() throws {
    let sweep = concurrencySweep([100, 200, 400]) { concurrency, run in
      if concurrency == 1 { (run.completed, run.numPrompts) = (50, 100) }
    }
    #expect(
      try narrator(sweep).decisionSentence
        == "Max stable concurrency: none — already the lowest level 1 is unstable: "
        + "at 1 the success rate fell to 50% (< 95%); no recommendation without a stable level")
  }

  @Test func limitNotReached() throws {
    let sweep = concurrencySweep([100, 200, 400, 800])
    #expect(
      try narrator(sweep).decisionSentence
        == "Max stable concurrency: 8, the highest level tested — no stop criterion was triggered, "
        + "so the real limit may be higher; recommended production concurrency 5–6 (70%–80% of 8)")
  }

  @Test func ttftMeanReason() throws {
    var settings = AnalysisSettings()
    settings.ttftStatistic = .mean
    let sweep = concurrencySweep([100, 200, 400, 800]) { concurrency, run in
      if concurrency == 8 { run.latency[.ttft] = F.summary(mean: 1100, median: 1000, [99: 3000]) }
    }
    #expect(
      try narrator(sweep, settings: settings).maxStableSentence
        == "Max stable: 4 — at 8 TTFT mean reached 1,100 ms (> 1,000 ms)")
  }

  @Test func errorRateObjectiveReason() throws {
    var settings = AnalysisSettings()
    try settings.apply("slo", "error_rate=1%")
    let sweep = concurrencySweep([100, 200, 400, 800]) { concurrency, run in
      if concurrency == 2 { (run.completed, run.numPrompts) = (98, 100) }
    }
    #expect(
      try narrator(sweep, settings: settings).decisionSentence
        == "Max stable: 1 — at 2 the SLO error_rate=1% was breached (measured 2%); "
        + "recommended production concurrency 1 (70%–80% of 1)")
  }

  @Test func unboundedRateUsesMeasuredThroughput() throws {
    let runs = [(RequestRate.finite(5), 5.0), (.finite(10), 10), (.infinite, 20)].map { rate, qps in
      F.run(concurrency: 64, outputThroughput: qps * 170) { $0.requestRate = rate }
    }
    #expect(
      try narrator(F.sweep(runs, variable: .requestRate)).decisionSentence
        == "Max stable request rate: ∞, the highest level tested — no stop criterion was triggered, "
        + "so the real limit may be higher; recommended production request rate 14–16 req/s "
        + "(70%–80% of the 20 req/s measured at an unbounded rate)")
  }

  @Test func kneeSentences() throws {
    #expect(
      try narrator(concurrencySweep([100, 190])).kneeSentence
        == "Throughput knee: not determined — Kneedle needs at least 3 levels with throughput, "
        + "this sweep has 2.")
    #expect(
      try narrator(concurrencySweep([100, 200, 400, 800])).kneeSentence
        == "Throughput knee: none inside the tested range — throughput is still rising at the "
        + "highest level; test 16 next.")
    // kneed 0.8.6 finds 32 on both axes for the H100 sweep (reference/kneedle.md §7).
    #expect(
      try narrator(F.h100Sweep()).kneeSentence
        == "Throughput knee (Kneedle on output tok/s, log₂ axis): 32 (1,523.4); "
        + "on a linear axis: 32 (1,523.4).")
  }
}

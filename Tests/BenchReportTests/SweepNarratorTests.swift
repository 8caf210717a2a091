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
        F.run(concurrency: concurrency, outputThroughput: output) { run in
          // 1,000 prompts: every concurrency was really in flight.
          (run.numPrompts, run.completed) = (1000, 1000)
          edit(concurrency, &run)
        }
      })
  }

  /// The example the report is built around.
  @Test func growthStopsAt128() throws {
    let sweep = concurrencySweep([100, 190, 360, 650, 1000, 1300, 1600, 1792])
    #expect(
      try narrator(sweep).decisionSentence
        == "Max stable: 64 — at 128 throughput grew only +12% for a 2× load step from 64 "
        + "(marginal scaling 12% < 20%): saturated; recommended production concurrency 44–51 (70%–80% of 64)")
  }

  @Test func lowestLevelAlreadyUnstable() throws {
    let sweep = concurrencySweep([100, 200, 400]) { concurrency, run in
      if concurrency == 1 { (run.completed, run.numPrompts) = (500, 1000) }
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
        + "so the real limit may be higher; recommended production concurrency 5–6 (70%–80% of 8) (a lower bound)")
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
      if concurrency == 2 { (run.completed, run.numPrompts) = (980, 1000) }
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
        + "(70%–80% of the 20 req/s measured at an unbounded rate) (a lower bound)")
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
        + "on a linear axis: 32 (1,523.4). This knee is where the client stopped raising the load "
        + "(the client's --request-rate 10 req/s, from 32 on), not a limit of the server.")
  }

  /// A growth below the minimum is saturation, never "unstable"; a step of +20 % load asks for
  /// +4 % throughput, not +20 %.
  @Test func growthIsJudgedPerLoadStep() throws {
    let sweep = F.sweep(
      [(10, 1000.0), (12, 1200), (14, 1400), (16, 1430)].map { concurrency, output in
        F.run(concurrency: concurrency, outputThroughput: output) { run in (run.numPrompts, run.completed) = (1000, 1000) }
      })
    let sentence = try narrator(sweep).maxStableSentence
    #expect(sentence.hasPrefix("Max stable: 14 — at 16 throughput grew only +2.1% for a 1.1× load step from 14"))
    #expect(sentence.hasSuffix(": saturated"))
    #expect(!sentence.contains("unstable"))
  }

  /// "only" is never used for a change of 2× or more, and a TTFT that grew 2× or more is never
  /// called "not queueing".
  @Test func ttftGrowthIsNeverCalledSmall() throws {
    let sweep = concurrencySweep([100, 200, 400, 800]) { concurrency, run in
      let ttft = [1: 85.0, 2: 200, 4: 400, 8: 825][concurrency]!
      let e2e = [1: 1000.0, 2: 3000, 4: 6000, 8: 9000][concurrency]!
      run.latency[.ttft] = F.summary(mean: ttft, median: ttft, [99: ttft * 1.1])
      run.latency[.e2el] = F.summary(mean: e2e, median: e2e, [99: e2e * 1.1])
    }
    let conclusions = try narrator(sweep).conclusions.joined(separator: "\n")
    #expect(conclusions.contains("Median TTFT grew from 85.0 ms to 825.0 ms (9.7×), 9% of the latency growth; the rest comes from slower decoding"))
    #expect(!conclusions.contains("only from"))
    #expect(!conclusions.contains("not from queueing"))
  }
}

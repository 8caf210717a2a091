import BenchModel
import Testing

@testable import BenchAnalysis

struct LevelAggregatorTests {
  typealias F = SweepFixtures

  func metrics(_ runs: Run...) -> LevelMetrics {
    LevelAggregator.metrics(of: SweepLevel(level: runs[0].level(on: .concurrency)!, runs: runs))
  }

  // MARK: - Counts and success rate

  @Test func successRateFromCompletedAndFailed() {
    let level = metrics(F.run(concurrency: 4, outputThroughput: 400, completed: 95, failed: 5))
    #expect(level.requests == 100)
    #expect(level.completed == 95)
    #expect(level.failed == 5)
    #expect(level.successRate == 0.95)
  }

  @Test func successRateFromNumPrompts() {
    let level = metrics(
      F.run(concurrency: 4, outputThroughput: 400, completed: 90, failed: nil) {
        $0.numPrompts = 100
      })
    #expect(level.requests == 100)
    #expect(level.failed == 10)
    #expect(level.successRate == 0.9)
  }

  @Test func successRateFromSamples() {
    var samples = RequestSamples(
      outputLengths: [10, 10, 0, 10], timeToFirstToken: [0.1, 0.2, 0, 0.3],
      gapOffsets: [0, 0, 0, 0, 0], succeeded: [true, true, false, true])
    samples.endToEndLatency = [1, 2, 0, 3]
    let level = metrics(
      F.run(concurrency: 4, outputThroughput: 400, completed: nil, failed: nil) {
        $0.samples = samples
      })
    #expect(level.requests == 4)
    #expect(level.completed == 3)
    #expect(level.failed == 1)
    #expect(level.successRate == 0.75)
  }

  @Test func completedCountWithSampleArraysOfAllRequests() {
    // `completed` is known but neither `failed` nor `num_prompts`: the arrays have one entry
    // per attempted request.
    let samples = RequestSamples(
      outputLengths: [10, 10, 10, 10, 0], timeToFirstToken: [0.1, 0.1, 0.1, 0.1, 0],
      gapOffsets: [0, 0, 0, 0, 0, 0], succeeded: [true, true, true, true, false])
    let level = metrics(
      F.run(concurrency: 4, outputThroughput: 400, completed: 4, failed: nil) {
        $0.samples = samples
      })
    #expect(level.requests == 5)
    #expect(level.successRate == 0.8)
  }

  @Test func unknownAttemptCountLeavesSuccessRateUnknown() {
    let level = metrics(F.run(concurrency: 4, outputThroughput: 400, completed: 100, failed: nil))
    #expect(level.successRate == nil)
    #expect(level.failed == nil)
    #expect(level.completed == 100)
    #expect(level.requests == nil)
  }

  // MARK: - Repetitions

  @Test func repetitionsAreSummedAndAveraged() {
    let first = F.run(
      concurrency: 8, outputThroughput: 1000, completed: 98, failed: 2, file: "run=1.json"
    ) {
      $0.duration = 10
      $0.totalTokenThroughput = 5000
      $0.latency[.e2el] = F.summary(mean: 2000, median: 1900, [99: 3000, 90: 2500])
      $0.latency[.tpot] = F.summary(mean: 20)
    }
    let second = F.run(
      concurrency: 8, outputThroughput: 1200, completed: 100, failed: 0, file: "run=2.json"
    ) {
      $0.duration = 12
      $0.totalTokenThroughput = 6000
      $0.latency[.e2el] = F.summary(mean: 2200, median: 2100, [99: 3400])
      $0.latency[.tpot] = F.summary(mean: 30)
    }
    let level = metrics(first, second)
    #expect(level.runCount == 2)
    #expect(level.requests == 200)
    #expect(level.completed == 198)
    #expect(level.failed == 2)
    #expect(level.successRate == 0.99)
    #expect(level.duration == 11)
    #expect(level.outputThroughput == 1100)
    #expect(level.requestThroughput == 11)
    #expect(level.totalTokenThroughput == 5500)
    #expect(level.latency[.e2el]?.mean == 2100)
    #expect(level.latency[.e2el]?.median == 2000)
    #expect(level.latency[.e2el]?.percentiles == [99: 3200])  // p90 only in one run: dropped
    #expect(level.latency[.tpot]?.mean == 25)
    #expect(level.latency[.ttft]?.percentile(99) == 100)
    #expect(level.sources.map(\.path) == ["run=1.json", "run=2.json"])
    #expect(level.notes.contains { $0.hasPrefix("2 runs at this level") })
  }

  @Test func aValueMissingInOneRepetitionIsUnknown() {
    let level = metrics(
      F.run(concurrency: 8, outputThroughput: 1000, file: "run=1.json"),
      F.run(concurrency: 8, outputThroughput: nil, file: "run=2.json"))
    #expect(level.outputThroughput == nil)
    #expect(level.requestThroughput == nil)
  }

  // MARK: - Decode speed and Little's law

  @Test func perStreamSpeedIsThousandOverMeanTPOT() {
    let level = metrics(
      F.run(concurrency: 4, outputThroughput: 400) { $0.latency[.tpot] = F.summary(mean: 25) })
    #expect(level.perStreamDecodeSpeed == 40)
  }

  @Test func noPerStreamSpeedWithoutPositiveTPOT() {
    #expect(metrics(F.run(concurrency: 4, outputThroughput: 400)).perStreamDecodeSpeed == nil)
    let zero = metrics(
      F.run(concurrency: 4, outputThroughput: 400) { $0.latency[.tpot] = F.summary(mean: 0) })
    #expect(zero.perStreamDecodeSpeed == nil)
  }

  @Test func littlesLawFromThroughputAndMeanE2E() {
    // 4 req/s × 2.5 s in the system = 10 requests in flight.
    let level = metrics(
      F.run(concurrency: 16, outputThroughput: 400) {
        $0.latency[.e2el] = F.summary(mean: 2500)
      })
    #expect(level.requestThroughput == 4)
    #expect(level.effectiveConcurrency == 10)
    #expect(level.effectiveConcurrencySource == .littlesLaw)
  }

  @Test func littlesLawApproximationWithoutE2E() {
    // 2 req/s; 10 requests with 1010 output tokens: mean output 101 tokens, so a request lasts
    // TTFT + TPOT × 100 = 200 ms + 20 ms × 100 = 2.2 s → 2 × 2.2 = 4.4 in flight.
    let level = metrics(
      F.run(concurrency: 8, outputThroughput: nil, ttftP99: nil, completed: 10, failed: 0) {
        $0.requestThroughput = 2
        $0.totalOutputTokens = 1010
        $0.latency[.ttft] = F.summary(mean: 200)
        $0.latency[.tpot] = F.summary(mean: 20)
      })
    #expect(approximatelyEqual(level.effectiveConcurrency, 4.4))
    #expect(level.effectiveConcurrencySource == .littlesLawApproximation)
  }

  @Test func reportedConcurrencyWins() {
    let level = metrics(
      F.run(concurrency: 16, outputThroughput: 400) {
        $0.measuredConcurrency = 12.5
        $0.latency[.e2el] = F.summary(mean: 2500)
      })
    #expect(level.effectiveConcurrency == 12.5)
    #expect(level.effectiveConcurrencySource == .reported)
  }

  @Test func noEffectiveConcurrencyWithoutLatency() {
    let level = metrics(F.run(concurrency: 16, outputThroughput: 400, ttftP99: nil))
    #expect(level.effectiveConcurrency == nil)
    #expect(level.effectiveConcurrencySource == nil)
  }

  // MARK: - Samples

  @Test func samplesReplaceReportedSummariesAndErrorsAreCounted() {
    // Three requests, the second failed; seconds in, milliseconds out.
    let first = RequestSamples(
      outputLengths: [3, 0, 3], timeToFirstToken: [0.1, 0, 0.3],
      interTokenGaps: [0.01, 0.03, 0.02, 0.02], gapOffsets: [0, 2, 2, 4],
      succeeded: [true, false, true],
      errorCounts: [ErrorCount(message: "timeout", count: 1)])
    let second = RequestSamples(
      outputLengths: [3], timeToFirstToken: [0.2], interTokenGaps: [0.01, 0.01],
      gapOffsets: [0, 2], succeeded: [false],
      errorCounts: [ErrorCount(message: "reset", count: 1)])
    let level = metrics(
      F.run(concurrency: 2, outputThroughput: 10, completed: 2, failed: 1, file: "a.json") {
        $0.samples = first
      },
      F.run(concurrency: 2, outputThroughput: 10, completed: 0, failed: 1, file: "b.json") {
        $0.samples = second
      })
    let ttft = level.latency[.ttft]
    #expect(ttft?.origin == .recomputed)
    // Successful requests only: TTFT 100 ms and 300 ms.
    #expect(approximatelyEqual(ttft?.mean, 200))
    // The reported p99 (100 ms in the fixture) is recomputed from the samples.
    #expect(approximatelyEqual(ttft?.percentile(99), 298))
    // E2E = TTFT + Σ gaps: 140 ms and 340 ms.
    #expect(approximatelyEqual(level.latency[.e2el]?.mean, 240))
    #expect(
      level.topErrors == [
        ErrorCount(message: "reset", count: 1), ErrorCount(message: "timeout", count: 1),
      ]
    )
  }
}

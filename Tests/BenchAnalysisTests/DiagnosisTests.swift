import BenchModel
import Testing

@testable import BenchAnalysis

/// Ratings, failure causes, SLO tiers and the diagnostic findings. Band edges are the seed
/// report's (性能评估标准): TTFT < 100 / < 200 / > 500 ms, TPOT < 50 / < 100 / > 200 ms,
/// req/s > 20 / > 10 / < 5, success > 99 / > 95 / < 90 %.
struct DiagnosisTests {
  typealias F = SweepFixtures

  @Test(arguments: [
    (99.9, Rating.excellent), (100, .good), (199, .good), (200, .fair), (500, .fair), (500.1, .needsWork),
  ])
  func ttftBands(_ value: Double, _ expected: Rating) {
    #expect(RatingSettings().ttft.rate(value) == expected)
  }

  @Test(arguments: [(25.0, Rating.excellent), (20, .good), (10.5, .good), (10, .fair), (5, .fair), (4.9, .needsWork)])
  func throughputBands(_ value: Double, _ expected: Rating) {
    #expect(RatingSettings().requestThroughput.rate(value) == expected)
  }

  @Test func successBandsAndMissingMetrics() {
    var level = LevelMetrics(level: .concurrency(8))
    level.successRate = 0.97
    level.latency[.ttft] = F.summary(mean: 90, median: 80)
    let ratings = LevelRatings.rate(level, settings: RatingSettings())
    #expect(ratings.successRate == .good)
    #expect(ratings.ttft == .excellent)  // the median, 80 ms
    #expect(ratings.tpot == nil)
    #expect(ratings.requestThroughput == nil)
  }

  @Test func bandsFromTheConfiguration() throws {
    var settings = AnalysisSettings()
    try settings.apply("ratings.ttft", "300ms, 1s, 3s")
    try settings.apply("ratings.statistic", "p90")
    try settings.apply("ratings.success_rate", "99.9%, 99%, 95%")
    #expect(settings.ratings.ttft.edges == [300, 1000, 3000])
    #expect(settings.ratings.statistic == .percentile(90))
    #expect(zip(settings.ratings.successRate.edges, [0.999, 0.99, 0.95]).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(throws: SettingsError.self) { try settings.apply("ratings.tpot", "200ms, 100ms, 50ms") }
    #expect(throws: SettingsError.self) { try settings.apply("ratings.speed", "1, 2, 3") }
  }

  /// Error texts as the tools write them: Locust's failures CSV (HTTPError, CatchResponseError,
  /// ConnectionRefusedError), vLLM's `errors[]` (aiohttp tracebacks), SGLang's.
  @Test(arguments: [
    ("HTTPError('503 Server Error: Service Unavailable for url: llama3')", FailureCause.loadShedding),
    ("HTTPError('429 Client Error: Too Many Requests for url: /v1/completions')", .loadShedding),
    ("ConnectionRefusedError(111, 'Connection refused')", .serverUnreachable),
    ("Cannot connect to host 127.0.0.1:8000 ssl:default [Connect call failed ('127.0.0.1', 8000)]", .serverUnreachable),
    ("ReadTimeout(ReadTimeoutError(\"HTTPConnectionPool(host='127.0.0.1', port=8000): Read timed out. (read timeout=5)\"))", .timeouts),
    ("CatchResponseError('answer does not mention the model')", .clientErrors),
    ("HTTPError('404 Client Error: Not Found for url: /v1/chat/completion')", .clientErrors),
    ("Traceback (most recent call last):\n  ...\naiohttp.client_exceptions.ServerDisconnectedError: Server disconnected", .serverErrors),
    ("HTTPError('500 Server Error: Internal Server Error for url: /v1/completions')", .serverErrors),
    ("something odd", .other),
    ("CatchResponseError('Stress request failed with status 0')", .serverErrors),
    ("CatchResponseError('unexpected status code: 503')", .loadShedding),
    ("CatchResponseError('status_code=422 validation failed')", .clientErrors),
  ])
  func failureCauses(_ message: String, _ expected: FailureCause) {
    #expect(FailureCause.classify(message) == expected)
  }

  /// Failures of the load script are not the server's: a level whose only failures are
  /// CatchResponseErrors is judged on the requests the server answered.
  @Test func clientErrorsAreNotCountedAgainstTheServer() throws {
    let runs = [1, 2, 4].map { concurrency in
      F.run(concurrency: concurrency, outputThroughput: Double(concurrency) * 100, completed: 800, failed: concurrency == 4 ? 200 : 0) { run in
        if concurrency == 4 {
          run.failureRecords = [FailureRecord(method: "POST", name: "chat", error: "CatchResponseError('no answer field')", occurrences: 200)]
        }
      }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep(runs))
    #expect(analysis.stability.verdict(at: .concurrency(4))?.kind == .ok)
    let finding = try #require(analysis.findings.first { $0.code == .clientErrors })
    #expect(finding.number("count") == 200)
    #expect(analysis.failureCauses.map(\.cause) == [.clientErrors])
  }

  /// TTFT 120 → 400 ms (3.3×) from 8 to 16 with TPOT 20 → 22 ms: requests wait for a batch slot.
  @Test func queueingWhenTTFTClimbsAndTPOTStaysFlat() throws {
    let ttft: [Int: Double] = [1: 40, 2: 42, 4: 45, 8: 120, 16: 400]
    let runs = [1, 2, 4, 8, 16].map { c in
      F.run(concurrency: c, outputThroughput: Double(min(c, 8)) * 100 + (c == 16 ? 200 : 0), completed: 1000) { run in
        run.latency[.ttft] = F.summary(mean: ttft[c]!, median: ttft[c]!, [99: ttft[c]! * 1.2])
        run.latency[.tpot] = F.summary(mean: c == 16 ? 22 : 20, median: c == 16 ? 22 : 20)
      }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep(runs))
    let queueing = try #require(analysis.findings.first { $0.code == .queueing })
    #expect(queueing.levels == [.concurrency(8), .concurrency(16)])
    #expect(queueing.number("ttftRatio") == 400.0 / 120)
    #expect(!analysis.findings.contains { $0.code == .decodeSlowdown })
  }

  /// TPOT 10 → 30 ms with TTFT flat: bigger batches decode slower.
  @Test func decodeSlowdownWhenTPOTGrowsAndTTFTStaysFlat() throws {
    let runs = [1, 2, 4, 8].map { c in
      F.run(concurrency: c, outputThroughput: Double(c) * 100, completed: 1000) { run in
        run.latency[.ttft] = F.summary(mean: 50, median: 50, [99: 60])
        let tpot = [1: 10.0, 2: 12, 4: 18, 8: 30][c]!
        run.latency[.tpot] = F.summary(mean: tpot, median: tpot)
      }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep(runs))
    let slowdown = try #require(analysis.findings.first { $0.code == .decodeSlowdown })
    #expect(slowdown.number("tpotRatio") == 3)
    #expect(!analysis.findings.contains { $0.code == .queueing })
  }

  /// ITL p99 six times its median at the max stable level.
  @Test func interTokenJitter() throws {
    let runs = [1, 2, 4].map { c in
      F.run(concurrency: c, outputThroughput: Double(c) * 100, completed: 1000) { run in
        run.latency[.itl] = F.summary(mean: 12, median: 10, [50: 10, 99: c == 4 ? 60 : 20])
      }
    }
    let finding = try #require(SweepAnalyzer.analyze(F.sweep(runs)).findings.first { $0.code == .tpotJitter })
    #expect(finding.levels == [.concurrency(4)])
    #expect(finding.number("ratio") == 6)
  }

  /// Two tiers: interactive (TTFT p99 ≤ 300 ms) holds up to 4, batch (E2E p99 ≤ 60 s) everywhere.
  @Test func capacityPerTier() throws {
    var settings = AnalysisSettings()
    try settings.apply("slo_tier.interactive", "ttft_p99=300ms")
    try settings.apply("slo_tier.batch", "e2el_p99=60s")
    let runs = [1, 2, 4, 8].map { c in
      F.run(concurrency: c, outputThroughput: Double(c) * 100, ttftP99: [1: 100.0, 2: 150, 4: 280, 8: 900][c]!, completed: 1000) { run in
        run.latency[.e2el] = F.summary(mean: 5000, median: 5000, [99: 9000])
      }
    }
    let capacities = SweepAnalyzer.analyze(F.sweep(runs), settings: settings).tierCapacities
    #expect(capacities.map(\.tier.name) == ["interactive", "batch"])
    #expect(capacities[0].maxLevel == .concurrency(4))
    #expect(capacities[0].firstMissed == .concurrency(8))
    #expect(capacities[1].maxLevel == .concurrency(8))
    #expect(capacities[1].firstMissed == nil)
  }

  /// The first 5 % of requests hold the whole TTFT tail: a warm-up outlier.
  @Test func warmupOutlier() throws {
    let ttfts = (0..<200).map { $0 < 4 ? 2.0 : 0.05 + Double($0 % 10) * 0.001 }
    let runs = [1, 2].map { c in
      F.run(concurrency: c, outputThroughput: Double(c) * 100, completed: 200) { run in
        run.samples = RequestSamples(timeToFirstToken: ttfts, gapOffsets: Array(repeating: 0, count: 201))
      }
    }
    let finding = try #require(SweepAnalyzer.analyze(F.sweep(runs)).findings.first { $0.code == .warmupOutlier })
    #expect(finding.levels == [.concurrency(1), .concurrency(2)])
    #expect(finding.number("first") == 10)
  }
}

/// Theil–Sen against `scipy.stats.theilslopes(y, x, 0.95)` (scipy 1.17.1), values printed by it.
struct TheilSenTests {
  @Test func matchesScipyWithAnOutlier() throws {
    let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    let y: [Double] = [1.0, 2.1, 2.9, 4.2, 5.1, 5.8, 7.2, 8.1, 8.8, 10.3, 30]
    let fit = try #require(TheilSen.fit(x: x, y: y))
    #expect(abs(fit.slope - 1.0333333333333334) < 1e-12)
    #expect(abs(fit.intercept - 0.6333333333333329) < 1e-12)
    #expect(abs(fit.low - 0.9749999999999999) < 1e-12)
    #expect(abs(fit.high - 1.1250000000000002) < 1e-12)
  }

  @Test func matchesScipyWithTies() throws {
    let x: [Double] = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    let y: [Double] = [5, 6, 5, 7, 8, 8, 9, 12, 11, 11]
    let fit = try #require(TheilSen.fit(x: x, y: y))
    #expect([fit.slope, fit.intercept, fit.low, fit.high] == [1.5, 5.0, 1.0, 2.0])
  }

  /// scipy.stats.norm.ppf(0.025) = -1.9599639845400545.
  @Test func normalQuantile() {
    #expect(abs(TheilSen.normalQuantile(0.025) + 1.9599639845400545) < 1e-12)
  }

  /// A 40-minute constant-load timeline whose window p95 rises 30 ms per hour (100 → 120 ms)
  /// with noise: soak drift; the same timeline flat: none.
  @Test func soakDriftOnALongConstantRun() throws {
    func run(slopePerHour: Double) -> Run {
      var generator = SeededGenerator(seed: 7)
      let points = (0..<2400).map { second -> LoadTimelinePoint in
        let noise = Double(generator.next() % 1000) / 1000 * 10 - 5
        return LoadTimelinePoint(
          timestamp: 1_700_000_000 + Double(second), users: 8, requestsPerSecond: 20, failuresPerSecond: 0,
          p50Milliseconds: 50, p95Milliseconds: 100 + slopePerHour * Double(second) / 3600 + noise)
      }
      var run = SweepFixtures.run(concurrency: 8, outputThroughput: 800, completed: 48_000) { $0.duration = 2400 }
      run.users = 8
      run.maxConcurrency = nil
      run.timeline = LoadTimeline(id: "soak", source: "soak_stats_history.csv", points: points, percentilesAreWindowed: true)
      return run
    }
    let drifting = SweepAnalyzer.analyze(SweepFixtures.sweep([run(slopePerHour: 30)], variable: .users))
    let finding = try #require(drifting.findings.first { $0.code == .soakDrift })
    #expect(abs((finding.number("slope") ?? 0) - 30) < 5)
    #expect((finding.number("low") ?? 0) > 0)
    let flat = SweepAnalyzer.analyze(SweepFixtures.sweep([run(slopePerHour: 0)], variable: .users))
    #expect(!flat.findings.contains { $0.code == .soakDrift })
  }
}

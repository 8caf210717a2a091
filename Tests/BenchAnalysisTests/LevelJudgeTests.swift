import BenchModel
import Testing

@testable import BenchAnalysis

/// Each verdict rule on small sweeps whose expected verdicts follow from the rule's definition
/// (README "Verdicts and findings"); the numbers are made up to sit clearly on one side.
struct LevelJudgeTests {
  typealias F = SweepFixtures

  func kinds(_ analysis: SweepAnalysis) -> [VerdictKind] { analysis.stability.verdicts.map(\.kind) }

  /// Concurrency 10, 12, …, 20 with perfectly linear throughput: a +20 % step with +20 %
  /// throughput is linear scaling, not saturation.
  @Test func linearStepsAreNotSaturation() {
    let levels = [10, 12, 14, 16, 18, 20]
    let analysis = SweepAnalyzer.analyze(F.concurrencySweep(levels, outputThroughput: levels.map { Double($0) * 100 }))
    #expect(kinds(analysis) == Array(repeating: .ok, count: 6))
    #expect(analysis.stability.maxStable == .concurrency(20))
    #expect(!analysis.stability.limitReached)
    #expect(analysis.findings.contains { $0.code == .notSaturated })
  }

  /// 10 → 12 (+20 % load) with +2 % throughput: marginal scaling 0.1 < 0.2.
  @Test func smallStepWithFlatThroughputIsSaturated() throws {
    let analysis = SweepAnalyzer.analyze(F.concurrencySweep([8, 10, 12], outputThroughput: [800, 1000, 1020]))
    #expect(kinds(analysis) == [.ok, .ok, .saturated])
    guard case .insufficientGrowth(let growth, _, let previous, _, let scaling)? = analysis.stability.reasons.first else {
      Issue.record("expected insufficientGrowth, got \(analysis.stability.reasons)")
      return
    }
    #expect(abs(growth - 0.02) < 1e-12)
    #expect(abs((scaling ?? 0) - 0.1) < 1e-12)
    #expect(previous == .concurrency(10))
    #expect(analysis.stability.maxStable == .concurrency(10))
    let limit = try #require(analysis.findings.first { $0.code == .limitFound })
    #expect(limit["maxStable"] == .level(.concurrency(10)))
    #expect(limit["firstFailing"] == .level(.concurrency(12)))
    #expect(limit["next"] == .level(.concurrency(11)))
  }

  /// A 3-second level and a level of 12 requests are not judged; they neither end the walk nor
  /// count as stable.
  @Test func shortAndTinyLevelsAreInsufficient() throws {
    let runs = [
      F.run(concurrency: 1, outputThroughput: 100) { $0.duration = 60 },
      F.run(concurrency: 2, outputThroughput: 200) { $0.duration = 3 },
      F.run(concurrency: 4, outputThroughput: 400, completed: 12) { $0.duration = 30 },
      F.run(concurrency: 8, outputThroughput: 800) { $0.duration = 60 },
    ]
    let analysis = SweepAnalyzer.analyze(F.sweep(runs))
    #expect(kinds(analysis) == [.ok, .insufficient, .insufficient, .ok])
    #expect(analysis.stability.maxStable == .concurrency(8))
    let thin = try #require(analysis.findings.first { $0.code == .insufficientData && !$0.levels.isEmpty })
    #expect(thin.levels == [.concurrency(2), .concurrency(4)])
    #expect(thin.number("durationSeconds") == 3)
  }

  /// One level (or one with enough data) cannot show growth: no recommendation, and a finding
  /// that says what is missing.
  @Test func singleLevelGetsNoRecommendation() throws {
    let analysis = SweepAnalyzer.analyze(F.sweep([F.run(concurrency: 16, outputThroughput: 1600) { $0.duration = 60 }]))
    #expect(analysis.stability.maxStable == .concurrency(16))
    #expect(analysis.recommendation == nil)
    let missing = try #require(analysis.findings.first { $0.code == .insufficientData && $0.levels.isEmpty })
    #expect(missing.number("judgedLevels") == 1)
    #expect(missing.number("minLevels") == 2)
  }

  /// Every request refused: the server was not reached, which says nothing about its capacity.
  @Test func refusedConnectionsAreUnreachableNotUnstable() throws {
    func refused(_ concurrency: Int) -> Run {
      F.run(concurrency: concurrency, outputThroughput: nil, ttftP99: nil, completed: 0, failed: 50) { run in
        var samples = RequestSamples(timeToFirstToken: Array(repeating: 0, count: 50), gapOffsets: Array(repeating: 0, count: 51))
        samples.succeeded = Array(repeating: false, count: 50)
        samples.errorCounts = [ErrorCount(message: "Cannot connect to host 127.0.0.1:9 ssl:default [Connect call failed ('127.0.0.1', 9)] [Errno 111] Connection refused", count: 50)]
        run.samples = samples
        run.duration = 10
      }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep([refused(1), refused(2)]))
    #expect(kinds(analysis) == [.insufficient, .insufficient])
    #expect(analysis.stability.maxStable == nil)
    #expect(analysis.stability.firstUnstable == nil)
    #expect(analysis.recommendation == nil)
    let finding = try #require(analysis.findings.first)
    #expect(finding.code == .serverUnreachable)
    #expect(finding.severity == .critical)
    #expect(finding.number("attempted") == 100)
  }

  /// An open-loop level served at 7 req/s of 10 offered, with latency 4× the lowest level's, is
  /// overloaded; served at 9.8 of 10 it is fine.
  @Test func unservedRateIsOverloaded() throws {
    func run(_ rate: Double, served: Double, e2eMedian: Double) -> Run {
      F.run(rate: .finite(rate), requestThroughput: served, completed: Int(rate * 60)) { run in
        run.numPrompts = Int(rate * 60)
        run.duration = Double(run.numPrompts!) / served
        run.latency[.e2el] = F.summary(mean: e2eMedian, median: e2eMedian)
      }
    }
    let analysis = SweepAnalyzer.analyze(
      F.sweep([run(2, served: 2, e2eMedian: 1000), run(5, served: 4.95, e2eMedian: 1100), run(10, served: 7, e2eMedian: 4000)], variable: .requestRate))
    #expect(kinds(analysis) == [.ok, .ok, .overloaded])
    #expect(analysis.stability.maxStable == .requestRate(.finite(5)))
    guard case .overloaded(let evidence)? = analysis.stability.reasons.first else {
      Issue.record("expected overloaded, got \(analysis.stability.reasons)")
      return
    }
    #expect(evidence.unloadedLatencySeconds == 1)
    // 600 requests over (600 / 7 − 1 s): the run less one unloaded request time.
    #expect(abs(evidence.served - 600 / (600.0 / 7 - 1)) < 1e-9)
    #expect(abs((evidence.latencyRatio ?? 0) - 4) < 1e-12)
  }

  /// A short-fall with flat latency is the tail of a finite run, not a queue.
  @Test func shortfallWithFlatLatencyIsNotOverload() {
    func run(_ rate: Double, served: Double) -> Run {
      F.run(rate: .finite(rate), requestThroughput: served, completed: 100) { run in
        run.numPrompts = 100
        run.duration = 100 / served
        run.latency[.e2el] = F.summary(mean: 5000, median: 5000)
      }
    }
    let analysis = SweepAnalyzer.analyze(F.sweep([run(1, served: 0.95), run(2, served: 1.7)], variable: .requestRate))
    #expect(kinds(analysis) == [.ok, .ok])
  }

  /// A queue that grows through the run shows in the per-request TTFTs (dispatch order): the
  /// last quarter waits far longer than the first.
  @Test func growingQueueShowsInPositionRatio() {
    let ttfts = (0..<200).map { 0.05 + Double($0) * 0.01 }
    let judge = LevelJudge(
      levels: [], sweep: F.sweep([F.run(rate: .finite(10), requestThroughput: 8) { $0.samples = RequestSamples(timeToFirstToken: ttfts, gapOffsets: Array(repeating: 0, count: 201)) }], variable: .requestRate),
      measure: .requests, settings: AnalysisSettings())
    let ratio = judge.positionLatencyRatio(LevelMetrics(level: .requestRate(.finite(10))))
    // Medians of 0.05 + 0.01·i over i = 0…49 and i = 150…199: 0.295 and 1.795.
    #expect(abs((ratio ?? 0) - 1.795 / 0.295) < 1e-9)
  }

  /// A rate sweep whose client `--max-concurrency` is full is limited by the client.
  @Test func fullClientConcurrencyCapIsClientLimited() throws {
    func run(_ rate: Double, served: Double, e2e: Double) -> Run {
      F.run(rate: .finite(rate), requestThroughput: served, completed: Int(rate * 60)) { run in
        run.numPrompts = Int(rate * 60)
        run.duration = Double(run.numPrompts!) / served
        run.maxConcurrency = 8
        run.latency[.e2el] = F.summary(mean: e2e, median: e2e)
      }
    }
    // At 20 req/s: 8 in flight (10 req/s × 0.8 s) — the client's 8 slots are full.
    let analysis = SweepAnalyzer.analyze(F.sweep([run(4, served: 4, e2e: 500), run(20, served: 10, e2e: 800)], variable: .requestRate))
    #expect(kinds(analysis) == [.ok, .clientLimited])
    #expect(analysis.findings.contains { $0.code == .clientConcurrencyCap })
  }
}

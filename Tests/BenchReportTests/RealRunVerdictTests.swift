// Verdicts and findings on real runs made with the real clients (vLLM's `vllm bench serve`
// 0.34.0 and Locust 2.47.0) against scripts/llm-stub/server.py, a stand-in server whose batch
// slots, queue limit and failure modes are set by flags (see each folder's SOURCES.md).
// Expected numbers are the ones the clients printed (console.log in each folder).

import BenchAnalysis
import BenchIngest
import BenchModel
import Foundation
import Testing

@testable import BenchReport

struct RealRunVerdictTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func analyses(_ folder: String) -> [SweepAnalysis] {
    let scan = InputScanner().scan([root.appendingPathComponent(folder).path])
    return SweepGrouper.group(scan.runs).sweeps.map { sweep in
      SweepAnalyzer.analyze(sweep, failedAttempts: FailedAttempts.levels(for: sweep, skipped: scan.skipped))
    }
  }

  /// The aggregate sweep of a Locust folder (the per-task sweeps have a task).
  static func aggregate(_ folder: String) throws -> SweepAnalysis {
    try #require(analyses(folder).first { $0.sweep.identity.task == nil && $0.sweep.identity.sourceHint?.hasSuffix("step") != true })
  }

  /// 16 batch slots: throughput stops at 12.6–12.95 req/s from concurrency 16 on and TTFT p99
  /// jumps to 1,356 ms at 32 (the client printed 1356.x): requests queue for a slot.
  @Test func saturatingServerQueuesAtItsBatchLimit() throws {
    let analysis = try #require(Self.analyses("samples/vllm-concurrency-sweep-local").first)
    #expect(analysis.stability.maxStable == .concurrency(16))
    #expect(analysis.stability.firstUnstable == .concurrency(32))
    #expect(analysis.stability.limitReached)
    let queueing = try #require(analysis.findings.first { $0.code == .queueing })
    // The stub decodes at most 16 requests at once.
    #expect(abs((queueing.number("ceiling") ?? 0) - 16) < 1.5)
  }

  /// ~11 req/s capacity: 16 and 32 req/s offered were served at 11.06 and 11.18 req/s.
  @Test func ratesPastCapacityAreNotStable() throws {
    let analysis = try #require(Self.analyses("samples/vllm-request-rate-overload-local").first)
    #expect(analysis.stability.maxStable == .requestRate(.finite(8)))
    #expect(analysis.stability.verdict(at: .requestRate(.finite(16)))?.reasons.contains { $0.kind == .overloaded } == true)
    #expect(analysis.stability.verdict(at: .requestRate(.finite(32)))?.reasons.contains { $0.kind == .overloaded } == true)
    #expect(analysis.findings.contains { $0.code == .overloaded && $0.severity == .critical })
  }

  /// `--request-rate 5` at every level: the plateau at 4.9 req/s is the client's.
  @Test func clientRateCapOnALocalServer() throws {
    let analysis = try #require(Self.analyses("samples/vllm-client-rate-cap-local").first)
    #expect(!analysis.stability.limitReached)
    #expect(analysis.stability.verdicts.filter { $0.kind == .clientLimited }.map(\.level).first == .concurrency(8))
    #expect(analysis.findings.first?.code == .clientRateCap)
  }

  /// Fixed-user runs (10, 50, 100) and a 10 s-step `LoadTestShape` run in one folder: the steps
  /// are cut into their own sweep and never pooled with the fixed runs.
  @Test func stepLoadIsNeverPooledWithFixedUserRuns() throws {
    let analyses = Self.analyses("samples/locust-step-and-fixed-local")
    let fixed = try Self.aggregate("samples/locust-step-and-fixed-local")
    #expect(fixed.sweep.levels.map(\.level) == [.users(10), .users(50), .users(100)])
    #expect(fixed.sweep.levels.allSatisfy { $0.runs.count == 1 })
    // u50.json counts 621 requests (468 chat + 153 completion; its _stats.csv, written up to a
    // second earlier, says 603): the 50-user level holds exactly that run.
    #expect(fixed.levels.first { $0.level == .users(50) }?.requests == 621)
    let step = try #require(analyses.first { $0.sweep.identity.task == nil && $0.sweep.runs.contains { $0.plateau != nil } })
    #expect(step.sweep.levels.map(\.level) == [.users(1), .users(10), .users(25), .users(50), .users(100), .users(200)])
  }

  /// Nothing listened: every request refused — never "unstable", never a recommendation.
  @Test func closedPortIsUnreachable() throws {
    let analysis = try Self.aggregate("Tests/RealRuns/locust-closed-port")
    #expect(analysis.stability.maxStable == nil)
    #expect(analysis.stability.firstUnstable == nil)
    #expect(analysis.recommendation == nil)
    #expect(analysis.findings.first?.code == .serverUnreachable)
    let narrator = SweepNarrator(analysis: analysis, strings: try VerdictSampleTests.strings(.en))
    #expect(!narrator.maxStableSentence.contains("unstable"))
  }

  /// A 3-second run (16 requests) and a single level get no recommendation.
  @Test func thinEvidenceGetsNoRecommendation() throws {
    for folder in ["Tests/RealRuns/vllm-three-second-run", "Tests/RealRuns/vllm-single-level", "Tests/RealRuns/locust-interrupted"] {
      for analysis in Self.analyses(folder) {
        #expect(analysis.recommendation == nil, "\(folder)")
        #expect(analysis.findings.contains { $0.code == .insufficientData }, "\(folder)")
      }
    }
  }

  /// Concurrency 10, 12, …, 20 with throughput 13.0 → 22.4 req/s: linear, no saturation; the
  /// next level of an evenly spaced sweep is 22.
  @Test func linearStepsAreFine() throws {
    let analysis = try #require(Self.analyses("Tests/RealRuns/vllm-linear-steps").first)
    #expect(analysis.stability.verdicts.allSatisfy { $0.kind == .ok })
    let finding = try #require(analysis.findings.first { $0.code == .notSaturated })
    #expect(finding["next"] == .level(.concurrency(22)))
  }

  /// Level 8 was killed (its log is in the folder): the report must not say "test 8 next".
  @Test func crashedLevelIsNotSuggestedAsNext() throws {
    let analysis = try #require(Self.analyses("Tests/RealRuns/vllm-sweep-with-crash-log").first)
    #expect(analysis.failedAttempts[.concurrency(8)] == "c8.log")
    let narrator = SweepNarrator(analysis: analysis, strings: try VerdictSampleTests.strings(.en))
    #expect(narrator.kneeSentence.contains("a run at 8 was started but left no result (c8.log)"))
    #expect(!narrator.kneeSentence.contains("test 8 next"))
  }

  /// 503s with a queue limit of 24: shed from 32 on; 160 of 200 failed at 128 (3.6 s) is
  /// unstable, not "too little data".
  @Test func loadSheddingRun() throws {
    let analysis = try #require(Self.analyses("Tests/RealRuns/vllm-load-shedding").first)
    #expect(analysis.stability.verdict(at: .concurrency(128))?.kind == .unstable)
    let shedding = try #require(analysis.findings.first { $0.code == .loadShedding })
    #expect(shedding.number("count") == 166)
    #expect(!analysis.findings.contains { $0.code == .insufficientData })
  }

  /// 503s, client timeouts and failed `catch_response` checks in one run: each cause is told
  /// apart, and the script's failures are not counted against the server.
  @Test func failureCausesAreToldApart() throws {
    let analysis = try Self.aggregate("Tests/RealRuns/locust-failure-causes")
    let causes = Set(analysis.failureCauses.map(\.cause))
    #expect(causes.isSuperset(of: [.loadShedding, .timeouts, .clientErrors]))
    #expect(analysis.findings.contains { $0.code == .clientErrors })
    #expect(analysis.findings.contains { $0.code == .loadShedding })
    #expect(analysis.findings.contains { $0.code == .timeouts })
  }
}

extension RealRunVerdictTests {
  /// 32 minutes at 8 users against a gateway leaking 1 ms of service time per minute. Expected
  /// numbers: per-minute medians of the history's window 95 % column after a 5-minute warm-up,
  /// fitted with `scipy.stats.theilslopes(y, x, 0.95)` (scipy 1.17.1) over the same CSV:
  /// slope 49.0909 ms/h, interval 30.0–60.0 ms/h, median 92.5 ms.
  @Test func soakDriftOnARealLeak() throws {
    let analysis = try Self.aggregate("samples/locust-soak-gateway")
    let drift = try #require(analysis.findings.first { $0.code == .soakDrift })
    #expect(abs((drift.number("slope") ?? 0) - 49.09090909090909) < 1e-9)
    #expect(abs((drift.number("low") ?? 0) - 30) < 1e-9)
    #expect(abs((drift.number("high") ?? 0) - 60) < 1e-9)
    #expect(drift.number("typical") == 92.5)
    #expect(analysis.scenarios[.users(8)] == .soak)
    // A soak tests time, not capacity: no "no recommendation" finding.
    #expect(!analysis.findings.contains { $0.code == .insufficientData })
    // The history is the whole run's: the per-task sweeps do not repeat the finding.
    for task in Self.analyses("samples/locust-soak-gateway") where task.sweep.identity.task != nil {
      #expect(!task.findings.contains { $0.code == .soakDrift })
    }
  }
}

extension RealRunVerdictTests {
  /// With `--slo ttft_p99=500ms`, the overload sample's 16 req/s level serves more requests
  /// (11.06 against 7.78 req/s, as the client printed) but almost none within 500 ms of TTFT.
  @Test func goodputDropOnARealOverload() throws {
    var settings = AnalysisSettings()
    try settings.apply("slo", "ttft_p99=500ms")
    let scan = InputScanner().scan([Self.root.appendingPathComponent("samples/vllm-request-rate-overload-local").path])
    let sweep = try #require(SweepGrouper.group(scan.runs).sweeps.first)
    let analysis = SweepAnalyzer.analyze(sweep, settings: settings)
    let drop = try #require(analysis.findings.first { $0.code == .goodputDrop })
    #expect(drop.levels == [.requestRate(.finite(8)), .requestRate(.finite(16))])
    #expect((drop.number("goodputTo") ?? 99) < 1)
    #expect(abs((drop.number("throughputTo") ?? 0) - 11.06) < 0.01)
  }

  /// 256-token prompts (257 where the tokenizer splits differently) and exactly 64 output tokens
  /// at every level of a closed loop: requests start and finish in waves. The limit at 32 is a
  /// cliff: TTFT P99 1,356 ms against 117 ms at 16 (the client's printout).
  @Test func lockStepAndCliffOnTheSaturatingServer() throws {
    let analysis = try #require(Self.analyses("samples/vllm-concurrency-sweep-local").first)
    let lockStep = try #require(analysis.findings.first { $0.code == .lockStepArrivals })
    #expect(lockStep.number("outputLength") == 64)
    let limit = try #require(analysis.findings.first { $0.code == .limitFound })
    #expect(limit["shape"] == .text("cliff"))
    #expect(abs((limit.number("jump") ?? 0) - 1356.0 / 117.1) < 0.2)
  }
}

extension VerdictSampleTests {
  /// vLLM printed ITL median 32.6 ms and p99 1,237.7 ms at 30 req/s on the SGLang server
  /// (results.json): 38× — stalls between decode steps.
  @Test func interTokenJitterOnARealServer() throws {
    let analysis = try #require(Self.analyses("vllm-request-rate-sweep-h100").first { $0.sweep.identity.metadata.contains { $0.value == "sgl" } })
    let jitter = try #require(analysis.findings.first { $0.code == .tpotJitter })
    #expect(jitter["level"] == .level(.requestRate(.finite(30))))
    #expect(abs((jitter.number("ratio") ?? 0) - 1237.7043711650183 / 32.64406800735742) < 1e-6)
  }
}

extension RealRunVerdictTests {
  /// A cold engine: the first four prefills 1.5 s slower. vLLM printed P99 TTFT 1,525.55 ms at
  /// concurrency 1; numpy gives 28.14 ms without the first 10 requests. The breach is the warm-up's.
  @Test func coldStartSetsTheTail() throws {
    let analysis = try #require(Self.analyses("Tests/RealRuns/vllm-cold-start").first)
    let warmup = try #require(analysis.findings.first { $0.code == .warmupOutlier })
    #expect(warmup.levels == [.concurrency(1), .concurrency(4)])
    #expect(warmup.severity == .warning)
    #expect(abs((warmup.number("p99") ?? 0) - 1525.5523194799753) < 1e-6)
    #expect(abs((warmup.number("p99Trimmed") ?? 0) - 28.144502109926155) < 1e-6)
    let narrator = SweepNarrator(analysis: analysis, strings: try VerdictSampleTests.strings(.en))
    #expect(narrator.bottleneckSentence.hasPrefix("Bottleneck: a cold start"))
  }
}

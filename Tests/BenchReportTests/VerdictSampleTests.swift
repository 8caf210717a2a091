// The verdicts and findings on the committed real samples (samples/), read and analysed the way
// `analyze` does. Expected numbers are the ones the tools wrote into the files (request_rate,
// request_throughput, duration, completed), never values from benchreport's own output.

import BenchAnalysis
import BenchIngest
import BenchModel
import Foundation
import Testing

@testable import BenchReport

struct VerdictSampleTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")

  static func analyses(_ folder: String, settings: AnalysisSettings = AnalysisSettings()) -> [SweepAnalysis] {
    let scan = InputScanner().scan([samples.appendingPathComponent(folder).path])
    return SweepGrouper.group(scan.runs).sweeps.map { SweepAnalyzer.analyze($0, settings: settings) }
  }

  static func strings(_ language: ReportLanguage) throws -> StringsCatalogue {
    try StringsCatalogue.load(language, templatesDirectory: ReportFixtures.templatesDirectory)
  }

  /// `vllm-concurrency-sweep-h100`: every run used `--request-rate 10` and 100 prompts. The cap
  /// binds from 32 on (request_throughput 8.96–9.08 req/s of 10), and 128/256 exceed the 100
  /// prompts. The server never saw its limit: TTFT p99 ≤ 144 ms everywhere.
  @Test func clientRateCapIsNotTheServersKnee() throws {
    let analysis = try #require(Self.analyses("vllm-concurrency-sweep-h100").first)
    let kinds = analysis.stability.verdicts.map(\.kind)
    #expect(kinds == [.ok, .ok, .ok, .ok, .ok, .clientLimited, .clientLimited, .clientLimited, .clientLimited])
    #expect(analysis.stability.maxStable == .concurrency(16))
    #expect(!analysis.stability.limitReached)
    #expect(analysis.recommendation?.isLowerBound == true)
    #expect(analysis.kneeAtClientLimit)
    let cap = try #require(analysis.findings.first { $0.code == .clientRateCap })
    #expect(cap.number("cap") == 10)
    #expect(cap.levels == [.concurrency(32), .concurrency(64)])
    // The highest request_throughput vLLM printed at a capped level (concurrency 64).
    #expect(abs((cap.number("servedMax") ?? 0) - 9.0644) < 1e-3)
    let prompts = try #require(analysis.findings.first { $0.code == .promptsBelowConcurrency })
    #expect(prompts.levels == [.concurrency(128), .concurrency(256)])
    #expect(prompts.number("requests") == 100)
    #expect(!analysis.findings.contains { $0.code == .notSaturated || $0.code == .limitFound })

    let narrator = SweepNarrator(analysis: analysis, strings: try Self.strings(.en))
    #expect(narrator.maxStableSentence.contains("the client, not the server, limited the load"))
    #expect(narrator.kneeSentence.contains("not a limit of the server"))
    #expect(narrator.recommendationSentence.contains("lower bound"))
  }

  /// `sglang-request-rate-sweep-h200`, 70B random 1024→1024: at 8 req/s the 2,400 requests took
  /// 346.8 s against 300 s of arrivals plus 7.8 s for one unloaded request (the 1 req/s median
  /// E2E), i.e. 7.08 req/s served; at 16 req/s 3,200 took 383.1 s. 405B: 4 req/s took 380.3 s
  /// for 300 s of arrivals plus 24.9 s.
  @Test func unservedRatesAreOverloadedNotStable() throws {
    let analyses = Self.analyses("sglang-request-rate-sweep-h200")
    let seventy = try #require(analyses.first { $0.sweep.identity.sourceHint?.contains("70b") == true && $0.levels.count == 5 })
    #expect(seventy.stability.verdicts.map(\.kind) == [.ok, .ok, .ok, .overloaded, .overloaded])
    #expect(seventy.stability.maxStable == .requestRate(.finite(4)))
    #expect(seventy.stability.firstUnstable == .requestRate(.finite(8)))
    let overload = try #require(seventy.findings.first { $0.code == .overloaded })
    // 2400 / (346.8 − 7.82) from the file's completed, duration and 1 req/s median_e2e_latency_ms.
    #expect(abs((overload.number("served") ?? 0) - 2400 / (346.7963 - 7.819)) < 0.01)
    #expect(overload.severity == .critical)
    // 70–80 % of 4 req/s: never above what the server served.
    #expect(seventy.recommendation?.range == .requestRate(low: 4 * 0.7, high: 4 * 0.8))

    let big = try #require(analyses.first { $0.sweep.identity.sourceHint?.contains("405b") == true && $0.levels.count == 4 })
    #expect(big.stability.maxStable == .requestRate(.finite(2)))
    #expect(big.stability.verdict(at: .requestRate(.finite(4)))?.kind == .overloaded)
  }

  /// `vllm-request-rate-sweep-h100`: 30 req/s breaks the TTFT limit, 35 req/s is served at
  /// 28.45 req/s (request_throughput) with median TTFT 8.7 s.
  @Test func rateSweepPastCapacity() throws {
    for analysis in Self.analyses("vllm-request-rate-sweep-h100") {
      #expect(analysis.stability.maxStable == .requestRate(.finite(20)))
      #expect(analysis.stability.verdict(at: .requestRate(.finite(30)))?.kind == .sloBreach)
      #expect(analysis.stability.verdict(at: .requestRate(.finite(35)))?.kind == .sloBreach)
      #expect(analysis.stability.verdict(at: .requestRate(.finite(35)))?.reasons.contains { $0.kind == .overloaded } == true)
    }
  }
}

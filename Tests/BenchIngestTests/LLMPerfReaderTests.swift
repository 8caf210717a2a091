import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// LLMPerf summaries; expected numbers are the files' own (seconds × 1000).
struct LLMPerfReaderTests {
  static let folder = TestFixtures.root.appendingPathComponent("llmperf")

  static func read(_ name: String) -> IngestResult {
    LLMPerfReader.read((folder.appendingPathComponent(name).path, name))
  }

  static func kind(_ name: String) throws -> LLMPerfReader.Kind? {
    LLMPerfReader.kind(try TestFixtures.bytes(folder.appendingPathComponent(name)))
  }

  @Test func summaryIsOneRunAtItsConcurrency() throws {
    let result = Self.read("groq_70b_summary.json")
    let run = try #require(result.runs.first)
    #expect(result.runs.count == 1 && result.skipped.isEmpty)
    #expect(run.format == SourceFormat(tool: .llmperf, schema: "2023-08-31"))  // "version"
    #expect(run.model == "llama2-70b-4096")
    #expect(run.maxConcurrency == 5)  // num_concurrent_requests
    #expect(run.configuredInputLength == 550 && run.configuredOutputLength == 150)  // mean_input/output_tokens
    #expect(run.completed == 150 && run.failed == 0)  // results_num_completed_requests, results_number_errors
    #expect(run.metadata["framework"] == "groq")  // the user's --metadata
    // results_num_completed_requests_per_min / 60
    #expect(run.requestThroughput == 176.73895115400083 / 60)
    #expect(run.outputThroughput == 441.84737788500206)  // results_mean_output_throughput_token_per_s
    // results_ttft_s_quantiles_p50 / _p99 / _mean, seconds
    #expect(run.latency[.ttft]?.median == 0.2218883791938424 * 1000)
    #expect(run.latency[.ttft]?.percentile(99) == 0.3500269545800982 * 1000)
    #expect(run.latency[.ttft]?.mean == 0.22786034579078357 * 1000)
    #expect(run.latency[.ttft]?.standardDeviation == 0.04545771907205833 * 1000)
    // results_end_to_end_latency_s_quantiles_p90; results_inter_token_latency_s_quantiles_p95
    #expect(run.latency[.e2el]?.percentile(90) == 0.9329087149351835 * 1000)
    #expect(run.latency[.tpot]?.percentile(95) == 0.0062214585126688085 * 1000)
    #expect(run.latency[.itl] == nil)
  }

  @Test func failedRequestsAndTheirCodesAreKept() throws {
    let run = try #require(Self.read("lepton_7b_summary.json").runs.first)
    #expect(run.completed == 20 && run.failed == 130)  // results_num_completed_requests, results_number_errors
    #expect(run.notes.contains { $0.contains("{429.0: 130}") })  // results_error_code_frequency
  }

  @Test func summariesKeyedByConcurrencyAreOneRunEach() throws {
    let runs = Self.read("meta-llama_Meta-Llama-3-8B-Instruct_tp_1_results.json").runs
    #expect(runs.map(\.maxConcurrency) == [1, 2, 4, 8, 16, 32, 64, 128])  // the keys' num_concurrent_requests
    #expect(runs.map(\.completed) == [100, 100, 100, 104, 112, 128, 128, 128])
    #expect(runs.last?.latency[.ttft]?.percentile(99) == 32.6894560085997 * 1000)  // "128".results_ttft_s_quantiles_p99
    #expect(runs.allSatisfy { $0.model == "meta-llama/Meta-Llama-3-8B-Instruct" })
  }

  @Test func individualResponsesAreRecognisedAndThePublishersSummaryIsNot() throws {
    #expect(try Self.kind("groq_70b_individual.json") == .individualResponses)
    #expect(try Self.kind("groq_70b_summary.json") == .summary)
    #expect(try Self.kind("meta-llama_Meta-Llama-3-8B-Instruct_tp_1_summary.json") == nil)
  }
}

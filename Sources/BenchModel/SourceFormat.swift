/// The tool and schema generation a run was read from (see `formats/vllm-sglang.md`).
public struct SourceFormat: Sendable, Hashable, CustomStringConvertible {
  public enum Tool: String, Sendable, Codable, Hashable {
    /// `benchmark_serving.py --save-result` or `vllm bench serve`.
    case vllmServe = "vllm-bench-serve"
    /// A `vllm bench sweep serve` run file or `summary.json` entry.
    case vllmSweep = "vllm-bench-sweep"
    /// SGLang `bench_serving` JSONL.
    case sglang = "sglang-bench-serving"
    /// Locust `--csv` / `--json` / `--html` outputs of one run.
    case locust
    /// GuideLLM `benchmarks.json` / `.yaml` (0.2–0.3, report v1 and v2): one run per benchmark.
    case guidellm
    /// AIPerf `profile_export_aiperf.json` (+ the per-request `profile_export.jsonl`).
    case aiperf
    /// GenAI-Perf `profile_export_genai_perf.json`.
    case genaiPerf = "genai-perf"
    /// kubernetes-sigs/inference-perf `stage_N_lifecycle_metrics.json`.
    case inferencePerf = "inference-perf"
    /// ray-project/llmperf `*_summary.json` (+ `*_individual_responses.json`).
    case llmperf
    /// sgl-project/genai-bench experiment run files.
    case genaiBench = "genai-bench"
    /// llm-d Benchmark Report v0.1 / v0.2 / v0.2.1.
    case llmdReport = "llm-d-benchmark-report"
  }

  public var tool: Tool
  /// Schema id, e.g. `V7a`, `V9`, `S2`; for Locust the file generation, e.g. `csv-D+json`.
  public var schema: String

  public init(tool: Tool, schema: String) {
    self.tool = tool
    self.schema = schema
  }

  public var description: String { "\(tool.rawValue) \(schema)" }
}

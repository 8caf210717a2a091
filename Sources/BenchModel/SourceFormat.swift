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

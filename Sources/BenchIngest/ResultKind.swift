import BenchModel

/// What a JSON object in an input file is, decided from its keys (never from the file name).
enum ResultKind: Equatable {
  /// A vLLM `benchmark_serving.py` / `vllm bench serve` result, with its schema id.
  case vllm(schema: String)
  /// A `vllm bench sweep serve` run (a vLLM result plus `run_number` and override keys).
  case vllmSweepRun(schema: String, runNumber: Int)
  /// An SGLang `bench_serving` result line.
  case sglang(schema: String)
  /// Not a result; the reason says what it is.
  case notAResult(reason: String)

  /// Keys that only serving-benchmark results carry.
  static let metricKeys: Set<String> = [
    "request_throughput", "request_inthroughput", "output_throughput", "total_token_throughput",
    "mean_ttft_ms", "median_ttft_ms", "p99_ttft_ms", "mean_tpot_ms", "mean_itl_ms",
    "mean_e2el_ms", "median_e2el_ms", "mean_e2e_latency_ms", "median_e2e_latency_ms",
    "output_token_throughput", "median_ttft", "completed", "ttfts",
  ]

  static func classify(_ object: JSONObject) -> ResultKind {
    let has = { (key: String) in object[key] != nil }
    if has("error_type") && has("error") && (has("serve_overrides") || has("bench_overrides")) {
      let message: String
      if case .string(let text) = object["error"] ?? .null {
        message = String(text.split(separator: "\n").last ?? "").prefix(200).description
      } else {
        message = "no message"
      }
      return .notAResult(reason: "failed `vllm bench sweep` run (failure record): \(message)")
    }
    if has("benchmark") && has("metric") && has("model") {
      return .notAResult(reason: "PyTorch benchmark-format record (SAVE_TO_PYTORCH_BENCHMARK_FORMAT), a copy of a result file")
    }
    let metricKeyCount = object.keys.reduce(0) { $0 + (metricKeys.contains($1) ? 1 : 0) }
    guard metricKeyCount > 0 else {
      let shown = object.keys.prefix(6).joined(separator: ", ")
      return .notAResult(reason: "no benchmark result keys (keys: \(shown.isEmpty ? "none" : shown)\(object.count > 6 ? ", …" : ""))")
    }
    if isSGLang(object) { return .sglang(schema: sglangSchema(object)) }
    let schema = vllmSchema(object)
    if case .number(let runNumber) = object["run_number"] ?? .null, runNumber.rounded() == runNumber {
      if runNumber < 0 {
        return .notAResult(reason: "warm-up run of `vllm bench sweep` (run_number \(Int(runNumber))), excluded like vLLM excludes it")
      }
      return .vllmSweepRun(schema: schema, runNumber: Int(runNumber))
    }
    return .vllm(schema: schema)
  }

  static func isSGLang(_ object: JSONObject) -> Bool {
    if object["model_id"] != nil || object["endpoint_type"] != nil { return false }
    return object.keys.contains { $0.hasSuffix("_e2e_latency_ms") }
      || object["total_output_tokens_retokenized"] != nil || object["accept_length"] != nil
      || object["server_info"] != nil || object["output_token_throughput"] != nil
      || object["median_ttft"] != nil
  }

  /// SGLang schema generations S1–S4 (formats/vllm-sglang.md §3.2).
  static func sglangSchema(_ object: JSONObject) -> String {
    if object["server_info"] != nil || object["tag"] != nil || object["total_throughput"] != nil {
      return "S4"
    }
    if object["p99_ttft_ms"] != nil || object["concurrency"] != nil || object["accept_length"] != nil {
      return "S3"
    }
    if object["mean_e2e_latency_ms"] != nil || object["median_ttft_ms"] != nil { return "S2" }
    return "S1"
  }

  /// vLLM schema generations V1–V9 (formats/vllm-sglang.md §1.3), from their distinguishing keys.
  static func vllmSchema(_ object: JSONObject) -> String {
    let has = { (key: String) in object[key] != nil }
    let hasArrays = has("ttfts") || has("itls")
    if has("request_inthroughput") { return hasArrays ? "V2" : "V1" }
    if has("endpoint_type") {
      return has("backend") ? "V9" : "V8"
    }
    if has("failed") && has("max_output_tokens_per_s") { return "V9" }
    if has("request_goodput:") || has("burstiness") || has("max_concurrency") {
      if has("best_of") { return "V6" }
      return hasArrays ? "V7a" : "V7b"
    }
    if has("total_token_throughput") { return "V5" }
    if has("std_ttft_ms") || object.keys.contains(where: { $0.hasPrefix("mean_e2el") }) { return "V4" }
    if has("mean_itl_ms") { return "V3" }
    return hasArrays ? "V2" : "V1"
  }
}

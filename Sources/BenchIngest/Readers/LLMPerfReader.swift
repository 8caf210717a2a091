import BenchModel
import Foundation

/// ray-project/llmperf (`formats/other-tools.md` §4): each `*_summary.json` is one run at its
/// `num_concurrent_requests` (LLMPerf's only load variable: a closed loop), with the quantiles
/// LLMPerf wrote over the successful requests (seconds, converted to ms; origin `.reported`).
/// A wrapper object keyed by concurrency (`{"1": {…summary…}, "2": …}`, as published sweeps
/// keep them) gives one run per entry.
///
/// Metric names map onto vLLM's: `ttft_s` → TTFT, `end_to_end_latency_s` → E2E, and
/// `inter_token_latency_s` → TPOT: LLMPerf divides each request's streamed time (first token
/// included) by its output tokens, a per-request mean like TPOT, never a gap between chunks.
///
/// The `*_individual_responses.json` files are skipped with the reason: they hold each
/// request's mean inter-token latency but not its gaps, no timestamps, and nothing that ties
/// them to their summary other than the file name.
struct LLMPerfReader: ResultReader {
  enum Kind: Equatable { case summary, individualResponses }

  static func kind(_ head: [UInt8]) -> Kind? {
    func has(_ text: String) -> Bool { ToolFile.head(head, contains: text) }
    switch ToolFile.firstByte(head) {
    case UInt8(ascii: "{"):
      return has("\"num_concurrent_requests\"") && has("\"results_ttft_s_") ? .summary : nil
    case UInt8(ascii: "["):
      return has("\"ttft_s\"") && has("\"end_to_end_latency_s\"") && has("\"request_output_throughput_token_per_s\"")
        ? .individualResponses : nil
    default:
      return nil
    }
  }

  func confidence(for file: SniffedFile) -> ReadConfidence {
    file.head.flatMap(Self.kind) == nil ? .none : .certain
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    var plan = ReadPlan()
    for file in files {
      switch file.head.flatMap(Self.kind) {
      case .summary?:
        plan.jobs.append(ReadJob(startOrderSize: 0) { Self.read((file.path, file.display)) })
      case .individualResponses?:
        plan.skipped.append(
          SkippedInput(
            location: SourceLocation(path: file.display), kind: .unsupported,
            reason:
              "LLMPerf individual responses: each request's mean inter-token latency but no gaps or timestamps, and no load level; "
              + "the statistics are read from the LLMPerf summary of the same run"))
      case nil:
        plan.declined.append(file)
      }
    }
    return plan
  }

  static func read(_ file: (path: String, display: String)) -> IngestResult {
    ToolFile.read(file, tool: .llmperf) { bytes in
      switch ToolFile.parseJSON(bytes, display: file.display, toolName: "LLMPerf") {
      case .failure(let skipped): return IngestResult(skipped: [skipped])
      case .success(let document): return runs(from: document, display: file.display)
      }
    }
  }

  /// One summary, or a wrapper keyed by concurrency whose values are summaries.
  static func runs(from document: JSONValue, display: String) -> IngestResult {
    var result = IngestResult()
    if document["num_concurrent_requests"] != nil {
      switch run(document, location: SourceLocation(path: display)) {
      case .success(let run): result.runs.append(run)
      case .failure(let skipped): result.skipped.append(skipped)
      }
      return result
    }
    guard let wrapper = document.objectValue else { return result }
    for (index, key) in wrapper.keys.enumerated() {
      let location = SourceLocation(path: display, arrayIndex: index)
      guard let summary = wrapper[key], summary["num_concurrent_requests"] != nil else {
        result.skipped.append(
          SkippedInput(
            location: location, kind: .unreadable,
            reason: "LLMPerf summaries keyed by concurrency: entry `\(key)` is not an LLMPerf summary"))
        continue
      }
      switch run(summary, location: location) {
      case .success(let run): result.runs.append(run)
      case .failure(let skipped): result.skipped.append(skipped)
      }
    }
    return result
  }

  /// `results_<metric>_quantiles_p99` → 99.
  static func percentile(_ key: String) -> Double? {
    guard let range = key.range(of: "quantiles_p") else { return nil }
    return Double(key[range.upperBound...]).flatMap { $0 > 0 && $0 < 100 ? $0 : nil }
  }

  /// The statistics of `results_<metric>_…` as one object (`mean`, `stddev`, `quantiles_pNN`).
  static func statistics(_ summary: JSONObject, metric: String) -> JSONValue? {
    let prefix = "results_\(metric)_"
    var stats = JSONObject()
    for key in summary.keys where key.hasPrefix(prefix) {
      if let value = summary[key] { stats.set(String(key.dropFirst(prefix.count)), value) }
    }
    return stats.keys.isEmpty ? nil : .object(stats)
  }

  /// Keys LLMPerf writes itself; every other top-level key is the user's `--metadata`.
  static func isLLMPerfKey(_ key: String) -> Bool {
    let own: Set<String> = [
      "version", "name", "model", "mean_input_tokens", "stddev_input_tokens", "mean_output_tokens",
      "stddev_output_tokens",
      "num_concurrent_requests", "timestamp",
    ]
    return own.contains(key) || key.hasPrefix("results_") || key.hasPrefix("additional_sampling_params")
  }

  static func run(_ summary: JSONValue, location: SourceLocation) -> Result<Run, SkippedInput> {
    guard let object = summary.objectValue else {
      return .failure(
        SkippedInput(location: location, kind: .unreadable, reason: "LLMPerf summary that is not a JSON object"))
    }
    guard let concurrency = summary["num_concurrent_requests"]?.intValue, concurrency > 0 else {
      return .failure(
        SkippedInput(
          location: location, kind: .unreadable, reason: "LLMPerf summary without a positive `num_concurrent_requests`")
      )
    }
    let completed = summary["results_num_completed_requests"]?.intValue ?? 0
    let failed = summary["results_number_errors"]?.intValue ?? 0
    let errorCodes = summary["results_error_code_frequency"]?.stringValue ?? "{}"
    guard completed > 0 else {
      return .failure(
        SkippedInput(
          location: location, kind: .notAResult,
          reason: "LLMPerf summary with no completed request (\(failed) errors, codes \(errorCodes))"))
    }
    var run = Run(
      source: location, format: SourceFormat(tool: .llmperf, schema: summary["version"]?.stringValue ?? "unversioned"))
    run.backend = "llmperf"
    run.model = summary["model"]?.stringValue
    run.maxConcurrency = concurrency
    run.configuredInputLength = summary["mean_input_tokens"]?.intValue
    run.configuredOutputLength = summary["mean_output_tokens"]?.intValue
    for key in object.keys where !isLLMPerfKey(key) {
      if let value = object[key], let text = value.stringValue ?? value.doubleValue.map({ String(describing: $0) }) {
        run.metadata[key] = text
      }
    }
    run.completed = completed
    run.failed = failed
    if failed > 0 { run.notes.append("LLMPerf error codes (code: count): \(errorCodes)") }
    if let perMinute = summary["results_num_completed_requests_per_min"]?.doubleValue, perMinute > 0 {
      run.requestThroughput = perMinute / 60
      run.duration = Double(completed) / (perMinute / 60)
      run.notes.append("request throughput = LLMPerf's completed requests per minute ÷ 60; duration = completed ÷ that")
    }
    run.outputThroughput = summary["results_mean_output_throughput_token_per_s"]?.doubleValue
    if let mean = summary["results_number_input_tokens_mean"]?.doubleValue, mean.isFinite {
      run.totalInputTokens = Int((mean * Double(completed)).rounded())
    }
    if let mean = summary["results_number_output_tokens_mean"]?.doubleValue, mean.isFinite {
      run.totalOutputTokens = Int((mean * Double(completed)).rounded())
    }
    let latencies: [(LatencyMetric, String)] = [
      (.ttft, "ttft_s"), (.tpot, "inter_token_latency_s"), (.e2el, "end_to_end_latency_s"),
    ]
    for (metric, key) in latencies {
      if let summary = ReportedStatistics.summary(
        statistics(object, metric: key), median: nil, standardDeviation: "stddev", scale: 1000, percentile: percentile)
      {
        run.latency[metric] = summary
      }
    }
    run.notes.append(
      "LLMPerf statistics as reported (successful requests only; seconds converted to ms); "
        + "TPOT = LLMPerf's inter_token_latency (each request's streamed time, first token included, ÷ its output tokens)"
    )
    return .success(run)
  }
}

import BenchModel
import Foundation

/// kubernetes-sigs/inference-perf reports (`formats/inference-perf.md`): each
/// `stage_N_lifecycle_metrics.json` is one run at its stage's `requested_rate` (or
/// `concurrency`), with the client-side statistics inference-perf wrote (seconds, converted to
/// ms; origin `.reported`). The summary over all stages and the Prometheus reports are skipped
/// with the reason; recognised by their keys, never by their names.
struct InferencePerfReader: ResultReader {
  enum Kind { case lifecycle, lifecycleYAML, prometheus }

  static func kind(_ head: [UInt8]) -> Kind? {
    func has(_ text: String) -> Bool { ToolFile.head(head, contains: text) }
    guard ToolFile.firstByte(head) == UInt8(ascii: "{") else {
      // The same report as YAML (llm-d's converter fixtures), keys sorted.
      return has("\nload_summary:") && has("\nsuccesses:") && has("\nfailures:") ? .lifecycleYAML : nil
    }
    guard has("\"load_summary\""), has("\"successes\""), has("\"failures\"") else { return nil }
    return has("\"queue_len\"") || has("\"kv_cache_usage_percentage\"") ? .prometheus : .lifecycle
  }

  func confidence(for file: SniffedFile) -> ReadConfidence {
    file.head.flatMap(Self.kind) == nil ? .none : .certain
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    ToolFile.plan(
      files, kind: { $0.head.flatMap(Self.kind) },
      skipReason: { $0 == .prometheus ? "inference-perf Prometheus report (server-side figures), not a load-test result" : nil },
      read: { file, kind in Self.read((file.path, file.display), yaml: kind == .lifecycleYAML) })
  }

  static func read(_ file: (path: String, display: String), yaml: Bool = false) -> IngestResult {
    ToolFile.read(file, tool: .inferencePerf) { bytes in
      let parsed =
        yaml
        ? ToolFile.parseYAML(bytes, display: file.display, toolName: "inference-perf")
        : ToolFile.parseJSON(bytes, display: file.display, toolName: "inference-perf")
      switch parsed {
      case .failure(let skipped): return IngestResult(skipped: [skipped])
      case .success(let report):
        switch run(report, display: file.display) {
        case .success(let run): return IngestResult(runs: [run])
        case .failure(let skipped): return IngestResult(skipped: [skipped])
        }
      }
    }
  }

  /// `median` is the 50th percentile; v0.1 wrote `p50`.
  static func percentile(_ key: String) -> Double? { ReportedStatistics.plainPercentile(key) }

  static func run(_ report: JSONValue, display: String) -> Result<Run, SkippedInput> {
    let location = SourceLocation(path: display)
    let load = report["load_summary"]
    let requestedRate = load?["requested_rate"]?.doubleValue
    let concurrency = load?["concurrency"]?.intValue
    guard requestedRate != nil || concurrency != nil else {
      return .failure(
        SkippedInput(
          location: location, kind: .duplicate,
          reason: "inference-perf summary over all stages (no stage load level); the stage_N files are read instead"))
    }
    let successes = report["successes"]
    let completed = successes?["count"]?.intValue ?? 0
    let failed = report.at("failures", "count")?.intValue ?? 0
    guard completed > 0 else {
      return .failure(
        SkippedInput(location: location, kind: .notAResult, reason: "inference-perf stage with no successful request (\(failed) failed)"))
    }
    var run = Run(source: location, format: SourceFormat(tool: .inferencePerf, schema: report["benchmark_time_seconds"] == nil ? "v0.2-0.4" : "v0.5+"))
    run.backend = "inference-perf"
    if let concurrency, concurrency > 0 {
      run.maxConcurrency = concurrency
    } else if let requestedRate, requestedRate > 0 {
      run.requestRate = requestedRate.isFinite ? .finite(requestedRate) : .infinite
    }
    run.completed = completed
    run.failed = failed
    // The stage's send window; requests still running after it are part of the stage's count.
    run.duration = load?["send_duration"]?.doubleValue
    let throughput = successes?["throughput"]
    run.requestThroughput = throughput?["requests_per_sec"]?.doubleValue
    run.outputThroughput = throughput?["output_tokens_per_sec"]?.doubleValue
    run.inputThroughput = throughput?["input_tokens_per_sec"]?.doubleValue
    run.totalTokenThroughput = throughput?["total_tokens_per_sec"]?.doubleValue
    if let mean = (successes?.at("prompt_len", "mean") ?? successes?.at("prompt_tokens", "mean"))?.doubleValue {
      run.totalInputTokens = Int((mean * Double(completed)).rounded())
    }
    if let mean = (successes?.at("output_len", "mean") ?? successes?.at("output_tokens", "mean"))?.doubleValue {
      run.totalOutputTokens = Int((mean * Double(completed)).rounded())
    }
    if let achieved = load?["achieved_rate"]?.doubleValue, let requestedRate {
      run.notes.append("inference-perf sent at \(String(format: "%.2f", achieved)) req/s of the \(String(format: "%.2f", requestedRate)) requested")
    }
    let latencies: [(LatencyMetric, String)] = [
      (.ttft, "time_to_first_token"), (.tpot, "time_per_output_token"), (.e2el, "request_latency"),
    ]
    for (metric, key) in latencies {
      if let summary = ReportedStatistics.summary(successes?.at("latency", key), scale: 1000, percentile: percentile) {
        run.latency[metric] = summary
      }
    }
    run.notes.append("inference-perf statistics as reported (successful requests only; seconds converted to ms)")
    if successes?.at("latency", "inter_token_latency")?.objectValue != nil {
      run.notes.append(
        "inference-perf's inter_token_latency pools the gaps inside multi-token chunks (median near 0), unlike vLLM's ITL per chunk: left out")
    }
    return .success(run)
  }
}

import BenchModel
import Foundation

/// llm-d Benchmark Reports (`formats/other-tools.md` §7), YAML or JSON: the harness-neutral
/// report llm-d-benchmark writes beside each native result (an inference-perf stage, a GuideLLM
/// benchmark, a vLLM or AIPerf run). Each report is one run, with the aggregate statistics it
/// carries (origin `.reported`), in the units the report names.
///
/// * v0.2 / v0.2.1: `results.request_performance.aggregate`; the load level is
///   `scenario.load.standardized.rate_qps` and/or `concurrency` (`.inf` allowed); reports of one
///   experiment (`run.eid`) form one sweep.
/// * v0.1: `metrics`; no standardized load level, so it is looked for in `scenario.load.args`
///   (`concurrency`, `max_concurrency`, `rate`, `qps`, `qps_values`…).
///
/// `inter_token_latency` is left out: its meaning is the harness's (inference-perf pools the gaps
/// inside chunks). Server metrics (`observability`), time series and sessions are not read.
/// The reports' JSON schemas are skipped with the reason.
struct LLMDReportReader: ResultReader {
  enum Kind: Equatable { case json, yaml, schema }

  static func kind(_ head: [UInt8]) -> Kind? {
    func has(_ text: String) -> Bool { ToolFile.head(head, contains: text) }
    if ToolFile.firstByte(head) == UInt8(ascii: "{") {
      if has("\"$defs\"") && (has("\"AggregateRequests\"") || has("\"BenchmarkReport\"")) { return .schema }
      guard has("\"version\""), has("\"scenario\""), has("\"request_performance\"") || has("\"metrics\"") else {
        return nil
      }
      return has("\"time_to_first_token\"") ? .json : nil
    }
    guard has("version:"), has("scenario:"), has("time_to_first_token:") else { return nil }
    return has("request_performance:") || has("\nmetrics:") ? .yaml : nil
  }

  func confidence(for file: SniffedFile) -> ReadConfidence {
    file.head.flatMap(Self.kind) == nil ? .none : .certain
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    ToolFile.plan(
      files, kind: { $0.head.flatMap(Self.kind) },
      skipReason: { $0 == .schema ? "llm-d Benchmark Report JSON schema (describes the reports), not a result" : nil },
      read: { file, kind in Self.read((file.path, file.display), yaml: kind == .yaml) })
  }

  static let toolName = "llm-d Benchmark Report"

  static func read(_ file: (path: String, display: String), yaml: Bool) -> IngestResult {
    ToolFile.read(file, tool: .llmdReport) { bytes in
      let parsed =
        yaml
        ? ToolFile.parseYAML(bytes, display: file.display, toolName: toolName)
        : ToolFile.parseJSON(bytes, display: file.display, toolName: toolName)
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

  static func run(_ report: JSONValue, display: String) -> Result<Run, SkippedInput> {
    let location = SourceLocation(path: display)
    let version = report["version"]?.stringValue ?? report["version"]?.doubleValue.map { String(describing: $0) } ?? "?"
    switch version {
    case "0.1": return runV01(report, location: location)
    case "0.2", "0.2.1": return runV02(report, version: version, location: location)
    default:
      return .failure(
        SkippedInput(
          location: location, kind: .unsupported,
          reason: "\(toolName) version \(version); benchreport reads 0.1, 0.2 and 0.2.1"))
    }
  }

  // MARK: v0.2 / v0.2.1

  static func runV02(_ report: JSONValue, version: String, location: SourceLocation) -> Result<Run, SkippedInput> {
    let load = report.at("scenario", "load", "standardized")
    let harness = load?["tool"]?.stringValue ?? "unknown harness"
    guard let aggregate = report.at("results", "request_performance", "aggregate") else {
      return .failure(
        SkippedInput(
          location: location, kind: .notAResult,
          reason: "\(toolName) v\(version) (\(harness)) without results.request_performance.aggregate"))
    }
    var run = Run(source: location, format: SourceFormat(tool: .llmdReport, schema: "v\(version)"))
    run.backend = harness
    if let stage = load?["stage"]?.intValue { run.runNumber = stage }
    if let experiment = report.at("run", "eid")?.stringValue { run.metadata["llm-d experiment"] = experiment }
    let stack = report.at("scenario", "stack")?.arrayValue ?? []
    run.model =
      stack.lazy.compactMap { $0.at("standardized", "model", "name")?.stringValue }.first
      ?? report.at("scenario", "load", "native", "config", "server", "model_name")?.stringValue
    run.configuredInputLength = load?.at("input_seq_len", "value")?.intValue
    run.configuredOutputLength = load?.at("output_seq_len", "value")?.intValue

    let rate = load?["rate_qps"]?.doubleValue
    let concurrency = load?["concurrency"]?.doubleValue
    if let rate, rate > 0 {
      run.requestRate = rate.isFinite ? .finite(rate) : .infinite
      if let concurrency, concurrency.isFinite, concurrency > 0 { run.maxConcurrency = Int(concurrency) }
    } else if let concurrency, concurrency.isFinite, concurrency > 0 {
      run.maxConcurrency = Int(concurrency)
    } else {
      return .failure(
        SkippedInput(
          location: location, kind: .unreadable,
          reason:
            "\(toolName) v\(version) (\(harness)) with no load level (scenario.load.standardized.rate_qps / concurrency)"
        ))
    }
    let requests = aggregate["requests"]
    let throughput = aggregate["throughput"]
    let filled = fill(
      &run, requests: requests, latency: aggregate["latency"], location: location, harness: harness,
      duration: report.at("run", "time", "duration").flatMap(isoDurationSeconds))
    if case .failure(let skipped) = filled { return .failure(skipped) }
    run.requestThroughput = throughput?.at("request_rate", "mean")?.doubleValue
    run.outputThroughput = throughput?.at("output_token_rate", "mean")?.doubleValue
    run.inputThroughput = throughput?.at("input_token_rate", "mean")?.doubleValue
    run.totalTokenThroughput = throughput?.at("total_token_rate", "mean")?.doubleValue
    return .success(run)
  }

  // MARK: v0.1

  static func runV01(_ report: JSONValue, location: SourceLocation) -> Result<Run, SkippedInput> {
    let load = report.at("scenario", "load")
    let harness = load?["name"]?.stringValue ?? "unknown harness"
    guard let metrics = report["metrics"] else {
      return .failure(
        SkippedInput(location: location, kind: .notAResult, reason: "\(toolName) v0.1 (\(harness)) without `metrics`"))
    }
    var run = Run(source: location, format: SourceFormat(tool: .llmdReport, schema: "v0.1"))
    run.backend = harness
    run.model = report.at("scenario", "model", "name")?.stringValue
    let args = load?["args"]
    func number(_ keys: [String]) -> Double? {
      keys.lazy.compactMap { args?[$0]?.doubleValue ?? args?[$0]?.arrayValue?.first?.doubleValue }.first { $0 > 0 }
    }
    if let concurrency = number(["concurrency", "max_concurrency", "num_concurrent_requests"]), concurrency.isFinite {
      run.maxConcurrency = Int(concurrency)
    } else if let rate = number(["rate", "request_rate", "qps", "qps_values", "rate_qps"]) {
      run.requestRate = rate.isFinite ? .finite(rate) : .infinite
    } else {
      return .failure(
        SkippedInput(
          location: location, kind: .unsupported,
          reason:
            "\(toolName) v0.1 (\(harness)) has no standardized load level and none was found in scenario.load.args"))
    }
    run.notes.append(
      "load level read from the harness's own arguments (scenario.load.args): v0.1 has no standardized one")
    let filled = fill(
      &run, requests: metrics["requests"], latency: metrics["latency"], location: location, harness: harness,
      duration: metrics.at("time", "duration")?.doubleValue)
    if case .failure(let skipped) = filled { return .failure(skipped) }
    let throughput = metrics["throughput"]
    run.requestThroughput = throughput?["requests_per_sec"]?.doubleValue
    run.outputThroughput = throughput?["output_tokens_per_sec"]?.doubleValue
    run.inputThroughput = throughput?["input_tokens_per_sec"]?.doubleValue
    run.totalTokenThroughput = throughput?["total_tokens_per_sec"]?.doubleValue
    return .success(run)
  }

  // MARK: Shared

  /// Counts, token totals, duration and latencies, the same in every version.
  static func fill(
    _ run: inout Run, requests: JSONValue?, latency: JSONValue?, location: SourceLocation, harness: String,
    duration: Double?
  ) -> Result<Void, SkippedInput> {
    let total = requests?["total"]?.intValue ?? 0
    let failed = requests?["failures"]?.intValue ?? 0
    let incomplete = requests?["incomplete"]?.intValue ?? 0
    let completed = total - failed - incomplete
    guard completed > 0 else {
      return .failure(
        SkippedInput(
          location: location, kind: .notAResult,
          reason:
            "\(toolName) (\(harness)) with no completed request (\(total) sent, \(failed) failed, \(incomplete) incomplete)"
        ))
    }
    run.completed = completed
    run.failed = failed
    if incomplete > 0 {
      run.notes.append("\(incomplete) request(s) not completed (the report's `incomplete`), not counted")
    }
    run.duration = duration
    if let mean = requests?.at("input_length", "mean")?.doubleValue {
      run.totalInputTokens = Int((mean * Double(completed)).rounded())
    }
    if let mean = requests?.at("output_length", "mean")?.doubleValue {
      run.totalOutputTokens = Int((mean * Double(completed)).rounded())
    }
    let latencies: [(LatencyMetric, String)] = [
      (.ttft, "time_to_first_token"), (.tpot, "time_per_output_token"), (.e2el, "request_latency"),
    ]
    for (metric, key) in latencies {
      guard let stats = latency?[key], let unit = stats["units"]?.stringValue else { continue }
      guard let scale = ReportedStatistics.millisecondsFactor(unit: unit) else {
        run.notes.append("\(key) in unit `\(unit)`, which benchreport cannot convert to ms: left out")
        continue
      }
      if let summary = ReportedStatistics.summary(
        stats, median: nil, standardDeviation: "stddev", scale: scale, percentile: ReportedStatistics.plainPercentile)
      {
        run.latency[metric] = summary
      }
    }
    if let unit = latency?.at("request_latency", "units")?.stringValue, unit == "ms",
      let mean = latency?.at("request_latency", "mean")?.doubleValue, mean < 50
    {
      run.notes.append(
        "the report gives request latency in ms with a mean of \(String(format: "%.2f", mean)) ms: check the unit (llm-d's v0.1 example writes seconds under `ms`)"
      )
    }
    run.notes.append(
      "\(toolName) statistics of the \(harness) run as the report carries them, in its units; inter_token_latency left out (its meaning is the harness's)"
    )
    return .success(())
  }

  /// `PT49.97S`, `PT1M2.5S`, `PT1H` (ISO-8601 durations as llm-d writes them) in seconds.
  static func isoDurationSeconds(_ value: JSONValue) -> Double? {
    if let seconds = value.doubleValue { return seconds }
    guard var text = value.stringValue?.uppercased(), text.hasPrefix("PT") else { return nil }
    text.removeFirst(2)
    var seconds = 0.0
    var number = ""
    for character in text {
      if character.isNumber || character == "." {
        number.append(character)
        continue
      }
      guard let value = Double(number) else { return nil }
      switch character {
      case "H": seconds += value * 3600
      case "M": seconds += value * 60
      case "S": seconds += value
      default: return nil
      }
      number = ""
    }
    return number.isEmpty ? seconds : nil
  }
}

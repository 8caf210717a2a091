import BenchModel
import Foundation

/// AIPerf (`formats/other-tools.md` §2) and its predecessor GenAI-Perf (§1): one run per
/// `profile_export_aiperf.json` / `profile_export_genai_perf.json`, from the statistics the tool
/// wrote (origin `.reported`). Every AIPerf export generation is read: the Oct-2025 `records`
/// wrapper, the flat keys of Nov 2025 – Jan 2026, and `schema_version` 1.0–1.4.
///
/// Metric names map onto vLLM's: `time_to_first_token` (`ttft`) → TTFT, `inter_token_latency`
/// ((E2E − TTFT)/(OSL − 1) per request) → TPOT, `inter_chunk_latency` (every gap) → ITL,
/// `request_latency` → E2E.
///
/// The other files of an artifact folder are skipped with the reason: the CSV twin and the
/// per-request `profile_export.jsonl` (its statistics are already the JSON's, and the JSONL
/// kept in a folder can be trimmed), the GPU-telemetry and server-metrics exports.
struct AIPerfReader: ResultReader {
  enum Kind: Equatable { case aiperfJSON, genaiPerfJSON, records, csv, gpuTelemetry, serverMetrics }

  static func kind(_ head: [UInt8]) -> Kind? {
    let first = ToolFile.firstByte(head)
    func has(_ text: String) -> Bool { ToolFile.head(head, contains: text) }
    if first == UInt8(ascii: "{") {
      if has("\"dcgm_url\"") && has("\"gpu_uuid\"") { return .gpuTelemetry }
      if has("\"aiperf_version\"") && (has("\"metrics_phase\"") || has("\"endpoints_configured\"")) && !has("\"was_cancelled\"") {
        return .serverMetrics
      }
      if has("\"metadata\"") && has("\"metrics\"") && (has("\"benchmark_phase\"") || has("\"credit_phase\"")) { return .records }
      if has("\"aiperf_version\"") || (has("\"was_cancelled\"") && has("\"input_config\"")) { return .aiperfJSON }
      if has("\"input_config\"") && has("\"request_latency\"") && has("\"unit\"") { return .genaiPerfJSON }
      return nil
    }
    if has("# AIPerf Server Metrics Export") { return .serverMetrics }
    let firstLine = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }.prefix(4096), as: UTF8.self)
    if firstLine.hasPrefix("Metric,avg,min,max") { return .csv }
    return nil
  }

  func confidence(for file: SniffedFile) -> ReadConfidence {
    guard let head = file.head, let kind = Self.kind(head) else { return .none }
    // GPU and server metrics belong to the metrics readers when there are any.
    return kind == .gpuTelemetry || kind == .serverMetrics ? .possible : .certain
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    var plan = ReadPlan()
    func skip(_ file: SniffedFile, _ kind: SkippedInput.Kind, _ reason: String) {
      plan.skipped.append(SkippedInput(location: SourceLocation(path: file.display), kind: kind, reason: reason))
    }
    func folder(_ file: SniffedFile) -> String { (file.display as NSString).deletingLastPathComponent }
    let kinds = files.map { $0.head.flatMap(Self.kind) }
    let foldersWithJSON = Set(zip(files, kinds).filter { $0.1 == .aiperfJSON || $0.1 == .genaiPerfJSON }.map { folder($0.0) })
    for (file, kind) in zip(files, kinds) {
      switch kind {
      case .aiperfJSON?, .genaiPerfJSON?:
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        plan.jobs.append(ReadJob(startOrderSize: size) { Self.read((file.path, file.display)) })
      case .records?:
        foldersWithJSON.contains(folder(file))
          ? skip(file, .duplicate, "AIPerf per-request records of the run read from the profile export JSON beside it (its statistics are AIPerf's own)")
          : skip(file, .unsupported, "AIPerf per-request records without their profile_export_aiperf.json, which holds the load level; not read yet")
      case .csv?:
        foldersWithJSON.contains(folder(file))
          ? skip(file, .duplicate, "AIPerf / GenAI-Perf CSV export; the same statistics are read from the JSON export beside it")
          : skip(file, .unsupported, "AIPerf / GenAI-Perf CSV export without its JSON twin; not read yet (keep the profile_export JSON)")
      case .gpuTelemetry?:
        skip(file, .notAResult, "AIPerf GPU telemetry export (DCGM samples), not a load-test result")
      case .serverMetrics?:
        skip(file, .notAResult, "AIPerf server-metrics export (Prometheus series), not a load-test result")
      case nil:
        plan.declined.append(file)
      }
    }
    return plan
  }

  static func read(_ file: (path: String, display: String)) -> IngestResult {
    ToolFile.read(file, tool: .aiperf) { bytes in
      switch ToolFile.parseJSON(bytes, display: file.display, toolName: "AIPerf") {
      case .failure(let skipped): return IngestResult(skipped: [skipped])
      case .success(let export):
        switch run(export, display: file.display) {
        case .success(let run): return IngestResult(runs: [run])
        case .failure(let skipped): return IngestResult(skipped: [skipped])
        }
      }
    }
  }

  /// Short tags of the Oct-2025 `records` wrapper, by the flat key they stand for.
  static let shortTags = ["time_to_first_token": "ttft", "time_to_second_token": "ttst"]

  static func run(_ export: JSONValue, display: String) -> Result<Run, SkippedInput> {
    let location = SourceLocation(path: display)
    let isAIPerf = export["aiperf_version"] != nil || export["was_cancelled"] != nil
    let toolName = isAIPerf ? "AIPerf" : "GenAI-Perf"
    let records = export["records"]
    if let records, records["Time to First Token"] != nil || records["Inter Token Latency"] != nil {
      return .failure(
        SkippedInput(
          location: location, kind: .unsupported,
          reason: "pre-release AIPerf export (June 2025, metrics keyed by their headers) with no request count, duration or load level"))
    }
    func metric(_ key: String) -> JSONValue? {
      export[key] ?? records?[key] ?? shortTags[key].flatMap { records?[$0] }
    }
    func value(_ key: String) -> Double? { metric(key)?["avg"]?.doubleValue }

    let schema: String
    if let version = export["schema_version"]?.stringValue {
      schema = "schema-\(version)"
    } else if records != nil {
      schema = "records-2025-10"
    } else {
      schema = isAIPerf ? "flat-2025-11" : "genai-perf"
    }
    var run = Run(source: location, format: SourceFormat(tool: isAIPerf ? .aiperf : .genaiPerf, schema: schema))
    run.backend = isAIPerf ? "aiperf" : "genai-perf"
    let config = export["input_config"]
    run.model =
      config?.at("endpoint", "model_names")?.arrayValue?.first?.stringValue
      ?? config?.at("models", "items")?.arrayValue?.first?["name"]?.stringValue
      ?? config?["model_names"]?.arrayValue?.first?.stringValue ?? config?["model"]?.arrayValue?.first?.stringValue
      ?? config?["model"]?.stringValue
    if let version = export["aiperf_version"]?.stringValue { run.notes.append("AIPerf \(version)") }

    // The load level: the profiling phase (1.x), `loadgen` (2025), GenAI-Perf's flat or nested
    // config, else the command line AIPerf recorded.
    let profiling = config?["phases"]?.arrayValue?.first { $0["name"]?.stringValue == "profiling" }
    let levelSources = [profiling, config?["loadgen"], config, config?.at("perf_analyzer", "stimulus")].compactMap { $0 }
    let concurrency = levelSources.lazy.compactMap { $0["concurrency"]?.intValue }.first
    let rate = levelSources.lazy.compactMap { $0["request_rate"]?.doubleValue }.first
    let command = (export.at("run_info", "cli_command") ?? config?["cli_command"])?.stringValue
    if let rate, rate > 0 {
      run.requestRate = .finite(rate)
      run.maxConcurrency = concurrency
    } else if let concurrency, concurrency > 0 {
      run.maxConcurrency = concurrency
    } else if let command, let parsed = commandLevel(command) {
      (run.maxConcurrency, run.requestRate) = parsed
      run.notes.append("load level read from the recorded command line")
    } else {
      return .failure(
        SkippedInput(
          location: location, kind: .unreadable,
          reason: "\(toolName) export with no load level (no concurrency or request rate in input_config or the recorded command)"))
    }

    let errorCount =
      value("error_request_count").map { Int($0) }
      ?? export["error_summary"]?.arrayValue.map { $0.reduce(0) { $0 + ($1["count"]?.intValue ?? 0) } }
    let completed = value("request_count").map { Int($0) }
    if (completed ?? 0) == 0 && (errorCount ?? 0) > 0 {
      let first = export["error_summary"]?.arrayValue?.first
      let detail = (first?.at("error_details", "type")?.stringValue).map { ": \($0)" } ?? ""
      return .failure(
        SkippedInput(
          location: location, kind: .notAResult, reason: "\(toolName) export with only errors (\(errorCount!) failed requests\(detail))"))
    }
    run.completed = completed
    run.failed = errorCount ?? (completed == nil ? nil : 0)
    run.duration = value("benchmark_duration")
    run.requestThroughput = value("request_throughput")
    run.outputThroughput = value("output_token_throughput")
    run.totalTokenThroughput = value("total_token_throughput")
    run.totalInputTokens = value("total_isl").map { Int($0) }
    run.totalOutputTokens = (value("total_osl") ?? value("total_output_tokens")).map { Int($0) }
    if run.duration == nil, let completed, let throughput = run.requestThroughput, throughput > 0 {
      run.duration = Double(completed) / throughput
      run.notes.append("duration = requests ÷ request throughput (the export has no benchmark duration)")
    }
    if export["was_cancelled"] == .bool(true) { run.notes.append("AIPerf marks this run as cancelled before it finished") }

    let latencies: [(LatencyMetric, String)] = [
      (.ttft, "time_to_first_token"), (.tpot, "inter_token_latency"), (.itl, "inter_chunk_latency"), (.e2el, "request_latency"),
    ]
    for (latency, key) in latencies {
      guard let stats = metric(key), let scale = ReportedStatistics.millisecondsFactor(unit: stats["unit"]?.stringValue ?? "ms") else { continue }
      if let summary = ReportedStatistics.summary(
        stats, mean: "avg", median: nil, standardDeviation: "std", scale: scale, percentile: ReportedStatistics.plainPercentile)
      {
        run.latency[latency] = summary
      }
    }
    run.notes.append("\(toolName) statistics as the tool reported them (successful requests only); TPOT = AIPerf's inter_token_latency, ITL = inter_chunk_latency")
    return .success(run)
  }

  /// `--concurrency N` / `--request-rate R` in a recorded command line.
  static func commandLevel(_ command: String) -> (Int?, RequestRate?)? {
    let words = command.split(whereSeparator: { $0 == " " || $0 == "=" }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
    var concurrency: Int?
    var rate: RequestRate?
    for (index, word) in words.enumerated() where index + 1 < words.count {
      if word == "--concurrency", let value = Int(words[index + 1]), value > 0 { concurrency = value }
      if word == "--request-rate", let value = Double(words[index + 1]), value > 0 { rate = .finite(value) }
    }
    if concurrency == nil && rate == nil { return nil }
    return (rate == nil ? concurrency : concurrency, rate)
  }
}

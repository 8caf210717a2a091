import BenchModel
import Foundation

/// GuideLLM reports (`formats/other-tools.md` §3): `benchmarks.json` and `.yaml` of the 0.2/0.3
/// era (no `metadata`), report schema v1 (`metadata.version: 1`, top-level `args`, 0.4–0.6) and
/// v2 (`metadata.version: 2`, `config.spec`, 0.7+). Each benchmark (one strategy: synchronous,
/// concurrent, throughput, constant, poisson) becomes one run at its load level, with the
/// statistics GuideLLM reported over the **successful** requests.
///
/// GuideLLM's statistics are used as written (origin `.reported`): its per-request rows are
/// often sampled (`--output-sampling`) or empty (v2), so they are not re-aggregated.
struct GuideLLMReader: ResultReader {
  func confidence(for file: SniffedFile) -> ReadConfidence {
    guard let head = file.head else { return .none }
    return Self.kind(head) == nil ? .none : .certain
  }

  enum Kind { case json, yaml, csv, console }

  /// What a GuideLLM file is, from its first bytes.
  static func kind(_ head: [UInt8]) -> Kind? {
    let first = ToolFile.firstByte(head)
    if first == UInt8(ascii: "{") {
      if ToolFile.head(head, contains: "\"generative_benchmark\"") || ToolFile.head(head, contains: "\"guidellm_version\"") {
        return .json
      }
      return nil
    }
    if ToolFile.head(head, contains: "type_: generative_benchmark") || ToolFile.head(head, contains: "guidellm_version:") { return .yaml }
    // The console summary (`Benchmarks Metadata:` / `Benchmarks Info:` tables).
    if ToolFile.head(head, contains: "Benchmarks Info:") && ToolFile.head(head, contains: "Benchmarks Stats:") { return .console }
    // CSV 0.2 (`Type,Run Id,Id,Name,…`) and 0.4+ (three header rows with `Run Id`).
    let firstLine = String(decoding: head.prefix { $0 != 0x0A }.prefix(4096), as: UTF8.self)
    if firstLine.contains("Run Id") && (firstLine.contains("Successful Requests") || firstLine.contains("Strategy") || firstLine.contains("Name,")) {
      return .csv
    }
    return nil
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    var plan = ReadPlan()
    for file in files {
      switch file.head.flatMap(Self.kind) {
      case .console?:
        plan.skipped.append(
          SkippedInput(
            location: SourceLocation(path: file.display), kind: .notAResult,
            reason: "GuideLLM console summary; benchreport reads the benchmarks.json/.yaml it was printed from"))
      case .csv?:
        plan.skipped.append(
          SkippedInput(
            location: SourceLocation(path: file.display), kind: .unsupported,
            reason: "GuideLLM CSV export, not read yet: save the run with --outputs json (or yaml) for benchreport"))
      case let kind?:
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        plan.jobs.append(ReadJob(startOrderSize: size) { Self.read((file.path, file.display), yaml: kind == .yaml) })
      case nil:
        plan.declined.append(file)
      }
    }
    return plan
  }

  /// Keys whose values benchreport never uses: the per-request rows (with prompts and outputs)
  /// and the distributions' CDF/PDF, skipped by the parser at full speed.
  static let skippedKeys: Set<String> = ["requests", "request_samples", "cumulative_distribution_function", "pdf"]

  static func read(_ file: (path: String, display: String), yaml: Bool) -> IngestResult {
    ToolFile.read(file, tool: .guidellm) { bytes in
      let parsed =
        yaml
        ? ToolFile.parseYAML(bytes, display: file.display, toolName: "GuideLLM")
        : ToolFile.parseJSON(bytes, display: file.display, toolName: "GuideLLM", skippedKeys: skippedKeys)
      switch parsed {
      case .failure(let skipped): return IngestResult(skipped: [skipped])
      case .success(let report): return runs(from: report, display: file.display)
      }
    }
  }

  /// One run per benchmark of a parsed report.
  static func runs(from report: JSONValue, display: String) -> IngestResult {
    var result = IngestResult()
    guard let benchmarks = report["benchmarks"]?.arrayValue else {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: display), kind: .unreadable, reason: "GuideLLM report without a `benchmarks` list"))
      return result
    }
    let version = report.at("metadata", "version")?.intValue
    let schema = version.map { "report-v\($0)" } ?? "0.2-0.3"
    if benchmarks.isEmpty {
      result.skipped.append(
        SkippedInput(
          location: SourceLocation(path: display), kind: .notAResult,
          reason: "GuideLLM report (\(schema)) with no benchmark: the run ended before any strategy completed"))
    }
    for (index, benchmark) in benchmarks.enumerated() {
      switch run(benchmark, index: index, report: report, schema: schema, display: display) {
      case .success(let run): result.runs.append(run)
      case .failure(let skipped): result.skipped.append(skipped)
      }
    }
    return result
  }

  /// GuideLLM's percentile keys: `p001` = 0.1, `p01` = 1, `p05` = 5, `p10` … `p99`, `p999` = 99.9.
  static func percentile(_ key: String) -> Double? {
    switch key {
    case "p001": 0.1
    case "p01": 1
    case "p05": 5
    case "p999": 99.9
    default: key.hasPrefix("p") ? Double(key.dropFirst()).flatMap { $0 > 0 && $0 < 100 ? $0 : nil } : nil
    }
  }

  static func run(
    _ benchmark: JSONValue, index: Int, report: JSONValue, schema: String, display: String
  ) -> Result<Run, SkippedInput> {
    let location = SourceLocation(path: display, arrayIndex: index)
    let strategy = benchmark.at("config", "strategy") ?? benchmark.at("args", "strategy")
    let strategyType = strategy?["type_"]?.stringValue ?? "unknown"
    let metrics = benchmark["metrics"]
    let totals = metrics?["request_totals"] ?? benchmark["request_totals"]
    let completed = totals?["successful"]?.intValue
    let errored = totals?["errored"]?.intValue ?? 0
    let incomplete = totals?["incomplete"]?.intValue ?? 0
    guard let completed, completed > 0 else {
      return .failure(
        SkippedInput(
          location: location, kind: .notAResult,
          reason: "GuideLLM benchmark \(index + 1) (\(strategyType)) completed no request (\(errored) errored, \(incomplete) incomplete)"))
    }
    var run = Run(source: location, format: SourceFormat(tool: .guidellm, schema: schema))
    run.backend = "guidellm"
    run.model =
      benchmark.at("config", "backend", "model")?.stringValue ?? report.at("args", "model")?.stringValue
      ?? benchmark.at("worker", "backend_model")?.stringValue ?? report.at("config", "spec", "backend", "model")?.stringValue
    if let data = benchmark.at("request_loader", "data")?.stringValue ?? report.at("args", "data")?.arrayValue?.first?.stringValue {
      run.dataset = data
      // Synthetic data is written `prompt_tokens=256,output_tokens=128`.
      for part in data.split(separator: ",") {
        let pair = part.split(separator: "=")
        guard pair.count == 2, let value = Int(pair[1]) else { continue }
        if pair[0] == "prompt_tokens" { run.configuredInputLength = value }
        if pair[0] == "output_tokens" { run.configuredOutputLength = value }
      }
    }

    switch strategyType {
    case "synchronous":
      run.maxConcurrency = 1
    case "concurrent":
      guard let streams = strategy?["streams"]?.intValue else {
        return .failure(SkippedInput(location: location, kind: .unreadable, reason: "GuideLLM concurrent benchmark without `streams`"))
      }
      run.maxConcurrency = streams
    case "throughput":
      run.requestRate = .infinite
      if let limit = strategy?["max_concurrency"]?.intValue {
        run.notes.append("GuideLLM throughput strategy: every request sent at once, at most \(limit) in flight")
      }
    case "constant", "poisson", "async":
      guard let rate = strategy?["rate"]?.doubleValue, rate > 0 else {
        return .failure(SkippedInput(location: location, kind: .unreadable, reason: "GuideLLM \(strategyType) benchmark without a rate"))
      }
      run.requestRate = rate.isFinite ? .finite(rate) : .infinite
      if strategyType == "poisson" { run.burstiness = 1 }
    default:
      return .failure(
        SkippedInput(location: location, kind: .unsupported, reason: "GuideLLM benchmark with strategy `\(strategyType)`, which benchreport cannot place on a load axis"))
    }
    run.notes.append("GuideLLM \(strategyType) strategy; statistics as GuideLLM reported them, over successful requests only")

    run.completed = completed
    run.failed = errored
    if incomplete > 0 { run.notes.append("\(incomplete) request(s) still in flight when the benchmark ended (GuideLLM `incomplete`), not counted") }
    run.duration = benchmark["duration"]?.doubleValue

    func successful(_ name: String) -> JSONValue? {
      guard let stats = metrics?[name]?["successful"], (stats["count"]?.intValue ?? 1) > 0 else { return nil }
      return stats
    }
    run.requestThroughput = successful("requests_per_second")?["mean"]?.doubleValue
    run.outputThroughput = successful("output_tokens_per_second")?["mean"]?.doubleValue
    run.inputThroughput = successful("prompt_tokens_per_second")?["mean"]?.doubleValue
    run.totalTokenThroughput = successful("tokens_per_second")?["mean"]?.doubleValue
    run.totalInputTokens = successful("prompt_token_count")?["total_sum"]?.intValue
    run.totalOutputTokens = successful("output_token_count")?["total_sum"]?.intValue

    let latencies: [(LatencyMetric, String, Double)] = [
      (.ttft, "time_to_first_token_ms", 1), (.tpot, "time_per_output_token_ms", 1),
      (.itl, "inter_token_latency_ms", 1), (.e2el, "request_latency", 1000),
    ]
    for (metric, name, scale) in latencies {
      if let summary = ReportedStatistics.summary(
        successful(name), standardDeviation: "std_dev", scale: scale, percentile: percentile)
      {
        run.latency[metric] = summary
      }
    }
    return .success(run)
  }
}

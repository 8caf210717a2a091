import BenchModel
import Foundation

/// sgl-project/genai-bench experiment folders (`formats/other-tools.md` §6): each run file
/// (`{"aggregated_metrics": …, "individual_request_metrics": […]}`, one traffic scenario at one
/// concurrency) is one run, with the statistics genai-bench aggregated (origin `.reported`).
/// The traffic scenario (`D(100,100)`, `N(480,240)/(300,150)`, …) is the run's dataset, so each
/// scenario of an experiment forms its own sweep over concurrency.
///
/// `experiment_metadata.json` in the same folder is read with every run file: it names the
/// model and server and, from 2026, the unit of every latency (`metrics_time_unit`, `s` or
/// `ms`; absent means seconds). A metadata file with no run file beside it is skipped with the
/// reason; batch-size iterations (embeddings, rerank) have no load axis benchreport draws.
struct GenAIBenchReader: ResultReader {
  enum Kind: Equatable { case run, experimentMetadata }

  static func kind(_ head: [UInt8]) -> Kind? {
    guard ToolFile.firstByte(head) == UInt8(ascii: "{") else { return nil }
    func has(_ text: String) -> Bool { ToolFile.head(head, contains: text) }
    if has("\"aggregated_metrics\"") && has("\"e2e_latency\"") { return .run }
    if has("\"iteration_type\"") && has("\"traffic_scenario\"") { return .experimentMetadata }
    return nil
  }

  func confidence(for file: SniffedFile) -> ReadConfidence {
    file.head.flatMap(Self.kind) == nil ? .none : .certain
  }

  /// One job per experiment folder: its metadata (if any), then its run files in scan order.
  func plan(_ files: [SniffedFile]) -> ReadPlan {
    var plan = ReadPlan()
    var folders: [String] = []
    var metadataFiles: [String: SniffedFile] = [:]
    var runFiles: [String: [SniffedFile]] = [:]
    for file in files {
      let folder = (file.display as NSString).deletingLastPathComponent
      switch file.head.flatMap(Self.kind) {
      case .run?:
        if runFiles[folder] == nil && metadataFiles[folder] == nil { folders.append(folder) }
        runFiles[folder, default: []].append(file)
      case .experimentMetadata?:
        if runFiles[folder] == nil && metadataFiles[folder] == nil { folders.append(folder) }
        if metadataFiles[folder] != nil {
          plan.skipped.append(
            SkippedInput(
              location: SourceLocation(path: file.display), kind: .duplicate,
              reason: "second genai-bench experiment metadata file in one folder; the first one is used"))
        } else {
          metadataFiles[folder] = file
        }
      case nil:
        plan.declined.append(file)
      }
    }
    for folder in folders {
      let metadata = metadataFiles[folder].map { ($0.path, $0.display) }
      guard let runs = runFiles[folder] else {
        if let metadata {
          plan.skipped.append(
            SkippedInput(
              location: SourceLocation(path: metadata.1), kind: .notAResult,
              reason:
                "genai-bench experiment metadata without any run file beside it (the results are in the per-scenario JSON files)"
            ))
        }
        continue
      }
      let runPaths = runs.map { ($0.path, $0.display) }
      plan.jobs.append(ReadJob(startOrderSize: 0) { Self.read(metadata: metadata, runs: runPaths) })
    }
    return plan
  }

  /// What the experiment metadata says about every run of its folder.
  struct Experiment {
    var display: String?
    var model: String?
    var metadata: [String: String] = [:]
    /// Latency unit of the run files as a factor to ms (seconds unless `metrics_time_unit` says otherwise).
    var scale: Double = 1000
    var unitStated = false
  }

  static func experiment(_ metadata: JSONValue, display: String) -> Experiment {
    var experiment = Experiment(display: display)
    experiment.model = metadata["model"]?.stringValue ?? metadata["api_model_name"]?.stringValue
    for key in ["server_engine", "server_version", "server_gpu_type", "server_gpu_count", "api_backend"] {
      if let value = metadata[key]?.stringValue ?? metadata[key]?.intValue.map(String.init), !value.isEmpty {
        experiment.metadata[key] = value
      }
    }
    if let unit = metadata["metrics_time_unit"]?.stringValue,
      let scale = ReportedStatistics.millisecondsFactor(unit: unit)
    {
      experiment.scale = scale
      experiment.unitStated = true
    }
    return experiment
  }

  /// Per-request rows are not used (no timestamps, often trimmed): skipped by the parser.
  static let skippedKeys: Set<String> = ["individual_request_metrics"]

  static func read(metadata: (path: String, display: String)?, runs: [(path: String, display: String)]) -> IngestResult
  {
    var result = IngestResult()
    var experiment = Experiment()
    if let metadata {
      result.merge(
        ToolFile.read(metadata, tool: .genaiBench) { bytes in
          switch ToolFile.parseJSON(bytes, display: metadata.display, toolName: "genai-bench") {
          case .failure(let skipped): return IngestResult(skipped: [skipped])
          case .success(let value):
            experiment = Self.experiment(value, display: metadata.display)
            return IngestResult()
          }
        })
    }
    for file in runs {
      result.merge(
        ToolFile.read(file, tool: .genaiBench) { bytes in
          switch ToolFile.parseJSON(bytes, display: file.display, toolName: "genai-bench", skippedKeys: skippedKeys) {
          case .failure(let skipped): return IngestResult(skipped: [skipped])
          case .success(let value):
            switch run(value, display: file.display, experiment: experiment) {
            case .success(let run): return IngestResult(runs: [run])
            case .failure(let skipped): return IngestResult(skipped: [skipped])
            }
          }
        })
    }
    return result
  }

  static func run(_ file: JSONValue, display: String, experiment: Experiment) -> Result<Run, SkippedInput> {
    let location = SourceLocation(path: display)
    guard let aggregated = file["aggregated_metrics"] else {
      return .failure(
        SkippedInput(location: location, kind: .unreadable, reason: "genai-bench run file without `aggregated_metrics`")
      )
    }
    let scenario = aggregated["scenario"]?.stringValue ?? "unknown scenario"
    let iteration = aggregated["iteration_type"]?.stringValue ?? "num_concurrency"
    guard iteration == "num_concurrency" else {
      return .failure(
        SkippedInput(
          location: location, kind: .unsupported,
          reason:
            "genai-bench `\(iteration)` iteration (\(scenario)): a batch size is no load level benchreport can place on its axes"
        ))
    }
    guard let concurrency = aggregated["num_concurrency"]?.intValue, concurrency > 0 else {
      return .failure(
        SkippedInput(
          location: location, kind: .unreadable, reason: "genai-bench run file without a positive `num_concurrency`"))
    }
    let completed = aggregated["num_completed_requests"]?.intValue ?? 0
    let failed = aggregated["num_error_requests"]?.intValue ?? 0
    guard completed > 0 else {
      return .failure(
        SkippedInput(
          location: location, kind: .notAResult,
          reason:
            "genai-bench run \(scenario) at concurrency \(concurrency) with no completed request (\(failed) errors)"))
    }
    var run = Run(
      source: location,
      format: SourceFormat(
        tool: .genaiBench, schema: aggregated["requests_per_second"] != nil ? "2026" : "requests-per-minute"))
    run.backend = "genai-bench"
    run.model = experiment.model
    run.metadata = experiment.metadata
    if let display = experiment.display { run.inputFiles = [location.path, display] }
    run.dataset = scenario
    // A deterministic scenario `D(in,out)` fixes the lengths.
    if scenario.hasPrefix("D("), scenario.hasSuffix(")") {
      let numbers = scenario.dropFirst(2).dropLast().split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
      }
      if numbers.count == 2 { (run.configuredInputLength, run.configuredOutputLength) = (numbers[0], numbers[1]) }
    }
    run.maxConcurrency = concurrency
    run.completed = completed
    run.failed = failed
    if failed > 0, let codes = aggregated["error_codes_frequency"]?.objectValue {
      let listed = codes.keys.map { "\($0): \(codes[$0]?.intValue.map(String.init) ?? "?")" }.joined(separator: ", ")
      run.notes.append("genai-bench error codes (code: count): \(listed)")
    }
    run.duration = aggregated["run_duration"]?.doubleValue
    if let perSecond = aggregated["requests_per_second"]?.doubleValue {
      run.requestThroughput = perSecond
    } else if let perMinute = aggregated["requests_per_minute"]?.doubleValue {
      run.requestThroughput = perMinute / 60
      run.notes.append("request throughput = genai-bench's requests per minute ÷ 60")
    }
    if run.duration == nil, let throughput = run.requestThroughput, throughput > 0 {
      run.duration = Double(completed) / throughput
      run.notes.append("duration = completed requests ÷ request throughput (the file has no run_duration)")
    }
    run.outputThroughput = aggregated["mean_output_throughput_tokens_per_s"]?.doubleValue
    run.inputThroughput = aggregated["mean_input_throughput_tokens_per_s"]?.doubleValue
    run.totalTokenThroughput = aggregated["mean_total_tokens_throughput_tokens_per_s"]?.doubleValue
    let stats = aggregated["stats"]
    run.totalInputTokens = stats?.at("num_input_tokens", "sum")?.intValue
    run.totalOutputTokens = stats?.at("num_output_tokens", "sum")?.intValue
    let latencies: [(LatencyMetric, String)] = [(.ttft, "ttft"), (.tpot, "tpot"), (.e2el, "e2e_latency")]
    for (metric, key) in latencies {
      if let summary = ReportedStatistics.summary(
        stats?[key], median: nil, standardDeviation: "stddev", scale: experiment.scale,
        percentile: ReportedStatistics.plainPercentile)
      {
        run.latency[metric] = summary
      }
    }
    run.notes.append(
      "genai-bench traffic scenario \(scenario); statistics as genai-bench aggregated them (successful requests only)")
    if !experiment.unitStated {
      run.notes.append(
        experiment.display == nil
          ? "no experiment_metadata.json beside the run file: latencies taken as seconds (genai-bench's unit before metrics_time_unit)"
          : "latencies in seconds (the experiment metadata has no metrics_time_unit)")
    }
    return .success(run)
  }
}

import BenchModel

/// Reads one vLLM `benchmark_serving.py --save-result` / `vllm bench serve` result object
/// (schemas V1–V9, and `vllm bench sweep` run files, which are the same object plus
/// `run_number` and override keys).
enum VLLMServingReader {
  /// Keys with a meaning of their own; every other scalar key is metadata (`--metadata k=v`,
  /// sweep overrides such as `max_num_seqs`).
  static let knownKeys: Set<String> = [
    "date", "version", "backend", "endpoint_type", "label", "model_id", "tokenizer_id", "best_of",
    "use_beam_search", "num_prompts", "request_rate", "burstiness", "max_concurrency",
    "ramp_up_strategy", "ramp_up_start_rps", "ramp_up_end_rps", "duration", "completed", "failed",
    "total_input_tokens", "total_output_tokens", "request_throughput", "request_inthroughput",
    "request_goodput", "request_goodput:", "input_throughput", "output_throughput",
    "total_token_throughput", "max_output_tokens_per_s", "max_concurrent_requests", "rtfx",
    "input_lens", "output_lens", "ttfts", "itls", "generated_texts", "errors", "start_times",
    "latencies", "queue_times", "run_number", "rps_change_events", "total_input_sequences",
    "input_sequence_throughput", "dataset_name",
  ]

  static let metricNames: [LatencyMetric: String] = [
    .ttft: "ttft", .tpot: "tpot", .itl: "itl", .e2el: "e2el",
  ]

  static func read(_ object: JSONObject, source: SourceLocation, format: SourceFormat) -> Run {
    var fields = ResultFields(object)
    var run = Run(source: source, format: format)
    run.date = fields.string("date")
    run.model = fields.string("model_id")
    run.tokenizer = fields.string("tokenizer_id")
    run.endpointType = fields.string("endpoint_type")
    // V8 files have only `endpoint_type`; it names the client just as `backend` does.
    run.backend = fields.string("backend") ?? run.endpointType
    run.label = fields.string("label")
    run.dataset = fields.string("dataset_name")
    run.numPrompts = fields.int("num_prompts")
    run.requestRate = fields.requestRate("request_rate")
    // `--burstiness inf` (vLLM PR #26941) is a real setting, written as a bare `Infinity`.
    if case .number(let value)? = object["burstiness"], value == .infinity {
      run.burstiness = .infinity
    } else {
      run.burstiness = fields.double("burstiness")
    }
    run.maxConcurrency = fields.int("max_concurrency")
    run.runNumber = fields.int("run_number")
    run.duration = fields.measure("duration")
    run.completed = fields.int("completed")
    run.failed = fields.int("failed")
    run.totalInputTokens = fields.int("total_input_tokens")
    run.totalOutputTokens = fields.int("total_output_tokens")
    run.requestThroughput = fields.measure("request_throughput") ?? fields.measure("request_inthroughput")
    run.requestGoodput = fields.measure("request_goodput") ?? fields.measure("request_goodput:")
    run.inputThroughput = fields.measure("input_throughput")
    run.outputThroughput = fields.measure("output_throughput")
    run.totalTokenThroughput = fields.measure("total_token_throughput")
    if run.totalTokenThroughput == nil, let input = run.inputThroughput, let output = run.outputThroughput {
      run.totalTokenThroughput = input + output
      run.notes.append("total token throughput = input_throughput + output_throughput (V1–V4 file)")
    }
    run.peakOutputThroughput = fields.measure("max_output_tokens_per_s")
    run.peakConcurrentRequests = fields.double("max_concurrent_requests")
    run.latency = fields.latencySummaries(metricNames: metricNames)
    for key in object.keys where !knownKeys.contains(key) && !isMetricKey(key) && !isMeasuredKey(key) {
      switch object[key] {
      case .string, .number, .bool: if let text = fields.string(key) { run.metadata[key] = text }
      default: break
      }
    }
    if format.schema == "V4" || format.schema == "V5", run.latency[.e2el] != nil {
      run.notes.append("V4/V5-era file: vLLM then wrote mean and median E2EL swapped; recomputed from samples when present")
    }
    var sampleNotes: [String] = []
    run.samples = RequestSamplesReader.read(object, file: source.description, notes: &sampleNotes)
    run.notes += fields.notes + sampleNotes
    return run
  }

  /// Per-run measurements of newer vLLM (`spec_decode_*` from the server's counters,
  /// `probe_*`, `diffusion_*`): results that differ from run to run, so not metadata.
  static func isMeasuredKey(_ key: String) -> Bool {
    key.hasPrefix("spec_decode_") || key.hasPrefix("probe_") || key.hasPrefix("diffusion_")
  }

  /// Latency statistic keys (`mean_ttft_ms`, `p99.9_itl_ms`, …), which are not metadata.
  static func isMetricKey(_ key: String) -> Bool {
    key.hasSuffix("_ms") && (key.hasPrefix("mean_") || key.hasPrefix("median_") || key.hasPrefix("std_") || key.hasPrefix("p"))
  }
}

import BenchModel

/// Reads one line of SGLang `bench_serving --output-file` JSONL (schemas S1–S4).
enum SGLangReader {
  static let knownKeys: Set<String> = [
    "tag", "backend", "dataset_name", "request_rate", "max_concurrency", "sharegpt_output_len",
    "random_input_len", "random_output_len", "random_range_ratio", "duration", "completed",
    "total_input", "total_output", "total_input_tokens", "total_output_tokens",
    "total_output_tokens_retokenized", "total_input_text_tokens", "total_input_vision_tokens",
    "request_throughput", "input_throughput", "output_throughput", "output_token_throughput",
    "total_throughput", "concurrency", "accept_length", "max_output_tokens_per_s",
    "max_concurrent_requests", "server_info", "cache_report", "input_lens", "output_lens", "ttfts",
    "itls", "generated_texts", "errors", "cached_tokens", "cached_tokens_details", "median_ttft",
    "median_itl",
  ]

  static let metricNames: [LatencyMetric: String] = [
    .ttft: "ttft", .tpot: "tpot", .itl: "itl", .e2el: "e2e_latency",
  ]

  static func read(_ object: JSONObject, source: SourceLocation, format: SourceFormat) -> Run {
    var fields = ResultFields(object)
    var run = Run(source: source, format: format)
    run.backend = fields.string("backend")
    run.label = fields.string("tag")
    run.dataset = fields.string("dataset_name")
    if run.dataset == "random" || run.dataset == "random-ids" || run.dataset == nil {
      run.configuredInputLength = fields.int("random_input_len")
      run.configuredOutputLength = fields.int("random_output_len")
    } else if run.dataset == "sharegpt" {
      run.configuredOutputLength = fields.int("sharegpt_output_len")
    }
    if case .string(let rate) = object["request_rate"] ?? .null, rate == "trace" {
      run.notes.append("request_rate is \"trace\" (replayed timestamps); no rate level")
    } else {
      run.requestRate = fields.requestRate("request_rate")
    }
    run.maxConcurrency = fields.int("max_concurrency")
    run.duration = fields.measure("duration")
    run.completed = fields.int("completed")
    run.totalInputTokens = fields.int("total_input_tokens") ?? fields.int("total_input")
    run.totalOutputTokens = fields.int("total_output_tokens") ?? fields.int("total_output")
    run.inputThroughput = fields.measure("input_throughput")
    run.outputThroughput = fields.measure("output_throughput") ?? fields.measure("output_token_throughput")
    run.totalTokenThroughput = fields.measure("total_throughput")
    run.requestThroughput = fields.measure("request_throughput")
    if run.requestThroughput == nil, let completed = run.completed, let duration = run.duration, duration > 0 {
      run.requestThroughput = Double(completed) / duration
      run.notes.append("request throughput = completed / duration (not in this SGLang file)")
    }
    if run.totalTokenThroughput == nil, let duration = run.duration, duration > 0,
      let input = run.totalInputTokens, let output = run.totalOutputTokens
    {
      run.totalTokenThroughput = Double(input + output) / duration
      run.notes.append("total token throughput = (input + output tokens) / duration")
    }
    run.measuredConcurrency = fields.double("concurrency")
    run.peakOutputThroughput = fields.measure("max_output_tokens_per_s")
    run.peakConcurrentRequests = fields.double("max_concurrent_requests")
    run.latency = fields.latencySummaries(metricNames: metricNames)
    // S1 spelled two medians without the unit suffix.
    if let median = fields.double("median_ttft"), run.latency[.ttft] == nil {
      run.latency[.ttft] = LatencySummary(median: median)
    }
    if let median = fields.double("median_itl"), run.latency[.itl] == nil {
      run.latency[.itl] = LatencySummary(median: median)
    }
    if case .object(let info) = object["server_info"] ?? .null {
      var serverFields = ResultFields(info)
      run.model = serverFields.string("served_model_name") ?? serverFields.string("model_path")
    }
    for key in object.keys where !knownKeys.contains(key) && !VLLMServingReader.isMetricKey(key) {
      switch object[key] {
      case .string, .number, .bool: if let text = fields.string(key) { run.metadata[key] = text }
      default: break
      }
    }
    var sampleNotes: [String] = []
    run.samples = RequestSamplesReader.read(object, file: source.description, notes: &sampleNotes)
    if let samples = run.samples {
      run.numPrompts = samples.count
      run.failed = samples.succeeded.filter { !$0 }.count
    }
    run.notes += fields.notes + sampleNotes
    return run
  }
}

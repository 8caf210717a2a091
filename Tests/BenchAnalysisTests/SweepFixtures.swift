import BenchModel

/// Builds small `Run`s and `Sweep`s in code for the analysis tests. Only what a test sets is
/// known; everything else stays `nil`, as in a trimmed result file.
enum SweepFixtures {
  static let format = SourceFormat(tool: .vllmServe, schema: "V9")

  /// Output tokens per request in the fixtures: request throughput = output tok/s ÷ 100.
  static let outputTokensPerRequest = 100.0

  /// A latency summary in ms with the given mean, median and percentiles.
  static func summary(
    mean: Double? = nil, median: Double? = nil, _ percentiles: [Double: Double] = [:]
  ) -> LatencySummary {
    LatencySummary(mean: mean, median: median, percentiles: percentiles)
  }

  /// A closed-loop run at concurrency `concurrency` with 100 requests. Request throughput is
  /// `outputThroughput / 100`; TTFT has the given p99 (mean = half of it).
  static func run(
    concurrency: Int, outputThroughput: Double?, ttftP99: Double? = 100,
    completed: Int? = 100, failed: Int? = 0, file: String? = nil,
    edit: (inout Run) -> Void = { _ in }
  ) -> Run {
    var run = Run(source: SourceLocation(path: file ?? "c\(concurrency).json"), format: format)
    run.model = "test-model"
    run.backend = "openai"
    run.maxConcurrency = concurrency
    run.completed = completed
    run.failed = failed
    run.outputThroughput = outputThroughput
    run.requestThroughput = outputThroughput.map { $0 / outputTokensPerRequest }
    if let ttftP99 {
      run.latency[.ttft] = summary(mean: ttftP99 / 2, median: ttftP99 / 2, [99: ttftP99])
    }
    edit(&run)
    return run
  }

  /// An open-loop run at `rate` with 100 requests and the given request throughput (req/s).
  static func run(
    rate: RequestRate, requestThroughput: Double?, ttftP99: Double? = 100,
    completed: Int? = 100, failed: Int? = 0, file: String? = nil,
    edit: (inout Run) -> Void = { _ in }
  ) -> Run {
    var run = Run(source: SourceLocation(path: file ?? "rate-\(rate).json"), format: format)
    run.model = "test-model"
    run.backend = "openai"
    run.requestRate = rate
    run.completed = completed
    run.failed = failed
    run.requestThroughput = requestThroughput
    if let ttftP99 {
      run.latency[.ttft] = summary(mean: ttftP99 / 2, median: ttftP99 / 2, [99: ttftP99])
    }
    edit(&run)
    return run
  }

  /// Groups `runs` into a sweep the way the ingest does: one level per distinct load value,
  /// ascending (∞ last), runs of a level ordered by source.
  static func sweep(_ runs: [Run], variable: LoadVariable = .concurrency) -> Sweep {
    var byLevel: [LoadLevel: [Run]] = [:]
    for run in runs {
      guard let level = run.level(on: variable) else { continue }
      byLevel[level, default: []].append(run)
    }
    let levels = byLevel.keys.sorted().map { level in
      SweepLevel(level: level, runs: byLevel[level]!.sorted { $0.source < $1.source })
    }
    let identity = SweepIdentity(
      model: "test-model", backend: "openai", label: nil, dataset: "random",
      configuredInputLength: nil, configuredOutputLength: nil, metadata: [], sourceHint: nil)
    return Sweep(identity: identity, variable: variable, levels: levels)
  }

  /// A concurrency sweep with one run per level: `outputThroughput[i]` at `concurrency[i]`,
  /// 1,000 requests, 100 % success and TTFT p99 100 ms everywhere.
  static func concurrencySweep(_ concurrency: [Int], outputThroughput: [Double]) -> Sweep {
    // 1,000 requests per level: every concurrency is really in flight.
    sweep(zip(concurrency, outputThroughput).map { run(concurrency: $0, outputThroughput: $1, completed: 1000) })
  }

  /// Concurrency 1…8 with throughput doubling at every step: no stop criterion triggers.
  /// Tests break one level of it to check one criterion at a time.
  static let healthyConcurrency = [1, 2, 4, 8]
  static let healthyThroughput: [Double] = [100, 200, 400, 800]

  static func healthyRuns(edit: (Int, inout Run) -> Void = { _, _ in }) -> [Run] {
    zip(healthyConcurrency, healthyThroughput).map { concurrency, throughput in
      run(concurrency: concurrency, outputThroughput: throughput) { edit(concurrency, &$0) }
    }
  }

  /// The H100 sweep of reference/kneedle.md (aurotripathy/vllm-bench, Llama-3.1-8B FP8, 10 qps
  /// cap): output tok/s at concurrency 1…256.
  static let h100Concurrency = [1, 2, 4, 8, 16, 32, 64, 128, 256]
  static let h100OutputThroughput = [
    130, 243.2, 450.81, 802.14, 1188.22, 1523.43, 1540.94, 1516.30, 1542.96,
  ]
}

/// `a` and `b` agree to `tolerance` relative (both `nil` counts as agreeing).
func approximatelyEqual(_ a: Double?, _ b: Double?, relative tolerance: Double = 1e-12) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let a?, let b?): return a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
  default: return false
  }
}

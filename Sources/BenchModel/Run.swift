/// One benchmark run at one load level, as read from a result file.
///
/// Units follow the tools: throughputs per second, `duration` in seconds, latency summaries in
/// milliseconds, per-request samples in seconds. Everything a file may lack is optional.
public struct Run: Sendable, Equatable {
  public var source: SourceLocation
  public var format: SourceFormat

  // Identity: what was measured.
  public var model: String?
  public var tokenizer: String?
  /// The client request function (`backend`, or `endpoint_type` in V8 files).
  public var backend: String?
  public var endpointType: String?
  public var label: String?
  /// `dataset_name` (SGLang) or `--dataset-name` when known.
  public var dataset: String?
  /// Configured input / output lengths of synthetic datasets (SGLang `random_*_len`).
  public var configuredInputLength: Int?
  public var configuredOutputLength: Int?
  /// `date` key, `YYYYMMDD-HHMMSS` local time of the run.
  public var date: String?
  /// `--metadata` string keys and sweep override keys (`max_num_seqs`), stringified.
  public var metadata: [String: String]

  // Load.
  public var requestRate: RequestRate?
  public var burstiness: Double?
  /// Client-side concurrency limit; `nil` means unlimited.
  public var maxConcurrency: Int?
  /// Repetition number of `vllm bench sweep` runs.
  public var runNumber: Int?
  /// Locust users the run held (`User Count` in the history, or the file name as a fallback).
  public var users: Int?
  /// The Locust task (request name) this run covers; nil for the whole run (`Aggregated`).
  /// Per-task runs form their own sweeps, one per model of a multi-model gateway test.
  public var task: String?

  // Outcome.
  public var numPrompts: Int?
  public var completed: Int?
  public var failed: Int?
  /// Seconds.
  public var duration: Double?
  public var totalInputTokens: Int?
  public var totalOutputTokens: Int?
  /// req/s, successful requests only.
  public var requestThroughput: Double?
  /// req/s including failed requests (Locust's `Requests/s`); what keeps users busy, so it is
  /// the rate Little's law multiplies with the mean response time.
  public var totalRequestThroughput: Double?
  /// req/s meeting the `--goodput` SLOs.
  public var requestGoodput: Double?
  /// tok/s.
  public var inputThroughput: Double?
  public var outputThroughput: Double?
  public var totalTokenThroughput: Double?
  /// Peak output tokens in any one-second bucket.
  public var peakOutputThroughput: Double?
  public var peakConcurrentRequests: Double?
  /// SGLang's measured average concurrency (Σ e2e / duration).
  public var measuredConcurrency: Double?

  /// Latency summaries in ms, as the file reported them.
  public var latency: [LatencyMetric: LatencySummary]
  /// Per-request samples when the file carries the arrays.
  public var samples: RequestSamples?
  /// Locust's response-time histogram of the whole run (bucket ms → requests, failed requests
  /// included), from `--json`; nil for other sources.
  public var responseTimeHistogram: [Double: Int]?
  /// Summaries of `samples` computed ahead of the analysis (see `RecomputedLatency`); nil
  /// until then.
  public var recomputedLatency: RecomputedLatency?

  /// Load over time (Locust history), shared by the runs cut from one step-load history.
  public var timeline: LoadTimeline?
  /// The part of `timeline` this run covers (a step-load plateau), seconds since its start.
  public var plateau: ClosedRange<Double>?
  /// Failed requests grouped by error (Locust `_failures.csv`), most frequent first.
  public var failureRecords: [FailureRecord]
  /// Uncaught exceptions in the load generator's tasks (Locust `_exceptions.csv`).
  public var exceptionRecords: [ExceptionRecord]
  /// Every file the run was built from, `source.path` first; empty means just `source.path`.
  public var inputFiles: [String]

  /// Things benchreport inferred or repaired while reading, in plain words.
  public var notes: [String]
  /// Findings a reader made about this run (e.g. a step-load run it could not cut into steps);
  /// the analysis adds them to its sweep's findings.
  public var findings: [Finding] = []

  public init(source: SourceLocation, format: SourceFormat) {
    self.source = source
    self.format = format
    self.metadata = [:]
    self.latency = [:]
    self.failureRecords = []
    self.exceptionRecords = []
    self.inputFiles = []
    self.notes = []
  }

  /// The files the run was read from, for `analysis.json` `files`.
  public var files: [String] { inputFiles.isEmpty ? [source.description] : inputFiles }

  /// The run's position on `variable`'s axis, if known.
  public func level(on variable: LoadVariable) -> LoadLevel? {
    switch variable {
    case .concurrency: maxConcurrency.map(LoadLevel.concurrency)
    case .requestRate: requestRate.map(LoadLevel.requestRate)
    case .users: users.map(LoadLevel.users)
    }
  }
}

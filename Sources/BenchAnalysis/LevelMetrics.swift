import BenchModel

/// The analysed numbers of one load level (repetitions averaged).
public struct LevelMetrics: Sendable, Equatable {
  public var level: LoadLevel
  /// Runs behind this level (more than one with repetitions).
  public var runCount: Int
  /// Attempted requests: completed + failed, or the prompt count.
  public var requests: Int?
  public var completed: Int?
  public var failed: Int?
  /// completed / attempted, 0…1.
  public var successRate: Double?
  /// failed / attempted, 0…1: 1 − success rate.
  public var failureRate: Double? { successRate.map { 1 - $0 } }
  /// Seconds (mean over repetitions).
  public var duration: Double?
  /// req/s, successful requests.
  public var requestThroughput: Double?
  /// req/s including failed requests (Locust's `Requests/s`), when the files give it.
  public var totalRequestThroughput: Double?
  /// tok/s.
  public var outputThroughput: Double?
  public var totalTokenThroughput: Double?
  public var requestGoodput: Double?
  /// Latency summaries in ms: recomputed from samples where the files had them.
  public var latency: [LatencyMetric: LatencySummary]
  /// Tokens/s one stream sees while decoding: 1000 / mean TPOT.
  public var perStreamDecodeSpeed: Double?
  /// Throughput per unit of load: req/s per concurrent request (concurrency sweeps) or achieved
  /// req/s per offered req/s (rate sweeps).
  public var efficiency: Double?
  /// Output tok/s per concurrent request (concurrency sweeps).
  public var outputThroughputPerConcurrency: Double?
  /// throughput(c) / (c × throughput(c_min) / c_min): 1 = perfectly linear scaling.
  public var scalingEfficiency: Double?
  /// Little's law: request throughput × mean E2E (s) = requests actually in flight (for Locust:
  /// Requests/s with failures × mean response time, which is below the user count because
  /// users wait between requests).
  public var effectiveConcurrency: Double?
  /// How `effectiveConcurrency` was obtained.
  public var effectiveConcurrencySource: EffectiveConcurrencySource?
  /// Most frequent error messages (from per-request samples or Locust's failures file).
  public var topErrors: [ErrorCount]
  /// Source files of the runs.
  public var sources: [SourceLocation]
  /// Notes of the runs and of the aggregation.
  public var notes: [String]
  /// GPU and server metrics over the level's time window, when they were measured
  /// (`ResourceJoin`); nil otherwise.
  public var gpu: GPUWindowMetrics?
  public var server: ServerWindowMetrics?

  public init(level: LoadLevel) {
    self.level = level
    self.runCount = 0
    self.latency = [:]
    self.topErrors = []
    self.sources = []
    self.notes = []
  }
}

/// Where an effective (in-flight) concurrency came from.
public enum EffectiveConcurrencySource: String, Sendable, Codable {
  /// request throughput × mean E2E latency.
  case littlesLaw
  /// request throughput × (mean TTFT + mean TPOT × (mean output length − 1)): no E2E in file.
  case littlesLawApproximation
  /// SGLang's own `concurrency` key.
  case reported
}

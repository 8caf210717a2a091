/// Everything measured at one load level, for the collapsible per-level sections of the HTML
/// report: the facts, every latency statistic, the files behind it, its errors and notes.
public struct LevelDetail: Sendable {
  /// The level as in the tables (`32`, `8`, `∞`).
  public var level: String
  /// The level with its variable: `Concurrency 32`, `Request rate 8 req/s`.
  public var title: String
  public var isMaxStable: Bool
  public var isUnstable: Bool
  public var isBeyondLimit: Bool
  public var isKnee: Bool
  /// `max-stable`, `unstable`, `beyond` or `stable`, as in `SummaryRow.state`.
  public var state: String
  /// The level's verdict as a word (`saturated`, …); empty for `ok`.
  public var verdict: String
  public var verdictClass: String
  public var hasVerdict: Bool
  /// Headline values for the collapsed line.
  public var qps: String
  public var outputThroughput: String
  public var successRate: String
  public var ttftP99: String
  /// Label/value facts: requests, success, duration, throughputs, efficiency, repetitions.
  public var facts: [KeyValueRow]
  /// One row per latency metric with data.
  public var latencyRows: [LatencyRow]
  public var hasLatency: Bool
  /// Why this level is unstable (every stop criterion it broke); empty for other levels.
  public var stopReasons: [String]
  public var hasStopReasons: Bool
  /// The result files (and lines) behind the level.
  public var files: [String]
  public var errors: [ErrorRow]
  public var hasErrors: Bool
  public var notes: [String]
  public var hasNotes: Bool
}

/// One latency metric at one level, in milliseconds ("—" when the files lack it).
public struct LatencyRow: Sendable {
  /// `TTFT`, `TPOT`, `ITL`, `E2E`.
  public var metric: String
  public var mean: String
  public var p50: String
  public var p90: String
  public var p95: String
  public var p99: String
  /// Whether the numbers were recomputed from per-request samples or copied from the file.
  public var source: String
}

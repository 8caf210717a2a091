import BenchModel

/// GPU measurements over one load level's time window (`gpu` of a run in analysis.json).
/// Percentages 0–100; every value nil when not measured, never 0.
public struct GPUWindowMetrics: Sendable, Equatable {
  /// `utilization.gpu` over every sample of every GPU in the window: mean and numpy-linear p95.
  public var utilizationMean: Double?
  public var utilizationP95: Double?
  /// Each GPU's highest `memory.used` (and its `memory.total`) in the window, summed over GPUs.
  public var memoryUsedMiB: Double?
  public var memoryTotalMiB: Double?
  /// Each GPU's mean power draw, summed over GPUs: the board power the level drew, W.
  public var powerMeanW: Double?
  /// powerMeanW ÷ output tok/s: joules per generated token.
  public var energyPerOutputTokenJ: Double?
  /// output tok/s ÷ powerMeanW (tok/s per W = tokens per joule).
  public var outputTokensPerWatt: Double?
  /// The same per GPU, in log order.
  public var gpus: [GPU]
  /// Samples (rows) in the window, over every GPU.
  public var samples: Int

  public struct GPU: Sendable, Equatable {
    public var id: String
    public var utilizationMean: Double?
    public var memoryUsedMiB: Double?
    public var memoryTotalMiB: Double?
    public var powerMeanW: Double?
    public var samples: Int
  }
}

/// Server `/metrics` measurements over one level's window (`server` of a run in analysis.json).
public struct ServerWindowMetrics: Sendable, Equatable {
  /// KV-cache usage, 0–100 %, over the scrapes in the window.
  public var kvCacheUsageMean: Double?
  public var kvCacheUsageMax: Double?
  /// Requests running and waiting (mean over the scrapes in the window).
  public var runningMean: Double?
  public var waitingMean: Double?
  /// Waiting requests in the first and the last third of the window (mean of each): the trend
  /// `queue-growing` looks at.
  public var waitingFirstThird: Double?
  public var waitingLastThird: Double?
  /// Δ preemptions ÷ Δt between the scrapes bracketing the window.
  public var preemptionsPerSecond: Double?
  /// Δ prefix-cache hit tokens ÷ Δ queried tokens, 0–100 %.
  public var prefixCacheHitRate: Double?
  /// Scrapes in the window.
  public var scrapes: Int
}

/// Start and end of a run on a wall clock.
public struct RunWindow: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var clock: WallClock

  public init(start: Double, end: Double, clock: WallClock) {
    self.start = start
    self.end = end
    self.clock = clock
  }
}

import BenchModel

/// One recorded analysis of one sweep, as the trend needs it: the decisions and each level's
/// summary numbers (no per-request samples). Built by the history store from what it recorded.
public struct TrendEntry: Sendable, Equatable {
  /// What the entry is called on the trend's axis: the week, a git commit.
  public var label: String
  /// When the test ran (Unix seconds, UTC), from the input files; nil when they did not say.
  public var testedAt: Double?
  public var variable: LoadVariable
  /// The max stable level's value (∞ for an unbounded rate); nil when no level was stable.
  public var maxStable: Double?
  public var recommendedLow: Double?
  public var recommendedHigh: Double?
  /// On the sweep's throughput measure.
  public var peakThroughput: Double?
  /// Ascending by level.
  public var levels: [Level]

  public struct Level: Sendable, Equatable {
    /// The level's value (∞ for an unbounded rate).
    public var value: Double
    public var metrics: [ComparedMetric: Double]
    /// The verdict kind's raw value (`ok`, `saturated`, …), when recorded.
    public var verdict: String?

    public init(value: Double, metrics: [ComparedMetric: Double], verdict: String?) {
      self.value = value
      self.metrics = metrics
      self.verdict = verdict
    }
  }

  public init(
    label: String, testedAt: Double?, variable: LoadVariable, maxStable: Double?, recommendedLow: Double?,
    recommendedHigh: Double?, peakThroughput: Double?, levels: [Level]
  ) {
    self.label = label
    self.testedAt = testedAt
    self.variable = variable
    self.maxStable = maxStable
    self.recommendedLow = recommendedLow
    self.recommendedHigh = recommendedHigh
    self.peakThroughput = peakThroughput
    self.levels = levels.sorted { $0.value < $1.value }
  }
}

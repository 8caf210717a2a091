/// One sweep followed over its recorded analyses: each trend metric's series and its change points.
public struct SweepTrend: Sendable, Equatable {
  public struct Series: Sendable, Equatable {
    public var metric: TrendMetric
    /// One value per entry, oldest first; nil where the entry has none.
    public var values: [Double?]
    /// Change points with indices into `values` (entries without a value are skipped by the test).
    public var changePoints: [ChangePoint]
    /// Indices of one-entry outliers.
    public var outliers: [Int]

    public init(metric: TrendMetric, values: [Double?], changePoints: [ChangePoint], outliers: [Int]) {
      self.metric = metric
      self.values = values
      self.changePoints = changePoints
      self.outliers = outliers
    }

    /// The change point whose new level reaches the newest entry, if any: what this week's
    /// report has to say ("since week 12, p99 is 20 % higher").
    public var latestChange: ChangePoint? {
      guard let last = changePoints.last else { return nil }
      return last
    }

    /// True when `change` moved the metric the bad way.
    public func isRegression(_ change: ChangePoint) -> Bool {
      metric.higherIsBetter ? change.meanAfter < change.meanBefore : change.meanAfter > change.meanBefore
    }
  }

  /// The store's key for the sweep (see `SweepKey` in BenchHistory).
  public var sweepKey: String
  public var title: String
  /// The entries followed, oldest first (the current one last).
  public var labels: [String]
  public var testedAt: [Double?]
  /// The level the per-level metrics are read at; nil when the entries share none.
  public var referenceLevel: Double?
  /// Series of the metrics that have at least one value, in `TrendMetric` order.
  public var series: [Series]
  /// Index of the entry this report is about (highlighted), normally the last.
  public var currentIndex: Int

  public init(
    sweepKey: String, title: String, labels: [String], testedAt: [Double?], referenceLevel: Double?, series: [Series],
    currentIndex: Int
  ) {
    self.sweepKey = sweepKey
    self.title = title
    self.labels = labels
    self.testedAt = testedAt
    self.referenceLevel = referenceLevel
    self.series = series
    self.currentIndex = currentIndex
  }
}

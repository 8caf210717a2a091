/// Load and response over time as a load generator recorded it (Locust `_stats_history.csv`,
/// or the coarser history inside its HTML report): what the time-series charts draw.
public struct LoadTimeline: Sendable, Equatable {
  /// Identifies the run set the timeline came from (its path prefix), so runs cut from one
  /// step-load history share one chart.
  public var id: String
  /// The file the points were read from.
  public var source: String
  /// Points in time order, one per recorded second (1 s in Locust ≥ 1.2, 2 s before, 5 s in
  /// HTML reports).
  public var points: [LoadTimelinePoint]
  /// Seconds since the first point at which a step-load plateau begins.
  public var stepStarts: [Double]
  /// True when the percentile columns describe a sliding window (~10 s, Locust
  /// `--csv-full-history` ≥ 2.2.2), false when they are cumulative since the start, nil when
  /// unknown. Cumulative percentiles cannot describe one step.
  public var percentilesAreWindowed: Bool?

  public init(
    id: String, source: String, points: [LoadTimelinePoint], stepStarts: [Double] = [],
    percentilesAreWindowed: Bool? = nil
  ) {
    self.id = id
    self.source = source
    self.points = points
    self.stepStarts = stepStarts
    self.percentilesAreWindowed = percentilesAreWindowed
  }

  /// Unix time of the first point, seconds.
  public var start: Double? { points.first?.timestamp }
}

/// One recorded moment of a `LoadTimeline`. Rates per second, times in **milliseconds**.
public struct LoadTimelinePoint: Sendable, Equatable {
  /// Unix time, seconds.
  public var timestamp: Double
  /// Users running at that moment.
  public var users: Int?
  /// Completed requests per second (failures included), as the generator averaged them.
  public var requestsPerSecond: Double?
  public var failuresPerSecond: Double?
  /// Response-time percentiles at that moment (window or cumulative, see the timeline).
  public var p50Milliseconds: Double?
  public var p95Milliseconds: Double?
  /// Cumulative completed requests and failures since the start, when recorded.
  public var totalRequests: Int?
  public var totalFailures: Int?

  public init(
    timestamp: Double, users: Int? = nil, requestsPerSecond: Double? = nil, failuresPerSecond: Double? = nil,
    p50Milliseconds: Double? = nil, p95Milliseconds: Double? = nil, totalRequests: Int? = nil, totalFailures: Int? = nil
  ) {
    self.timestamp = timestamp
    self.users = users
    self.requestsPerSecond = requestsPerSecond
    self.failuresPerSecond = failuresPerSecond
    self.p50Milliseconds = p50Milliseconds
    self.p95Milliseconds = p95Milliseconds
    self.totalRequests = totalRequests
    self.totalFailures = totalFailures
  }
}

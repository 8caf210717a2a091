import BenchModel

/// What one side of a comparison knows about a sweep: its identity, each level's numbers, and
/// the decisions (knee, max stable, recommendation). Built from a fresh analysis of result
/// files (then with per-request samples) or read back from an earlier `analysis.json`.
public struct SweepSnapshot: Sendable, Equatable {
  public var identity: SweepIdentity
  public var variable: LoadVariable
  /// The sweep's title as the reports show it.
  public var title: String
  /// Ascending by level.
  public var levels: [LevelSnapshot]
  /// The headline throughput knee, if one was found.
  public var knee: LoadLevel?
  /// The highest level that broke no stop criterion.
  public var maxStable: LoadLevel?
  /// True when no level broke a stop criterion (the real limit may be higher).
  public var limitNotReached: Bool
  /// The recommended production range (whole clients, or req/s).
  public var recommended: ClosedRange<Double>?
  /// The throughput measure the knee and peak are taken on.
  public var measure: ThroughputMeasure?

  public init(
    identity: SweepIdentity, variable: LoadVariable, title: String, levels: [LevelSnapshot], knee: LoadLevel?,
    maxStable: LoadLevel?, limitNotReached: Bool, recommended: ClosedRange<Double>?, measure: ThroughputMeasure?
  ) {
    self.identity = identity
    self.variable = variable
    self.title = title
    self.levels = levels.sorted { $0.level < $1.level }
    self.knee = knee
    self.maxStable = maxStable
    self.limitNotReached = limitNotReached
    self.recommended = recommended
    self.measure = measure
  }

  /// The highest throughput measured at any level, on `measure`.
  public var peakThroughput: Double? {
    guard let metric = measure.map(ComparedMetric.init(measure:)) else { return nil }
    return levels.compactMap { $0.metrics[metric] }.max()
  }

  /// True when some level carries per-request samples.
  public var hasSamples: Bool { levels.contains { !$0.samples.isEmpty } }
}

/// One load level of a snapshot.
public struct LevelSnapshot: Sendable, Equatable {
  public var level: LoadLevel
  /// Every metric the level has a number for.
  public var metrics: [ComparedMetric: Double]
  /// Per-request values in ms of successful requests, by metric (TTFT, TPOT, E2E), when the
  /// result files carried per-request arrays. Empty for snapshots read from `analysis.json`.
  public var samples: [LatencyMetric: [Double]]
  /// Requests behind the numbers (attempted), when known.
  public var requests: Int?

  public init(
    level: LoadLevel, metrics: [ComparedMetric: Double], samples: [LatencyMetric: [Double]] = [:], requests: Int? = nil
  ) {
    self.level = level
    self.metrics = metrics
    self.samples = samples
    self.requests = requests
  }
}

extension ComparedMetric {
  /// The metric a throughput measure is.
  public init(measure: ThroughputMeasure) {
    switch measure {
    case .outputTokens: self = .outputThroughput
    case .requests: self = .requestThroughput
    case .totalTokens: self = .totalTokenThroughput
    }
  }
}

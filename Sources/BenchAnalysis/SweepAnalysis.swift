import BenchModel

/// Everything benchreport concludes about one sweep.
public struct SweepAnalysis: Sendable, Equatable {
  public var sweep: Sweep
  public var levels: [LevelMetrics]
  public var knee: ThroughputKnee
  public var stability: StabilityVerdict
  public var recommendation: Recommendation?
  public var settings: AnalysisSettings
  /// Every user objective checked at every level (empty without objectives).
  public var targetChecks: [TargetCheck] = []
}

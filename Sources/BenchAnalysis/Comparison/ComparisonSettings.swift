/// How `compare` decides that a change is beyond noise, and which changes fail a CI gate.
public struct ComparisonSettings: Sendable, Equatable {
  /// Without per-request samples, a relative change at least this large counts (0.05 = 5 %).
  public var relativeThreshold: Double = 0.05
  /// Success-rate changes of at least this many points count (0.01 = 1 percentage point).
  public var successRatePoints: Double = 0.01
  /// With samples, a change counts when its bootstrap interval excludes zero and it is at least
  /// this large relative to the base (0.01 = 1 %): with 10 000 requests a side, a 0.3 % shift
  /// is real but not worth a line in a report.
  public var minimumEffect: Double = 0.01
  /// Confidence of the bootstrap intervals.
  public var confidence: Double = 0.95
  /// Bootstrap resamples per interval (fewer for very large samples, see `BootstrapInterval`).
  public var resamples: Int = 2000
  /// Fewer per-request values than this on either side: the threshold decides, not the bootstrap.
  public var minimumSamples: Int = 30
  /// Rules that make the comparison fail (`--fail-on`).
  public var rules: [RegressionRule] = []

  public init() {}
}

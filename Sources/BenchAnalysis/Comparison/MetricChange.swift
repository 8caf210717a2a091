import BenchModel

/// One metric at one load level, base against new.
public struct MetricChange: Sendable, Equatable {
  public var metric: ComparedMetric
  public var base: Double
  public var new: Double
  /// new − base, in the metric's unit (a fraction for the success rate: 0.01 = 1 point).
  public var absolute: Double { new - base }
  /// (new − base) / |base|; nil when the base is 0.
  public var relative: Double? { base == 0 ? nil : (new - base) / abs(base) }
  public var assessment: ChangeAssessment
  /// What the assessment rests on.
  public var evidence: ChangeEvidence

  public init(metric: ComparedMetric, base: Double, new: Double, assessment: ChangeAssessment, evidence: ChangeEvidence)
  {
    self.metric = metric
    self.base = base
    self.new = new
    self.assessment = assessment
    self.evidence = evidence
  }

  /// True when the change is beyond noise (better or worse).
  public var isSignificant: Bool { assessment != .unchanged }
}

/// Whether a change is an improvement, a regression, or within noise.
public enum ChangeAssessment: String, Sendable, Equatable, Codable {
  case better
  case worse
  case unchanged

  /// `better` or `worse` from the sign of a change that is beyond noise.
  static func of(change: Double, higherIsBetter: Bool) -> ChangeAssessment {
    if change == 0 { return .unchanged }
    return (change > 0) == higherIsBetter ? .better : .worse
  }
}

/// Why a change was judged beyond noise or not.
public enum ChangeEvidence: Sendable, Equatable {
  /// Per-request samples on both sides: a bootstrap interval of new − base, with the
  /// Mann–Whitney p-value of the two distributions.
  case bootstrap(BootstrapInterval.Interval, mannWhitneyP: Double?, baseCount: Int, newCount: Int)
  /// No samples: |relative change| against the threshold (a fraction).
  case relativeThreshold(Double)
  /// Success rate: the change in points against the threshold (a fraction: 0.01 = 1 point).
  case pointsThreshold(Double)
}

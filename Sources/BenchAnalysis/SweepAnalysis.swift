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
  /// What the verdicts mean, with their evidence, most severe first (see `Finding`).
  public var findings: [Finding] = []
  /// True when the headline knee is where the client stopped raising the load (a rate cap or
  /// too few prompts), not where the server stopped scaling.
  public var kneeAtClientLimit: Bool = false
  /// Each level's ratings, in level order.
  public var ratings: [LevelRatings] = []
  /// Failed requests by cause and level.
  public var failureCauses: [FailureCauseCount] = []
  /// The highest load meeting each SLO tier.
  public var tierCapacities: [TierCapacity] = []
  /// What kind of test each level was (baseline, load, stress, soak, spike).
  public var scenarios: [LoadLevel: ScenarioKind] = [:]
  /// Levels tried without a result, with the file that shows it (e.g. `c64.log`).
  public var failedAttempts: [LoadLevel: String] = [:]
  /// How the GPU and server metrics were joined to the levels (the zone used, series that
  /// overlap no run); empty without such metrics.
  public var resourceNotes: [String] = []
}

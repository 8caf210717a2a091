import BenchModel

/// A named set of service targets (`slo_tiers:` in `benchreport.yaml`), e.g. interactive
/// `ttft_p99=300ms,tpot_p99=50ms` or batch `e2el_p99=60s`.
public struct SLOTier: Sendable, Equatable {
  public var name: String
  public var objectives: [ServiceLevelObjective]

  public init(name: String, objectives: [ServiceLevelObjective]) {
    self.name = name
    self.objectives = objectives
  }
}

/// The highest load of a sweep that meets every target of a tier (the capacity table).
public struct TierCapacity: Sendable, Equatable {
  public var tier: SLOTier
  /// The highest judged level meeting every target, walking up from the lowest; nil when the
  /// lowest already misses one.
  public var maxLevel: LoadLevel?
  /// The first judged level that misses a target; nil when every level meets them all.
  public var firstMissed: LoadLevel?
  /// True when the walk stopped at a level where a target could not be checked (no data).
  public var unchecked: Bool

  /// Walks the judged levels (neither insufficient nor client-limited) upward.
  static func evaluate(_ tier: SLOTier, levels: [LevelMetrics], stability: StabilityVerdict) -> TierCapacity {
    var capacity = TierCapacity(tier: tier, maxLevel: nil, firstMissed: nil, unchecked: false)
    for level in levels {
      if let kind = stability.verdict(at: level.level)?.kind, kind == .insufficient || kind == .clientLimited { continue }
      let checks = TargetCheck.evaluate([level], objectives: tier.objectives)
      if checks.contains(where: { $0.met == false }) {
        capacity.firstMissed = level.level
        return capacity
      }
      if checks.contains(where: { $0.met == nil }) {
        capacity.unchecked = true
        return capacity
      }
      capacity.maxLevel = level.level
    }
    return capacity
  }
}

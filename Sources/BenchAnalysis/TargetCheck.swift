import BenchModel

/// How a sweep did against one service target, over every tested level: the success-rate
/// minimum, the TTFT limit and each user SLO. Reports show one pass/fail line per target.
///
/// The stop criteria decide the max stable level by walking up until the first breach; a
/// target check answers the reviewer's question "does the service meet X, and up to which
/// load?". Throughput growth is a stop criterion but not a target: it describes scaling, not
/// the service a user gets, and failing it at saturation is expected.
public struct TargetCheck: Sendable, Equatable {
  public enum Target: Sendable, Equatable {
    /// Completed share of attempted requests must be at least `minimum` (0…1).
    case successRate(minimum: Double)
    /// The TTFT statistic must stay at or below the limit (ms).
    case ttft(LatencyStatistic, limitMilliseconds: Double)
    /// A user objective (`--slo`): a latency statistic in ms, or the error rate as a fraction.
    case objective(ServiceLevelObjective)
  }

  public enum Outcome: Sendable, Equatable {
    /// Met at every level that has the value. `worst` is the value nearest the limit and
    /// `level` where it was measured; `checkedLevels` counts the levels with a value.
    case met(worst: Double, level: LoadLevel, checkedLevels: Int)
    /// Broken at `firstFailing` (the lowest breaking level) with `value`. `lastMet` is the
    /// highest level below it that met the target, nil when the lowest level already fails.
    case failed(firstFailing: LoadLevel, value: Double, lastMet: LoadLevel?, failingLevels: Int)
    /// No level has the value (e.g. TTFT p99 not in the files).
    case unchecked
  }

  public var target: Target
  public var outcome: Outcome

  public init(target: Target, outcome: Outcome) {
    self.target = target
    self.outcome = outcome
  }

  /// Whether the target was met at every level with a value.
  public var isMet: Bool {
    if case .met = outcome { return true }
    return false
  }

  /// The targets `settings` sets, checked against `levels` (ascending load).
  public static func checks(_ levels: [LevelMetrics], settings: AnalysisSettings) -> [TargetCheck] {
    var targets: [Target] = [
      .successRate(minimum: settings.minimumSuccessRate),
      .ttft(settings.ttftStatistic, limitMilliseconds: settings.ttftLimitMilliseconds),
    ]
    targets += settings.objectives.map(Target.objective)
    return targets.map { check($0, levels) }
  }

  static func check(_ target: Target, _ levels: [LevelMetrics]) -> TargetCheck {
    let measured = levels.compactMap { level in target.value(at: level).map { (level: level.level, value: $0) } }
    guard !measured.isEmpty else { return TargetCheck(target: target, outcome: .unchecked) }
    let failing = measured.filter { !target.isMet(by: $0.value) }
    if let first = failing.first {
      let lastMet = measured.last { $0.level < first.level && target.isMet(by: $0.value) }?.level
      return TargetCheck(
        target: target,
        outcome: .failed(firstFailing: first.level, value: first.value, lastMet: lastMet, failingLevels: failing.count))
    }
    // Nearest the limit: the lowest success rate, the highest latency or error rate.
    let worst = target.higherIsBetter ? measured.min { $0.value < $1.value }! : measured.max { $0.value < $1.value }!
    return TargetCheck(
      target: target, outcome: .met(worst: worst.value, level: worst.level, checkedLevels: measured.count))
  }
}

extension TargetCheck.Target {
  /// The measured value this target looks at: a fraction for success and error rates,
  /// milliseconds for latency; nil when the level lacks it.
  public func value(at level: LevelMetrics) -> Double? {
    switch self {
    case .successRate: return level.successRate
    case .ttft(let statistic, _): return statistic.value(in: level.latency[.ttft])
    case .objective(let objective):
      switch objective.target {
      case .latency(let metric, let statistic, _): return statistic.value(in: level.latency[metric])
      case .errorRate: return level.successRate.map { 1 - $0 }
      }
    }
  }

  /// The same comparison the stop criteria use (a value equal to the limit meets it).
  public func isMet(by value: Double) -> Bool {
    switch self {
    case .successRate(let minimum): return value >= minimum
    case .ttft(_, let limit): return value <= limit
    case .objective(let objective):
      switch objective.target {
      case .latency(_, _, let limit): return value <= limit
      case .errorRate(let maximum): return value <= maximum
      }
    }
  }

  var higherIsBetter: Bool {
    if case .successRate = self { return true }
    return false
  }
}

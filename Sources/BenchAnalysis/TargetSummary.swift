import BenchModel

/// How a sweep did against one service target over every tested level — the success-rate
/// minimum, the TTFT limit and each user objective — for a one-line pass/fail verdict (PR
/// comment, HTML badges). `TargetCheck` holds the level-by-level table behind it.
///
/// The stop criteria decide the max stable level by walking up until the first breach; a
/// target summary answers the reviewer's question "does the service meet X, and up to which
/// load?". Throughput growth is a stop criterion but not a target: it describes scaling, not
/// the service a user gets, and failing it at saturation is expected.
public struct TargetSummary: Sendable, Equatable {
  public enum Target: Sendable, Equatable {
    /// Completed share of attempted requests must be at least `minimum` (0…1).
    case successRate(minimum: Double)
    /// The TTFT statistic must stay at or below the limit (ms).
    case ttft(LatencyStatistic, limitMilliseconds: Double)
    /// A user objective (`--slo`), checked level by level as `TargetCheck` does.
    case objective(ServiceLevelObjective)
  }

  public enum Outcome: Sendable, Equatable {
    /// A limit held at every level that has the value. `worst` is the value nearest the limit
    /// and `level` where it was measured; `checkedLevels` counts the levels with a value.
    case met(worst: Double, level: LoadLevel, checkedLevels: Int)
    /// A limit broken at `firstFailing` (the lowest breaking level) with `value`. `lastMet` is
    /// the highest level below it that met the target, nil when the lowest level already fails.
    case failed(firstFailing: LoadLevel, value: Double, lastMet: LoadLevel?, failingLevels: Int)
    /// A goal (minimum throughput) first reached at `level` with `value`.
    case reached(level: LoadLevel, value: Double)
    /// A goal reached at no level; `best` is the closest value and where.
    case notReached(best: Double, level: LoadLevel)
    /// No level has the value (e.g. TTFT in a Locust run).
    case unchecked
  }

  public var target: Target
  public var outcome: Outcome

  public init(target: Target, outcome: Outcome) {
    self.target = target
    self.outcome = outcome
  }

  /// Whether the target was met: a limit at every level with a value, a goal at some level.
  public var isMet: Bool {
    switch outcome {
    case .met, .reached: true
    case .failed, .notReached, .unchecked: false
    }
  }

  /// Whether the target was missed (not merely unchecked).
  public var isMissed: Bool {
    switch outcome {
    case .failed, .notReached: true
    case .met, .reached, .unchecked: false
    }
  }

  /// The targets `settings` sets, summarised over `levels` (ascending load).
  public static func summaries(_ levels: [LevelMetrics], settings: AnalysisSettings) -> [TargetSummary] {
    let successRate = Target.successRate(minimum: settings.minimumSuccessRate)
    let ttft = Target.ttft(settings.ttftStatistic, limitMilliseconds: settings.ttftLimitMilliseconds)
    var summaries = [
      summary(
        successRate, levels.map { ($0.level, $0.successRate, $0.successRate.map { $0 >= settings.minimumSuccessRate }) }
      ),
      summary(
        ttft,
        levels.map { level in
          let value = settings.ttftStatistic.value(in: level.latency[.ttft])
          return (level.level, value, value.map { $0 <= settings.ttftLimitMilliseconds })
        }),
    ]
    let checks = TargetCheck.evaluate(levels, objectives: settings.objectives)
    for objective in settings.objectives {
      let perLevel = checks.filter { $0.objective == objective }.map { ($0.level, $0.measured, $0.met) }
      summaries.append(summary(.objective(objective), perLevel))
    }
    return summaries
  }

  /// Summarises per-level results (level, measured value, met) of one target.
  static func summary(_ target: Target, _ perLevel: [(LoadLevel, Double?, Bool?)]) -> TargetSummary {
    let measured = perLevel.compactMap { level, value, met in
      value.flatMap { value in met.map { (level: level, value: value, met: $0) } }
    }
    guard !measured.isEmpty else { return TargetSummary(target: target, outcome: .unchecked) }
    if target.isGoal {
      if let first = measured.first(where: \.met) {
        return TargetSummary(target: target, outcome: .reached(level: first.level, value: first.value))
      }
      let best = measured.max { $0.value < $1.value }!
      return TargetSummary(target: target, outcome: .notReached(best: best.value, level: best.level))
    }
    let failing = measured.filter { !$0.met }
    if let first = failing.first {
      let lastMet = measured.last { $0.level < first.level && $0.met }?.level
      return TargetSummary(
        target: target,
        outcome: .failed(firstFailing: first.level, value: first.value, lastMet: lastMet, failingLevels: failing.count))
    }
    // Nearest the limit: the lowest success rate, the highest latency or error rate.
    let worst =
      target.higherIsBetter ? measured.min { $0.value < $1.value }! : measured.max { $0.value < $1.value }!
    return TargetSummary(
      target: target, outcome: .met(worst: worst.value, level: worst.level, checkedLevels: measured.count))
  }
}

extension TargetSummary.Target {
  /// A goal is met when some level reaches it (minimum throughput: low levels miss it by
  /// design); every other target is a limit every level must keep.
  var isGoal: Bool {
    if case .objective(let objective) = self, case .minimumThroughput = objective.target { return true }
    return false
  }

  var higherIsBetter: Bool {
    switch self {
    case .successRate: true
    case .ttft: false
    case .objective(let objective):
      if case .minimumThroughput = objective.target { true } else { false }
    }
  }
}

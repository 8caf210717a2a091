import BenchModel

/// One user objective checked at one level, in the style of a performance-test report's target
/// table: the target, the measured value, and whether it was met (✅/❌).
public struct TargetCheck: Sendable, Equatable {
  public var level: LoadLevel
  public var objective: ServiceLevelObjective
  /// The measured value: ms for latency, a fraction for the error rate, req/s for throughput;
  /// nil when the files do not give it.
  public var measured: Double?
  /// nil when the value is unknown.
  public var met: Bool?

  public init(level: LoadLevel, objective: ServiceLevelObjective, measured: Double?, met: Bool?) {
    self.level = level
    self.objective = objective
    self.measured = measured
    self.met = met
  }

  /// Every objective at every level, level by level in the objectives' order.
  public static func evaluate(_ levels: [LevelMetrics], objectives: [ServiceLevelObjective]) -> [TargetCheck] {
    levels.flatMap { level in
      objectives.map { objective in
        let measured: Double?
        let met: Bool?
        switch objective.target {
        case .latency(let metric, let statistic, let limit):
          measured = statistic.value(in: level.latency[metric])
          met = measured.map { $0 <= limit }
        case .errorRate(let maximum):
          measured = level.failureRate
          met = measured.map { $0 <= maximum }
        case .minimumThroughput(let minimum):
          measured = level.requestThroughput
          met = measured.map { $0 >= minimum }
        }
        return TargetCheck(level: level.level, objective: objective, measured: measured, met: met)
      }
    }
  }
}

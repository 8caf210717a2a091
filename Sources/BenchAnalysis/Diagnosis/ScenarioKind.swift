import BenchModel

/// What kind of test a level's run was (seed 004): the lowest level of a sweep is its baseline,
/// levels at or beyond the first failing level are stress, a constant load held for
/// `soakMinutes` or more is a soak, a run whose user count jumps at least 4× within 5 s and falls
/// back is a spike; the rest is load.
public enum ScenarioKind: String, Sendable, Codable, CaseIterable {
  case baseline
  case load
  case stress
  case soak
  case spike

  static func classify(_ sweep: Sweep, levels: [LevelMetrics], stability: StabilityVerdict, settings: AnalysisSettings) -> [LoadLevel: ScenarioKind] {
    var kinds: [LoadLevel: ScenarioKind] = [:]
    for (index, level) in sweep.levels.enumerated() {
      let runs = level.runs
      if runs.contains(where: { $0.timeline.map(isSpike) ?? false }) {
        kinds[level.level] = .spike
      } else if runs.contains(where: { run in run.plateau == nil && (run.duration ?? 0) >= settings.soakMinutes * 60 }) {
        kinds[level.level] = .soak
      } else if let failing = stability.firstUnstable, level.level >= failing {
        kinds[level.level] = .stress
      } else if index == 0 && sweep.levels.count > 1 {
        kinds[level.level] = .baseline
      } else {
        kinds[level.level] = .load
      }
    }
    return kinds
  }

  /// A jump of at least 4× the user count within 5 s that later falls back to half the peak.
  static func isSpike(_ timeline: LoadTimeline) -> Bool {
    let points = timeline.points.filter { $0.users != nil }
    var start = 0
    for index in points.indices {
      while points[index].timestamp - points[start].timestamp > 5 { start += 1 }
      guard let before = points[start].users, before > 0, let now = points[index].users, now >= 4 * before else { continue }
      if points[index...].contains(where: { ($0.users ?? 0) > 0 && ($0.users ?? 0) * 2 <= now }) { return true }
    }
    return false
  }
}

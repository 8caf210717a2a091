import BenchModel

/// Everything `compare` concludes: the paired sweeps with their changes, what is only on one
/// side and why, and the `--fail-on` rules that fired.
public struct Comparison: Sendable, Equatable {
  public var settings: ComparisonSettings
  public var sweeps: [SweepComparison]
  public var onlyInBase: [SweepMatching.Unpaired]
  public var onlyInNew: [SweepMatching.Unpaired]
  public var violations: [RuleViolation]

  /// True when some `--fail-on` rule fired: the command exits non-zero.
  public var failed: Bool { !violations.isEmpty }

  /// Every level change beyond noise, worst first: regressions by size, then improvements.
  public var significantChanges: [(sweep: SweepComparison, level: LoadLevel, change: MetricChange)] {
    var list: [(sweep: SweepComparison, level: LoadLevel, change: MetricChange)] = []
    for sweep in sweeps {
      for level in sweep.levels {
        for change in level.changes where change.isSignificant { list.append((sweep, level.level, change)) }
      }
    }
    return list
  }
}

/// One paired sweep.
public struct SweepComparison: Sendable, Equatable {
  public var base: SweepSnapshot
  public var new: SweepSnapshot
  /// Label and metadata that differ between the two sides.
  public var differences: [SweepDifference]
  /// Levels measured on both sides, ascending.
  public var levels: [LevelComparison]
  public var levelsOnlyInBase: [LoadLevel]
  public var levelsOnlyInNew: [LoadLevel]
  /// Knee, max stable, recommended range and peak throughput, base against new.
  public var decisions: [DecisionChange]

  /// What both sides share: the new side's identity without the label and metadata that
  /// differ, so the sweep is named after the experiment, not after one side of it.
  public var commonIdentity: SweepIdentity {
    var identity = new.identity
    if identity.label != base.identity.label { identity.label = nil }
    identity.metadata = identity.metadata.filter { base.identity.metadata.contains($0) }
    return identity
  }

  public var regressions: Int { levels.reduce(0) { $0 + $1.changes.filter { $0.assessment == .worse }.count } }
  public var improvements: Int { levels.reduce(0) { $0 + $1.changes.filter { $0.assessment == .better }.count } }
}

/// One load level measured on both sides.
public struct LevelComparison: Sendable, Equatable {
  public var level: LoadLevel
  /// Metrics with a number on both sides, in catalogue order.
  public var changes: [MetricChange]
  /// Metrics only one side has a number for.
  public var onlyOneSide: [ComparedMetric]
  public var baseRequests: Int?
  public var newRequests: Int?

  public func change(_ metric: ComparedMetric) -> MetricChange? { changes.first { $0.metric == metric } }
}

/// A `--fail-on` rule that fired, and where.
public struct RuleViolation: Sendable, Equatable {
  public var rule: RegressionRule
  /// The sweep's title.
  public var sweep: String
  /// The level, nil for sweep-level decisions.
  public var level: LoadLevel?
  /// The metric change or decision change that fired it (one of the two).
  public var change: MetricChange?
  public var decision: DecisionChange?
}

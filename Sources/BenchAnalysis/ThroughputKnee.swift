import BenchModel

/// Where throughput stops growing, found with Kneedle on the sweep's finite levels.
public struct ThroughputKnee: Sendable, Equatable {
  public enum Outcome: Sendable, Equatable {
    /// A knee at this level; `throughput` is the measure's value there.
    case found(level: LoadLevel, throughput: Double)
    /// Kneedle found no knee: throughput still rises (or is flat) across the tested range.
    case noKnee
    /// Fewer than three finite levels with throughput: Kneedle cannot decide.
    case tooFewLevels(count: Int)
  }

  /// Kneedle on the level values as they are (kneed parity: `KneeLocator(x, y, curve="concave",
  /// direction="increasing", S=1.0)`).
  public var linear: Outcome
  /// Kneedle on log₂ of the level values: the natural axis for doubling sweeps.
  public var log2: Outcome
  public var measure: ThroughputMeasure?
}

import BenchModel

/// A sweep-level conclusion, base against new: the knee, the max stable level, the
/// recommended range (its upper end) or the peak throughput.
public struct DecisionChange: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable, Equatable {
    case knee
    case maxStable = "max_stable"
    case recommended
    case peakThroughput = "peak_throughput"

    /// Parses the `--fail-on` names (`max_stable`, `recommended`, `knee`, `peak_throughput`).
    public init?(key: String) {
      self.init(rawValue: key.lowercased())
    }
  }

  public var kind: Kind
  /// The number the decision stands for (a level, the range's upper end, tok/s); nil when the
  /// side reached no such decision.
  public var base: Double?
  public var new: Double?
  /// The recommended range's lower end, for display.
  public var baseLow: Double?
  public var newLow: Double?
  public var assessment: ChangeAssessment

  /// (new − base) / base; −1 when the new side lost the decision, nil when it cannot be said.
  public var relative: Double? {
    switch (base, new) {
    case (let b?, let n?) where b != 0 && b.isFinite && n.isFinite: (n - b) / abs(b)
    case (.some, nil): -1
    default: nil
    }
  }
}

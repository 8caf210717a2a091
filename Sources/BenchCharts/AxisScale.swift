/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Hashable {
  /// Equal data differences get equal distances.
  case linear
  /// Equal ratios get equal distances: each doubling is one step, which suits
  /// concurrency sweeps 1, 2, 4, … 256. Only positive values can be shown.
  case log2
}

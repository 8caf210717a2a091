/// The look of a series, kept separate from its data so chart builders can restyle
/// without touching values.
public struct SeriesStyle: Sendable, Hashable {
  /// Index into `ChartPalette.okabeIto`; also picks the marker shape, so series stay
  /// distinguishable in greyscale prints.
  public var colorIndex: Int
  /// Dashed lines, e.g. for a baseline or a model prediction next to measured data.
  public var dashed: Bool
  /// Which y axis the series is plotted against.
  public var yAxis: YAxisSide

  public init(colorIndex: Int, dashed: Bool = false, yAxis: YAxisSide = .primary) {
    self.colorIndex = colorIndex
    self.dashed = dashed
    self.yAxis = yAxis
  }
}

/// The y axis a series or annotation refers to.
public enum YAxisSide: Sendable, Hashable {
  /// The left axis, `ChartSpec.yAxis`.
  case primary
  /// The right axis, `ChartSpec.secondaryYAxis`.
  case secondary
}

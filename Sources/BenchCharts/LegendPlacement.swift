/// Where the legend goes.
public enum LegendPlacement: Sendable, Hashable {
  /// Inside the plot, in the first corner (top-left, top-right, bottom-right, bottom-left)
  /// that covers no data point, line or annotation; below the plot if every corner would
  /// cover something. Hidden when there are fewer than two series, because the axis
  /// title already names a single series.
  case automatic
  /// Inside the plot in the given corner, even if it covers data.
  case inside(Corner)
  /// Outside the plot, centred below the x axis title, wrapping into rows.
  case below
  /// Outside the plot, in a column right of it.
  case right
  /// No legend.
  case hidden

  /// A corner of the plot area.
  public enum Corner: Sendable, Hashable, CaseIterable {
    case topLeft, topRight, bottomRight, bottomLeft
  }
}

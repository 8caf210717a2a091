/// How a series is drawn.
public enum SeriesKind: Sendable, Hashable {
  /// Straight segments between points with a marker on each point: the default for
  /// measured sweep levels, where the markers show what was actually tested.
  case lineWithMarkers
  /// Markers only, for scatter data where joining points would suggest an order.
  case markers
  /// A step line holding each value until the next x (post-step), for cumulative counts
  /// and thresholds that change at discrete levels.
  case step
  /// Filled bars for a histogram: each point's x is the left edge of its bin and the bar
  /// spans `binWidth` (nil: up to the next point's x; the last bin reuses the previous
  /// width). y is the bin count or density.
  case histogram(binWidth: Double?)
}

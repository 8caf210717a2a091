/// One annotation after layout: the shape to draw in canvas coordinates and its label.
public struct AnnotationLayout: Sendable, Hashable {
  /// What the renderer draws for the annotation, in canvas pixels.
  public enum Shape: Sendable, Hashable {
    /// A line across the whole plot height at canvas x.
    case verticalLine(x: Double)
    /// A shaded band across the plot height between two canvas x positions.
    case band(fromX: Double, toX: Double)
    /// A dashed line across the whole plot width at canvas y.
    case horizontalLine(y: Double)
    /// A ✕ centred on the point, `halfSize` pixels from centre to each arm's end.
    case cross(center: ChartPoint, halfSize: Double)
    /// Nothing drawn but the label (the labelled point is a series marker).
    case labelOnly(anchor: ChartPoint)
  }

  /// nil when the annotation cannot be shown on the current scales (never for
  /// validated specs; kept optional so the renderer need not trap).
  public var shape: Shape?
  /// nil when there is no label or an optional label found no free spot.
  public var label: PlacedText?

  public init(shape: Shape?, label: PlacedText?) {
    self.shape = shape
    self.label = label
  }

  /// Half the size of the failed-level ✕ in logical pixels.
  public static let crossHalfSize = 5.0
}

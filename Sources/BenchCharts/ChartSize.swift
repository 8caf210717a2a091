/// A width and height in logical pixels (CSS px). PNG output multiplies these by the
/// renderer's device scale; SVG output uses them as-is.
public struct ChartSize: Sendable, Hashable {
  public var width: Double
  public var height: Double

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// 16:9 at a size that reads well inline in a report page.
  public static let standard = ChartSize(width: 800, height: 450)
}

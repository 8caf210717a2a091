/// A position on the canvas in logical pixels, origin top-left, y growing downwards.
public struct ChartPoint: Sendable, Hashable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

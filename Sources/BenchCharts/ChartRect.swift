/// An axis-aligned rectangle on the canvas in logical pixels (origin top-left).
///
/// Layout uses it for the plot area, text boxes and the legend, and for the
/// collision tests that keep labels and the legend off the data.
public struct ChartRect: Sendable, Hashable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var minX: Double { x }
  public var minY: Double { y }
  public var maxX: Double { x + width }
  public var maxY: Double { y + height }
  public var midX: Double { x + width / 2 }
  public var midY: Double { y + height / 2 }

  /// The rectangle grown by `amount` on every side (shrunk when negative).
  public func expanded(by amount: Double) -> ChartRect {
    ChartRect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
  }

  public func contains(_ point: ChartPoint) -> Bool {
    point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
  }

  /// Whether `other` lies entirely inside this rectangle.
  public func contains(_ other: ChartRect) -> Bool {
    other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
  }

  /// Whether the two rectangles share interior area (touching edges do not count).
  public func intersects(_ other: ChartRect) -> Bool {
    minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
  }

  /// The overlapping area in square pixels; 0 when the rectangles are apart.
  public func overlapArea(with other: ChartRect) -> Double {
    let w = min(maxX, other.maxX) - max(minX, other.minX)
    let h = min(maxY, other.maxY) - max(minY, other.minY)
    return w > 0 && h > 0 ? w * h : 0
  }

  /// Whether the segment from `a` to `b` passes through this rectangle
  /// (Liang–Barsky clipping: the segment survives clipping iff it intersects).
  public func intersectsSegment(from a: ChartPoint, to b: ChartPoint) -> Bool {
    // Both ends beyond one edge: apart, without the four divisions below. Label placement
    // tests every candidate against every segment of every series (a day-long Locust timeline
    // has thousands), and nearly all of them are far away. Strict comparisons, so a segment
    // that touches an edge still reaches the clipping, as before.
    if a.x < minX && b.x < minX || a.x > maxX && b.x > maxX || a.y < minY && b.y < minY || a.y > maxY && b.y > maxY {
      return false
    }
    let dx = b.x - a.x
    let dy = b.y - a.y
    var t0 = 0.0
    var t1 = 1.0
    // The four edges in turn, without an array per call (label placement tests every
    // candidate against every segment of every series).
    func clip(_ p: Double, _ q: Double) -> Bool {
      if p == 0 { return !(q < 0) }
      let t = q / p
      if p < 0 {
        if t > t1 { return false }
        t0 = max(t0, t)
      } else {
        if t < t0 { return false }
        t1 = min(t1, t)
      }
      return true
    }
    guard clip(-dx, a.x - minX), clip(dx, maxX - a.x), clip(-dy, a.y - minY), clip(dy, maxY - a.y) else {
      return false
    }
    return t0 <= t1
  }
}

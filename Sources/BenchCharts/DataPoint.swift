/// One point of a series in data units.
public struct DataPoint: Sendable, Hashable {
  /// The x value; `+infinity` is allowed when the x axis has an infinity slot.
  public var x: Double
  /// The y value; nil (or NaN) leaves a gap, e.g. for a level where every request failed.
  public var y: Double?

  public init(x: Double, y: Double?) {
    self.x = x
    self.y = y
  }

  /// The y value if it can be drawn (present and finite).
  var drawableY: Double? {
    guard let y, y.isFinite else { return nil }
    return y
  }
}

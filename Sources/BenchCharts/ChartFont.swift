/// A font size and weight for one kind of text. The family list lives in `ChartTheme`,
/// because every piece of text uses the same families (Latin first, then CJK fallback).
public struct ChartFont: Sendable, Hashable {
  /// Size in logical pixels (the em height), not points.
  public var size: Double
  public var bold: Bool

  public init(size: Double, bold: Bool = false) {
    self.size = size
    self.bold = bold
  }
}

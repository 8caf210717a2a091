/// A piece of text with its final position, as computed by `ChartLayout`.
public struct PlacedText: Sendable, Hashable {
  public var text: String
  public var role: TextRole
  public var font: ChartFont
  /// The box the text occupies on the canvas, after any rotation.
  public var frame: ChartRect
  /// Rotated a quarter turn anticlockwise (reads bottom to top), as y axis titles are.
  public var isVertical: Bool

  public init(text: String, role: TextRole, font: ChartFont, frame: ChartRect, isVertical: Bool = false) {
    self.text = text
    self.role = role
    self.font = font
    self.frame = frame
    self.isVertical = isVertical
  }
}

/// One named data series.
public struct Series: Sendable, Hashable {
  /// The legend text.
  public var name: String
  public var points: [DataPoint]
  public var kind: SeriesKind
  public var style: SeriesStyle

  public init(name: String, points: [DataPoint], kind: SeriesKind = .lineWithMarkers, style: SeriesStyle) {
    self.name = name
    self.points = points
    self.kind = kind
    self.style = style
  }
}

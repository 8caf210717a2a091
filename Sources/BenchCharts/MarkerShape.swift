/// The marker drawn on each data point. Shapes cycle with the series' palette index so
/// that series stay distinguishable in greyscale prints and for readers who cannot
/// tell the colours apart.
public enum MarkerShape: Sendable, Hashable, CaseIterable {
  case circle, square, triangleUp, diamond, triangleDown

  /// The shape for a palette index: circle, square, triangle, diamond, inverted triangle.
  public static func forIndex(_ index: Int) -> MarkerShape {
    let shapes = allCases
    return shapes[((index % shapes.count) + shapes.count) % shapes.count]
  }
}

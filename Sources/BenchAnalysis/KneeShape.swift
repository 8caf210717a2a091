/// The direction and curvature of a curve, as kneed's `find_shape` guesses them.
///
/// ``KneeDetector`` must be told the shape; picking the wrong one silently gives no knee or
/// a far-off one. Tokens/s per stream against concurrency, for example, is convex and
/// decreasing on a linear x-axis but concave and decreasing on a log₂ one.
public struct KneeShape: Sendable, Equatable {
  public var direction: KneeDetector.Direction
  public var curve: KneeDetector.Curve

  public init(direction: KneeDetector.Direction, curve: KneeDetector.Curve) {
    self.direction = direction
    self.curve = curve
  }
}

extension KneeDetector {
  /// kneed 0.8.6's `find_shape(x, y)`: fit a straight line; its slope gives the direction,
  /// and whether the middle 60 % of the points lie above it (concave) or not (convex) gives
  /// the curve.
  ///
  /// `nil` for mismatched lengths, non-finite values or fewer than three points. kneed
  /// answers for two points too, but the line then passes through both and the sign of
  /// their distance from it is rounding noise.
  public static func findShape(x: [Double], y: [Double]) -> KneeShape? {
    guard x.count == y.count, x.count >= 3, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
      let line = PolynomialFit(x: x, y: y, degree: 1)
    else { return nil }
    let slope = line.coefficients[0]
    let intercept = line.coefficients[1]

    // Python's int(len(x) * 0.2) and int(len(x) * 0.8), rounding included.
    let middle = Int(Double(x.count) * 0.2)..<Int(Double(x.count) * 0.8)
    let meanY = DescriptiveStatistics.mean(Array(y[middle])) ?? .nan
    let meanLine = DescriptiveStatistics.mean(x[middle].map { $0 * slope + intercept }) ?? .nan
    let heightAboveLine = meanY - meanLine

    let direction: Direction = slope > 0 ? .increasing : .decreasing
    let curve: Curve = heightAboveLine > 0 ? .concave : .convex
    return KneeShape(direction: direction, curve: curve)
  }
}

extension KneeDetector {
  /// A detector for the shape ``findShape(x:y:)`` found.
  public init(
    shape: KneeShape, sensitivity: Double = 1, interpolation: Interpolation = .interp1d,
    online: Bool = false
  ) {
    self.init(
      curve: shape.curve, direction: shape.direction, sensitivity: sensitivity,
      interpolation: interpolation, online: online)
  }
}

/// Everything already on the plot that a legend or label should not cover, and a cost
/// for covering it. Data (markers, lines, bars) and annotation lines are "soft": each
/// one covered costs 1. Text and the legend are "hard": covering them costs 1000, so
/// text never lands on text if any alternative exists.
public struct CollisionMap: Sendable, Hashable {
  public var softRects: [ChartRect]
  public var softSegments: [SeriesGeometry.Segment]
  public var hardRects: [ChartRect]

  public init(softRects: [ChartRect] = [], softSegments: [SeriesGeometry.Segment] = [], hardRects: [ChartRect] = []) {
    self.softRects = softRects
    self.softSegments = softSegments
    self.hardRects = hardRects
  }

  /// Adds the markers, lines and bars of a series.
  public mutating func add(_ geometry: SeriesGeometry, markerRadius: Double) {
    softRects += geometry.markers.map {
      ChartRect(x: $0.x - markerRadius, y: $0.y - markerRadius, width: 2 * markerRadius, height: 2 * markerRadius)
    }
    softRects += geometry.bars
    softSegments += geometry.segments
  }

  /// The cost of putting something opaque over `rect`; 0 means it covers nothing.
  public func cost(of rect: ChartRect) -> Double {
    var cost = 0.0
    for hard in hardRects where hard.intersects(rect) {
      cost += 1000 + hard.overlapArea(with: rect)
    }
    for soft in softRects where soft.intersects(rect) { cost += 1 }
    for segment in softSegments where rect.intersectsSegment(from: segment.from, to: segment.to) { cost += 1 }
    return cost
  }

  /// The first candidate inside `bounds` with the lowest cost (earlier candidates win
  /// ties, so callers list them in order of preference); nil if none fits `bounds`.
  public func best(of candidates: [ChartRect], within bounds: ChartRect) -> (rect: ChartRect, cost: Double)? {
    var best: (rect: ChartRect, cost: Double)?
    for candidate in candidates where bounds.contains(candidate) {
      let cost = cost(of: candidate)
      if cost == 0 { return (candidate, 0) }
      if let current = best, current.cost <= cost { continue }
      best = (candidate, cost)
    }
    return best
  }
}

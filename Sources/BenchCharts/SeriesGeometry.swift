/// A series converted to canvas coordinates: the polylines, markers and bars to draw.
///
/// Layout uses it to keep the legend and labels off the data, and the renderer draws
/// exactly the same shapes, so "does not cover data" is tested on what is drawn.
public struct SeriesGeometry: Sendable, Hashable {
  /// A straight piece of line between two canvas points.
  public struct Segment: Sendable, Hashable {
    public var from: ChartPoint
    public var to: ChartPoint

    public init(from: ChartPoint, to: ChartPoint) {
      self.from = from
      self.to = to
    }
  }

  /// Unbroken polylines; a gap (y nil) or the jump into the infinity slot starts a new one.
  public var runs: [[ChartPoint]]
  /// Segments from the last finite point to the point at x = +∞, drawn dashed because
  /// their slope means nothing.
  public var infinityLinks: [Segment]
  /// Where markers go (empty for steps and histograms).
  public var markers: [ChartPoint]
  /// Histogram bars.
  public var bars: [ChartRect]

  public init(runs: [[ChartPoint]], infinityLinks: [Segment], markers: [ChartPoint], bars: [ChartRect]) {
    self.runs = runs
    self.infinityLinks = infinityLinks
    self.markers = markers
    self.bars = bars
  }

  /// Every drawn line segment, for collision tests.
  public var segments: [Segment] {
    var all = infinityLinks
    for run in runs where run.count > 1 {
      for index in 1..<run.count { all.append(Segment(from: run[index - 1], to: run[index])) }
    }
    return all
  }

  /// The geometry of `series` on the given scales. Points that cannot be placed
  /// (gaps, or values a scale cannot show) break the line.
  public init(series: Series, xScale: Scale, yScale: Scale) {
    if case .histogram(let binWidth) = series.kind {
      self.init(runs: [], infinityLinks: [], markers: [], bars: Self.bars(series.points, binWidth, xScale, yScale))
      return
    }
    var runs: [[ChartPoint]] = []
    var links: [Segment] = []
    var markers: [ChartPoint] = []
    var current: [ChartPoint] = []
    var previous: ChartPoint?
    for point in series.points {
      guard let y = point.drawableY, let px = xScale.pixel(for: point.x), let py = yScale.pixel(for: y) else {
        if !current.isEmpty { runs.append(current) }
        current = []
        previous = nil
        continue
      }
      let canvasPoint = ChartPoint(x: px, y: py)
      if point.x == .infinity {
        if !current.isEmpty { runs.append(current) }
        current = []
        if let previous { links.append(Segment(from: previous, to: canvasPoint)) }
      } else {
        if series.kind == .step, let last = current.last {
          current.append(ChartPoint(x: canvasPoint.x, y: last.y))
        }
        current.append(canvasPoint)
      }
      markers.append(canvasPoint)
      previous = canvasPoint
    }
    if !current.isEmpty { runs.append(current) }
    switch series.kind {
    case .markers:
      runs = []
      links = []
    case .step: markers = []
    case .lineWithMarkers, .histogram: break
    }
    self.init(runs: runs, infinityLinks: links, markers: markers, bars: [])
  }

  /// The x extent of each histogram bin in data units: [x, x + width).
  static func binEdges(_ points: [DataPoint], _ binWidth: Double?) -> [(lower: Double, upper: Double)] {
    let finite = points.filter { $0.x.isFinite }
    var edges: [(Double, Double)] = []
    for (index, point) in finite.enumerated() {
      let width: Double
      if let binWidth {
        width = binWidth
      } else if index + 1 < finite.count {
        width = finite[index + 1].x - point.x
      } else if index > 0 {
        width = point.x - finite[index - 1].x
      } else {
        width = 1
      }
      edges.append((point.x, point.x + width))
    }
    return edges
  }

  private static func bars(
    _ points: [DataPoint], _ binWidth: Double?, _ xScale: Scale, _ yScale: Scale
  ) -> [ChartRect] {
    let finite = points.filter { $0.x.isFinite }
    // Bars grow from zero, or from the bottom of the axis when zero is not shown.
    let domain = yScale.domain
    let baseValue = yScale.kind == .linear ? min(max(0, domain.lowerBound), domain.upperBound) : domain.lowerBound
    guard let base = yScale.pixel(for: baseValue) else { return [] }
    var rects: [ChartRect] = []
    for (point, edge) in zip(finite, binEdges(finite, binWidth)) {
      guard let y = point.drawableY, let top = yScale.pixel(for: y),
        let left = xScale.pixel(for: edge.lower), let right = xScale.pixel(for: edge.upper)
      else { continue }
      rects.append(ChartRect(x: min(left, right), y: min(top, base), width: abs(right - left), height: abs(base - top)))
    }
    return rects
  }
}

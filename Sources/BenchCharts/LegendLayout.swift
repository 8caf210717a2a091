/// Where the legend sits and where each of its entries goes.
public struct LegendLayout: Sendable, Hashable {
  /// The legend position after layout decided (`LegendPlacement.automatic` resolved).
  public enum Position: Sendable, Hashable {
    case inside(LegendPlacement.Corner)
    case below
    case right
  }

  /// One legend row: a swatch showing how the series is drawn, and its name.
  public struct Entry: Sendable, Hashable {
    /// Index into `ChartSpec.series`.
    public var seriesIndex: Int
    /// Where the line/marker/bar sample is drawn.
    public var swatch: ChartRect
    public var label: PlacedText

    public init(seriesIndex: Int, swatch: ChartRect, label: PlacedText) {
      self.seriesIndex = seriesIndex
      self.swatch = swatch
      self.label = label
    }
  }

  public var position: Position
  /// The whole legend including its inner padding.
  public var frame: ChartRect
  public var entries: [Entry]

  public init(position: Position, frame: ChartRect, entries: [Entry]) {
    self.position = position
    self.frame = frame
    self.entries = entries
  }

  /// Inside the plot the legend gets a white box and a border to stand off the grid.
  public var isBoxed: Bool {
    if case .inside = position { return true }
    return false
  }

  static let swatchWidth = 24.0
  static let swatchGap = 6.0
  static let rowSpacing = 3.0
  static let boxPadding = 7.0
  static let flowSpacing = 20.0
  /// Distance between an inside legend and the plot edges.
  static let insideMargin = 8.0

  /// The series that get an entry: those with a non-empty name.
  static func listedSeries(_ series: [Series]) -> [Int] {
    series.indices.filter { !series[$0].name.isEmpty }
  }

  /// A vertical list with its top-left corner at `origin`.
  static func column(
    _ series: [Series], position: Position, origin: ChartPoint, font: ChartFont, measurer: some TextMeasuring
  ) -> LegendLayout {
    let padding = position == .right ? 0 : boxPadding
    var y = origin.y + padding
    var width = 0.0
    var entries: [Entry] = []
    for index in listedSeries(series) {
      let size = measurer.size(of: series[index].name, font: font)
      let swatch = ChartRect(x: origin.x + padding, y: y, width: swatchWidth, height: size.height)
      let labelFrame = ChartRect(x: swatch.maxX + swatchGap, y: y, width: size.width, height: size.height)
      entries.append(
        Entry(
          seriesIndex: index, swatch: swatch,
          label: PlacedText(text: series[index].name, role: .legend, font: font, frame: labelFrame)))
      width = max(width, swatchWidth + swatchGap + size.width)
      y += size.height + rowSpacing
    }
    let height = entries.isEmpty ? 0 : y - rowSpacing - origin.y + padding
    return LegendLayout(
      position: position, frame: ChartRect(x: origin.x, y: origin.y, width: width + 2 * padding, height: height),
      entries: entries)
  }

  /// Entries side by side, wrapped into rows no wider than `maximumWidth`, each row
  /// centred on `centerX`, starting at `top`.
  static func rows(
    _ series: [Series], centerX: Double, top: Double, maximumWidth: Double, font: ChartFont,
    measurer: some TextMeasuring
  ) -> LegendLayout {
    typealias Item = (index: Int, size: ChartSize, width: Double)
    var rows: [[Item]] = [[]]
    var rowWidth = 0.0
    for index in listedSeries(series) {
      let size = measurer.size(of: series[index].name, font: font)
      let width = swatchWidth + swatchGap + size.width
      let needed = rows[rows.count - 1].isEmpty ? width : rowWidth + flowSpacing + width
      if needed > maximumWidth && !rows[rows.count - 1].isEmpty {
        rows.append([(index, size, width)])
        rowWidth = width
      } else {
        rows[rows.count - 1].append((index, size, width))
        rowWidth = needed
      }
    }
    var entries: [Entry] = []
    var y = top
    var minX = Double.infinity
    var maxX = -Double.infinity
    for row in rows where !row.isEmpty {
      let total = row.map(\.width).reduce(0, +) + flowSpacing * Double(row.count - 1)
      var x = centerX - total / 2
      let height = row.map(\.size.height).max() ?? 0
      minX = min(minX, x)
      maxX = max(maxX, x + total)
      for item in row {
        let swatch = ChartRect(x: x, y: y, width: swatchWidth, height: height)
        let labelFrame = ChartRect(x: swatch.maxX + swatchGap, y: y, width: item.size.width, height: item.size.height)
        entries.append(
          Entry(
            seriesIndex: item.index, swatch: swatch,
            label: PlacedText(text: series[item.index].name, role: .legend, font: font, frame: labelFrame)))
        x += item.width + flowSpacing
      }
      y += height + rowSpacing
    }
    let frame =
      entries.isEmpty
      ? ChartRect(x: centerX, y: top, width: 0, height: 0)
      : ChartRect(x: minX, y: top, width: maxX - minX, height: y - rowSpacing - top)
    return LegendLayout(position: .below, frame: frame, entries: entries)
  }

  /// The legend frame for each inside corner of `plot`, in order of preference:
  /// top-left, top-right, bottom-right, bottom-left.
  public static func insideFrames(of size: ChartSize, in plot: ChartRect) -> [(
    corner: LegendPlacement.Corner, frame: ChartRect
  )] {
    let left = plot.minX + insideMargin
    let right = plot.maxX - insideMargin - size.width
    let top = plot.minY + insideMargin
    let bottom = plot.maxY - insideMargin - size.height
    return [
      (.topLeft, ChartRect(x: left, y: top, width: size.width, height: size.height)),
      (.topRight, ChartRect(x: right, y: top, width: size.width, height: size.height)),
      (.bottomRight, ChartRect(x: right, y: bottom, width: size.width, height: size.height)),
      (.bottomLeft, ChartRect(x: left, y: bottom, width: size.width, height: size.height)),
    ]
  }

  /// The legend placement rule: the corner whose legend box covers the fewest data
  /// points, lines and annotation lines (ties go to the earlier corner in
  /// `insideFrames` order). A cost of 0 means the legend covers nothing.
  public static func leastCoveredCorner(
    of size: ChartSize, in plot: ChartRect, collisions: CollisionMap
  ) -> (corner: LegendPlacement.Corner, frame: ChartRect, cost: Double) {
    var best: (corner: LegendPlacement.Corner, frame: ChartRect, cost: Double)?
    for (corner, frame) in insideFrames(of: size, in: plot) {
      // A little clearance so markers do not touch the legend border.
      let cost = collisions.cost(of: frame.expanded(by: 3))
      if let current = best, current.cost <= cost { continue }
      best = (corner, frame, cost)
    }
    let fallback = insideFrames(of: size, in: plot)[0]
    return best ?? (fallback.corner, fallback.frame, 0)
  }

  /// This legend moved so its frame's top-left corner is at `origin`.
  func moved(to origin: ChartPoint) -> LegendLayout {
    let dx = origin.x - frame.minX
    let dy = origin.y - frame.minY
    func shift(_ r: ChartRect) -> ChartRect { ChartRect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height) }
    var moved = self
    moved.frame = shift(frame)
    moved.entries = entries.map { entry in
      var entry = entry
      entry.swatch = shift(entry.swatch)
      entry.label.frame = shift(entry.label.frame)
      return entry
    }
    return moved
  }
}

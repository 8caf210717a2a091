/// One axis after layout: its scale in pixels, where each tick and label goes, and
/// where its title sits.
public struct AxisLayout: Sendable, Hashable {
  /// Which side of the plot the axis is drawn on.
  public enum Edge: Sendable, Hashable {
    case bottom, left, right
  }

  /// A tick mark with its label; the label is nil when it was dropped to avoid
  /// overlapping its neighbours (the tick mark and gridline stay).
  public struct PlacedTick: Sendable, Hashable {
    public var value: Double
    /// Position along the axis (x for the bottom axis, y for the side axes).
    public var pixel: Double
    public var label: PlacedText?

    public init(value: Double, pixel: Double, label: PlacedText?) {
      self.value = value
      self.pixel = pixel
      self.label = label
    }
  }

  public var edge: Edge
  public var resolved: ResolvedAxis
  public var scale: Scale
  /// Finite ticks in increasing value order, followed by the infinity tick if any.
  public var ticks: [PlacedTick]
  public var title: PlacedText

  public init(edge: Edge, resolved: ResolvedAxis, scale: Scale, ticks: [PlacedTick], title: PlacedText) {
    self.edge = edge
    self.resolved = resolved
    self.scale = scale
    self.ticks = ticks
    self.title = title
  }

  /// The smallest gap kept between neighbouring tick labels.
  static let minimumLabelGap = 8.0

  /// Tick labels centred under the ticks of a bottom axis. Labels that would collide
  /// with the previous kept label are dropped, left to right; the ∞ label is always
  /// kept (its finite neighbours give way) because it is the one a reader looks for.
  static func bottomTicks(
    _ resolved: ResolvedAxis, scale: Scale, top: Double, font: ChartFont, measurer: some TextMeasuring
  ) -> [PlacedTick] {
    var entries = resolved.ticks.compactMap { tick -> (Tick, Double, Bool)? in
      scale.pixel(for: tick.value).map { (tick, $0, false) }
    }
    if let label = resolved.infinityLabel, let pixel = scale.infinityPixel {
      entries.append((Tick(value: .infinity, label: label), pixel, true))
    }
    var placed: [PlacedTick] = []
    var lastKept: Int?
    for (tick, pixel, forced) in entries {
      let size = measurer.size(of: tick.label, font: font)
      let frame = ChartRect(x: pixel - size.width / 2, y: top, width: size.width, height: size.height)
      var label: PlacedText? = PlacedText(text: tick.label, role: .tickLabel, font: font, frame: frame)
      if forced {
        while let index = lastKept, let previous = placed[index].label,
          previous.frame.maxX + minimumLabelGap > frame.minX
        {
          placed[index].label = nil
          lastKept = placed[..<index].lastIndex { $0.label != nil }
        }
      } else if let index = lastKept, let previous = placed[index].label,
        previous.frame.maxX + minimumLabelGap > frame.minX
      {
        label = nil
      }
      placed.append(PlacedTick(value: tick.value, pixel: pixel, label: label))
      if label != nil { lastKept = placed.count - 1 }
    }
    return placed
  }

  /// Tick labels beside the ticks of a side axis, vertically centred, right-aligned
  /// against `anchorX` on the left edge and left-aligned from it on the right edge.
  /// Labels are thinned bottom to top like `bottomTicks`.
  static func sideTicks(
    _ resolved: ResolvedAxis, scale: Scale, edge: Edge, anchorX: Double, font: ChartFont,
    measurer: some TextMeasuring
  ) -> [PlacedTick] {
    var placed: [PlacedTick] = []
    var lastTop: Double?
    for tick in resolved.ticks {
      guard let pixel = scale.pixel(for: tick.value) else { continue }
      let size = measurer.size(of: tick.label, font: font)
      let x = edge == .left ? anchorX - size.width : anchorX
      let frame = ChartRect(x: x, y: pixel - size.height / 2, width: size.width, height: size.height)
      var label: PlacedText? = PlacedText(text: tick.label, role: .tickLabel, font: font, frame: frame)
      if let lastTop, frame.maxY + minimumLabelGap / 2 > lastTop {
        label = nil
      } else {
        lastTop = frame.minY
      }
      placed.append(PlacedTick(value: tick.value, pixel: pixel, label: label))
    }
    return placed
  }
}

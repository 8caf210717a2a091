/// The description of one axis: what it measures, how values map to positions,
/// and where its ticks go.
public struct Axis: Sendable, Hashable {
  /// What the axis measures, without the unit (e.g. "Throughput", "吞吐量").
  public var title: String
  /// The unit, shown in parentheses after the title (e.g. "tokens/s"); nil for counts.
  public var unit: String?
  public var scale: AxisScale
  /// Ticks at exactly these values; nil for automatic ticks (1-2-5 steps on linear axes,
  /// powers of two on log2 axes).
  public var ticks: [Tick]?
  /// The data range to show; nil to fit the data, the annotations and (see
  /// `includesZero`) zero.
  public var domain: ClosedRange<Double>?
  /// Whether an automatic linear domain must reach down (or up) to zero, so that bar
  /// heights and throughput levels are not visually exaggerated. Ignored on log2 axes.
  public var includesZero: Bool
  /// A dedicated position right of the last finite tick for the value `+infinity`
  /// (an open-loop run at infinite request rate). Only meaningful on the x axis.
  public var infinitySlot: InfinitySlot?

  public init(
    title: String,
    unit: String? = nil,
    scale: AxisScale = .linear,
    ticks: [Tick]? = nil,
    domain: ClosedRange<Double>? = nil,
    includesZero: Bool = true,
    infinitySlot: InfinitySlot? = nil
  ) {
    self.title = title
    self.unit = unit
    self.scale = scale
    self.ticks = ticks
    self.domain = domain
    self.includesZero = includesZero
    self.infinitySlot = infinitySlot
  }

  /// The title as printed, e.g. "Throughput (tokens/s)".
  public var displayTitle: String {
    guard let unit, !unit.isEmpty else { return title }
    return title.isEmpty ? unit : "\(title) (\(unit))"
  }

  /// The slot for `+infinity` at the right end of the x axis, separated from the finite
  /// values by an axis break so nobody reads a distance into it.
  public struct InfinitySlot: Sendable, Hashable {
    /// The tick label at the slot.
    public var label: String

    public init(label: String = "∞") {
      self.label = label
    }
  }
}

extension Axis {
  /// A millisecond axis for latencies, which may span orders of magnitude: log₂ when the
  /// largest positive value is more than `spreadForLog` times the smallest (so the low levels
  /// are not squashed into the floor), else linear from zero.
  public static func milliseconds(title: String, values: [Double], spreadForLog: Double = 30) -> Axis {
    let positive = values.filter { $0 > 0 }
    let spread = (positive.max() ?? 1) / max(positive.min() ?? 1, 1e-9)
    return Axis(title: title, unit: "ms", scale: spread > spreadForLog ? .log2 : .linear, includesZero: spread <= spreadForLog)
  }
}

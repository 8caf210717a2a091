/// Why a `ChartSpec` cannot be laid out. Each message names the offending series or
/// annotation and says how to fix the spec; these are programming errors in a chart
/// builder, or data that a builder must filter before plotting.
public enum ChartSpecError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The canvas is too small to hold axes, labels and a plot area.
  case canvasTooSmall(ChartSize, minimum: ChartSize)
  /// A value ≤ 0 on a log2 axis, which has no position for it.
  case nonPositiveValueOnLogAxis(axis: String, value: Double, source: String)
  /// A NaN or infinite value where only finite ones can be drawn.
  case nonFiniteValue(axis: String, value: Double, source: String)
  /// A finite value too large to place on an axis (its padded domain or ticks overflow).
  case valueOutOfRange(axis: String, value: Double, source: String)
  /// `+infinity` on an axis without an infinity slot.
  case infinityWithoutSlot(axis: String, source: String)
  /// A series or annotation refers to the secondary y axis, but the spec has none.
  case secondaryAxisMissing(source: String)
  /// An explicit axis domain that is empty or not finite.
  case invalidDomain(axis: String, lower: Double, upper: Double)
  /// A band whose start is after its end.
  case invalidBand(from: Double, to: Double, label: String)
  /// A histogram bin width that is not a positive finite number.
  case invalidBinWidth(series: String, width: Double)

  public var description: String {
    switch self {
    case .canvasTooSmall(let size, let minimum):
      return "Chart canvas \(size.width)×\(size.height) px is too small for axes and labels; "
        + "use at least \(minimum.width)×\(minimum.height) px (ChartSpec.size)."
    case .nonPositiveValueOnLogAxis(let axis, let value, let source):
      return "\(source) has value \(value) on the log2 axis '\(axis)', which can only show "
        + "values > 0; drop the point or use scale .linear."
    case .nonFiniteValue(let axis, let value, let source):
      return "\(source) has value \(value) on axis '\(axis)'; only finite values can be drawn "
        + "(use y = nil for a gap, or an infinity slot on the x axis for +∞)."
    case .valueOutOfRange(let axis, let value, let source):
      return "\(source) has value \(value) on axis '\(axis)', beyond ±\(ChartSpec.largestDrawableValue); "
        + "such a value is corrupt input, not a measurement: leave the point out."
    case .infinityWithoutSlot(let axis, let source):
      return "\(source) has x = +∞ but axis '\(axis)' has no infinity slot; "
        + "set Axis.infinitySlot = .init() to draw it right of the last finite tick."
    case .secondaryAxisMissing(let source):
      return "\(source) is plotted against the secondary y axis, but ChartSpec.secondaryYAxis "
        + "is nil; add a secondary axis or use yAxis: .primary."
    case .invalidDomain(let axis, let lower, let upper):
      return "Axis '\(axis)' has domain \(lower)…\(upper); a domain needs finite bounds with "
        + "lower < upper (and lower > 0 on a log2 axis). Set Axis.domain = nil to fit the data."
    case .invalidBand(let from, let to, let label):
      return "Band '\(label)' runs from \(from) to \(to); 'from' must not exceed 'to'."
    case .invalidBinWidth(let series, let width):
      return "Histogram series '\(series)' has bin width \(width); use a positive width or nil "
        + "to take widths from the spacing of the points."
    }
  }
}

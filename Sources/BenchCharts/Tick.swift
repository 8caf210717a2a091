/// One labelled tick on an axis: a data value and the text printed under or beside it.
public struct Tick: Sendable, Hashable {
  /// The position in data units.
  public var value: Double
  /// The text shown at the tick, already formatted (e.g. "1,024").
  public var label: String

  public init(value: Double, label: String) {
    self.value = value
    self.label = label
  }

  /// Ticks exactly at `values` (e.g. the tested concurrency levels), labelled with
  /// thousands separators and as few decimals as each value needs.
  public static func at(_ values: [Double]) -> [Tick] {
    values.map { Tick(value: $0, label: TickLabelFormatter.format($0)) }
  }
}

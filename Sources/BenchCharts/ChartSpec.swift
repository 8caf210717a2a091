/// A complete, declarative description of one chart: what to show, never how to draw it.
///
/// Chart builders produce a `ChartSpec`; `ChartLayout` turns it into positions and
/// `CairoChartRenderer` into PNG or SVG bytes. Nothing here touches Cairo, so the
/// description can be built and tested anywhere.
public struct ChartSpec: Sendable, Hashable {
  public var title: String
  /// A second, smaller line under the title (model, hardware, date); nil for none.
  public var subtitle: String?
  /// The canvas size in logical pixels.
  public var size: ChartSize
  public var xAxis: Axis
  public var yAxis: Axis
  /// A right-hand y axis for series with `style.yAxis == .secondary`.
  public var secondaryYAxis: Axis?
  /// Drawn in order, so later series are on top.
  public var series: [Series]
  public var annotations: [Annotation]
  public var legend: LegendPlacement

  public init(
    title: String,
    subtitle: String? = nil,
    size: ChartSize = .standard,
    xAxis: Axis,
    yAxis: Axis,
    secondaryYAxis: Axis? = nil,
    series: [Series],
    annotations: [Annotation] = [],
    legend: LegendPlacement = .automatic
  ) {
    self.title = title
    self.subtitle = subtitle
    self.size = size
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.secondaryYAxis = secondaryYAxis
    self.series = series
    self.annotations = annotations
    self.legend = legend
  }
}

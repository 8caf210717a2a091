/// Fonts, colours and spacing shared by every chart, so the standard charts look like
/// one family. All lengths are logical pixels.
public struct ChartTheme: Sendable, Hashable {
  /// A Pango family list, tried glyph by glyph: DejaVu Sans for Latin, then CJK fonts.
  /// Naming families explicitly keeps output independent of fontconfig's default
  /// "sans-serif" (which differs between machines).
  public var fontFamilies: String
  public var titleFont: ChartFont
  public var subtitleFont: ChartFont
  public var axisTitleFont: ChartFont
  public var tickLabelFont: ChartFont
  public var legendFont: ChartFont
  public var annotationFont: ChartFont
  public var pointLabelFont: ChartFont

  public var background: ChartColor
  public var text: ChartColor
  /// Subtitle and tick labels: readable but quieter than titles.
  public var mutedText: ChartColor
  public var axisLine: ChartColor
  public var gridLine: ChartColor
  /// Vertical markers (knee, max stable).
  public var markerLine: ChartColor
  /// The fill of shaded x bands (recommended range).
  public var bandFill: ChartColor
  /// Threshold lines (SLOs): neutral, so they are never mistaken for a series
  /// (the orange and vermillion series colours are close for many readers).
  public var threshold: ChartColor
  /// The ✕ of failed levels.
  public var failure: ChartColor

  /// Space between the canvas edge and anything drawn.
  public var padding: Double
  public var lineWidth: Double
  public var markerRadius: Double
  public var tickLength: Double

  public init(
    fontFamilies: String = "DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK SC",
    titleFont: ChartFont = ChartFont(size: 18),
    subtitleFont: ChartFont = ChartFont(size: 12.5),
    axisTitleFont: ChartFont = ChartFont(size: 13),
    tickLabelFont: ChartFont = ChartFont(size: 11.5),
    legendFont: ChartFont = ChartFont(size: 12),
    annotationFont: ChartFont = ChartFont(size: 11.5),
    pointLabelFont: ChartFont = ChartFont(size: 10.5),
    background: ChartColor = .white,
    text: ChartColor = ChartColor(hex: 0x1A1A1A),
    mutedText: ChartColor = ChartColor(hex: 0x4D4D4D),
    axisLine: ChartColor = ChartColor(hex: 0x333333),
    gridLine: ChartColor = ChartColor(hex: 0xE6E6E6),
    markerLine: ChartColor = ChartColor(hex: 0x404040),
    bandFill: ChartColor = ChartColor(hex: 0x009E73, alpha: 0.14),
    threshold: ChartColor = ChartColor(hex: 0x5A5A5A),
    failure: ChartColor = ChartColor(hex: 0xC0002A),
    padding: Double = 14,
    lineWidth: Double = 2,
    markerRadius: Double = 3.5,
    tickLength: Double = 4
  ) {
    self.fontFamilies = fontFamilies
    self.titleFont = titleFont
    self.subtitleFont = subtitleFont
    self.axisTitleFont = axisTitleFont
    self.tickLabelFont = tickLabelFont
    self.legendFont = legendFont
    self.annotationFont = annotationFont
    self.pointLabelFont = pointLabelFont
    self.background = background
    self.text = text
    self.mutedText = mutedText
    self.axisLine = axisLine
    self.gridLine = gridLine
    self.markerLine = markerLine
    self.bandFill = bandFill
    self.threshold = threshold
    self.failure = failure
    self.padding = padding
    self.lineWidth = lineWidth
    self.markerRadius = markerRadius
    self.tickLength = tickLength
  }

  public static let standard = ChartTheme()

  public func font(for role: TextRole) -> ChartFont {
    switch role {
    case .title: titleFont
    case .subtitle: subtitleFont
    case .axisTitle: axisTitleFont
    case .tickLabel: tickLabelFont
    case .legend: legendFont
    case .annotation: annotationFont
    case .pointLabel: pointLabelFont
    }
  }

  public func color(for role: TextRole) -> ChartColor {
    switch role {
    case .subtitle, .tickLabel, .pointLabel: mutedText
    case .title, .axisTitle, .legend, .annotation: text
    }
  }
}

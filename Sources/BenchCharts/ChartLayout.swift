/// Every position on a chart, computed from a `ChartSpec` before anything is drawn:
/// plot area, scales, tick labels, axis titles, legend, annotation labels and the
/// pixel geometry of each series.
///
/// Layout is pure: text sizes come from an injected `TextMeasuring`, so the rules
/// (margins from label widths, legend off the data, labels off each other) are tested
/// without fonts, and PNG and SVG share one layout.
public struct ChartLayout: Sendable, Hashable {
  public var canvas: ChartSize
  /// The rectangle the data is drawn in; the axes run along its left and bottom edges.
  public var plotArea: ChartRect
  public var title: PlacedText?
  public var subtitle: PlacedText?
  public var x: AxisLayout
  public var y: AxisLayout
  public var secondaryY: AxisLayout?
  /// Index-aligned with `ChartSpec.series`.
  public var series: [SeriesGeometry]
  public var legend: LegendLayout?
  /// Index-aligned with `ChartSpec.annotations`.
  public var annotations: [AnnotationLayout]

  /// Lays out `spec`, or throws the first problem `ChartSpec.validate()` finds.
  public init(spec: ChartSpec, theme: ChartTheme = .standard, measurer: some TextMeasuring) throws(ChartSpecError) {
    try spec.validate()
    let context = Context(spec: spec, theme: theme, measurer: measurer)
    let listed = LegendLayout.listedSeries(spec.series).count
    switch spec.legend {
    case .hidden:
      self = context.arrange(.none).layout
    case _ where listed == 0:
      self = context.arrange(.none).layout
    case .automatic where listed < 2:
      self = context.arrange(.none).layout
    case .automatic:
      let inside = context.arrange(.insideLeastCovered)
      self = inside.legendCost == 0 ? inside.layout : context.arrange(.below).layout
    case .inside(let corner):
      self = context.arrange(.inside(corner)).layout
    case .below:
      self = context.arrange(.below).layout
    case .right:
      self = context.arrange(.right).layout
    }
  }

  private init(
    canvas: ChartSize, plotArea: ChartRect, title: PlacedText?, subtitle: PlacedText?, x: AxisLayout,
    y: AxisLayout, secondaryY: AxisLayout?, series: [SeriesGeometry], legend: LegendLayout?,
    annotations: [AnnotationLayout]
  ) {
    self.canvas = canvas
    self.plotArea = plotArea
    self.title = title
    self.subtitle = subtitle
    self.x = x
    self.y = y
    self.secondaryY = secondaryY
    self.series = series
    self.legend = legend
    self.annotations = annotations
  }

  /// Every piece of text on the chart, for overlap checks and for font coverage checks.
  public var allTexts: [PlacedText] {
    var texts = [title, subtitle].compactMap { $0 }
    for axis in [x, y] + (secondaryY.map { [$0] } ?? []) {
      texts += axis.ticks.compactMap(\.label)
      if !axis.title.text.isEmpty { texts.append(axis.title) }
    }
    texts += legend?.entries.map(\.label) ?? []
    texts += annotations.compactMap(\.label)
    return texts
  }

  /// How the legend is to be arranged in one layout pass.
  private enum LegendMode {
    case none
    case insideLeastCovered
    case inside(LegendPlacement.Corner)
    case below
    case right
  }

  /// Measurements that do not depend on the plot area, shared by layout passes.
  private struct Context<Measurer: TextMeasuring> {
    let spec: ChartSpec
    let theme: ChartTheme
    let measurer: Measurer
    let title: PlacedText?
    let subtitle: PlacedText?
    let plotTop: Double
    let x: ResolvedAxis
    let y: ResolvedAxis
    let secondaryY: ResolvedAxis?
    let tickLabelHeight: Double

    init(spec: ChartSpec, theme: ChartTheme, measurer: Measurer) {
      self.spec = spec
      self.theme = theme
      self.measurer = measurer
      let padding = theme.padding
      var top = padding
      var title: PlacedText?
      if !spec.title.isEmpty {
        let size = measurer.size(of: spec.title, font: theme.titleFont)
        title = PlacedText(
          text: spec.title, role: .title, font: theme.titleFont,
          frame: ChartRect(x: padding, y: top, width: size.width, height: size.height))
        top += size.height
      }
      var subtitle: PlacedText?
      if let text = spec.subtitle, !text.isEmpty {
        top += title == nil ? 0 : 2
        let size = measurer.size(of: text, font: theme.subtitleFont)
        subtitle = PlacedText(
          text: text, role: .subtitle, font: theme.subtitleFont,
          frame: ChartRect(x: padding, y: top, width: size.width, height: size.height))
        top += size.height
      }
      self.title = title
      self.subtitle = subtitle
      tickLabelHeight = measurer.size(of: "0123456789", font: theme.tickLabelFont).height
      // Room for the upper half of the top y tick label.
      plotTop = max(top + (title == nil && subtitle == nil ? 0 : 14), padding + tickLabelHeight / 2)

      let (xValues, yValues, secondaryValues) = Self.values(in: spec)
      let usableWidth = spec.size.width - 2 * padding
      let usableHeight = spec.size.height - plotTop - padding - 50
      func clamp(_ v: Double, _ lo: Int, _ hi: Int) -> Int { min(max(Int(v), lo), hi) }
      x = ResolvedAxis.resolve(
        spec.xAxis, values: xValues, targetTickCount: clamp(usableWidth / 100, 3, 10),
        maximumTickCount: clamp(usableWidth / 48, 3, 16))
      let yTarget = clamp(usableHeight / 50, 3, 8)
      y = ResolvedAxis.resolve(spec.yAxis, values: yValues, targetTickCount: yTarget, maximumTickCount: yTarget + 2)
      let primaryY = y
      // Secondary ticks on the primary gridlines where possible: one set of lines to read.
      secondaryY = spec.secondaryYAxis.map {
        ResolvedAxis.aligned($0, values: secondaryValues, to: primaryY)
          ?? ResolvedAxis.resolve($0, values: secondaryValues, targetTickCount: yTarget, maximumTickCount: yTarget + 2)
      }
    }

    /// The finite values each axis must show: data, histogram bin edges and annotations.
    static func values(in spec: ChartSpec) -> (x: [Double], y: [Double], secondaryY: [Double]) {
      var xs: [Double] = []
      var ys: [Double] = []
      var y2s: [Double] = []
      func add(_ value: Double, _ side: YAxisSide) {
        if side == .primary { ys.append(value) } else { y2s.append(value) }
      }
      for series in spec.series {
        for point in series.points {
          if point.x.isFinite { xs.append(point.x) }
          if let y = point.drawableY { add(y, series.style.yAxis) }
        }
        if case .histogram(let width) = series.kind {
          xs += SeriesGeometry.binEdges(series.points, width).map(\.upper)
          if spec.yAxisFor(series.style.yAxis)?.scale == .linear { add(0, series.style.yAxis) }
        }
      }
      for annotation in spec.annotations {
        switch annotation {
        case .verticalMarker(let x, _): xs.append(x)
        case .xBand(let from, let to, _): xs += [from, to]
        case .threshold(let y, _, let side): add(y, side)
        case .pointLabel(let x, let y, _, let side):
          xs.append(x)
          add(y, side)
        case .failedLevel(let x, let y, _):
          xs.append(x)
          if let y { add(y, .primary) }
        }
      }
      return (xs.filter(\.isFinite), ys, y2s)
    }

    /// One layout pass for a legend mode; also returns what an inside legend covers.
    func arrange(_ mode: LegendMode) -> (layout: ChartLayout, legendCost: Double) {
      let padding = theme.padding
      let size = spec.size
      let tickFont = theme.tickLabelFont
      let axisFont = theme.axisTitleFont
      let tickLength = theme.tickLength

      func titleHeight(_ axis: Axis?) -> Double {
        guard let axis, !axis.displayTitle.isEmpty else { return 0 }
        return measurer.size(of: axis.displayTitle, font: axisFont).height
      }
      func labelWidth(_ axis: ResolvedAxis?) -> Double {
        axis?.ticks.map { measurer.size(of: $0.label, font: tickFont).width }.max() ?? 0
      }
      let yTitleHeight = titleHeight(spec.yAxis)
      let y2TitleHeight = titleHeight(spec.secondaryYAxis)
      let xTitleHeight = titleHeight(spec.xAxis)

      let column = LegendLayout.column(
        spec.series, position: .right, origin: ChartPoint(x: 0, y: 0), font: theme.legendFont, measurer: measurer)
      var left = padding + (yTitleHeight > 0 ? yTitleHeight + 8 : 0) + labelWidth(y) + 4 + tickLength
      var right = padding
      if secondaryY != nil {
        right += tickLength + 4 + labelWidth(secondaryY) + (y2TitleHeight > 0 ? 8 + y2TitleHeight : 0)
      }
      var rightLimit = size.width - padding
      if case .right = mode {
        right += column.frame.width + 16
        rightLimit -= column.frame.width + 16
      }
      let xLabelTop = tickLength + 3
      var bottom = padding + xLabelTop + tickLabelHeight + (xTitleHeight > 0 ? 6 + xTitleHeight : 0)
      var below: LegendLayout?
      if case .below = mode {
        below = LegendLayout.rows(
          spec.series, centerX: size.width / 2, top: 0, maximumWidth: size.width - 2 * padding,
          font: theme.legendFont, measurer: measurer)
        bottom += (below?.frame.height ?? 0) + 10
      }

      // The x tick labels hang below the plot; shrink the plot if the outermost ones
      // would run off the canvas (one correction pass is enough: labels move less
      // than the plot shrinks).
      var plot = ChartRect(
        x: left, y: plotTop, width: size.width - left - right, height: size.height - plotTop - bottom)
      var xScale = makeXScale(plot)
      var xTicks = placeXTicks(xScale, plot: plot)
      let overflowRight = (xTicks.compactMap { $0.label?.frame.maxX }.max() ?? 0) - rightLimit
      let overflowLeft = padding - (xTicks.compactMap { $0.label?.frame.minX }.min() ?? padding)
      if overflowRight > 0 || overflowLeft > 0 {
        left += max(overflowLeft, 0)
        right += max(overflowRight, 0)
        plot = ChartRect(x: left, y: plotTop, width: size.width - left - right, height: size.height - plotTop - bottom)
        xScale = makeXScale(plot)
        xTicks = placeXTicks(xScale, plot: plot)
      }

      let yScale = Scale(kind: y.scale, domain: y.domain, pixelStart: plot.maxY, pixelEnd: plot.minY)
      let y2Scale = secondaryY.map {
        Scale(kind: $0.scale, domain: $0.domain, pixelStart: plot.maxY, pixelEnd: plot.minY)
      }

      let xTitleFrame = centeredFrame(
        spec.xAxis.displayTitle, centerX: plot.midX, top: plot.maxY + xLabelTop + tickLabelHeight + 6)
      let xAxis = AxisLayout(
        edge: .bottom, resolved: x, scale: xScale, ticks: xTicks,
        title: PlacedText(text: spec.xAxis.displayTitle, role: .axisTitle, font: axisFont, frame: xTitleFrame))
      let yTicks = AxisLayout.sideTicks(
        y, scale: yScale, edge: .left, anchorX: plot.minX - tickLength - 4, font: tickFont, measurer: measurer)
      let yAxis = AxisLayout(
        edge: .left, resolved: y, scale: yScale, ticks: yTicks,
        title: verticalTitle(spec.yAxis.displayTitle, x: padding, plot: plot))
      var y2Axis: AxisLayout?
      if let secondaryY, let y2Scale, let axis = spec.secondaryYAxis {
        let labelsX = plot.maxX + tickLength + 4
        let ticks = AxisLayout.sideTicks(
          secondaryY, scale: y2Scale, edge: .right, anchorX: labelsX, font: tickFont, measurer: measurer)
        y2Axis = AxisLayout(
          edge: .right, resolved: secondaryY, scale: y2Scale, ticks: ticks,
          title: verticalTitle(axis.displayTitle, x: labelsX + labelWidth(secondaryY) + 8, plot: plot))
      }

      let geometries = spec.series.map { series in
        SeriesGeometry(
          series: series, xScale: xScale, yScale: series.style.yAxis == .primary ? yScale : (y2Scale ?? yScale))
      }
      var collisions = CollisionMap()
      for geometry in geometries { collisions.add(geometry, markerRadius: theme.markerRadius + 1) }
      // Annotation lines count as data for the legend: it must not hide the knee.
      var legendObstacles = collisions
      for annotation in spec.annotations {
        switch AnnotationLabeler.shape(for: annotation, plot: plot, x: xScale, y: yScale, secondaryY: y2Scale) {
        case .verticalLine(let px):
          legendObstacles.softSegments.append(
            .init(from: ChartPoint(x: px, y: plot.minY), to: ChartPoint(x: px, y: plot.maxY)))
        case .horizontalLine(let py):
          legendObstacles.softSegments.append(
            .init(from: ChartPoint(x: plot.minX, y: py), to: ChartPoint(x: plot.maxX, y: py)))
        case .cross(let c, let half):
          legendObstacles.softRects.append(ChartRect(x: c.x - half, y: c.y - half, width: 2 * half, height: 2 * half))
        case .band, .labelOnly, nil:
          break
        }
      }

      var legend: LegendLayout?
      var legendCost = 0.0
      let legendSize = ChartSize(
        width: column.frame.width + 2 * LegendLayout.boxPadding,
        height: column.frame.height + 2 * LegendLayout.boxPadding)
      func insideLegend(_ corner: LegendPlacement.Corner, _ frame: ChartRect) -> LegendLayout {
        LegendLayout.column(
          spec.series, position: .inside(corner), origin: ChartPoint(x: frame.minX, y: frame.minY),
          font: theme.legendFont, measurer: measurer)
      }
      switch mode {
      case .none:
        break
      case .insideLeastCovered:
        let tooBig = legendSize.width > plot.width * 0.6 || legendSize.height > plot.height * 0.6
        let choice = LegendLayout.leastCoveredCorner(of: legendSize, in: plot, collisions: legendObstacles)
        legend = insideLegend(choice.corner, choice.frame)
        legendCost = tooBig ? .infinity : choice.cost
      case .inside(let corner):
        let frame = LegendLayout.insideFrames(of: legendSize, in: plot).first { $0.corner == corner }?.frame ?? plot
        legend = insideLegend(corner, frame)
      case .below:
        let top = (xTitleFrame.height > 0 ? xTitleFrame.maxY : plot.maxY + xLabelTop + tickLabelHeight) + 10
        legend = below?.moved(to: ChartPoint(x: below?.frame.minX ?? 0, y: top))
      case .right:
        legend = column.moved(to: ChartPoint(x: size.width - padding - column.frame.width, y: plot.minY))
      }
      if let legend, legend.isBoxed { collisions.hardRects.append(legend.frame) }

      let annotations = AnnotationLabeler.layout(
        spec.annotations, plot: plot, x: xScale, y: yScale, secondaryY: y2Scale, theme: theme, measurer: measurer,
        collisions: &collisions)

      let layout = ChartLayout(
        canvas: size, plotArea: plot, title: title, subtitle: subtitle, x: xAxis, y: yAxis, secondaryY: y2Axis,
        series: geometries, legend: legend, annotations: annotations)
      return (layout, legendCost)
    }

    private func makeXScale(_ plot: ChartRect) -> Scale {
      Scale(
        kind: x.scale, domain: x.domain, pixelStart: plot.minX, pixelEnd: plot.maxX,
        infinitySlotFraction: x.infinityLabel == nil ? nil : Scale.defaultInfinitySlotFraction)
    }

    private func placeXTicks(_ scale: Scale, plot: ChartRect) -> [AxisLayout.PlacedTick] {
      AxisLayout.bottomTicks(
        x, scale: scale, top: plot.maxY + theme.tickLength + 3, font: theme.tickLabelFont, measurer: measurer)
    }

    private func centeredFrame(_ text: String, centerX: Double, top: Double) -> ChartRect {
      guard !text.isEmpty else { return ChartRect(x: centerX, y: top, width: 0, height: 0) }
      let size = measurer.size(of: text, font: theme.axisTitleFont)
      let maxX = spec.size.width - theme.padding - size.width
      let x = min(max(centerX - size.width / 2, theme.padding), max(maxX, theme.padding))
      return ChartRect(x: x, y: top, width: size.width, height: size.height)
    }

    /// A y axis title rotated to read bottom to top, centred on the plot's height.
    private func verticalTitle(_ text: String, x: Double, plot: ChartRect) -> PlacedText {
      let size = text.isEmpty ? ChartSize(width: 0, height: 0) : measurer.size(of: text, font: theme.axisTitleFont)
      let top = max(plot.midY - size.width / 2, theme.padding)
      return PlacedText(
        text: text, role: .axisTitle, font: theme.axisTitleFont,
        frame: ChartRect(x: x, y: top, width: size.height, height: size.width), isVertical: true)
    }
  }
}

extension ChartSpec {
  /// The axis a series or annotation on `side` is plotted against.
  func yAxisFor(_ side: YAxisSide) -> Axis? {
    side == .primary ? yAxis : secondaryYAxis
  }
}

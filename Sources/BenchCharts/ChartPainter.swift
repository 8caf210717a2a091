import CCairo
import CPangoCairo

/// Draws a laid-out chart onto a Cairo context. The same code paints PNG and SVG
/// surfaces; everything it draws was positioned by `ChartLayout`, so this file only
/// decides stroke, fill and stacking order.
struct ChartPainter {
  let cairo: OpaquePointer
  let theme: ChartTheme
  let text: PangoTextEngine

  /// Width of hairlines (grid, spines, ticks) in logical pixels.
  private static let hairline = 1.0

  func paint(_ spec: ChartSpec, _ layout: ChartLayout) {
    let plot = layout.plotArea
    fill(ChartRect(x: 0, y: 0, width: layout.canvas.width, height: layout.canvas.height), theme.background)

    // Back to front: grid and bands, histogram bars, reference lines (on the bars but
    // under the lines, so they never hide a measured point), lines and markers, then
    // marks and text.
    paintGrid(layout)
    for annotation in layout.annotations {
      if case .band(let from, let to) = annotation.shape {
        fill(ChartRect(x: from, y: plot.minY, width: to - from, height: plot.height), theme.bandFill)
      }
    }
    withPlotClip(plot) {
      for (series, geometry) in zip(spec.series, layout.series) { paintBars(series, geometry) }
    }
    for annotation in layout.annotations {
      switch annotation.shape {
      case .verticalLine(let x):
        stroke([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)], theme.markerLine, width: 1.5)
      case .horizontalLine(let y):
        stroke(
          [ChartPoint(x: plot.minX, y: y), ChartPoint(x: plot.maxX, y: y)], theme.threshold, width: 1.5,
          dash: [4, 3])
      default:
        break
      }
    }
    withPlotClip(plot) {
      for (series, geometry) in zip(spec.series, layout.series) { paintLines(series, geometry) }
      for annotation in layout.annotations {
        if case .cross(let center, let half) = annotation.shape { paintCross(center, half: half) }
      }
    }

    paintAxes(layout)
    for annotation in layout.annotations {
      guard let label = annotation.label else { continue }
      let halo = label.frame.expanded(by: AnnotationLabeler.halo)
      roundedRect(halo, radius: 2)
      setColor(theme.background.withAlpha(0.85))
      cairo_fill(cairo)
      let color: ChartColor
      if case .cross = annotation.shape { color = theme.failure } else { color = theme.color(for: label.role) }
      text.draw(label, color: color, on: cairo)
    }
    if let legend = layout.legend { paintLegend(legend, spec) }
    for title in [layout.title, layout.subtitle].compactMap({ $0 }) {
      text.draw(title, color: theme.color(for: title.role), on: cairo)
    }
  }

  // MARK: - Parts

  private func paintGrid(_ layout: ChartLayout) {
    let plot = layout.plotArea
    for tick in layout.y.ticks {
      let y = Self.crisp(tick.pixel)
      stroke([ChartPoint(x: plot.minX, y: y), ChartPoint(x: plot.maxX, y: y)], theme.gridLine, width: Self.hairline)
    }
    for tick in layout.x.ticks {
      let x = Self.crisp(tick.pixel)
      stroke([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)], theme.gridLine, width: Self.hairline)
    }
  }

  private func paintAxes(_ layout: ChartLayout) {
    let plot = layout.plotArea
    let left = Self.crisp(plot.minX)
    let right = Self.crisp(plot.maxX)
    let bottom = Self.crisp(plot.maxY)
    let length = theme.tickLength
    let color = theme.axisLine

    stroke([ChartPoint(x: left, y: plot.minY), ChartPoint(x: left, y: bottom)], color, width: Self.hairline)
    if let breakX = layout.x.scale.breakPixel {
      // An axis break before the infinity slot: the distance to ∞ means nothing.
      let gap = 3.0
      stroke([ChartPoint(x: left, y: bottom), ChartPoint(x: breakX - gap, y: bottom)], color, width: Self.hairline)
      stroke([ChartPoint(x: breakX + gap, y: bottom), ChartPoint(x: right, y: bottom)], color, width: Self.hairline)
      for dx in [-gap, gap] {
        stroke(
          [ChartPoint(x: breakX + dx - 2, y: bottom + 4), ChartPoint(x: breakX + dx + 2, y: bottom - 4)], color,
          width: Self.hairline)
      }
    } else {
      stroke([ChartPoint(x: left, y: bottom), ChartPoint(x: right, y: bottom)], color, width: Self.hairline)
    }
    if layout.secondaryY != nil {
      stroke([ChartPoint(x: right, y: plot.minY), ChartPoint(x: right, y: bottom)], color, width: Self.hairline)
    }

    for tick in layout.x.ticks {
      let x = Self.crisp(tick.pixel)
      stroke([ChartPoint(x: x, y: bottom), ChartPoint(x: x, y: bottom + length)], color, width: Self.hairline)
    }
    for tick in layout.y.ticks {
      let y = Self.crisp(tick.pixel)
      stroke([ChartPoint(x: left - length, y: y), ChartPoint(x: left, y: y)], color, width: Self.hairline)
    }
    for tick in layout.secondaryY?.ticks ?? [] {
      let y = Self.crisp(tick.pixel)
      stroke([ChartPoint(x: right, y: y), ChartPoint(x: right + length, y: y)], color, width: Self.hairline)
    }
    for axis in [layout.x, layout.y] + (layout.secondaryY.map { [$0] } ?? []) {
      for label in axis.ticks.compactMap(\.label) {
        text.draw(label, color: theme.color(for: .tickLabel), on: cairo)
      }
      if !axis.title.text.isEmpty {
        text.draw(axis.title, color: theme.color(for: .axisTitle), on: cairo)
      }
    }
  }

  /// Runs `body` clipped to the plot, grown so markers on the plot edge stay whole.
  private func withPlotClip(_ plot: ChartRect, _ body: () -> Void) {
    cairo_save(cairo)
    let clip = plot.expanded(by: theme.markerRadius + 2)
    cairo_rectangle(cairo, clip.x, clip.y, clip.width, clip.height)
    cairo_clip(cairo)
    body()
    cairo_restore(cairo)
  }

  private func paintBars(_ series: Series, _ geometry: SeriesGeometry) {
    let color = ChartPalette.color(forIndex: series.style.colorIndex)
    for bar in geometry.bars {
      fill(bar, color.withAlpha(0.75))
      // A white edge separates neighbouring bins.
      cairo_rectangle(cairo, bar.x, bar.y, bar.width, bar.height)
      setColor(theme.background)
      cairo_set_line_width(cairo, 1)
      cairo_stroke(cairo)
    }
  }

  private func paintLines(_ series: Series, _ geometry: SeriesGeometry) {
    let color = ChartPalette.color(forIndex: series.style.colorIndex)
    let dash: [Double] = series.style.dashed ? [7, 4] : []
    for run in geometry.runs where run.count > 1 {
      stroke(run, color, width: theme.lineWidth, dash: dash)
    }
    for link in geometry.infinityLinks {
      stroke([link.from, link.to], color, width: theme.lineWidth * 0.75, dash: [2, 3])
    }
    let shape = MarkerShape.forIndex(series.style.colorIndex)
    let radius = series.kind == .markers ? theme.markerRadius + 0.5 : theme.markerRadius
    for marker in geometry.markers {
      paintMarker(shape, at: marker, radius: radius, color: color)
    }
  }

  private func paintMarker(_ shape: MarkerShape, at p: ChartPoint, radius r: Double, color: ChartColor) {
    switch shape {
    case .circle:
      cairo_new_sub_path(cairo)
      cairo_arc(cairo, p.x, p.y, r, 0, 2 * Double.pi)
    case .square:
      let s = r * 0.9
      cairo_rectangle(cairo, p.x - s, p.y - s, 2 * s, 2 * s)
    case .triangleUp, .triangleDown:
      let s = r * 1.2
      let direction = shape == .triangleUp ? 1.0 : -1.0
      cairo_move_to(cairo, p.x, p.y - direction * s)
      cairo_line_to(cairo, p.x + s * 0.95, p.y + direction * s * 0.65)
      cairo_line_to(cairo, p.x - s * 0.95, p.y + direction * s * 0.65)
      cairo_close_path(cairo)
    case .diamond:
      let s = r * 1.25
      cairo_move_to(cairo, p.x, p.y - s)
      cairo_line_to(cairo, p.x + s, p.y)
      cairo_line_to(cairo, p.x, p.y + s)
      cairo_line_to(cairo, p.x - s, p.y)
      cairo_close_path(cairo)
    }
    setColor(color)
    cairo_fill_preserve(cairo)
    // A thin white rim separates overlapping markers and lifts them off their line.
    setColor(theme.background)
    cairo_set_line_width(cairo, 0.8)
    cairo_stroke(cairo)
  }

  private func paintCross(_ center: ChartPoint, half: Double) {
    let arms = [
      [ChartPoint(x: center.x - half, y: center.y - half), ChartPoint(x: center.x + half, y: center.y + half)],
      [ChartPoint(x: center.x - half, y: center.y + half), ChartPoint(x: center.x + half, y: center.y - half)],
    ]
    for arm in arms { stroke(arm, theme.background, width: 5, cap: CAIRO_LINE_CAP_ROUND) }
    for arm in arms { stroke(arm, theme.failure, width: 2.4, cap: CAIRO_LINE_CAP_ROUND) }
  }

  private func paintLegend(_ legend: LegendLayout, _ spec: ChartSpec) {
    if legend.isBoxed {
      roundedRect(legend.frame, radius: 3)
      setColor(theme.background.withAlpha(0.92))
      cairo_fill_preserve(cairo)
      setColor(ChartColor(hex: 0xCCCCCC))
      cairo_set_line_width(cairo, Self.hairline)
      cairo_stroke(cairo)
    }
    for entry in legend.entries {
      let series = spec.series[entry.seriesIndex]
      let color = ChartPalette.color(forIndex: series.style.colorIndex)
      let swatch = entry.swatch
      let midY = swatch.midY
      switch series.kind {
      case .histogram:
        fill(ChartRect(x: swatch.minX + 5, y: midY - 5, width: swatch.width - 10, height: 10), color.withAlpha(0.75))
      case .markers:
        paintMarker(
          MarkerShape.forIndex(series.style.colorIndex), at: ChartPoint(x: swatch.midX, y: midY),
          radius: theme.markerRadius + 0.5, color: color)
      case .lineWithMarkers, .step:
        stroke(
          [ChartPoint(x: swatch.minX, y: midY), ChartPoint(x: swatch.maxX, y: midY)], color, width: theme.lineWidth,
          dash: series.style.dashed ? [5, 3] : [])
        if series.kind == .lineWithMarkers {
          paintMarker(
            MarkerShape.forIndex(series.style.colorIndex), at: ChartPoint(x: swatch.midX, y: midY),
            radius: theme.markerRadius, color: color)
        }
      }
      text.draw(entry.label, color: theme.color(for: .legend), on: cairo)
    }
  }

  // MARK: - Primitives

  /// Puts a 1 px line on a pixel centre so it stays sharp at 1× and 2×.
  static func crisp(_ value: Double) -> Double {
    value.rounded(.down) + 0.5
  }

  private func setColor(_ color: ChartColor) {
    cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
  }

  private func fill(_ rect: ChartRect, _ color: ChartColor) {
    cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
    setColor(color)
    cairo_fill(cairo)
  }

  private func stroke(
    _ points: [ChartPoint], _ color: ChartColor, width: Double, dash: [Double] = [],
    cap: cairo_line_cap_t = CAIRO_LINE_CAP_BUTT
  ) {
    guard let first = points.first else { return }
    cairo_new_path(cairo)
    cairo_move_to(cairo, first.x, first.y)
    for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
    setColor(color)
    cairo_set_line_width(cairo, width)
    cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
    cairo_set_line_cap(cairo, cap)
    dash.withUnsafeBufferPointer { cairo_set_dash(cairo, $0.baseAddress, Int32($0.count), 0) }
    cairo_stroke(cairo)
    cairo_set_dash(cairo, nil, 0, 0)
  }

  private func roundedRect(_ rect: ChartRect, radius r: Double) {
    cairo_new_sub_path(cairo)
    cairo_arc(cairo, rect.maxX - r, rect.minY + r, r, -Double.pi / 2, 0)
    cairo_arc(cairo, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
    cairo_arc(cairo, rect.minX + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
    cairo_arc(cairo, rect.minX + r, rect.minY + r, r, Double.pi, 3 * Double.pi / 2)
    cairo_close_path(cairo)
  }
}

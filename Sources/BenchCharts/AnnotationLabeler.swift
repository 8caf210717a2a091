/// Turns annotations into shapes and finds a spot for each label.
///
/// Strategy: every annotation's line or mark is entered into the collision map first,
/// so no label lands on any of them; then labels are placed greedily in spec order,
/// each taking its first candidate position (in a fixed order of preference) that
/// covers nothing. Marker, band and threshold labels are always placed, at the least
/// bad spot if need be; point and failed-level labels are dropped rather than put over
/// other text.
enum AnnotationLabeler {
  /// Space kept clear around a label; the renderer paints it as a white halo.
  static let halo = 2.0
  /// Distance between a label and the line or point it belongs to.
  static let gap = 5.0

  static func layout(
    _ annotations: [Annotation], plot: ChartRect, x: Scale, y: Scale, secondaryY: Scale?, theme: ChartTheme,
    measurer: some TextMeasuring, collisions: inout CollisionMap
  ) -> [AnnotationLayout] {
    let shapes = annotations.map { shape(for: $0, plot: plot, x: x, y: y, secondaryY: secondaryY) }
    for shape in shapes {
      switch shape {
      case .verticalLine(let px):
        collisions.softSegments.append(
          .init(from: ChartPoint(x: px, y: plot.minY), to: ChartPoint(x: px, y: plot.maxY)))
      case .horizontalLine(let py):
        collisions.softSegments.append(
          .init(from: ChartPoint(x: plot.minX, y: py), to: ChartPoint(x: plot.maxX, y: py)))
      case .cross(let center, let half):
        collisions.softRects.append(
          ChartRect(x: center.x - half, y: center.y - half, width: 2 * half, height: 2 * half))
      case .band, .labelOnly, nil:
        break
      }
    }
    let bounds = plot.expanded(by: -2)
    var layouts: [AnnotationLayout] = []
    for (annotation, shape) in zip(annotations, shapes) {
      guard let shape, let (text, role, mandatory) = labelText(annotation) else {
        layouts.append(AnnotationLayout(shape: shape, label: nil))
        continue
      }
      let font = theme.font(for: role)
      let size = measurer.size(of: text, font: font)
      // Marker radius + its collision margin + the label halo + 1 px air.
      let clearance = theme.markerRadius + 1 + halo + 1.5
      let candidates = candidateFrames(for: shape, size: size, plot: plot, clearance: clearance)
      let label = choose(candidates, bounds: bounds, mandatory: mandatory, collisions: &collisions).map {
        PlacedText(text: text, role: role, font: font, frame: $0)
      }
      layouts.append(AnnotationLayout(shape: shape, label: label))
    }
    return layouts
  }

  static func shape(
    for annotation: Annotation, plot: ChartRect, x: Scale, y: Scale, secondaryY: Scale?
  ) -> AnnotationLayout.Shape? {
    func yScale(_ side: YAxisSide) -> Scale? { side == .primary ? y : secondaryY }
    switch annotation {
    case .verticalMarker(let value, _):
      return x.pixel(for: value).map { .verticalLine(x: $0) }
    case .xBand(let from, let to, _):
      guard let a = x.pixel(for: from), let b = x.pixel(for: to) else { return nil }
      return .band(fromX: min(a, b), toX: max(a, b))
    case .threshold(let value, _, let side):
      return yScale(side)?.pixel(for: value).map { .horizontalLine(y: $0) }
    case .pointLabel(let px, let py, _, let side):
      guard let cx = x.pixel(for: px), let cy = yScale(side)?.pixel(for: py) else { return nil }
      return .labelOnly(anchor: ChartPoint(x: cx, y: cy))
    case .failedLevel(let px, let py, _):
      let half = AnnotationLayout.crossHalfSize
      guard let cx = x.pixel(for: px) else { return nil }
      // A failed level has no measured value: stand the ✕ on the x axis.
      let cy = py.flatMap { y.pixel(for: $0) } ?? (plot.maxY - half - 3)
      return .cross(center: ChartPoint(x: cx, y: cy), halfSize: half)
    }
  }

  private static func labelText(_ annotation: Annotation) -> (String, TextRole, Bool)? {
    switch annotation {
    case .verticalMarker(_, let label), .xBand(_, _, let label), .threshold(_, let label, _):
      return label.isEmpty ? nil : (label, .annotation, true)
    case .pointLabel(_, _, let text, _):
      return text.isEmpty ? nil : (text, .pointLabel, false)
    case .failedLevel(_, _, let label):
      guard let label, !label.isEmpty else { return nil }
      return (label, .annotation, false)
    }
  }

  /// Candidate text frames in order of preference.
  static func candidateFrames(
    for shape: AnnotationLayout.Shape, size: ChartSize, plot: ChartRect, clearance: Double
  ) -> [ChartRect] {
    let w = size.width
    let h = size.height
    func rect(_ x: Double, _ y: Double) -> ChartRect { ChartRect(x: x, y: y, width: w, height: h) }
    // Rows from the top of the plot down, then the bottom row up: top is where readers
    // look for a marker's name, and the bottom is often free above the x axis.
    let rowStep = h + 4
    let rowCount = max(Int((plot.height - 8) / rowStep), 1)
    let rows = (0..<rowCount).map { plot.minY + 4 + Double($0) * rowStep }
    switch shape {
    case .verticalLine(let px):
      return rows.flatMap { [rect(px + gap, $0), rect(px - gap - w, $0)] }
    case .band(let from, let to):
      let fitsInside = to - from >= w + 2 * gap
      return rows.flatMap { row -> [ChartRect] in
        (fitsInside ? [rect((from + to) / 2 - w / 2, row)] : []) + [rect(to + gap, row), rect(from - gap - w, row)]
      }
    case .horizontalLine(let py):
      let right = plot.maxX - gap - w
      let left = plot.minX + gap
      let middle = plot.midX - w / 2
      let above = py - 3 - h
      let below = py + 3
      return [
        rect(right, above), rect(right, below), rect(left, above), rect(left, below), rect(middle, above),
        rect(middle, below),
      ]
    case .cross(let center, let half):
      let offset = half + 3
      return [
        rect(center.x - w / 2, center.y - offset - h), rect(center.x + offset, center.y - h / 2),
        rect(center.x - offset - w, center.y - h / 2),
      ]
    case .labelOnly(let c):
      // Far enough that the label's halo clears the point's own marker.
      let d = clearance
      return [
        rect(c.x - w / 2, c.y - d - h), rect(c.x - w / 2, c.y + d), rect(c.x + d, c.y - h / 2),
        rect(c.x - d - w, c.y - h / 2), rect(c.x + d, c.y - d - h), rect(c.x - d - w, c.y - d - h),
        rect(c.x + d, c.y + d), rect(c.x - d - w, c.y + d),
      ]
    }
  }

  /// Picks a frame; on success the frame (with its halo) becomes hard for later labels.
  private static func choose(
    _ candidates: [ChartRect], bounds: ChartRect, mandatory: Bool, collisions: inout CollisionMap
  ) -> ChartRect? {
    let padded = candidates.map { $0.expanded(by: halo) }
    var chosen: ChartRect?
    if let (rect, cost) = collisions.best(of: padded, within: bounds) {
      // Optional labels may cross a line (the halo keeps them legible) but never text.
      if mandatory || cost < 1000 { chosen = rect }
    } else if mandatory, let first = padded.first {
      chosen = clamp(first, into: bounds)
    }
    guard let chosen else { return nil }
    collisions.hardRects.append(chosen)
    return chosen.expanded(by: -halo)
  }

  private static func clamp(_ rect: ChartRect, into bounds: ChartRect) -> ChartRect {
    var r = rect
    r.x = min(max(r.x, bounds.minX), max(bounds.maxX - r.width, bounds.minX))
    r.y = min(max(r.y, bounds.minY), max(bounds.maxY - r.height, bounds.minY))
    return r
  }
}

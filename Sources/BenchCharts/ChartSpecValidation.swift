/// Checks a `ChartSpec` before layout, so that a bad value is reported with its series
/// and point instead of silently disappearing from the picture.
extension ChartSpec {
  /// The smallest canvas the layout is designed for.
  public static let minimumSize = ChartSize(width: 240, height: 160)

  /// Largest magnitude a point, tick or band may have: far beyond any throughput, latency or
  /// load level, and far enough below `Double.greatestFiniteMagnitude` that padding a domain
  /// or stepping ticks over it cannot overflow to ∞ (a 1e308 throughput did, and crashed).
  public static let largestDrawableValue = 1e15

  /// Throws the first problem found, naming the series or annotation involved.
  public func validate() throws(ChartSpecError) {
    guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
      throw .canvasTooSmall(size, minimum: Self.minimumSize)
    }
    for axis in [xAxis, yAxis] + (secondaryYAxis.map { [$0] } ?? []) {
      try Self.checkDomain(of: axis)
    }
    for series in self.series {
      let axis = try yAxis(for: series.style.yAxis, source: "Series '\(series.name)'")
      if case .histogram(let width?) = series.kind, !(width.isFinite && width > 0) {
        throw .invalidBinWidth(series: series.name, width: width)
      }
      for (index, point) in series.points.enumerated() {
        let source = "Series '\(series.name)' point \(index) (x = \(point.x))"
        try checkX(point.x, source: source)
        // NaN is a gap, like nil (Python writes failed levels as NaN); ±∞ is an error.
        if let y = point.y, !y.isNaN { try Self.check(y, on: axis, source: source) }
      }
    }
    for (index, annotation) in annotations.enumerated() {
      let source = "Annotation \(index)"
      switch annotation {
      case .verticalMarker(let x, let label):
        try checkX(x, source: "\(source) (marker '\(label)')")
      case .xBand(let from, let to, let label):
        try checkX(from, source: "\(source) (band '\(label)')")
        try checkX(to, source: "\(source) (band '\(label)')")
        guard from <= to else { throw .invalidBand(from: from, to: to, label: label) }
      case .threshold(let y, let label, let side):
        let axis = try yAxis(for: side, source: "\(source) (threshold '\(label)')")
        try Self.check(y, on: axis, source: "\(source) (threshold '\(label)')")
      case .pointLabel(let x, let y, let text, let side):
        let axis = try yAxis(for: side, source: "\(source) (label '\(text)')")
        try checkX(x, source: "\(source) (label '\(text)')")
        try Self.check(y, on: axis, source: "\(source) (label '\(text)')")
      case .failedLevel(let x, let y, _):
        try checkX(x, source: "\(source) (failed level)")
        if let y { try Self.check(y, on: yAxis, source: "\(source) (failed level)") }
      }
    }
  }

  private func yAxis(for side: YAxisSide, source: String) throws(ChartSpecError) -> Axis {
    switch side {
    case .primary: return yAxis
    case .secondary:
      guard let secondaryYAxis else { throw .secondaryAxisMissing(source: source) }
      return secondaryYAxis
    }
  }

  private func checkX(_ x: Double, source: String) throws(ChartSpecError) {
    if x == .infinity {
      guard xAxis.infinitySlot != nil else {
        throw .infinityWithoutSlot(axis: xAxis.displayTitle, source: source)
      }
      return
    }
    try Self.check(x, on: xAxis, source: source)
  }

  private static func check(_ value: Double, on axis: Axis, source: String) throws(ChartSpecError) {
    guard value.isFinite else {
      throw .nonFiniteValue(axis: axis.displayTitle, value: value, source: source)
    }
    guard abs(value) <= ChartSpec.largestDrawableValue else {
      throw .valueOutOfRange(axis: axis.displayTitle, value: value, source: source)
    }
    if axis.scale == .log2 && value <= 0 {
      throw .nonPositiveValueOnLogAxis(axis: axis.displayTitle, value: value, source: source)
    }
  }

  private static func checkDomain(of axis: Axis) throws(ChartSpecError) {
    if let domain = axis.domain {
      let valid =
        domain.lowerBound.isFinite && domain.upperBound.isFinite
        && domain.lowerBound < domain.upperBound && (axis.scale == .linear || domain.lowerBound > 0)
      guard valid else {
        throw .invalidDomain(axis: axis.displayTitle, lower: domain.lowerBound, upper: domain.upperBound)
      }
    }
    for tick in axis.ticks ?? [] {
      try check(tick.value, on: axis, source: "Tick '\(tick.label)' of axis '\(axis.displayTitle)'")
    }
  }
}

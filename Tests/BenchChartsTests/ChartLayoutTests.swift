import BenchCharts
import Testing

/// Layout rules, tested with the font-free measurer so they hold without Pango.
@Suite struct ChartLayoutTests {
  let measurer = ApproximateTextMeasurer()

  static let specs: [ChartSpec] = [
    TestSupport.throughputChart(chinese: true), TestSupport.throughputChart(chinese: false),
    TestSupport.requestRateChart(),
  ]

  @Test(arguments: specs)
  func noTwoTextsOverlap(spec: ChartSpec) throws {
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    let texts = layout.allTexts
    for i in texts.indices {
      for j in texts.indices where j > i {
        #expect(
          !texts[i].frame.intersects(texts[j].frame), "'\(texts[i].text)' overlaps '\(texts[j].text)'")
      }
    }
  }

  @Test(arguments: specs)
  func everythingStaysOnTheCanvas(spec: ChartSpec) throws {
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    let canvas = ChartRect(x: 0, y: 0, width: spec.size.width, height: spec.size.height)
    for text in layout.allTexts {
      #expect(canvas.contains(text.frame), "'\(text.text)' at \(text.frame) leaves the canvas")
    }
    #expect(canvas.contains(layout.plotArea))
    if let legend = layout.legend { #expect(canvas.contains(legend.frame)) }
  }

  @Test(arguments: specs)
  func annotationLabelsStayInsideThePlot(spec: ChartSpec) throws {
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    for label in layout.annotations.compactMap(\.label) {
      #expect(layout.plotArea.contains(label.frame), "'\(label.text)' leaves the plot")
    }
  }

  @Test(arguments: specs)
  func insideLegendCoversNoData(spec: ChartSpec) throws {
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    let legend = try #require(layout.legend)
    guard case .inside = legend.position else { return }
    for geometry in layout.series {
      for marker in geometry.markers { #expect(!legend.frame.contains(marker)) }
      for segment in geometry.segments {
        #expect(!legend.frame.intersectsSegment(from: segment.from, to: segment.to))
      }
    }
  }

  @Test func demoLegendGoesInTheFreeTopLeftCorner() throws {
    let layout = try ChartLayout(spec: TestSupport.throughputChart(chinese: false), measurer: measurer)
    #expect(layout.legend?.position == .inside(.topLeft))
  }

  @Test func legendMovesBelowWhenEveryCornerIsCovered() throws {
    // A grid of markers fills the whole plot, so no corner is free.
    var points: [DataPoint] = []
    for x in stride(from: 0.0, through: 100, by: 4) {
      for y in stride(from: 0.0, through: 100, by: 4) { points.append(DataPoint(x: x, y: y)) }
    }
    let spec = ChartSpec(
      title: "Dense", xAxis: Axis(title: "x", domain: 0...100), yAxis: Axis(title: "y", domain: 0...100),
      series: [
        Series(name: "grid", points: points, kind: .markers, style: SeriesStyle(colorIndex: 0)),
        Series(name: "second", points: [DataPoint(x: 50, y: 50)], kind: .markers, style: SeriesStyle(colorIndex: 1)),
      ])
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    let legend = try #require(layout.legend)
    #expect(legend.position == .below)
    #expect(legend.frame.minY > layout.x.title.frame.maxY)
    #expect(legend.frame.minY > layout.plotArea.maxY)
  }

  @Test func singleSeriesHasNoAutomaticLegend() throws {
    var spec = TestSupport.throughputChart(chinese: false)
    spec.series.removeLast()
    spec.secondaryYAxis = nil
    spec.annotations.removeLast()
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    #expect(layout.legend == nil)
  }

  @Test func explicitLegendPlacementsAreHonoured() throws {
    var spec = TestSupport.throughputChart(chinese: false)
    spec.legend = .right
    let right = try ChartLayout(spec: spec, measurer: measurer)
    #expect(right.legend?.position == .right)
    #expect((right.legend?.frame.minX ?? 0) > right.plotArea.maxX)
    spec.legend = .hidden
    #expect(try ChartLayout(spec: spec, measurer: measurer).legend == nil)
    spec.legend = .inside(.bottomRight)
    #expect(try ChartLayout(spec: spec, measurer: measurer).legend?.position == .inside(.bottomRight))
  }

  @Test func infinityGetsItsOwnTickRightOfTheLastFiniteOne() throws {
    let layout = try ChartLayout(spec: TestSupport.requestRateChart(), measurer: measurer)
    let last = try #require(layout.x.ticks.last)
    let previous = layout.x.ticks[layout.x.ticks.count - 2]
    #expect(last.value == .infinity)
    #expect(last.label?.text == "∞")
    #expect(last.pixel == layout.x.scale.infinityPixel)
    #expect(last.pixel > previous.pixel)
    #expect(try #require(layout.x.scale.breakPixel) > previous.pixel)
    // The point measured at x = ∞ is drawn in the slot.
    let goodput = layout.series[0]
    #expect(goodput.markers.last?.x == last.pixel)
  }

  @Test func crowdedTickLabelsAreThinnedButInfinityIsKept() throws {
    let levels = (0...14).map { Double(1 << $0) }
    let spec = ChartSpec(
      title: "", size: ChartSize(width: 320, height: 200),
      xAxis: Axis(title: "Concurrency", scale: .log2, ticks: Tick.at(levels), infinitySlot: .init()),
      yAxis: Axis(title: "y"),
      series: [
        Series(
          name: "s", points: levels.map { DataPoint(x: $0, y: 1) } + [DataPoint(x: .infinity, y: 2)],
          style: SeriesStyle(colorIndex: 0))
      ])
    let layout = try ChartLayout(spec: spec, measurer: measurer)
    let labels = layout.x.ticks.compactMap(\.label)
    #expect(labels.count < levels.count + 1)
    #expect(labels.last?.text == "∞")
    for (a, b) in zip(labels, labels.dropFirst()) { #expect(a.frame.maxX < b.frame.minX) }
    // Tick marks stay even where labels were dropped.
    #expect(layout.x.ticks.count == levels.count + 1)
  }

  @Test func marginsGrowWithTickLabelWidth() throws {
    func plotLeft(_ maxY: Double) throws -> Double {
      let spec = ChartSpec(
        title: "t", xAxis: Axis(title: "x"), yAxis: Axis(title: "y"),
        series: [
          Series(
            name: "s", points: [DataPoint(x: 0, y: 0), DataPoint(x: 1, y: maxY)], style: SeriesStyle(colorIndex: 0))
        ])
      return try ChartLayout(spec: spec, measurer: measurer).plotArea.minX
    }
    #expect(try plotLeft(9_000_000) > plotLeft(9))
  }

  @Test func markerAndBandLabelsAvoidTheKneeLine() throws {
    let layout = try ChartLayout(spec: TestSupport.throughputChart(chinese: false), measurer: measurer)
    guard case .verticalLine(let kneeX) = layout.annotations[1].shape else {
      Issue.record("knee marker has no line")
      return
    }
    for label in layout.annotations.compactMap(\.label) {
      #expect(!(label.frame.minX < kneeX && label.frame.maxX > kneeX), "'\(label.text)' crosses the knee line")
    }
  }

  @Test func invalidSpecsAreRejected() {
    let spec = ChartSpec(
      title: "t", xAxis: Axis(title: "Concurrency", scale: .log2), yAxis: Axis(title: "y"),
      series: [Series(name: "bad", points: [DataPoint(x: 0, y: 1)], style: SeriesStyle(colorIndex: 0))])
    #expect(throws: ChartSpecError.self) { try ChartLayout(spec: spec, measurer: measurer) }
  }
}

import BenchCharts
import Testing

@Suite struct SeriesGeometryTests {
  // 1 data unit = 10 px on both axes; y grows downwards from 100.
  let x = Scale(kind: .linear, domain: 0...10, pixelStart: 0, pixelEnd: 100)
  let y = Scale(kind: .linear, domain: 0...10, pixelStart: 100, pixelEnd: 0)

  func series(_ points: [DataPoint], _ kind: SeriesKind = .lineWithMarkers) -> Series {
    Series(name: "s", points: points, kind: kind, style: SeriesStyle(colorIndex: 0))
  }

  @Test func gapsSplitTheLine() {
    let geometry = SeriesGeometry(
      series: series([DataPoint(x: 1, y: 1), DataPoint(x: 2, y: 2), DataPoint(x: 3, y: nil), DataPoint(x: 4, y: 4)]),
      xScale: x, yScale: y)
    #expect(geometry.runs.count == 2)
    #expect(geometry.runs[0] == [ChartPoint(x: 10, y: 90), ChartPoint(x: 20, y: 80)])
    #expect(geometry.markers.count == 3)
  }

  @Test func infinityPointIsLinkedNotJoined() {
    let slotted = Scale(kind: .linear, domain: 0...10, pixelStart: 0, pixelEnd: 100, infinitySlotFraction: 0.1)
    let geometry = SeriesGeometry(
      series: series([DataPoint(x: 5, y: 5), DataPoint(x: 10, y: 6), DataPoint(x: .infinity, y: 7)]), xScale: slotted,
      yScale: y)
    #expect(geometry.runs.count == 1)
    #expect(geometry.runs[0].count == 2)
    #expect(geometry.infinityLinks.count == 1)
    #expect(geometry.infinityLinks[0].to.x == slotted.infinityPixel)
    #expect(geometry.markers.count == 3)
  }

  @Test func stepHoldsEachValueUntilTheNextX() {
    let geometry = SeriesGeometry(
      series: series([DataPoint(x: 1, y: 1), DataPoint(x: 2, y: 3)], .step), xScale: x, yScale: y)
    #expect(geometry.runs == [[ChartPoint(x: 10, y: 90), ChartPoint(x: 20, y: 90), ChartPoint(x: 20, y: 70)]])
    #expect(geometry.markers.isEmpty)
  }

  @Test func histogramBarsSpanTheirBins() {
    let geometry = SeriesGeometry(
      series: series([DataPoint(x: 0, y: 2), DataPoint(x: 2, y: 5), DataPoint(x: 4, y: 1)], .histogram(binWidth: nil)),
      xScale: x, yScale: y)
    #expect(geometry.bars.count == 3)
    #expect(geometry.bars[1] == ChartRect(x: 20, y: 50, width: 20, height: 50))
    // The last bin reuses the previous width.
    #expect(geometry.bars[2].width == 20)
  }

  @Test func markersOnlyDrawsNoLines() {
    let geometry = SeriesGeometry(
      series: series([DataPoint(x: 1, y: 1), DataPoint(x: 2, y: 2)], .markers), xScale: x, yScale: y)
    #expect(geometry.runs.isEmpty)
    #expect(geometry.segments.isEmpty)
    #expect(geometry.markers.count == 2)
  }
}

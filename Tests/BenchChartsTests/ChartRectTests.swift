import BenchCharts
import Testing

@Suite struct ChartRectTests {
  let rect = ChartRect(x: 10, y: 10, width: 20, height: 10)

  @Test func segmentThroughTheMiddleIntersects() {
    #expect(rect.intersectsSegment(from: ChartPoint(x: 0, y: 15), to: ChartPoint(x: 40, y: 15)))
    #expect(rect.intersectsSegment(from: ChartPoint(x: 0, y: 0), to: ChartPoint(x: 40, y: 30)))
  }

  @Test func segmentPassingByDoesNot() {
    #expect(!rect.intersectsSegment(from: ChartPoint(x: 0, y: 0), to: ChartPoint(x: 40, y: 5)))
    #expect(!rect.intersectsSegment(from: ChartPoint(x: 0, y: 30), to: ChartPoint(x: 9, y: 0)))
  }

  @Test func segmentInsideIntersects() {
    #expect(rect.intersectsSegment(from: ChartPoint(x: 12, y: 12), to: ChartPoint(x: 14, y: 14)))
  }

  @Test func touchingEdgesDoNotOverlap() {
    #expect(!rect.intersects(ChartRect(x: 30, y: 10, width: 5, height: 5)))
    #expect(rect.intersects(ChartRect(x: 29, y: 10, width: 5, height: 5)))
    #expect(rect.overlapArea(with: ChartRect(x: 25, y: 15, width: 10, height: 10)) == 25)
  }
}

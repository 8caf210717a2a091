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

  /// The quick rejection (both ends beyond one edge) must agree with the clipping it skips:
  /// segments that only touch an edge still count, as the clipping decides.
  @Test func quickRejectionAgreesWithClipping() {
    #expect(rect.intersectsSegment(from: ChartPoint(x: 0, y: 20), to: ChartPoint(x: 10, y: 20)))  // ends on the left edge
    #expect(rect.intersectsSegment(from: ChartPoint(x: 30, y: 12), to: ChartPoint(x: 50, y: 12)))  // starts on the right edge
    #expect(rect.intersectsSegment(from: ChartPoint(x: 15, y: 0), to: ChartPoint(x: 15, y: 10)))  // ends on the top edge
    #expect(!rect.intersectsSegment(from: ChartPoint(x: 0, y: 20), to: ChartPoint(x: 9.99, y: 20)))
    #expect(!rect.intersectsSegment(from: ChartPoint(x: 31, y: 0), to: ChartPoint(x: 40, y: 50)))
    #expect(!rect.intersectsSegment(from: ChartPoint(x: 0, y: 31), to: ChartPoint(x: 50, y: 40)))
    #expect(!rect.intersectsSegment(from: ChartPoint(x: 0, y: 9), to: ChartPoint(x: 50, y: 0)))
  }
}

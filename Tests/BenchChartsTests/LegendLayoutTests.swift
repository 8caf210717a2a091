import BenchCharts
import Testing

@Suite struct LegendLayoutTests {
  let plot = ChartRect(x: 0, y: 0, width: 400, height: 300)
  let size = ChartSize(width: 100, height: 40)

  func markers(_ points: [(Double, Double)]) -> CollisionMap {
    CollisionMap(softRects: points.map { ChartRect(x: $0.0 - 2, y: $0.1 - 2, width: 4, height: 4) })
  }

  @Test func freeTopLeftWins() {
    let choice = LegendLayout.leastCoveredCorner(of: size, in: plot, collisions: markers([(300, 200)]))
    #expect(choice.corner == .topLeft)
    #expect(choice.cost == 0)
  }

  @Test func dataInTopLeftPushesToTopRight() {
    let choice = LegendLayout.leastCoveredCorner(of: size, in: plot, collisions: markers([(30, 20), (60, 30)]))
    #expect(choice.corner == .topRight)
    #expect(choice.cost == 0)
  }

  @Test func risingCurveLeavesTopLeftAndBottomRightFree() {
    // A line from bottom-left to top-right crosses those two corners only.
    let line = CollisionMap(softSegments: [.init(from: ChartPoint(x: 0, y: 300), to: ChartPoint(x: 400, y: 0))])
    let choice = LegendLayout.leastCoveredCorner(of: size, in: plot, collisions: line)
    #expect(choice.corner == .topLeft)
    #expect(choice.cost == 0)
  }

  @Test func whenAllCornersAreCoveredTheFewestPointsWin() {
    let points = [(30.0, 20.0), (40, 25), (370, 20), (380, 25), (385, 30), (30, 280), (40, 270), (370, 280)]
    let choice = LegendLayout.leastCoveredCorner(of: size, in: plot, collisions: markers(points))
    // top-left 2, top-right 3, bottom-right 1, bottom-left 2.
    #expect(choice.corner == .bottomRight)
    #expect(choice.cost == 1)
  }

  @Test func insideFramesKeepAMarginFromThePlotEdge() {
    for (_, frame) in LegendLayout.insideFrames(of: size, in: plot) {
      #expect(plot.expanded(by: -8).contains(frame))
    }
  }
}

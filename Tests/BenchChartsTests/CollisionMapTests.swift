import BenchCharts
import Testing

@Suite struct CollisionMapTests {
  @Test func textOutweighsAnyAmountOfData() {
    var map = CollisionMap()
    map.softRects = (0..<50).map { ChartRect(x: Double($0), y: 0, width: 1, height: 1) }
    map.hardRects = [ChartRect(x: 100, y: 0, width: 10, height: 10)]
    let overData = map.cost(of: ChartRect(x: 0, y: 0, width: 50, height: 2))
    let overText = map.cost(of: ChartRect(x: 105, y: 0, width: 2, height: 2))
    #expect(overData == 50)
    #expect(overText > overData)
  }

  @Test func bestPrefersEarlierCandidatesOnTies() {
    let map = CollisionMap()
    let bounds = ChartRect(x: 0, y: 0, width: 100, height: 100)
    let a = ChartRect(x: 10, y: 10, width: 5, height: 5)
    let b = ChartRect(x: 50, y: 50, width: 5, height: 5)
    #expect(map.best(of: [a, b], within: bounds)?.rect == a)
  }

  @Test func candidatesOutsideTheBoundsAreIgnored() {
    let map = CollisionMap()
    let bounds = ChartRect(x: 0, y: 0, width: 100, height: 100)
    let outside = ChartRect(x: 98, y: 10, width: 5, height: 5)
    #expect(map.best(of: [outside], within: bounds) == nil)
  }
}

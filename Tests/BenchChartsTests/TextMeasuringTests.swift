import BenchCharts
import Testing

@Suite struct TextMeasuringTests {
  @Test func wideCharactersTakeAFullEm() {
    let measurer = ApproximateTextMeasurer()
    let font = ChartFont(size: 10)
    #expect(measurer.size(of: "吞吐量", font: font).width == 30)
    #expect(measurer.size(of: "abc", font: font).width == 18)
    #expect(measurer.size(of: "x", font: font).height == 12)
  }
}

import BenchCharts
import Testing

@Suite struct ChartPaletteTests {
  @Test func usesTheOkabeItoColours() {
    // Okabe & Ito (2008), https://jfly.uni-koeln.de/color/
    let expected: Set<String> = [
      "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
    ]
    #expect(Set(ChartPalette.okabeIto.map(\.hexString)) == expected)
  }

  @Test func colourDependsOnlyOnTheIndex() {
    #expect(ChartPalette.color(forIndex: 0).hexString == "#0072B2")
    #expect(ChartPalette.color(forIndex: 1).hexString == "#E69F00")
    #expect(ChartPalette.color(forIndex: 8) == ChartPalette.color(forIndex: 0))
    #expect(ChartPalette.color(forIndex: -1) == ChartPalette.color(forIndex: 7))
  }

  @Test func yellowComesLast() {
    #expect(ChartPalette.okabeIto.last?.hexString == "#F0E442")
  }
}

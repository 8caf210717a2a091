import BenchCharts
import Testing

@Suite struct ChartSpecValidationTests {
  func spec(x: Axis = Axis(title: "x"), series: [Series], annotations: [Annotation] = [], secondary: Axis? = nil)
    -> ChartSpec
  {
    ChartSpec(
      title: "t", xAxis: x, yAxis: Axis(title: "y"), secondaryYAxis: secondary, series: series, annotations: annotations
    )
  }

  func series(_ name: String, _ points: [DataPoint], side: YAxisSide = .primary) -> Series {
    Series(name: name, points: points, style: SeriesStyle(colorIndex: 0, yAxis: side))
  }

  @Test func validSpecPasses() throws {
    try TestSupport.throughputChart(chinese: true).validate()
    try TestSupport.requestRateChart().validate()
  }

  @Test func zeroOnLog2AxisNamesTheSeriesAndPoint() {
    let bad = spec(x: Axis(title: "Concurrency", scale: .log2), series: [series("vLLM", [DataPoint(x: 0, y: 1)])])
    #expect(
      throws: ChartSpecError.nonPositiveValueOnLogAxis(
        axis: "Concurrency", value: 0, source: "Series 'vLLM' point 0 (x = 0.0)")
    ) {
      try bad.validate()
    }
    do {
      try bad.validate()
    } catch {
      #expect(error.description.contains("vLLM"))
      #expect(error.description.contains(".linear"))
    }
  }

  @Test func infinityNeedsASlot() {
    let bad = spec(series: [series("s", [DataPoint(x: .infinity, y: 1)])])
    #expect {
      try bad.validate()
    } throws: { error in
      guard case ChartSpecError.infinityWithoutSlot = error else { return false }
      return "\(error)".contains("infinitySlot")
    }
  }

  @Test func nanYIsAGapButInfiniteYIsAnError() throws {
    try spec(series: [series("s", [DataPoint(x: 1, y: .nan), DataPoint(x: 2, y: nil)])]).validate()
    #expect(throws: ChartSpecError.self) { try spec(series: [series("s", [DataPoint(x: 1, y: .infinity)])]).validate() }
  }

  @Test func secondaryAxisMustExist() {
    let bad = spec(series: [series("ttft", [DataPoint(x: 1, y: 1)], side: .secondary)])
    #expect(throws: ChartSpecError.secondaryAxisMissing(source: "Series 'ttft'")) { try bad.validate() }
  }

  @Test func bandMustRunForwards() {
    let bad = spec(series: [], annotations: [.xBand(from: 25, to: 22, label: "recommended")])
    #expect(throws: ChartSpecError.invalidBand(from: 25, to: 22, label: "recommended")) { try bad.validate() }
  }

  @Test func tinyCanvasIsRejected() {
    var bad = spec(series: [])
    bad.size = ChartSize(width: 100, height: 50)
    #expect(throws: ChartSpecError.self) { try bad.validate() }
  }

  @Test func explicitDomainMustBeUsable() {
    let bad = spec(x: Axis(title: "x", scale: .log2, domain: 0...10), series: [])
    #expect(throws: ChartSpecError.invalidDomain(axis: "x", lower: 0, upper: 10)) { try bad.validate() }
  }

  @Test func histogramBinWidthMustBePositive() {
    let bad = spec(series: [
      Series(
        name: "h", points: [DataPoint(x: 0, y: 1)], kind: .histogram(binWidth: 0), style: SeriesStyle(colorIndex: 0))
    ])
    #expect(throws: ChartSpecError.invalidBinWidth(series: "h", width: 0)) { try bad.validate() }
  }
}

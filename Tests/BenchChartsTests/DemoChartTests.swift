import BenchCharts
import Foundation
import Testing

/// Renders the example charts to /tmp/charts-demo for a human to look at; the
/// assertions only check that rendering succeeds.
@Suite struct DemoChartTests {
  static let directory = URL(fileURLWithPath: "/tmp/charts-demo")

  @Test func writesDemoCharts() throws {
    try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
    let renderer = try TestSupport.pinnedRenderer()
    let charts: [(String, ChartSpec)] = [
      ("demo", TestSupport.throughputChart(chinese: true)),
      ("demo-en", TestSupport.throughputChart(chinese: false)),
      ("demo-rate", TestSupport.requestRateChart()),
      ("demo-histogram", TestSupport.histogramChart()),
      ("demo-percentiles", TestSupport.percentileChart()),
    ]
    for (name, spec) in charts {
      let png = try renderer.png(spec)
      let svg = try renderer.svg(spec)
      try Data(png).write(to: Self.directory.appendingPathComponent("\(name).png"))
      try Data(svg).write(to: Self.directory.appendingPathComponent("\(name).svg"))
      #expect(TestSupport.pngDimensions(png)?.width == 1600)
      #expect(try renderer.textsWithMissingGlyphs(in: spec).isEmpty)
    }
  }
}

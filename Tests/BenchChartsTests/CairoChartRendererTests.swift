import BenchCharts
import Foundation
import Testing

@Suite struct CairoChartRendererTests {
  let spec = TestSupport.throughputChart(chinese: false)

  @Test func pngHasTwiceTheLogicalSize() throws {
    let png = try TestSupport.pinnedRenderer().png(spec)
    let size = try #require(TestSupport.pngDimensions(png))
    #expect(size.width == 1600)
    #expect(size.height == 900)
  }

  @Test func pngScaleIsConfigurable() throws {
    var renderer = try TestSupport.pinnedRenderer()
    renderer.pngScale = 1
    var small = spec
    small.size = ChartSize(width: 640, height: 360)
    let size = try #require(TestSupport.pngDimensions(try renderer.png(small)))
    #expect(size.width == 640 && size.height == 360)
  }

  @Test func systemFontsRenderToo() throws {
    let renderer = try CairoChartRenderer()
    #expect(TestSupport.pngDimensions(try renderer.png(spec)) != nil)
    #expect(XMLWellFormedness.isWellFormed(try renderer.svg(spec)))
  }

  @Test func svgIsWellFormedAndSizedInPixels() throws {
    let svg = try TestSupport.pinnedRenderer().svg(spec)
    let issues = XMLWellFormedness.issues(in: svg)
    #expect(issues.isEmpty, "\(issues)")
    let text = String(decoding: svg, as: UTF8.self)
    #expect(text.contains("width=\"800px\""))
    #expect(text.contains("viewBox=\"0 0 800 450\""))
    #expect(text.contains("id=\"surface1\""))
  }

  @Test func sameSpecGivesIdenticalSVGBytes() throws {
    let renderer = try TestSupport.pinnedRenderer()
    let first = try renderer.svg(spec)
    let second = try renderer.svg(spec)
    let fromAnotherRenderer = try TestSupport.pinnedRenderer().svg(spec)
    #expect(first == second)
    #expect(first == fromAnotherRenderer)
  }

  @Test func concurrentRendersAgree() async throws {
    let renderer = try TestSupport.pinnedRenderer()
    let spec = self.spec
    let reference = try renderer.svg(spec)
    let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
      for _ in 0..<4 { group.addTask { try renderer.svg(spec) } }
      return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
    }
    #expect(results.allSatisfy { $0 == reference })
  }

  @Test func idPrefixReachesEveryID() throws {
    let svg = String(decoding: try TestSupport.pinnedRenderer().svg(spec, idPrefix: "throughput-"), as: UTF8.self)
    let ids = svg.split(separator: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(!ids.isEmpty)
    #expect(ids.allSatisfy { $0.hasPrefix("throughput-") })
    #expect(!svg.contains("href=\"#glyph"))
  }

  @Test func chineseTextHasEveryGlyph() throws {
    let renderer = try TestSupport.pinnedRenderer()
    #expect(try renderer.missingGlyphCount(in: "吞吐量 vs 并发数") == 0)
    #expect(try renderer.textsWithMissingGlyphs(in: TestSupport.throughputChart(chinese: true)).isEmpty)
  }

  @Test func withoutACJKFontChineseFallsBackToBoxesAndIsReported() throws {
    let renderer = try TestSupport.renderer(withoutCJK: ())
    // 6 Han characters, none in DejaVu Sans.
    #expect(try renderer.missingGlyphCount(in: "吞吐量 vs 并发数") == 6)
    let chinese = TestSupport.throughputChart(chinese: true)
    let missing = try renderer.textsWithMissingGlyphs(in: chinese)
    #expect(missing.contains("吞吐量 vs 并发数"))
    #expect(!missing.contains("1,000"))
    // Rendering still succeeds: boxes, not a failure.
    #expect(TestSupport.pngDimensions(try renderer.png(chinese)) != nil)
    #expect(XMLWellFormedness.isWellFormed(try renderer.svg(chinese)))
  }

  @Test func cjkFontChangesWhatIsDrawn() throws {
    let title = ChartSpec(
      title: "吞吐量 vs 并发数", size: ChartSize(width: 320, height: 200), xAxis: Axis(title: "并发数"),
      yAxis: Axis(title: "吞吐量"), series: [])
    let withFont = try TestSupport.pinnedRenderer().svg(title)
    let boxes = try TestSupport.renderer(withoutCJK: ()).svg(title)
    #expect(withFont != boxes)
    let pngWithFont = try TestSupport.pinnedRenderer().png(title)
    let pngBoxes = try TestSupport.renderer(withoutCJK: ()).png(title)
    #expect(pngWithFont != pngBoxes)
  }

  @Test func invalidSpecIsATypedError() throws {
    var bad = spec
    bad.series[0].points.append(DataPoint(x: -1, y: 3))
    #expect {
      try TestSupport.pinnedRenderer().png(bad)
    } throws: { error in
      guard case ChartRenderError.invalidSpec(.nonPositiveValueOnLogAxis) = error else { return false }
      return true
    }
  }

  @Test func missingFontConfigFileIsATypedError() {
    #expect(throws: ChartRenderError.fontConfigUnreadable(path: "/nonexistent/fonts.conf")) {
      try CairoChartRenderer(fonts: .configFile(path: "/nonexistent/fonts.conf"))
    }
  }

  /// Cross-process determinism: the SVG must equal the committed golden file. Golden
  /// files hold for one Cairo version only (cairo 1.18 changed its SVG output).
  /// Regenerate with: BENCHCHARTS_UPDATE_GOLDEN=1 swift test --filter CairoChartRendererTests
  @Test(.enabled(if: CairoChartRenderer.cairoVersion == "1.16.0", "golden SVG is for cairo 1.16.0"))
  func matchesGoldenSVG() throws {
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/golden/throughput-zh.svg")
    let svg = try TestSupport.pinnedRenderer().svg(TestSupport.throughputChart(chinese: true))
    if ProcessInfo.processInfo.environment["BENCHCHARTS_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(svg).write(to: golden)
    }
    let expected = try [UInt8](Data(contentsOf: golden))
    #expect(svg == expected, "SVG differs from \(golden.path); if the change is intended, regenerate it")
  }
}

import BenchCharts
import Testing

@Suite struct ScaleTests {
  @Test func log2SpacesDoublingsEvenly() {
    let scale = Scale(kind: .log2, domain: 1...256, pixelStart: 0, pixelEnd: 800)
    // 256 = 2⁸, so each doubling is 100 px.
    #expect(scale.pixel(for: 1) == 0)
    #expect(scale.pixel(for: 2) == 100)
    #expect(scale.pixel(for: 16) == 400)
    #expect(scale.pixel(for: 256) == 800)
    #expect(abs(scale.pixel(for: 22)! - 100 * Scale.log2(22)) < 1e-9)
  }

  @Test func log2CannotShowNonPositiveValues() {
    let scale = Scale(kind: .log2, domain: 1...256, pixelStart: 0, pixelEnd: 800)
    #expect(scale.pixel(for: 0) == nil)
    #expect(scale.pixel(for: -4) == nil)
    #expect(scale.pixel(for: .nan) == nil)
  }

  @Test func linearYAxisRunsUpwards() {
    let scale = Scale(kind: .linear, domain: 0...1000, pixelStart: 400, pixelEnd: 100)
    #expect(scale.pixel(for: 0) == 400)
    #expect(scale.pixel(for: 500) == 250)
    #expect(scale.pixel(for: 1000) == 100)
  }

  @Test func infinitySlotSitsRightOfTheFiniteRange() throws {
    let scale = Scale(kind: .log2, domain: 1...16, pixelStart: 0, pixelEnd: 1000, infinitySlotFraction: 0.1)
    #expect(scale.finitePixelEnd == 900)
    #expect(scale.pixel(for: 16) == 900)
    let infinity = try #require(scale.pixel(for: .infinity))
    let breakPixel = try #require(scale.breakPixel)
    #expect(infinity == 960)
    #expect(breakPixel > 900 && breakPixel < infinity)
    #expect(infinity < 1000)
  }

  @Test func withoutSlotInfinityHasNoPosition() {
    let scale = Scale(kind: .linear, domain: 0...10, pixelStart: 0, pixelEnd: 100)
    #expect(scale.pixel(for: .infinity) == nil)
    #expect(scale.infinityPixel == nil)
    #expect(scale.breakPixel == nil)
  }
}

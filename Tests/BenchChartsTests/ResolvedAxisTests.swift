import BenchCharts
import Testing

@Suite struct ResolvedAxisTests {
  @Test func automaticLinearTicksAreNiceAndLabelled() {
    let axis = ResolvedAxis.resolve(
      Axis(title: "Throughput"), values: [92, 1234], targetTickCount: 6, maximumTickCount: 8)
    #expect(axis.ticks.map(\.value) == [0, 200, 400, 600, 800, 1000, 1200, 1400])
    #expect(axis.ticks.map(\.label) == ["0", "200", "400", "600", "800", "1,000", "1,200", "1,400"])
    // The axis ends on its last labelled tick.
    #expect(axis.domain == 0...1400)
  }

  @Test func ticksAtTestedConcurrencyLevels() {
    let levels: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    let axis = ResolvedAxis.resolve(
      Axis(title: "Concurrency", scale: .log2, ticks: Tick.at(levels)), values: levels, targetTickCount: 6,
      maximumTickCount: 16)
    #expect(axis.ticks.map(\.value) == levels)
    #expect(axis.ticks.map(\.label) == ["1", "2", "4", "8", "16", "32", "64", "128", "256"])
    // A margin so the end markers are not on the plot edge.
    #expect(axis.domain.lowerBound < 1 && axis.domain.upperBound > 256)
  }

  @Test func automaticLog2TicksArePowersOfTwo() {
    let axis = ResolvedAxis.resolve(
      Axis(title: "Concurrency", scale: .log2), values: [3, 1000], targetTickCount: 6, maximumTickCount: 16)
    #expect(axis.ticks.map(\.value) == [4, 8, 16, 32, 64, 128, 256, 512, 1024])
    #expect(axis.ticks.last?.label == "1,024")
  }

  @Test func crowdedLog2TicksAreThinnedToEveryNthPower() {
    let axis = ResolvedAxis.resolve(
      Axis(title: "Tokens", scale: .log2, domain: 1...1_048_576), values: [], targetTickCount: 6,
      maximumTickCount: 6)
    // 21 powers of two do not fit in 6; every 4th (2⁰, 2⁴, … 2²⁰) does.
    #expect(axis.ticks.map(\.value) == [1, 16, 256, 4096, 65536, 1_048_576])
  }

  @Test func infinitySlotLabelIsCarried() {
    let axis = ResolvedAxis.resolve(
      Axis(title: "Rate", scale: .log2, infinitySlot: .init()), values: [1, 16], targetTickCount: 6,
      maximumTickCount: 10)
    #expect(axis.infinityLabel == "∞")
    #expect(axis.ticks.allSatisfy { $0.value.isFinite })
  }

  @Test func withoutZeroTheDomainHugsTheData() {
    let axis = ResolvedAxis.resolve(
      Axis(title: "Latency", includesZero: false), values: [950, 1010], targetTickCount: 6, maximumTickCount: 8)
    #expect(axis.domain.lowerBound > 900)
    #expect(axis.domain.lowerBound <= 950 && axis.domain.upperBound >= 1010)
  }

  @Test func explicitDomainWins() {
    let axis = ResolvedAxis.resolve(
      Axis(title: "Share", unit: "%", domain: 0...100), values: [3, 250], targetTickCount: 6, maximumTickCount: 8)
    #expect(axis.domain == 0...100)
    #expect(axis.ticks.map(\.value) == [0, 20, 40, 60, 80, 100])
  }

  @Test func secondaryAxisTicksLandOnPrimaryGridlines() throws {
    let primary = ResolvedAxis.resolve(
      Axis(title: "Throughput"), values: [92, 2405], targetTickCount: 6, maximumTickCount: 8)
    #expect(primary.ticks.map(\.value) == [0, 500, 1000, 1500, 2000, 2500, 3000])
    let secondary = try #require(
      ResolvedAxis.aligned(Axis(title: "p99 TTFT", unit: "ms"), values: [48, 8700], to: primary))
    // Six intervals to cover 8,700 ms plus margin: 2,000 is the smallest 1-2-2.5-5 step.
    #expect(secondary.ticks.map(\.value) == [0, 2000, 4000, 6000, 8000, 10000, 12000])
    #expect(secondary.ticks.count == primary.ticks.count)
  }

  @Test func alignmentIsSkippedForLogAxes() {
    let primary = ResolvedAxis.resolve(Axis(title: "T"), values: [0, 10], targetTickCount: 6, maximumTickCount: 8)
    #expect(ResolvedAxis.aligned(Axis(title: "L", scale: .log2), values: [1, 100], to: primary) == nil)
  }
}
